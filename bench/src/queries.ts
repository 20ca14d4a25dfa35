/**
 * The fixed query mix: what a writer types after `[@`, drawn from the
 * corpus itself so that every query has at least one right answer. Queries
 * are interleaved by kind, so the first n of them are a fair sample when a
 * slow engine runs only some.
 */
import { convertScript, type Corpus, type Entity, type Fact, foldText } from '@factcite/core';
import { idFragment } from './id-queries.js';
import { type Random, random } from './random.js';
import { isRelevant, queryTerms, searchableText } from './truth.js';

/** Kinds of query in the mix. */
export const QUERY_KINDS = ['han-simplified', 'han-traditional', 'english', 'alias', 'number', 'multi-term', 'id-fragment'] as const;
type QueryKind = (typeof QUERY_KINDS)[number];

export interface Query {
  text: string;
  kind: QueryKind;
}

const STOPWORDS = new Set(
  'a an and are as at be by did do does for from has have how in is it many much of on or the to was were what when where which who why with'.split(' '),
);
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const HAN_RUN = /\p{Script=Han}+/gu;

/** The start of a word in Chinese text, then 1 to 4 characters: what a writer has typed so far. */
function hanPrefix(text: string, r: Random, length: number): string | undefined {
  const runs = [...text.matchAll(HAN_RUN)].map((m) => m[0]).filter((run) => run.length >= length);
  if (!runs.length) return undefined;
  const run = r.pick(runs);
  const starts = [...segmenter.segment(run)].map((s) => s.index).filter((i) => i + length <= run.length);
  if (!starts.length) return undefined;
  const at = r.pick(starts);
  return run.slice(at, at + length);
}

function englishWord(fact: Fact, r: Random): string | undefined {
  const words = fact.statement.en.match(/[A-Za-z]{3,}/g)?.filter((w) => !STOPWORDS.has(w.toLowerCase()));
  if (!words?.length) return undefined;
  const word = r.pick(words);
  // Half the time a word still being typed (but not one that reads as a stopword, such as "are" of "area").
  const typed = word.slice(0, Math.max(3, Math.ceil(word.length * 0.6)));
  return r.chance(0.5) || STOPWORDS.has(typed.toLowerCase()) ? word : typed;
}

function entityName(fact: Fact, entities: ReadonlyMap<string, Entity>, r: Random): string | undefined {
  const e = entities.get(r.pick(fact.entities));
  if (!e) return undefined;
  const name = r.pick([e.names['zh-Hans'], e.names['zh-Hant'], e.names.en, ...e.aliases, ...e.aliases]);
  return name.split(/\s+/).some((w) => STOPWORDS.has(w.toLowerCase())) ? undefined : name;
}

function draw(kind: QueryKind, fact: Fact, entities: ReadonlyMap<string, Entity>, r: Random, n: number): string | undefined {
  const hans = fact.statement['zh-Hans'] ?? foldText(fact.statement['zh-Hant']!);
  switch (kind) {
    case 'han-simplified':
      return hanPrefix(hans, r, 1 + (n % 4));
    case 'han-traditional': {
      const hant = fact.statement['zh-Hant'] ?? convertScript(hans, 'zh-Hant-HK');
      const q = hanPrefix(hant, r, 1 + (n % 4));
      // Prefer a query that looks different in the two scripts.
      return q && (foldText(q) !== q || r.chance(0.3)) ? q : undefined;
    }
    case 'english':
      return englishWord(fact, r);
    case 'alias':
      return entityName(fact, entities, r);
    case 'number': {
      if (!fact.value) return undefined;
      const head = fact.value.text.match(/^[\d.]+\S?/)?.[0];
      return r.chance(0.5) && head ? head : fact.value.text;
    }
    case 'multi-term': {
      const name = entityName(fact, entities, r);
      const word = hanPrefix(hans, r, 2 + (n % 2));
      if (!name || !word || /\s/.test(name)) return undefined;
      return r.chance(0.5) ? `${name} ${word}` : `${word} ${englishWord(fact, r) ?? name}`;
    }
    case 'id-fragment':
      return idFragment(fact, r);
  }
}

/** `perKind` queries of each kind, interleaved; the same corpus and seed give the same queries. */
export function makeQueries(corpus: Corpus, perKind: number, seed = 7): Query[] {
  const r = random(seed);
  const entities = new Map(corpus.entities.map((e) => [e.id, e]));
  const byKind = new Map<QueryKind, Query[]>(QUERY_KINDS.map((k) => [k, []]));
  const seen = new Set<string>();
  for (const kind of QUERY_KINDS) {
    const list = byKind.get(kind)!;
    for (let tries = 0; list.length < perKind && tries < perKind * 200; tries++) {
      const fact = r.pick(corpus.facts);
      const text = draw(kind, fact, entities, r, list.length)?.trim();
      if (!text || seen.has(text)) continue;
      // The fact it was drawn from must answer it (a guard against drawing across fields).
      if (!isRelevant(searchableText(fact, entities), queryTerms(text))) continue;
      seen.add(text);
      list.push({ text, kind });
    }
  }
  const out: Query[] = [];
  for (let i = 0; i < perKind; i++) for (const kind of QUERY_KINDS) if (byKind.get(kind)![i]) out.push(byKind.get(kind)![i]!);
  return out;
}
