import { convertScript, type Entity, type Fact, foldText, type NumberMatch, readNumbers } from '@factcite/core';
import { Document, isMap, isSeq, type YAMLMap } from 'yaml';
import { type Claim, claimsOf } from './claims.js';
import { bareYuanReader, type Region } from './currency.js';
import { isDatelineOrByline, selfReference } from './datelines.js';
import { type Span, splitSentences } from './sentences.js';

/** What `factcite mine` needs to know about the source it mines. */
export interface MineInput {
  sourceId: string;
  body: string;
  script: 'Hans' | 'Hant';
  /** The article's year, for dates written without one. */
  year?: number;
  entities: readonly Entity[];
  /** Facts already in the corpus: sentences they quote are skipped unless `all`. */
  facts: readonly Fact[];
  /** The version a new fact first ships in. */
  since: string;
  all?: boolean;
  /** Where the publisher is, for what bare 元 means (HK: Hong Kong dollars), and how that is known. */
  region?: { region: Region; reason: string };
}

/** A candidate fact: one claim of a sentence (an amount, or a date when the sentence has no amount), prefilled for a maintainer to review. */
export interface Candidate {
  sentence: Span;
  /** Every number of the sentence, outside its dateline and byline. */
  numbers: NumberMatch[];
  /** What this stub is about, with its currency settled. */
  primary: NumberMatch;
  /** Amounts of the sentence restating the primary one in another unit (620亿港元（80亿美元）). */
  restated: NumberMatch[];
  /** Why bare 元 was read as it was, when it was. */
  currencyNote?: string;
  entities: string[];
  citedBy: string[];
}

function describe(n: NumberMatch): string {
  if (n.kind === 'date') return `${n.text} → ${n.date ?? '(date without a year)'}`;
  const range = n.upTo !== undefined ? `${n.amount}–${n.upTo}` : `${n.amount}`;
  return `${n.text} → ${range}${n.unit ? ` ${n.unit}` : ''}${n.qualifier !== 'exact' ? ` (${n.qualifier})` : ''}`;
}

/**
 * Entities a sentence names, by any of their names or aliases, in either
 * script, in order of appearance. A name inside a longer one that overlaps
 * it (香港 in 香港投资管理有限公司) does not count on its own.
 */
function namedEntities(sentence: string, entities: readonly Entity[]): string[] {
  const folded = foldText(sentence);
  const hits: { id: string; start: number; end: number }[] = [];
  for (const e of entities) {
    for (const name of new Set([e.names['zh-Hans'], e.names['zh-Hant'], e.names.en, ...e.aliases].map(foldText))) {
      if (name.length < 2) continue;
      for (let at = folded.indexOf(name); at >= 0; at = folded.indexOf(name, at + 1)) hits.push({ id: e.id, start: at, end: at + name.length });
    }
  }
  const shadowed = (h: (typeof hits)[number]) => hits.some((o) => o.id !== h.id && o.end - o.start > h.end - h.start && o.start < h.end && h.start < o.end);
  const first = new Map<string, number>();
  for (const h of hits) if (!shadowed(h) && !(first.get(h.id)! <= h.start)) first.set(h.id, h.start);
  return [...first].sort((a, b) => a[1] - b[1]).map(([id]) => id);
}

/**
 * Every claim of a source: each amount of each sentence its own candidate
 * (a restatement in another currency stays with its amount), a sentence with
 * only a date one candidate, datelines and bylines none.
 */
export function mineCandidates(input: MineInput): Candidate[] {
  const cited = input.facts.flatMap((f) =>
    f.citations
      .filter((c) => c.source === input.sourceId)
      .map((c) => ({ id: f.id, start: input.body.indexOf(c.quote), end: input.body.indexOf(c.quote) + c.quote.length }))
      .filter((r) => r.start >= 0),
  );
  const yuan = bareYuanReader(input.body, input.region);
  const out: Candidate[] = [];
  for (const sentence of splitSentences(input.body)) {
    if (isDatelineOrByline(sentence)) continue;
    const skip = selfReference(sentence.text);
    const numbers = readNumbers(sentence.text, input.year !== undefined ? { year: input.year } : {}).filter(
      (n) => !skip.some((s) => n.start < s.end && s.start < n.end),
    );
    if (numbers.length === 0) continue;
    const citedBy = [...new Set(cited.filter((r) => r.start < sentence.end && r.end > sentence.start).map((r) => r.id))];
    if (citedBy.length && !input.all) continue;
    // Bare 元 settled once per number, so the comment and the value agree.
    const notes = new Map<NumberMatch, string>();
    const settled = numbers.map((n) => {
      const read = yuan(sentence.start + n.start, n);
      if (!read) return n;
      const s = { ...n, unit: read.unit };
      notes.set(s, read.why);
      return s;
    });
    const claims: Claim[] = claimsOf(sentence.text, settled);
    if (claims.length === 0) claims.push({ primary: settled[0]!, restated: [] });
    const entities = namedEntities(sentence.text, input.entities);
    for (const claim of claims) {
      const note = notes.get(claim.primary);
      out.push({
        sentence,
        numbers: settled,
        primary: claim.primary,
        restated: claim.restated,
        ...(note ? { currencyNote: note } : {}),
        entities: [...entities],
        citedBy,
      });
    }
  }
  return out;
}

