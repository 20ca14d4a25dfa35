/**
 * The inverted index behind FactIndex.search: Han unigrams and bigrams and
 * ASCII words of each fact's folded text, with the best field each appears
 * in, in compressed posting lists. Built once, on the first search.
 */
import { foldText } from '../text/fold.js';
import { type Postings, PostingsBuilder } from './postings.js';
import type { Entity, Fact } from '../corpus/schema.js';
import { type IntLookup, IntTable, WordTable } from './token-tables.js';
import { isHan, isWordChar } from './tokens.js';
import { factValueWords } from './value-words.js';

/** Fields of a fact, best first: a match in the id or statement says more than one in a long quote. */
const Field = { Id: 0, Statement: 1, Entity: 2, Value: 3, Topic: 4, Quote: 5 } as const;

/**
 * Where a fact's best match for a token is, best first: its field, and for
 * the id and the statements how many other fields hold the token too (an
 * entity's name, the value, a topic, a quote; two or more count as two). A
 * statement that its linked entity and its own quote back up is about what
 * was asked; one that mentions the words in passing is not. Each slot is a
 * posting list of its own (see postings.ts), so the difference costs nothing
 * at query time. Slots are in order of weight, so the lowest slot a token
 * has is its best.
 */
export const Slot = {
  IdBackedTwice: 0,
  StatementBackedTwice: 1,
  IdBacked: 2,
  StatementBacked: 3,
  Id: 4,
  Statement: 5,
  Entity: 6,
  Value: 7,
  Topic: 8,
  Quote: 9,
} as const;
/**
 * How much a match in each slot counts: the field's weight (id 4, statement
 * 3) and 3 for each other field that backs it up. The 3 was chosen on the
 * bench's judged queries (bench/judgements) at 100k facts, half by half:
 * backing weights of 2, 3 and 5 gave nDCG@10 0.60/0.59, 0.63/0.61 and
 * 0.64/0.62, the real corpus alone 0.96 with each; past 3 little is gained
 * and a fact's length counts for less and less.
 */
export const SLOT_WEIGHTS = [10, 9, 7, 6, 4, 3, 2.5, 2, 1.5, 1] as const;
/**
 * The weight of each slot's field alone, without its backing: for a question
 * matched pair by pair (see overlap in text-query.ts), where each of many
 * character pairs would otherwise bring its backing, and facts that repeat
 * common pairs across fields would drown the one that answers.
 */
export const SLOT_FIELD_WEIGHTS = [4, 3, 4, 3, 4, 3, 2.5, 2, 1.5, 1] as const;

/** How many fields other than `field` the mask of fields holding a token has, at most 2. */
function otherFields(mask: number, field: number): number {
  const others = mask & ~((1 << (field + 1)) - 1);
  return others === 0 ? 0 : (others & (others - 1)) === 0 ? 1 : 2;
}

/** Slot of an id or statement match by how many other fields back it up (0, 1, 2 or more). */
export const BACKED_ID = [Slot.Id, Slot.IdBacked, Slot.IdBackedTwice] as const;
const BACKED_STATEMENT = [Slot.Statement, Slot.StatementBacked, Slot.StatementBackedTwice] as const;
/** Slot of a match whose best field is the entity, value, topic or quote. */
const LATER_FIELD_SLOT = [Slot.Id, Slot.Statement, Slot.Entity, Slot.Value, Slot.Topic, Slot.Quote] as const;

/** The slot of a token whose best field is `best`, with `mask` the fields that hold it (bit f for field f). */
function slotOf(best: number, mask: number): number {
  if (best === Field.Id) return BACKED_ID[otherFields(mask, best)]!;
  if (best === Field.Statement) return BACKED_STATEMENT[otherFields(mask, best)]!;
  return LATER_FIELD_SLOT[best]!;
}

/** Bits of {@link TextIndex.docFlags}. */
export const DEPRECATED = 1;
export const HAS_AMOUNT = 2;

