import { expectText, InvalidArgumentError } from '../errors.js';
import { foldText } from '../text/fold.js';
import type { Corpus, Entity, Fact, Source } from '../corpus/schema.js';
import { buildTextIndex, type TextIndex } from './text-index.js';
import { checkTextIndexFile, readTextIndex, writeTextIndex } from './text-index-file.js';
import { searchText } from './text-query.js';
import { idFragmentDocs, isIdFragment } from './id-fragments.js';

/** Options for {@link FactIndex.search}. */
export interface SearchOptions {
  /** Most hits to return; 20 when not given. */
  limit?: number;
}

/** One search result. */
export interface SearchHit {
  fact: Fact;
  /** Relevance; comparable only within one search. */
  score: number;
  /** How many of the query's whitespace-separated terms the fact matched. */
  matchedTerms: number;
}

/** Options for {@link createFactIndex}. */
export interface SearchIndexOptions {
  /**
   * The search index of this very corpus, saved by
   * {@link FactIndex.exportSearchIndex}: read instead of built on the first
   * search, which saves a process that has just started most of that search's
   * time. @factcite/corpus exports its own as `searchIndex`. Its arrays are
   * used in place: leave the bytes unchanged afterwards.
   */
  searchIndex?: Uint8Array;
}

/** Checks a count argument: a non-negative whole number. */
function expectCount(value: unknown, where: string, name: string): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  throw new InvalidArgumentError(where, [
    { path: name, message: `expected a whole number of 0 or more, received ${typeof value === 'number' ? value : typeof value}` },
  ]);
}

/** Checks search options at the door, so `search(q, { limit: '5' })` fails by name instead of returning nothing. */
function expectSearchOptions(options: unknown): SearchOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidArgumentError('FactIndex.search', [{ path: 'options', message: 'expected an object such as { limit: 10 }' }]);
  }
  const { limit, ...rest } = options as SearchOptions;
  const unknown = Object.keys(rest);
  if (unknown.length) throw new InvalidArgumentError('FactIndex.search', [{ path: `options.${unknown[0]}`, message: 'is not a search option' }]);
  if (limit !== undefined) expectCount(limit, 'FactIndex.search', 'options.limit');
  return { limit };
}

/** Lookup and search over a corpus; build it once with {@link createFactIndex}. */
export interface FactIndex {
  readonly version: string | undefined;
  readonly size: number;
  get(id: string): Fact | undefined;
  has(id: string): boolean;
  all(): readonly Fact[];
  source(id: string): Source | undefined;
  sources(): readonly Source[];
  entity(id: string): Entity | undefined;
  entities(): readonly Entity[];
  bySource(sourceId: string): Fact[];
  byEntity(entityId: string): Fact[];
  byTopic(topic: string): Fact[];
  topics(): string[];
  /**
   * Facts best-first for a query in Simplified or Traditional Chinese, English,
   * entity names or aliases, numbers as written (10亿, 88%) or ids. A term
   * matches where a word may start in the fact's folded text (any Chinese
   * substring; a word or a word's beginning, as while it is typed). Facts that
   * match every term rank before facts that match some; a question that no
   * fact matches term by term finds the facts sharing most of its words.
   */
  search(query: string, options?: SearchOptions): SearchHit[];
  /** Ids closest to a mistyped one, closest first. */
  suggest(id: string, limit?: number): string[];
  /**
   * Facts whose id starts with `prefix` (every fact for ""), in id order,
   * one at a time: a caller that needs the first few reads only those.
   */
  withIdPrefix(prefix: string): IterableIterator<Fact>;
  /**
   * The search index as bytes, for `createFactIndex(corpus, { searchIndex })`
   * with this same corpus (builds the index first if no search has). The
   * format belongs to this version of @factcite/core.
   */
  exportSearchIndex(): Uint8Array;
}

const SEARCH_INDEX_PROBLEMS = {
  'not-an-index': 'is not a factcite search index',
  'other-format': 'was written by another version of @factcite/core; export it again with exportSearchIndex()',
  'other-corpus': 'belongs to another corpus (its fact ids, or the lengths of their statements or quotes, differ); export it again with exportSearchIndex()',
  corrupt: 'is truncated or corrupt; export it again with exportSearchIndex()',
} as const;

function searchIndexError(problem: keyof typeof SEARCH_INDEX_PROBLEMS): InvalidArgumentError {
  return new InvalidArgumentError('createFactIndex', [{ path: 'options.searchIndex', message: SEARCH_INDEX_PROBLEMS[problem] }]);
}

