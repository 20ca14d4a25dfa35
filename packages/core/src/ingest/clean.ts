/**
 * Turns a raw web or print capture of a news article into a clean body of
 * paragraphs, by rules: a publisher's (corpus/ingest/<publisher>.yaml) and
 * the generic ones. What is code here is what every page needs alike
 * (whitespace, pinyin readings, paragraphs a print layout broke); what is
 * particular to a site is data. The output is reproducible byte for byte.
 */
import { expectText } from '../errors.js';
import { type CompiledDrop, type CompiledField, type CompiledRules, compileRules, type LinePattern } from './compile-rules.js';
import { detectScript } from '../text/detect-script.js';
import { GENERIC_RULES } from './generic-rules.js';

/** Metadata the cleaner could read off the capture itself; a maintainer completes it. */
export interface IngestedMeta {
  title?: string;
  published?: string;
  authors?: string[];
  url?: string;
  publisher?: string;
  script: 'Hans' | 'Hant';
}

/** A line the cleaner removed, and the rule that removed it (takungpao:caption, generic:credit, title). */
export interface RemovedLine {
  /** 1-based line of the raw capture. */
  line: number;
  rule: string;
  text: string;
  /** Removed as part of a block (from one line to another, or to the end of the page). */
  block?: true;
}

/** A front matter field read off the capture, and where. */
export interface ReadField {
  field: keyof Omit<IngestedMeta, 'script'>;
  value: string;
  /** 1-based line of the raw capture; 0 for the capture's own front matter. */
  line: number;
  rule: string;
}

export interface IngestResult {
  /** Cleaned body: paragraphs separated by one blank line, ending in a newline. */
  body: string;
  meta: IngestedMeta;
  /** Spans that look garbled (mojibake); they are kept as they are and should be listed as `defects`. */
  suspectedDefects: string[];
  /** Every line removed, in order, with its rule: what `ingest --explain` shows. */
  removed: RemovedLine[];
  /** Where each front matter field came from. */
  fields: ReadField[];
}

export interface CleanOptions {
  /** A publisher's rules, applied before the generic ones. */
  rules?: CompiledRules;
}

let generic: CompiledRules | undefined;

/** The built-in generic rules, compiled once. */
export function genericRules(): CompiledRules {
  if (!generic) {
    const compiled = compileRules('generic', { publisher: '', markers: [], ...GENERIC_RULES });
    if (!compiled.rules) throw new Error(`generic ingest rules do not compile: ${JSON.stringify(compiled.issues)}`);
    generic = compiled.rules;
  }
  return generic;
}

// An inline pinyin reading such as the (shù) of 數(shù). Readings are lowercase
// with tone marks; uppercase acronyms like (HKGAI) never match. Only a reading
// right after a Han character is removed (checked in removePinyin: a
// lookbehind with \p{} costs V8 more than linear time on long texts).
const PINYIN_READING = /\([a-zàáǎāèéěēìíǐīòóǒōùúǔūüǖǘǚǜńňǹḿ]{1,7}\)/g;
const HAN = /^\p{Script=Han}$/u;

/** Removes the pinyin readings that follow a Han character. */
function removePinyin(text: string): string {
  return text.replace(PINYIN_READING, (reading, offset: number) => {
    const before = text.codePointAt(offset - 1);
    // The character before may be the second half of a surrogate pair (a Han character outside the BMP).
    const previous =
      before !== undefined && before >= 0xdc00 && before <= 0xdfff && offset >= 2
        ? String.fromCodePoint(text.codePointAt(offset - 2)!)
        : String.fromCharCode(before ?? 0);
    return offset > 0 && HAN.test(previous) ? '' : reading;
  });
}