export interface TextIndex {
  postings: Postings;
  /**
   * Fact (index into the corpus's facts) of each document. Documents are
   * numbered active before deprecated and shortest first: the order a search
   * would rank equal matches in, so a search can stop once no later document
   * could beat what it has found.
   */
  docFact: Int32Array;
  /** BM25-style length normalisation of each document: 0.5 + 0.5 × length / average length. */
  docNorm: Float32Array;
  docFlags: Uint8Array;
  /** Documents before this one are active, the rest deprecated. */
  activeDocs: number;
  /** Token of each Han character (by its number), of each pair of them, of each word. */
  unigrams: Int32Array;
  bigrams: IntLookup;
  /** Pairs of characters numbered past the packed range (a corpus of tens of thousands of distinct characters). */
  rareBigrams: Map<string, number>;
  words: WordTable;
  /** Every word, sorted, for words still being typed. */
  sortedWords: string[];
  /**
   * Searchable text of a fact (by corpus index), field by field as written,
   * for checking a phrase the tokens only suggest. Fold each before matching;
   * a check can stop at the first field that has the phrase.
   */
  fields(fact: number): string[];
  /** Score accumulators for a search that reads whole lists, allocated on first need and kept zeroed. */
  scratch?: Float64Array;
}

// Han characters get small numbers, shared by every index, so that a pair
// packs into one small-integer Map key (V8 hashes those fastest). A table
// covers the planes where Han characters are; a Map the rest.
const HAN_TABLE = 0x40000;
let hanTable: Int32Array | undefined;
/** Code point of each number. */
const hanChars: number[] = [];
export const PAIR_BASE = 46340; // pairs of numbers below this pack below 2 ** 31

/** The number of a Han character, given it on first sight. */
export function hanNumber(cp: number): number {
  hanTable ??= new Int32Array(HAN_TABLE).fill(-1);
  let n = hanTable[cp]!;
  if (n < 0) {
    n = hanChars.length;
    hanChars.push(cp);
    hanTable[cp] = n;
  }
  return n;
}

/** The Han character of a number. */
export function hanCodePoint(n: number): number {
  return hanChars[n]!;
}

/** How many Han characters have numbers in this process. */
export function hanCount(): number {
  return hanChars.length;
}

/**
 * Numbers the characters 0, 1, … in the order given, in a process that has
 * numbered none yet; false (and nothing numbered) if the list repeats one.
 */
export function registerHans(chars: Int32Array): boolean {
  if (hanChars.length > 0) return false;
  hanTable ??= new Int32Array(HAN_TABLE).fill(-1);
  const table = hanTable;
  for (let i = 0; i < chars.length; i++) {
    const cp = chars[i]!;
    if (cp < 0 || cp >= HAN_TABLE || table[cp] !== -1) {
      for (let j = 0; j < i; j++) table[chars[j]!] = -1;
      return false;
    }
    table[cp] = i;
  }
  for (let i = 0; i < chars.length; i++) hanChars.push(chars[i]!);
  return true;
}

function knownHanNumber(cp: number): number {
  return cp < HAN_TABLE && hanTable ? hanTable[cp]! : -1;
}

/** Key of a pair of Han character numbers below PAIR_BASE. */
export function pairOf(x: number, y: number): number {
  return x * PAIR_BASE + y;
}

/** The texts of an entity that a fact naming it can be found by. */
function entityTexts(id: string, entities: ReadonlyMap<string, Entity>): string[] {
  const e = entities.get(id);
  return e ? [e.names['zh-Hans'], e.names['zh-Hant'], e.names.en, ...e.aliases] : [id];
}

/** The searchable text of an entity by id, each made once. */
function entityTextOf(entities: ReadonlyMap<string, Entity>): (id: string) => string {
  const cache = new Map<string, string>();
  return (id) => {
    let text = cache.get(id);
    if (text === undefined) {
      text = entityTexts(id, entities).join('\n');
      cache.set(id, text);
    }
    return text;
  };
}

function factEntityIds(fact: Fact): string[] {
  return fact.attributedTo ? [...fact.entities, fact.attributedTo] : fact.entities;
}

/**
 * The texts a fact is searched in, best field first: the id (as written and
 * as words), statements, the names and aliases of its entities, the value as
 * written, topics and quotes.
 */