/**
 * Edit distance of two strings, or `max + 1` as soon as it must exceed
 * `max`: most ids are far from a typo, and are given up on after a few rows.
 */
function boundedLevenshtein(a: string, b: string, max: number, row: Int32Array): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    let smallest = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      const d = Math.min(above + 1, row[j - 1]! + 1, diagonal + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      row[j] = d;
      if (d < smallest) smallest = d;
      diagonal = above;
    }
    if (smallest > max) return max + 1;
  }
  return row[b.length]!;
}

/** Ids starting with a fragment that are ranked; see idFragmentHits. */
const PREFIX_RANKED = 2000;

/** Unknown ids whose suggestions a fact index keeps; past this it starts again. */
const SUGGESTIONS_KEPT = 4096;

/** Groups facts by keys, on first use: lookups by id never need the groups. */
function lazyGroups(facts: readonly Fact[], keys: (fact: Fact) => Iterable<string>): () => Map<string, Fact[]> {
  let map: Map<string, Fact[]> | undefined;
  return () => {
    if (map) return map;
    map = new Map();
    for (const fact of facts) {
      for (const key of new Set(keys(fact))) {
        const list = map.get(key);
        if (list) list.push(fact);
        else map.set(key, [fact]);
      }
    }
    return map;
  };
}

/**
 * Builds the lookup and search index of a corpus. A prebuilt search index
 * (`options.searchIndex`) is checked against the corpus here, and an
 * {@link InvalidArgumentError} says why one cannot be used.
 */
