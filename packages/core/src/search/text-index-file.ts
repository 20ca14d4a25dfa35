/**
 * A text index as bytes, so that a corpus can ship its search index prebuilt.
 * Building it means folding and tokenising every fact, which in a process
 * that has just started runs as unoptimised code: about 90 ms for the 222
 * facts of the bundled release on a 2-core machine. Reading it back must not
 * loop over it in that same slow code, so the file is the index's own typed
 * arrays, laid end to end and used in place. The format is private to this
 * version of core; a file from another version, or from another corpus, is
 * refused, never misread.
 *
 * Layout: "FCX" and a format byte, a header of 32-bit counts, then each array
 * at a 4-byte boundary. Han characters are numbered by the file, 0 up; a
 * process numbers them once for all its indexes, and in a process whose first
 * index this is (the case that matters for start-up) the two agree, so the
 * tables keyed by those numbers are used as they are. Otherwise they are
 * renumbered, which costs a loop over them.
 */
import { type Postings, SLOTS } from './postings.js';
import type { Entity, Fact } from '../corpus/schema.js';
import { assembleTextIndex, hanCodePoint, hanCount, hanNumber, PAIR_BASE, pairOf, registerHans, type TextIndex } from './text-index.js';
import { type IntLookup, IntTable, SortedIntTable, WordTable } from './token-tables.js';

const MAGIC = [0x46, 0x43, 0x58]; // "FCX"
const FORMAT = 4;
const HEADER = 15; // 32-bit words after the magic

/**
 * FNV-1a over every fact's id and the lengths of its statements and quotes:
 * what a prebuilt index must have been built from. Lengths rather than the
 * texts keep the check to a few thousand characters, since it runs at every
 * start; a fact added, removed or rewritten changes it. A release ships its
 * index and its corpus from one build, so they cannot drift apart there.
 */
function corpusFingerprint(facts: readonly Fact[]): number {
  let h = 0x811c9dc5;
  const mix = (value: number): void => {
    h = Math.imul(h ^ value, 0x01000193);
  };
  for (const f of facts) {
    for (let i = 0; i < f.id.length; i++) mix(f.id.charCodeAt(i));
    mix(f.statement['zh-Hans']?.length ?? 0);
    mix(f.statement['zh-Hant']?.length ?? 0);
    mix(f.statement.en.length);
    for (const c of f.citations) mix(c.quote.length);
  }
  mix(facts.length);
  return h >>> 0;
}

/** Thrown inside readTextIndex on a truncated or corrupt file. */
class Corrupt extends Error {}

type Section = Uint8Array | Int32Array | Uint32Array | Float32Array;