function searchableFields(fact: Fact, entityText: (id: string) => string): string[] {
  const parts = [fact.id, fact.id.replace(/-/g, ' '), ...Object.values(fact.statement)];
  for (const id of factEntityIds(fact)) parts.push(entityText(id));
  parts.push(fact.value?.text ?? '', fact.topics.join(' '));
  for (const c of fact.citations) parts.push(c.quote);
  return parts;
}

/** Builds the text index of the facts. */
export function buildTextIndex(facts: readonly Fact[], entities: ReadonlyMap<string, Entity>): TextIndex {
  const n = facts.length;
  const entityText = entityTextOf(entities);

  // Number documents: active first, then by the length of the fact's own
  // text (all but quotes), shortest first. Packing the key and the fact into
  // one float lets a typed-array sort do it without a comparator.
  const lengths = new Float64Array(n);
  let total = 0;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const f = facts[i]!;
    const s = f.statement;
    let length = f.id.length + Math.max(s['zh-Hans']?.length ?? 0, s['zh-Hant']?.length ?? 0) + s.en.length;
    for (const id of factEntityIds(f)) length += entityText(id).length;
    length += (f.value?.text.length ?? 0) + f.topics.join(' ').length;
    lengths[i] = length;
    total += length;
    const deprecated = f.status === 'deprecated' ? 1 << 29 : 0;
    keys[i] = (deprecated + Math.min(length, (1 << 29) - 1)) * 2 ** 23 + i;
  }
  keys.sort();
  const average = total / Math.max(1, n);
  const docFact = new Int32Array(n);
  const docNorm = new Float32Array(n);
  const docFlags = new Uint8Array(n);
  let activeDocs = 0;
  for (let d = 0; d < n; d++) {
    const i = keys[d]! % 2 ** 23;
    docFact[d] = i;
    docNorm[d] = 0.5 + (0.5 * lengths[i]!) / average;
    const f = facts[i]!;
    if (f.status === 'deprecated') docFlags[d]! |= DEPRECATED;
    else activeDocs = d + 1;
    if (f.value?.amount !== undefined) docFlags[d]! |= HAS_AMOUNT;
  }

  const builder = new PostingsBuilder();
  let unigrams = new Int32Array(4096).fill(-1);
  const bigrams = new IntTable();
  const rareBigrams = new Map<string, number>();
  const words = new WordTable();
  // Per document: each token once, with the best field it appears in and every field that holds it.
  let seen = new Int32Array(1024);
  let bestField = new Uint8Array(1024);
  let fieldMask = new Uint8Array(1024);
  const docTokens: number[] = [];
  let doc = 0;

  const newToken = (): number => {
    const t = builder.addToken();
    if (t >= seen.length) {
      const grownSeen = new Int32Array(seen.length * 2);
      grownSeen.set(seen);
      seen = grownSeen;
      const grownBest = new Uint8Array(bestField.length * 2);
      grownBest.set(bestField);
      bestField = grownBest;
      const grownMask = new Uint8Array(fieldMask.length * 2);
      grownMask.set(fieldMask);
      fieldMask = grownMask;
    }
    return t;
  };

  const unigramOf = (n: number): number => {
    if (n >= unigrams.length) {
      const grown = new Int32Array(Math.max(n + 1, unigrams.length * 2)).fill(-1);
      grown.set(unigrams);
      unigrams = grown;
    }
    let t = unigrams[n]!;
    if (t < 0) unigrams[n] = t = newToken();
    return t;
  };
  const bigramOf = (x: number, y: number): number => {
    if (x >= PAIR_BASE || y >= PAIR_BASE) {
      let t = rareBigrams.get(`${x},${y}`);
      if (t === undefined) {
        t = newToken();
        rareBigrams.set(`${x},${y}`, t);
      }
      return t;
    }
    const key = pairOf(x, y);
    let t = bigrams.get(key);
    if (t < 0) {
      t = newToken();
      bigrams.set(key, t);
    }
    return t;
  };
  const emit = (t: number, field: number): void => {
    if (seen[t] !== doc + 1) {
      seen[t] = doc + 1;
      bestField[t] = field;
      fieldMask[t] = 1 << field;
      docTokens.push(t);
    } else {
      if (field < bestField[t]!) bestField[t] = field;
      fieldMask[t]! |= 1 << field;
    }
  };
  const scan = (text: string, field: number, out: (t: number, field: number) => void): void => {
    let previous = -1;
    for (let i = 0; i < text.length; ) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (isWordChar(c)) {
          const from = i;
          while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
          out(words.intern(text, from, i, newToken), field);
        } else i++;
        previous = -1;
        continue;
      }
      const cp = text.codePointAt(i)!;
      i += cp > 0xffff ? 2 : 1;
      if (!isHan(cp)) {
        previous = -1;
        continue;
      }
      const number = hanNumber(cp);
      out(unigramOf(number), field);
      if (previous >= 0) out(bigramOf(previous, number), field);
      previous = number;
    }
  };

  // Entities and topics are shared by many facts: tokenise each once.
  const entityTokens = new Map<string, Int32Array>();
  const topicTokens = new Map<string, Int32Array>();
  const tokensOf = (cache: Map<string, Int32Array>, key: string, text: () => string): Int32Array => {
    let found = cache.get(key);
    if (!found) {
      const list = new Set<number>();
      scan(foldText(text()), 0, (t) => list.add(t));
      found = Int32Array.from(list);
      cache.set(key, found);
    }
    return found;
  };

  for (doc = 0; doc < n; doc++) {
    const f = facts[docFact[doc]!]!;
    scan(f.id, Field.Id, emit);
    for (const s of Object.values(f.statement)) scan(foldText(s), Field.Statement, emit);
    for (const id of factEntityIds(f)) for (const t of tokensOf(entityTokens, id, () => entityText(id))) emit(t, Field.Entity);
    if (f.value) {
      scan(foldText(f.value.text), Field.Value, emit);
      for (const word of factValueWords(f.value)) emit(words.intern(word, 0, word.length, newToken), Field.Value);
    }
    for (const topic of f.topics) for (const t of tokensOf(topicTokens, topic, () => topic)) emit(t, Field.Topic);
    for (const c of f.citations) scan(foldText(c.quote), Field.Quote, emit);
    for (const t of docTokens) builder.add(t, doc, slotOf(bestField[t]!, fieldMask[t]!));
    docTokens.length = 0;
  }

  return assembleTextIndex(
    {
      postings: builder.finish(),
      docFact,
      docNorm,
      docFlags,
      activeDocs,
      unigrams,
      bigrams,
      rareBigrams,
      words,
      sortedWords: [...words.words].sort(),
    },
    facts,
    entities,
  );
}