export function createFactIndex(corpus: Corpus, options: SearchIndexOptions = {}): FactIndex {
  const facts = corpus.facts;
  const prebuilt = options.searchIndex;
  if (prebuilt !== undefined) {
    if (!(prebuilt instanceof Uint8Array)) {
      throw new InvalidArgumentError('createFactIndex', [{ path: 'options.searchIndex', message: 'must be a Uint8Array' }]);
    }
    const problem = checkTextIndexFile(prebuilt, facts);
    if (problem) throw searchIndexError(problem);
  }
  const sources = new Map(corpus.sources.map((s) => [s.id, s]));
  const entities = new Map(corpus.entities.map((e) => [e.id, e]));
  // Read now, not on the first search: reading is cheap, and a damaged file
  // is better reported here than by a search that throws.
  let text: TextIndex | undefined;
  if (prebuilt) {
    const read = readTextIndex(prebuilt, facts, entities);
    if (read === 'corrupt') throw searchIndexError('corrupt');
    text = read;
  }
  const byId = new Map<string, Fact>();
  for (const f of facts) byId.set(f.id, f);
  const bySource = lazyGroups(facts, (f) => f.citations.map((c) => c.source));
  const byEntity = lazyGroups(facts, (f) => (f.attributedTo ? [...f.entities, f.attributedTo] : f.entities));
  const byTopic = lazyGroups(facts, (f) => f.topics);

  // Without a prebuilt one, the text index costs most of the build; lookups
  // by id never need it, so it is built on the first search.
  function textIndex(): TextIndex {
    text ??= buildTextIndex(facts, entities);
    return text;
  }

  function search(query: string, options: SearchOptions = {}): SearchHit[] {
    expectText(query, 'FactIndex.search', 'query');
    const limit = expectSearchOptions(options).limit ?? 20;
    const folded = foldText(query).trim();
    if (!folded || limit <= 0) return [];
    const index = textIndex();
    // A piece of an id, as typed after @fact:, lists the facts whose id holds
    // it; only when no id does is it searched for as text (prose rarely holds
    // a hyphenated fragment, and finding its last word's every completion in
    // the text could cost more than all the rest).
    const idDocs = isIdFragment(folded) ? idFragmentHits(index, folded, limit) : [];
    const text = idDocs.length === 0 ? searchText(index, folded, limit) : [];
    const taken = new Set(idDocs);
    const top = (text[0]?.score ?? 0) + idDocs.length;
    const hits: SearchHit[] = [...idDocs.map((doc, i) => ({ doc, score: top - i, matched: 1 })), ...text.filter((r) => !taken.has(r.doc))].map((r) => ({
      fact: facts[index.docFact[r.doc]!]!,
      score: r.score,
      matchedTerms: r.matched,
    }));
    // An id typed in full comes first, and a deprecated one's successor, which a writer should cite instead, next.
    const exact = byId.get(folded);
    if (exact) {
      const successor = exact.status === 'deprecated' && exact.supersededBy ? byId.get(exact.supersededBy) : undefined;
      for (const fact of successor ? [successor, exact] : [exact]) {
        const i = hits.findIndex((h) => h.fact === fact);
        hits.unshift(i >= 0 ? hits.splice(i, 1)[0]! : { fact, score: 0, matchedTerms: hits[0]?.matchedTerms ?? 1 });
      }
    }
    return hits.slice(0, limit);
  }

  // Document of each fact (the inverse of index.docFact), made on the first id fragment.
  let factDoc: Int32Array | undefined;

  /**
   * Documents for a piece of an id, best first: ids that start with it (what
   * completion after @fact: lists), those where its last piece is a whole
   * word before those where it is still being typed; then ids that hold it
   * further in. Within each, documents in order (backed and shorter first).
   */
  function idFragmentHits(index: TextIndex, fragment: string, limit: number): number[] {
    if (!factDoc) {
      factDoc = new Int32Array(facts.length);
      index.docFact.forEach((fact, doc) => {
        factDoc![fact] = doc;
      });
    }
    const whole: number[] = [];
    const typed: number[] = [];
    let seen = 0;
    for (const i of idPrefixPositions(fragment)) {
      // A short fragment can start thousands of ids: past this many, the rest are not ranked.
      if (++seen > PREFIX_RANKED) break;
      const id = facts[i]!.id;
      (id.length === fragment.length || id[fragment.length] === '-' ? whole : typed).push(factDoc[i]!);
    }
    const starting = [...whole.sort((a, b) => a - b), ...typed.sort((a, b) => a - b)].slice(0, limit);
    if (starting.length === limit) return starting;
    const taken = new Set(starting);
    const inside = idFragmentDocs(index, fragment, limit, (doc) => facts[index.docFact[doc]!]!.id);
    for (const doc of inside) if (starting.length < limit && !taken.has(doc)) starting.push(doc);
    return starting;
  }

  // Fact positions in id order, sorted on first use.
  let idOrder: Int32Array | undefined;
  function* withIdPrefix(prefix: string): IterableIterator<Fact> {
    expectText(prefix, 'FactIndex.withIdPrefix', 'prefix');
    for (const i of idPrefixPositions(prefix)) yield facts[i]!;
  }

  /** Positions of the facts whose id starts with `prefix`, in id order. */
  function* idPrefixPositions(prefix: string): IterableIterator<number> {
    if (!idOrder) {
      const ids = facts.map((f) => f.id);
      idOrder = Int32Array.from(facts.keys()).sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
    }
    const order = idOrder;
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (facts[order[mid]!]!.id < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < order.length; i++) {
      if (!facts[order[i]!]!.id.startsWith(prefix)) return;
      yield order[i]!;
    }
  }

  // A report repeats its mistyped ids: each costs a comparison with every
  // fact, so the answers are kept, per id and limit, up to a bound.
  const suggested = new Map<string, string[]>();
  function suggest(id: string, limit = 3): string[] {
    expectText(id, 'FactIndex.suggest', 'id');
    expectCount(limit, 'FactIndex.suggest', 'limit');
    const key = `${limit}\u0000${id}`;
    let found = suggested.get(key);
    if (!found) {
      if (suggested.size >= SUGGESTIONS_KEPT) suggested.clear();
      found = closestIds(id, limit);
      suggested.set(key, found);
    }
    return [...found];
  }

  function closestIds(id: string, limit: number): string[] {
    const target = id.toLowerCase();
    const max = Math.max(3, Math.floor(target.length / 2));
    const row = new Int32Array(256);
    const ranked: { id: string; d: number }[] = [];
    for (const f of facts) {
      // A prefix or a contained fragment is a strong hint even when distant.
      let d = f.id.includes(target) ? 2 : max + 1;
      if (f.id.length < row.length) d = Math.min(d, boundedLevenshtein(target, f.id, Math.min(max, d - 1), row));
      if (d <= max) ranked.push({ id: f.id, d });
    }
    ranked.sort((a, b) => a.d - b.d || a.id.localeCompare(b.id));
    return ranked.slice(0, limit).map((x) => x.id);
  }

  return {
    version: corpus.version,
    size: facts.length,
    get: (id) => byId.get(id),
    has: (id) => byId.has(id),
    all: () => facts,
    source: (id) => sources.get(id),
    sources: () => corpus.sources,
    entity: (id) => entities.get(id),
    entities: () => corpus.entities,
    bySource: (id) => bySource().get(id) ?? [],
    byEntity: (id) => byEntity().get(id) ?? [],
    byTopic: (topic) => byTopic().get(topic) ?? [],
    topics: () => [...byTopic().keys()].sort(),
    search,
    suggest,
    withIdPrefix,
    exportSearchIndex: () => writeTextIndex(textIndex(), facts),
  };
}
