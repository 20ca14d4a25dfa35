import type { Corpus, Entity, Fact, Source } from './schema.js';
import { foldText } from './script.js';

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
   * entity names or aliases, numbers as written (10亿, 88%) or ids. Facts that
   * match every term rank before facts that match some.
   */
  search(query: string, options?: SearchOptions): SearchHit[];
  /** Ids closest to a mistyped one, closest first. */
  suggest(id: string, limit?: number): string[];
}

// How much a token found in each field counts; a hit on the id or the
// statement says more about a fact than one in a long quote.
const FIELD_WEIGHTS = [4, 3, 2.5, 2, 1.5, 1] as const;
const Field = { Id: 0, Statement: 1, Entity: 2, Value: 3, Topic: 4, Quote: 5 } as const;
type Field = (typeof Field)[keyof typeof Field];

const STOPWORDS = new Set(
  'a an and are as at be by did do does for from has have how in is it many much of on or the to was were what when where which who why with'.split(
    ' ',
  ),
);

const HAN = /\p{Script=Han}/u;
const TOKEN_RUN = /(\p{Script=Han}+)|([a-z0-9][a-z0-9.$]*)/gu;

/** Reduces an English word to a crude stem so that plural and singular meet. */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word.replace(/\.$/, '');
}

// Question words carry no content; removing them keeps their n-grams from
// matching by chance ("有多少" would add 港有, 有多, 多少, 少人).
const QUESTION_WORDS = /是多少|有多少|多少|几多|几个|什么|甚么|哪些|哪个|哪里|如何|怎样|怎么|是否|有没有|吗|呢/g;

const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : undefined;

/**
 * Query tokens with weights. Chinese has no spaces, so every bigram is kept
 * for recall, but one that straddles a word boundary (智能|企业 gives 能企)
 * counts for less: it is more likely chance than meaning.
 */
function weightedQueryTokens(term: string): { token: string; weight: number }[] {
  const out: { token: string; weight: number }[] = [];
  for (const m of term.matchAll(TOKEN_RUN)) {
    if (!m[1]) {
      out.push({ token: stem(m[2]!), weight: 1 });
      continue;
    }
    const chars = Array.from(m[1]);
    if (chars.length === 1) {
      out.push({ token: chars[0]!, weight: 1 });
      continue;
    }
    const starts = new Set<number>();
    if (segmenter) for (const seg of segmenter.segment(m[1])) starts.add(seg.index);
    let offset = 0;
    for (let i = 0; i + 1 < chars.length; i++) {
      offset += chars[i]!.length;
      out.push({ token: chars[i]! + chars[i + 1]!, weight: segmenter && starts.has(offset) ? 0.35 : 1 });
    }
  }
  return out;
}

interface QueryToken {
  token: string;
  weight: number;
  term: number;
  /** Whether a hit on this token proves the term matched (word tokens do; CJK n-grams need the phrase). */
  proves: boolean;
}