const SENTENCE_PUNCTUATION = /[，。；！？,;!?]/;
const TERMINAL_PUNCTUATION = /[。！？!?」』”"’)）：:；;…]$/;

function readFrontMatter(text: string): { rest: string; fields: Record<string, string>; lines: number } {
  const match = /^---\s*\n([\s\S]*?)\n---\s*\n/.exec(text);
  if (!match) return { rest: text, fields: {}, lines: 0 };
  const fields: Record<string, string> = {};
  for (const line of match[1]!.split('\n')) {
    const kv = /^([A-Za-z_]+):\s*(.*)$/.exec(line.trim());
    if (kv) fields[kv[1]!] = kv[2]!.replace(/^['"]|['"]$/g, '');
  }
  let lines = 0;
  for (let i = 0; i < match[0].length; i++) if (match[0].charCodeAt(i) === 10) lines++;
  return { rest: text.slice(match[0].length), fields, lines };
}

/** Tab, no-break space and ideographic space read as a plain space. */
function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x3000;
}

/** A line with &nbsp; and wide or tab spaces made plain spaces, runs of them made one, and the ends trimmed; one pass. */
function normaliseLine(line: string): string {
  const out: string[] = [];
  let from = 0;
  let pendingSpace = false;
  let i = 0;
  while (i < line.length) {
    const entity = line.charCodeAt(i) === 0x26 && line.startsWith('&nbsp;', i);
    if (!entity && !isBlank(line.charCodeAt(i))) {
      i++;
      continue;
    }
    if (i > from) {
      if (pendingSpace && out.length > 0) out.push(' ');
      out.push(line.slice(from, i));
      pendingSpace = false;
    }
    pendingSpace = true;
    i += entity ? 6 : 1;
    from = i;
  }
  if (from < line.length) {
    if (pendingSpace && out.length > 0) out.push(' ');
    out.push(line.slice(from));
  }
  return out.join('').trim();
}

/** 2025年2月7日, 2025-2-7, 2025/2/7 and 2025.2.7 as 2025-02-07; undefined for anything else. */
export function isoDate(text: string): string | undefined {
  const m = /^(\d{4})[-年/.](\d{1,2})[-月/.](\d{1,2})/.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/** Whether a line rule's length cap lets it look at a line (checked before any pattern runs). */
function short(rule: { maxLength?: number }, line: string): boolean {
  return rule.maxLength === undefined || line.length <= rule.maxLength;
}

interface Active {
  drops: { set: string; rule: CompiledDrop }[];
  fields: { set: string; rule: CompiledField }[];
}

/** The publisher's rules first, then the generic ones it does not turn off. */
function activeRules(publisher: CompiledRules | undefined): Active {
  const base = genericRules();
  const sets = publisher
    ? [
        publisher,
        {
          ...base,
          drop: base.drop.filter((d) => !publisher.skipGeneric.includes(d.rule)),
          fields: base.fields.filter((f) => !publisher.skipGeneric.includes(f.rule)),
        },
      ]
    : [base];
  return {
    drops: sets.flatMap((s) => s.drop.map((rule) => ({ set: s.name, rule }))),
    fields: sets.flatMap((s) => s.fields.map((rule) => ({ set: s.name, rule }))),
  };
}

/**
 * Cleans a raw capture with a publisher's rules (if given) and the generic
 * ones. Pure and deterministic: the same input always gives the same body,
 * which is what lets CI prove committed bodies were not edited by hand. Every
 * rule is tested on each line once, by a linear-time engine, so cleaning is
 * linear in the length of the capture.
 */
export function cleanArticle(raw: string, options: CleanOptions = {}): IngestResult {
  expectText(raw, 'cleanArticle', 'raw');
  let text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const front = readFrontMatter(text);
  text = front.rest;
  text = removePinyin(text);

  const meta: IngestedMeta = { script: detectScript(text) };
  const fields: ReadField[] = [];
  const set = (field: ReadField['field'], value: string, line: number, rule: string) => {
    const v = value.trim();
    if (!v) return;
    if (field === 'authors') {
      const names = v.split(/[\s、,，;；/]+/).filter(Boolean);
      const known = new Set(meta.authors ?? []);
      const fresh = names.filter((n) => !known.has(n));
      if (!fresh.length) return;
      meta.authors = [...(meta.authors ?? []), ...fresh];
      fields.push({ field, value: fresh.join('、'), line, rule });
      return;
    }
    if (meta[field] !== undefined) return;
    const value2 = field === 'published' ? isoDate(v) : v;
    if (!value2) return;
    meta[field] = value2;
    fields.push({ field, value: value2, line, rule });
  };
  if (front.fields.title) set('title', front.fields.title, 0, 'front-matter');
  if (front.fields.date && /^\d{4}-\d{2}-\d{2}$/.test(front.fields.date)) set('published', front.fields.date, 0, 'front-matter');

  const publisher = options.rules;
  // The publisher a rules file names is the maintainer's word; a source line on the page only fills in without one.
  if (publisher?.publisher) set('publisher', publisher.publisher, 0, `${publisher.name}:publisher`);
  const active = activeRules(publisher);
  const lines = text.split('\n').map(normaliseLine);
  const lineNumber = (i: number) => i + 1 + front.lines;
  // Why each line went: undefined while kept.
  const dropped: (string | undefined)[] = new Array(lines.length);
  const removed: RemovedLine[] = [];
  const drop = (i: number, rule: string, inBlock = false) => {
    dropped[i] = rule;
    if (lines[i] !== '') removed.push({ line: lineNumber(i), rule, text: lines[i]!, ...(inBlock ? { block: true as const } : {}) });
  };

  let block: { rule: string; to?: LinePattern } | undefined;
  let pendingNext: { rule: string; next: LinePattern } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (block) {
      drop(i, block.rule, true);
      if (block.to?.test(line)) block = undefined;
      continue;
    }
    if (line === '') continue;
    const opens = active.drops.find(({ rule }) => rule.from?.test(line));
    if (opens) {
      block = { rule: `${opens.set}:${opens.rule.rule}`, ...(opens.rule.to ? { to: opens.rule.to } : {}) };
      drop(i, block.rule, true);
      continue;
    }
    if (pendingNext) {
      const { rule, next } = pendingNext;
      pendingNext = undefined;
      if (next.test(line)) {
        drop(i, rule);
        continue;
      }
    }
    let why: string | undefined;
    for (const { set: name, rule } of active.fields) {
      if (!short(rule, line) || !rule.line.test(line) || rule.unless?.test(line)) continue;
      const groups = rule.line.groups(line);
      if (!groups) continue;
      for (const field of rule.fields) if (groups[field] !== undefined) set(field, groups[field]!, lineNumber(i), `${name}:${rule.rule}`);
      if (!rule.keep) why ??= `${name}:${rule.rule}`;
      break;
    }
    if (!why) {
      const hit = active.drops.find(({ rule }) => rule.line !== undefined && short(rule, line) && rule.line.test(line) && !rule.unless?.test(line));
      if (hit) {
        why = `${hit.set}:${hit.rule.rule}`;
        if (hit.rule.next) pendingNext = { rule: why, next: hit.rule.next };
      }
    }
    if (why) drop(i, why);
  }

  const headline = meta.title === undefined ? findTitle(lines, dropped, publisher) : undefined;
  if (headline) {
    set('title', headline.title, lineNumber(headline.index), publisher?.title ? `${publisher.name}:title` : 'generic:title');
    drop(headline.index, 'title');
  }
  removed.sort((a, b) => a.line - b.line);

  // Paragraphs are runs of kept lines; print layouts break a sentence
  // across columns, so a paragraph that stops mid-sentence joins the next.
  const paragraphs: { text: string; line: number }[] = [];
  let current: string[] = [];
  let currentLine = 0;
  const flush = () => {
    // Lines inside one block stay lines: they are list items or table rows.
    if (current.length) paragraphs.push({ text: current.join('\n'), line: currentLine });
    current = [];
  };
  for (let i = 0; i < lines.length; i++) {
    if (dropped[i] !== undefined && lines[i] !== '') continue;
    if (lines[i] === '') flush();
    else {
      if (!current.length) currentLine = lineNumber(i);
      current.push(lines[i]!);
    }
  }
  flush();

  // What the join rule asks of the paragraph so far is kept up to date as
  // parts join it, so a long run of broken sentences is not rescanned per join.
  interface Joined {
    parts: string[];
    line: number;
    length: number;
    hasPunctuation: boolean;
    hasFullStop: boolean;
    endsTerminal: boolean;
  }
  const runs: Joined[] = [];
  for (const { text: para, line } of paragraphs) {
    const prev = runs[runs.length - 1];
    const hasPunctuation = SENTENCE_PUNCTUATION.test(para);
    const hasFullStop = /[。！？]/.test(para);
    const endsTerminal = TERMINAL_PUNCTUATION.test(para.slice(-1));
    if (
      prev?.hasPunctuation &&
      // Short unpunctuated cells of a table are not broken sentences.
      (prev.hasFullStop || prev.length >= 40) &&
      !prev.endsTerminal &&
      !/^[-*●•#]/.test(para) &&
      /^\p{Script=Han}/u.test(para)
    ) {
      prev.parts.push(para);
      prev.length += para.length;
      prev.hasPunctuation ||= hasPunctuation;
      prev.hasFullStop ||= hasFullStop;
      prev.endsTerminal = endsTerminal;
    } else {
      runs.push({ parts: [para], line, length: para.length, hasPunctuation, hasFullStop, endsTerminal });
    }
  }
  const joined = runs.map((run) => run.parts.join(''));

  if (meta.title && joined[0] === meta.title) {
    joined.shift();
    removed.push({ line: runs[0]!.line, rule: 'title-repeated', text: meta.title });
    removed.sort((a, b) => a.line - b.line);
  }

  return { body: `${joined.join('\n\n')}\n`, meta, suspectedDefects: findSuspectedDefects(joined.join('\n')), removed, fields };
}

/**
 * The headline: where the publisher's rules say, or else the first line the
 * rules keep, when it does not read as a sentence. A
 * breadcrumb (首頁 > 新聞 > 正文) is removed by a rule, so it is never the title.
 */
function findTitle(lines: string[], dropped: (string | undefined)[], publisher: CompiledRules | undefined): { index: number; title: string } | undefined {
  const rule = publisher?.title;
  if (rule?.none) return undefined;
  const kept = (i: number) => lines[i] !== '' && dropped[i] === undefined;
  if (rule?.line) {
    for (let i = 0; i < lines.length; i++) {
      if (!kept(i)) continue;
      const groups = rule.line.groups(lines[i]!);
      if (groups) return { index: i, title: groups.title ?? lines[i]! };
    }
    return undefined;
  }
  if (rule?.after) {
    const at = lines.findIndex((l) => l !== '' && rule.after!.test(l));
    if (at < 0) return undefined;
    for (let i = at + 1; i < lines.length; i++) if (kept(i)) return { index: i, title: lines[i]! };
    return undefined;
  }
  // Past what the rules removed (a masthead, a breadcrumb), the page opens with its headline, unless it opens with a sentence.
  const first = lines.findIndex((_, i) => kept(i));
  if (first >= 0 && !SENTENCE_PUNCTUATION.test(lines[first]!.replace(/[,:：]/g, ''))) return { index: first, title: lines[first]! };
  return undefined;
}

/** Mojibake left by a wrong decode: a '?' wedged between CJK characters, as in 們?nèi)杂. */
function findSuspectedDefects(text: string): string[] {
  const found = new Set<string>();
  const re = /[^\s，。,.:：?]{0,4}\?[^\s，。,.:：?]{2,12}/gu;
  for (const m of text.matchAll(re)) {
    const after = m[0].slice(m[0].indexOf('?') + 1);
    if (/^\p{Script=Han}|^[a-zàáǎāèéěēìíǐīòóǒōùúǔūü]+\)/u.test(after)) found.add(m[0]);
  }
  return [...found];
}