/** The parts of a text index that are data, as built or as read back from a file. */
export type TextIndexData = Omit<TextIndex, 'fields' | 'scratch'>;

/** A text index from its data and the corpus it was built from. */
export function assembleTextIndex(data: TextIndexData, facts: readonly Fact[], entities: ReadonlyMap<string, Entity>): TextIndex {
  const entityText = entityTextOf(entities);
  return { ...data, fields: (i) => searchableFields(facts[i]!, entityText) };
}

/** Token of a Han character, or -1. */
export function unigramToken(index: TextIndex, cp: number): number {
  const n = knownHanNumber(cp);
  return n < 0 || n >= index.unigrams.length ? -1 : index.unigrams[n]!;
}

/** Token of a pair of Han characters, or -1. */
export function bigramToken(index: TextIndex, a: number, b: number): number {
  const x = knownHanNumber(a);
  const y = knownHanNumber(b);
  if (x < 0 || y < 0) return -1;
  if (x >= PAIR_BASE || y >= PAIR_BASE) return index.rareBigrams.get(`${x},${y}`) ?? -1;
  return index.bigrams.get(pairOf(x, y));
}

/** Tokens of the words that start with a prefix; with `most`, no more than one past it (so a caller can tell there are more). */
export function wordsWithPrefix(index: TextIndex, prefix: string, most = Number.POSITIVE_INFINITY): number[] {
  const words = index.sortedWords;
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < words.length && out.length <= most && words[i]!.startsWith(prefix); i++) out.push(index.words.get(words[i]!));
  return out;
}