/** The sentence as drafts in both scripts (the source's own first, verbatim; the other through OpenCC) and a marked English placeholder. */
function statementDrafts(sentence: string, script: 'Hans' | 'Hant'): Record<string, string> {
  const en = 'TODO: the statement in English';
  return script === 'Hant'
    ? { 'zh-Hant': sentence, 'zh-Hans': convertScript(sentence, 'zh-Hans'), en }
    : { 'zh-Hans': sentence, 'zh-Hant': convertScript(sentence, 'zh-Hant-HK'), en };
}

/** A candidate as a fact record, marked `review: true`, which the schema refuses until a maintainer removes it. */
function stub(candidate: Candidate, index: number, input: MineInput): Record<string, unknown> {
  const n = candidate.primary;
  const value: Record<string, unknown> =
    n.kind === 'date'
      ? { ...(n.date ? { date: n.date } : {}), text: n.text }
      : { amount: n.amount, ...(n.upTo !== undefined ? { upTo: n.upTo } : {}), ...(n.unit ? { unit: n.unit } : {}), qualifier: n.qualifier, text: n.text };
  const date = candidate.numbers.find((m) => m.kind === 'date' && m.date)?.date;
  return {
    id: `todo-${input.sourceId}-${String(index + 1).padStart(2, '0')}`,
    review: true,
    statement: statementDrafts(candidate.sentence.text, input.script),
    kind: n.kind,
    value,
    ...(date ? { date } : {}),
    entities: [...candidate.entities],
    topics: [],
    citations: [{ source: input.sourceId, quote: candidate.sentence.text }],
    status: 'active',
    since: input.since,
  };
}

/** The candidates file: YAML stubs, each under a comment listing the numbers read from its sentence. */
export function formatCandidates(candidates: Candidate[], input: MineInput, sourcePath: string): string {
  const doc = new Document(candidates.map((c, i) => stub(c, i, input)));
  doc.commentBefore = [
    ' yaml-language-server: $schema=../schema/facts.schema.json',
    ` Candidate facts that \`factcite mine\` read from ${sourcePath}: ${candidates.length} candidate(s).`,
    ' Not part of the corpus: validate and build read facts/ only.',
    ' Each amount of a sentence is a stub of its own; the Chinese statements are the sentence in both scripts.',
    ' For each stub worth keeping: give it an id, write the English statement and trim the Chinese ones,',
    ' check value, date, entities and topics, shorten the quote if you like (it must stay verbatim),',
    ' delete `review: true`, and move the record into a file in facts/. Delete this file when done.',
  ].join('\n');
  if (isSeq(doc.contents)) {
    doc.contents.items.forEach((item, i) => {
      const c = candidates[i]!;
      const lines = [` numbers: ${c.numbers.map(describe).join('; ')}`];
      if (c.numbers.length > 1 || c.restated.length || c.currencyNote) {
        const also = c.restated.length ? `, restated as ${c.restated.map((r) => r.text).join(', ')}` : '';
        lines.push(` this stub: ${describe(c.primary)}${also}${c.currencyNote ? ` (${c.currencyNote})` : ''}`);
      }
      if (c.citedBy.length) lines.push(` already cited by: ${c.citedBy.join(', ')}`);
      (item as YAMLMap).commentBefore = lines.join('\n');
      if (i > 0) (item as YAMLMap).spaceBefore = true;
      for (const key of ['value', 'entities', 'topics']) {
        const node = (item as YAMLMap).get(key, true);
        if (node && (isMap(node) || isSeq(node))) node.flow = true;
      }
    });
  }
  return doc.toString({ lineWidth: 0 });
}