/** The bytes of a built text index. */
export function writeTextIndex(index: TextIndex, facts: readonly Fact[]): Uint8Array {
  // Han characters by the file's own numbers, in code point order: the
  // process's numbers depend on what it indexed before, and the same corpus
  // must give the same bytes.
  const hans: number[] = [];
  index.unigrams.forEach((token, number) => {
    if (token >= 0) hans.push(number);
  });
  hans.sort((a, b) => hanCodePoint(a) - hanCodePoint(b));
  const local = new Map(hans.map((number, i) => [number, i]));
  const unigrams = Int32Array.from(hans, (number) => index.unigrams[number]!);
  const pairs: [number, number, number][] = [];
  index.bigrams.forEach((key, token) => {
    pairs.push([local.get(Math.floor(key / PAIR_BASE))!, local.get(key % PAIR_BASE)!, token]);
  });
  for (const [key, token] of index.rareBigrams) {
    const [x, y] = key.split(',').map(Number) as [number, number];
    pairs.push([local.get(x)!, local.get(y)!, token]);
  }
  // By pair, which is by key: the file's table is looked up by binary search.
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const bigramKeys: number[] = [];
  const bigramTokens: number[] = [];
  const rare: number[] = [];
  for (const [x, y, token] of pairs) {
    if (x < PAIR_BASE && y < PAIR_BASE) {
      bigramKeys.push(pairOf(x, y));
      bigramTokens.push(token);
    } else rare.push(x, y, token);
  }
  // Words added in sorted order, so the table's own list is the sorted list.
  const words = new WordTable();
  for (const word of index.sortedWords) words.intern(word, 0, word.length, () => index.words.get(word));
  const savedWords = words.saved();
  const wordText = new TextEncoder().encode(savedWords.words.join('\n'));

  const p = index.postings;
  const n = index.docFact.length;
  const sections: Section[] = [
    index.docFact,
    index.docNorm,
    index.docFlags,
    p.start,
    p.df,
    p.skipLists,
    p.skipFrom,
    p.skipDoc,
    p.skipOffset,
    p.bytes,
    Int32Array.from(hans, hanCodePoint),
    unigrams,
    Int32Array.from(bigramKeys),
    Int32Array.from(bigramTokens),
    Int32Array.from(rare),
    savedWords.slots,
    Int32Array.from(savedWords.values),
    wordText,
  ];
  const header = new Uint32Array([
    corpusFingerprint(facts),
    n,
    index.activeDocs,
    p.df.length,
    p.skipLists.length,
    p.skipDoc.length,
    p.bytes.length,
    hans.length,
    bigramKeys.length,
    rare.length / 3,
    savedWords.words.length,
    savedWords.slots.length,
    wordText.length,
    0,
    0,
  ]);
  let size = 4 + header.byteLength;
  for (const section of sections) size = align(size) + section.byteLength;
  const out = new Uint8Array(size);
  out.set([...MAGIC, FORMAT]);
  let at = 4;
  for (const section of [header, ...sections]) {
    at = align(at);
    out.set(new Uint8Array(section.buffer, section.byteOffset, section.byteLength), at);
    at += section.byteLength;
  }
  return out;
}

function align(offset: number): number {
  return (offset + 3) & ~3;
}

/** Why a prebuilt index cannot be used with a corpus. */
export type TextIndexFileProblem = 'not-an-index' | 'other-format' | 'other-corpus' | 'corrupt';

/** Checks the header of a prebuilt index against a corpus without reading the rest. */
export function checkTextIndexFile(data: Uint8Array, facts: readonly Fact[]): TextIndexFileProblem | undefined {
  if (data.length < 4 || MAGIC.some((byte, i) => data[i] !== byte)) return 'not-an-index';
  if (data[3] !== FORMAT) return 'other-format';
  if (data.length < 4 + 4 * HEADER) return 'corrupt';
  const fingerprint = new DataView(data.buffer, data.byteOffset + 4, 4).getUint32(0, true);
  return fingerprint === corpusFingerprint(facts) ? undefined : 'other-corpus';
}

/**
 * Reads a text index written by {@link writeTextIndex} for these facts, or
 * 'corrupt'; check the header with {@link checkTextIndexFile} first.
 */
export function readTextIndex(data: Uint8Array, facts: readonly Fact[], entities: ReadonlyMap<string, Entity>): TextIndex | 'corrupt' {
  try {
    return read(data, facts, entities);
  } catch (error) {
    if (error instanceof Corrupt || error instanceof RangeError) return 'corrupt';
    throw error;
  }
}

