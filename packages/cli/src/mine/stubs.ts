import { type Entity, type Fact, foldText, type NumberMatch, readNumbers } from '@factcite/core';
import { Document, isMap, isSeq, type YAMLMap } from 'yaml';
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
}

/** A candidate fact: a sentence with numbers, prefilled for a maintainer to review. */
export interface Candidate {
  sentence: Span;
  numbers: NumberMatch[];
  primary: NumberMatch;
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
  const shadowed = (h: (typeof hits)[number]) =>
    hits.some((o) => o.id !== h.id && o.end - o.start > h.end - h.start && o.start < h.end && h.start < o.end);
  const first = new Map<string, number>();
  for (const h of hits) if (!shadowed(h) && !(first.get(h.id)! <= h.start)) first.set(h.id, h.start);
  return [...first].sort((a, b) => a[1] - b[1]).map(([id]) => id);
}

/** Every sentence of a source with an amount, percentage, rank or date, as candidates. */
export function mineCandidates(input: MineInput): Candidate[] {
  const cited = input.facts.flatMap((f) =>
    f.citations
      .filter((c) => c.source === input.sourceId)
      .map((c) => ({ id: f.id, start: input.body.indexOf(c.quote), end: input.body.indexOf(c.quote) + c.quote.length }))
      .filter((r) => r.start >= 0),
  );
  const out: Candidate[] = [];
  for (const sentence of splitSentences(input.body)) {
    const numbers = readNumbers(sentence.text, input.year !== undefined ? { year: input.year } : {});
    if (numbers.length === 0) continue;
    const citedBy = [...new Set(cited.filter((r) => r.start < sentence.end && r.end > sentence.start).map((r) => r.id))];
    if (citedBy.length && !input.all) continue;
    const primary = numbers.find((n) => n.kind !== 'date') ?? numbers[0]!;
    out.push({ sentence, numbers, primary, entities: namedEntities(sentence.text, input.entities), citedBy });
  }
  return out;
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
    statement: { [input.script === 'Hant' ? 'zh-Hant' : 'zh-Hans']: candidate.sentence.text, en: 'TODO: the statement in English' },
    kind: n.kind,
    value,
    ...(date ? { date } : {}),
    entities: candidate.entities,
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
    ` Candidate facts that \`factcite mine\` read from ${sourcePath}: ${candidates.length} sentence(s) with numbers.`,
    ' Not part of the corpus: validate and build read facts/ only.',
    ' For each stub worth keeping: give it an id, write the English statement and trim the Chinese one,',
    ' check value, date, entities and topics, shorten the quote if you like (it must stay verbatim),',
    ' delete `review: true`, and move the record into a file in facts/. Delete this file when done.',
  ].join('\n');
  if (isSeq(doc.contents)) {
    doc.contents.items.forEach((item, i) => {
      const c = candidates[i]!;
      const lines = [` numbers: ${c.numbers.map(describe).join('; ')}`];
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
