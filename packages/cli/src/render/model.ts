import {
  convertScript,
  detectScript,
  type Fact,
  type FactIndex,
  type FactNote,
  parseCitations,
  resolveSuccessor,
  type Source,
  type Statement,
} from '@factcite/core';

/** The language notes and headings are written in. */
export type RenderLanguage = 'en' | 'zh-Hans' | 'zh-Hant';

/** One cited fact inside a note, with the prefix and suffix the writer put around it. */
export interface NotePart {
  fact: Fact;
  sources: Source[];
  prefix: string;
  suffix: string;
  suppressAuthor: boolean;
}

/** A numbered note: one citation group, or one in-text citation. */
export interface Note {
  n: number;
  parts: NotePart[];
  /** Range of the citation in the report. */
  start: number;
  end: number;
  /** An in-text citation keeps a name in the sentence ("Ta Kung Pao (2025-03)¹ says …"). */
  inText: boolean;
}

/** A bibliography entry: a source and the cited facts it supports, with the notes citing each. */
interface SourceEntry {
  source: Source;
  facts: { fact: Fact; quote: string; notes: number[] }[];
}

export interface RenderModel {
  text: string;
  language: RenderLanguage;
  notes: Note[];
  bibliography: SourceEntry[];
  /** Cited facts that are deprecated, with their successors. */
  deprecated: { id: string; successor?: string }[];
}

/** The report's language: Chinese when most of its letters are Han characters, in the script it uses. */
export function detectLanguage(text: string): RenderLanguage {
  const prose = text.replace(/\[[^\]]*@fact:[^\]]*\]|@fact:[a-z0-9-]+|`[^`]*`/g, '');
  const han = prose.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = prose.match(/[A-Za-z]+/g)?.length ?? 0;
  if (han <= latin) return 'en';
  return detectScript(prose) === 'Hant' ? 'zh-Hant' : 'zh-Hans';
}

/** A fact's statement in a language, converting between Chinese scripts when only the other one is written. */
function statementIn(fact: Fact, language: RenderLanguage): string {
  return textIn(fact.statement, language);
}

/** A statement or note in a language, converting between Chinese scripts when only the other one is written. */
function textIn(text: Statement | FactNote, language: RenderLanguage): string {
  if (language === 'en') return text.en;
  const own = text[language];
  if (own) return own;
  const other = text[language === 'zh-Hans' ? 'zh-Hant' : 'zh-Hans'];
  return other ? convertScript(other, language === 'zh-Hans' ? 'zh-Hans' : 'zh-Hant-HK') : text.en;
}

/**
 * Numbers the citations of a report as notes, in reading order (a group is
 * one note, as in Pandoc's note styles), and gathers the bibliography by
 * source in order of first citation. Every cited id must exist in the index.
 */
export function buildRenderModel(text: string, index: FactIndex, language: RenderLanguage = detectLanguage(text)): RenderModel {
  const { citations } = parseCitations(text);
  const notes: Note[] = [];
  const byGroup = new Map<number, Note>();
  const deprecated = new Map<string, string | undefined>();
  for (const c of citations) {
    const fact = index.get(c.id);
    if (!fact) throw new RangeError(`unknown fact "${c.id}"`);
    if (fact.status === 'deprecated') deprecated.set(fact.id, resolveSuccessor(index, fact.id));
    const sources = [...new Set(fact.citations.map((x) => x.source))].map((id) => index.source(id)).filter((s): s is Source => s !== undefined);
    const part: NotePart = { fact, sources, prefix: c.prefix, suffix: c.suffix, suppressAuthor: c.suppressAuthor };
    const existing = c.group ? byGroup.get(c.group.start) : undefined;
    if (existing) {
      existing.parts.push(part);
      continue;
    }
    const note: Note = {
      n: notes.length + 1,
      parts: [part],
      start: c.group?.start ?? c.start,
      end: c.group?.end ?? c.end,
      inText: !c.group,
    };
    notes.push(note);
    if (c.group) byGroup.set(c.group.start, note);
  }

  const entries = new Map<string, SourceEntry>();
  for (const note of notes) {
    for (const { fact } of note.parts) {
      for (const citation of fact.citations) {
        const source = index.source(citation.source);
        if (!source) continue;
        let entry = entries.get(source.id);
        if (!entry) {
          entry = { source, facts: [] };
          entries.set(source.id, entry);
        }
        const cited = entry.facts.find((f) => f.fact.id === fact.id && f.quote === citation.quote);
        if (cited) {
          if (!cited.notes.includes(note.n)) cited.notes.push(note.n);
        } else entry.facts.push({ fact, quote: citation.quote, notes: [note.n] });
      }
    }
  }
  return {
    text,
    language,
    notes,
    bibliography: [...entries.values()],
    deprecated: [...deprecated].map(([id, successor]) => ({ id, ...(successor ? { successor } : {}) })),
  };
}

const LABELS = {
  en: {
    notes: 'Notes',
    sources: 'Sources',
    references: 'References',
    notesRef: 'notes',
    caveat: 'Note: ',
    open: ' (',
    close: ')',
    sep: '; ',
    comma: ', ',
    end: '.',
    join: ' ',
  },
  'zh-Hans': {
    notes: '注释',
    sources: '资料来源',
    references: '参考文献',
    notesRef: '注',
    caveat: '说明：',
    open: '（',
    close: '）',
    sep: '；',
    comma: '，',
    end: '。',
    join: '',
  },
  'zh-Hant': {
    notes: '註釋',
    sources: '資料來源',
    references: '參考文獻',
    notesRef: '註',
    caveat: '說明：',
    open: '（',
    close: '）',
    sep: '；',
    comma: '，',
    end: '。',
    join: '',
  },
} as const;

export function labels(language: RenderLanguage) {
  return LABELS[language];
}

/** "大公報, 2025-03", or the date alone when the writer suppressed the author. */
function sourceShort(source: Source, suppressAuthor: boolean, comma = ', '): string {
  return suppressAuthor ? source.published : `${source.publisher}${comma}${source.published}`;
}

const STOP = /[。．.！!？?\s]+$/u;

/**
 * The plain text of one note part, as Pandoc orders a note: prefix,
 * statement, its sources in parentheses, suffix, then the closing stop;
 * the fact's caveats follow, so a reader of the published report sees them too.
 */
export function notePartText(part: NotePart, language: RenderLanguage): string {
  const l = labels(language);
  const cite = part.sources.map((s) => sourceShort(s, part.suppressAuthor, l.comma)).join(l.sep);
  const statement = statementIn(part.fact, language).replace(STOP, '');
  const prefix = part.prefix ? `${part.prefix} ` : '';
  const suffix = part.suffix ? (/^[,.;:，。；：]/u.test(part.suffix) ? part.suffix : ` ${part.suffix}`) : '';
  const caveats = (part.fact.notes ?? []).map((note) => `${l.join}${l.caveat}${textIn(note, language).replace(STOP, '')}${l.end}`).join('');
  return `${prefix}${statement}${cite ? `${l.open}${cite}${l.close}` : ''}${suffix.replace(/[。.]$/u, '')}${l.end}${caveats}`;
}

/** The name an in-text citation leaves in the sentence: its first source's publisher and date. */
export function inTextName(note: Note): string {
  const source = note.parts[0]?.sources[0];
  return source ? `${source.publisher} (${source.published})` : note.parts[0]!.fact.id;
}