function read(data: Uint8Array, facts: readonly Fact[], entities: ReadonlyMap<string, Entity>): TextIndex {
  // Typed arrays start at multiples of their element size: copy a file that sits elsewhere in its buffer.
  const bytes = data.byteOffset % 4 === 0 ? data : data.slice();
  const buffer = bytes.buffer;
  let at = bytes.byteOffset + 4;
  const end = bytes.byteOffset + bytes.byteLength;
  function section<T>(make: new (buffer: ArrayBufferLike, offset: number, length: number) => T, size: number, length: number): T {
    at = align(at);
    if (length < 0 || at + size * length > end) throw new Corrupt();
    const view = new make(buffer, at, length);
    at += size * length;
    return view;
  }
  const [, n, activeDocs, tokens, skipListCount, skips, byteCount, hanTotal, bigramCount, rareCount, wordCount, wordSlots, wordTextLength] = section(
    Uint32Array,
    4,
    HEADER,
  ) as unknown as number[];
  if (n !== facts.length || activeDocs! > n!) throw new Corrupt();
  const lists = tokens! * SLOTS;
  const docFact = section(Int32Array, 4, n!);
  const docNorm = section(Float32Array, 4, n!);
  const docFlags = section(Uint8Array, 1, n!);
  const postings: Postings = {
    start: section(Uint32Array, 4, lists + 1),
    df: section(Uint32Array, 4, tokens!),
    skipLists: section(Int32Array, 4, skipListCount!),
    skipFrom: section(Uint32Array, 4, skipListCount! + 1),
    skipDoc: section(Int32Array, 4, skips!),
    skipOffset: section(Uint32Array, 4, skips!),
    bytes: section(Uint8Array, 1, byteCount!),
  };
  const hanChars = section(Int32Array, 4, hanTotal!);
  const localUnigrams = section(Int32Array, 4, hanTotal!);
  const localBigrams = new SortedIntTable(section(Int32Array, 4, bigramCount!), section(Int32Array, 4, bigramCount!));
  const rare = section(Int32Array, 4, 3 * rareCount!);
  const slots = section(Int32Array, 4, wordSlots!);
  const values = Array.from(section(Int32Array, 4, wordCount!));
  const wordText = section(Uint8Array, 1, wordTextLength!);
  if (at !== end || postings.start[lists] !== byteCount || postings.skipFrom[skipListCount!] !== skips) throw new Corrupt();
  if ((wordSlots! & (wordSlots! - 1)) !== 0 || !localBigrams.isSorted()) throw new Corrupt();
  for (let k = 0; k < n!; k++) if (docFact[k]! >= n! || docFact[k]! < 0) throw new Corrupt();

  // Han numbers: the file's own when this process has none yet, else renumbered.
  let unigrams: Int32Array;
  let bigrams: IntLookup;
  const rareBigrams = new Map<string, number>();
  let numbers: Int32Array | undefined;
  if (hanCount() === 0 && registerHans(hanChars)) {
    unigrams = localUnigrams;
    bigrams = localBigrams;
  } else {
    const renumbered = new Int32Array(hanTotal!);
    for (let i = 0; i < hanTotal!; i++) {
      const cp = hanChars[i]!;
      if (cp < 0 || cp > 0x3ffff) throw new Corrupt();
      renumbered[i] = hanNumber(cp);
    }
    numbers = renumbered;
    let top = 0;
    for (let i = 0; i < hanTotal!; i++) top = Math.max(top, renumbered[i]! + 1);
    unigrams = new Int32Array(Math.max(top, 4096)).fill(-1);
    for (let i = 0; i < hanTotal!; i++) unigrams[renumbered[i]!] = localUnigrams[i]!;
    const renumberedBigrams = new IntTable();
    bigrams = renumberedBigrams;
    localBigrams.forEach((key, token) => {
      const x = renumbered[Math.floor(key / PAIR_BASE)]!;
      const y = renumbered[key % PAIR_BASE]!;
      if (x < PAIR_BASE && y < PAIR_BASE) renumberedBigrams.set(pairOf(x, y), token);
      else rareBigrams.set(`${x},${y}`, token);
    });
  }
  for (let k = 0; k < rare.length; k += 3) {
    const x = numbers ? numbers[rare[k]!]! : rare[k]!;
    const y = numbers ? numbers[rare[k + 1]!]! : rare[k + 1]!;
    rareBigrams.set(`${x},${y}`, rare[k + 2]!);
  }

  const wordList = wordCount ? new TextDecoder().decode(wordText).split('\n') : [];
  if (wordList.length !== wordCount) throw new Corrupt();
  const words = new WordTable({ words: wordList, values, slots });
  return assembleTextIndex(
    { postings, docFact, docNorm, docFlags, activeDocs: activeDocs!, unigrams, bigrams, rareBigrams, words, sortedWords: wordList },
    facts,
    entities,
  );
}