/** Tokens of folded text: CJK unigrams and bigrams, English word stems. */
function tokenize(folded: string, emit: (token: string) => void): void {
  for (const m of folded.matchAll(TOKEN_RUN)) {
    if (m[1]) {
      const run = m[1];
      const chars = Array.from(run);
      for (let i = 0; i < chars.length; i++) {
        emit(chars[i]!);
        if (i + 1 < chars.length) emit(chars[i]! + chars[i + 1]!);
      }
    } else if (m[2]) {
      emit(stem(m[2]));
    }
  }
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

function groupBy(facts: readonly Fact[], keys: (fact: Fact) => Iterable<string>): Map<string, Fact[]> {
  const map = new Map<string, Fact[]>();
  for (const fact of facts) {
    for (const key of new Set(keys(fact))) {
      const list = map.get(key);
      if (list) list.push(fact);
      else map.set(key, [fact]);
    }
  }
  return map;
}

interface TextIndex {
  /** Token → doc * 8 + field, in increasing order of doc. */
  postings: Map<string, number[]>;
  /** Each fact's folded fields joined by NUL, for phrase checks. */
  haystacks: string[];
  /** Length of each fact's own text (all but its quotes), for length normalisation. */
  lengths: number[];
  averageLength: number;
  /** Sorted English vocabulary, for prefix matching. */
  words: string[];
}

function buildTextIndex(facts: readonly Fact[], entities: Map<string, Entity>): TextIndex {
  const postings = new Map<string, number[]>();
  const haystacks: string[] = [];
  const lengths: number[] = [];
  facts.forEach((fact, doc) => {
    const entityNames = [...fact.entities, ...(fact.attributedTo ? [fact.attributedTo] : [])].flatMap((id) => {
      const e = entities.get(id);
      return e ? [e.names['zh-Hans'], e.names['zh-Hant'], e.names.en, ...e.aliases] : [id];
    });
    const fields: [Field, string][] = [
      [Field.Id, `${fact.id} ${fact.id.replace(/-/g, ' ')}`],
      [Field.Statement, Object.values(fact.statement).join('\n')],
      [Field.Entity, entityNames.join('\n')],
      [Field.Value, fact.value?.text ?? ''],
      [Field.Topic, fact.topics.join(' ')],
      [Field.Quote, fact.citations.map((c) => c.quote).join('\n')],
    ];
    const folded: string[] = [];
    for (const [field, text] of fields) {
      // Simplified and Traditional variants fold to the same text: keep one, so
      // a bilingual record is not counted as twice as long.
      const f = [...new Set(foldText(text).split('\n'))].join('\n');
      folded.push(f);
      const seen = new Set<string>();
      tokenize(f, (token) => {
        if (seen.has(token)) return;
        seen.add(token);
        const entry = doc * 8 + field;
        const list = postings.get(token);
        if (list) list.push(entry);
        else postings.set(token, [entry]);
      });
    }
    haystacks.push(folded.join('\u0000'));
    lengths.push(folded.slice(0, Field.Quote).reduce((sum, f) => sum + f.length, 0));
  });
  // Long records match more n-grams by chance; BM25-style length normalisation evens that out.
  const averageLength = lengths.reduce((sum, n) => sum + n, 0) / Math.max(1, lengths.length);
  const words = [...postings.keys()].filter((t) => !HAN.test(t)).sort();
  return { postings, haystacks, lengths, averageLength, words };
}

/** Words of the vocabulary that start with a prefix, for a word still being typed. */
function wordsWithPrefix(words: string[], prefix: string, max: number): string[] {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < words.length && out.length < max && words[i]!.startsWith(prefix); i++) out.push(words[i]!);
  return out;
}

/** Builds the lookup and search index of a corpus. */
export function createFactIndex(corpus: Corpus): FactIndex {
  const facts = corpus.facts;
  const byId = new Map(facts.map((f) => [f.id, f]));
  const sources = new Map(corpus.sources.map((s) => [s.id, s]));
  const entities = new Map(corpus.entities.map((e) => [e.id, e]));
  const bySource = groupBy(facts, (f) => f.citations.map((c) => c.source));
  const byEntity = groupBy(facts, (f) => (f.attributedTo ? [...f.entities, f.attributedTo] : f.entities));
  const byTopic = groupBy(facts, (f) => f.topics);

  // The text index costs most of the build; lookups by id never need it, so
  // it is built on the first search.
  let text: TextIndex | undefined;
  const docCount = facts.length;

  function search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? 20;
    const folded = foldText(query).trim();
    if (!folded || limit <= 0) return [];
    text ??= buildTextIndex(facts, entities);
    const { postings, haystacks, lengths, averageLength, words } = text;
    const idf = (token: string): number => {
      const list = postings.get(token);
      return list ? Math.log(1 + docCount / list.length) : 0;
    };
    const asksForNumber = /多少|几|多大|多高|how (many|much)|what (share|percent)/.test(folded);
    const terms = folded.split(/[\s,，;；、?？!！。]+/).filter(Boolean);
    const meaningful = terms.filter((t) => !STOPWORDS.has(t));
    const useTerms = meaningful.length ? meaningful : terms;

    const exact = byId.get(folded);
    const queryTokens: QueryToken[] = [];
    useTerms.forEach((term, i) => {
      const isWord = /^[a-z0-9][a-z0-9.$]*$/.test(term);
      // Question words split a term into pieces for n-grams, but the term stays
      // whole for phrase matching.
      for (const piece of term.split(QUESTION_WORDS)) {
        for (const { token, weight } of weightedQueryTokens(piece)) queryTokens.push({ token, weight, term: i, proves: isWord });
      }
      // The last word may still be being typed: let it match as a prefix.
      if (isWord && i === useTerms.length - 1 && term.length >= 2) {
        for (const word of wordsWithPrefix(words, term, 32)) {
          if (word !== stem(term)) queryTokens.push({ token: word, weight: 0.8, term: i, proves: true });
        }
      }
    });

    const scores = new Map<number, { score: number; mask: number }>();
    for (const { token, weight: tokenWeight, term, proves } of queryTokens) {
      const list = postings.get(token);
      if (!list) continue;
      const weight = idf(token) * tokenWeight;
      let lastDoc = -1;
      let best = 0;
      const flush = () => {
        if (lastDoc < 0) return;
        const entry = scores.get(lastDoc) ?? { score: 0, mask: 0 };
        entry.score += weight * best;
        if (proves) entry.mask |= 1 << Math.min(term, 30);
        scores.set(lastDoc, entry);
      };
      for (const posting of list) {
        const doc = Math.floor(posting / 8);
        const fieldWeight = FIELD_WEIGHTS[posting % 8]!;
        if (doc !== lastDoc) {
          flush();
          lastDoc = doc;
          best = fieldWeight;
        } else if (fieldWeight > best) best = fieldWeight;
      }
      flush();
    }

    // "How many / how much" questions ask for a number: prefer facts that hold one.
    const hits: SearchHit[] = [];
    for (const [doc, { score: raw, mask }] of scores) {
      let score = raw / (0.5 + (0.5 * lengths[doc]!) / averageLength);
      let matched = 0;
      let bonus = 0;
      useTerms.forEach((term, i) => {
        const proved = (mask & (1 << Math.min(i, 30))) !== 0;
        const at = proved ? -2 : haystacks[doc]!.indexOf(term);
        if (proved || at >= 0) {
          matched++;
          // A phrase found in the id or statement (the first two fields) weighs more.
          if (at >= 0 && at < haystacks[doc]!.indexOf('\u0000', haystacks[doc]!.indexOf('\u0000') + 1)) bonus += 2;
        }
      });
      const fact = facts[doc]!;
      // Writers should cite the successor; a deprecated fact stays findable, lower down.
      if (fact.status === 'deprecated') score *= 0.7;
      // A fact without a number does not answer "how many".
      if (asksForNumber && fact.value?.amount !== undefined) score *= 1.6;
      if (fact.id.startsWith(folded)) bonus += 6;
      hits.push({ fact, score: score + bonus, matchedTerms: matched });
    }

    // Phrase matches are precise; without any, fall back to n-gram overlap so
    // that a question in natural language still finds its facts.
    const anyMatched = hits.some((h) => h.matchedTerms > 0);
    const pool = anyMatched
      ? hits.filter((h) => h.matchedTerms > 0)
      : hits.filter((h) => h.score >= 0.3 * queryTokens.reduce((s, q) => s + idf(q.token) * q.weight, 0) * 1.5);
    pool.sort((a, b) => b.matchedTerms - a.matchedTerms || b.score - a.score || a.fact.id.localeCompare(b.fact.id));
    if (exact) {
      const i = pool.findIndex((h) => h.fact === exact);
      pool.unshift(i >= 0 ? pool.splice(i, 1)[0]! : { fact: exact, score: 0, matchedTerms: useTerms.length });
    }
    return pool.slice(0, limit);
  }

  function suggest(id: string, limit = 3): string[] {
    const target = id.toLowerCase();
    const ranked = facts
      .map((f) => {
        let d = levenshtein(target, f.id);
        // A prefix or a contained fragment is a strong hint even when distant.
        if (f.id.startsWith(target) || f.id.includes(target)) d = Math.min(d, 2);
        return { id: f.id, d };
      })
      .filter((x) => x.d <= Math.max(3, Math.floor(target.length / 2)))
      .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id));
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
    bySource: (id) => bySource.get(id) ?? [],
    byEntity: (id) => byEntity.get(id) ?? [],
    byTopic: (topic) => byTopic.get(topic) ?? [],
    topics: () => [...byTopic.keys()].sort(),
    search,
    suggest,
  };
}
