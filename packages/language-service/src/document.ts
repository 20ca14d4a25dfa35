import {
  type CitationDiagnostic,
  type CitationRef,
  checkCitations,
  type FactIndex,
  findIgnoredRanges,
  LineIndex,
  type MalformedCitation,
  type ParsedCitations,
  parseCitations,
} from '@factcite/core';
import { memoizedIndex } from './memo.js';

/**
 * A report split into blocks that no citation can cross: runs of lines ended
 * by a blank line that lies outside every code block, code span and HTML
 * comment. Core's parser never lets a citation, a bracket group or a key cross
 * a blank line, so parsing each block alone gives the same citations as
 * parsing the whole text (a test checks this on real and shuffled reports).
 */
interface Block {
  start: number;
  end: number;
  /** Parse of the block's text, offsets relative to `start`; filled on first use. */
  parsed?: ParsedCitations;
  /** checkCitations of the block's text per index, offsets relative to `start`. */
  diagnostics?: WeakMap<FactIndex, CitationDiagnostic[]>;
}

// Each document's blocks, kept out of the public class so the next version can reuse them.
const blocksOf = new WeakMap<FactDocument, readonly Block[]>();

/** Anything the service accepts as a document: its text, or a parsed {@link FactDocument}. */
export type DocumentInput = string | FactDocument;

const CHUNK = 1 << 16;

/** Length of the common prefix of two strings, comparing long chunks natively first. */
function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= max && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix of two strings, not reaching into the first `floor` characters of either. */
function commonSuffix(a: string, b: string, floor: number): number {
  const max = Math.min(a.length, b.length) - floor;
  let i = 0;
  while (i + CHUNK <= max && a.slice(a.length - i - CHUNK, a.length - i) === b.slice(b.length - i - CHUNK, b.length - i)) i += CHUNK;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/**
 * Copies plain data into fresh strings. Slices of a long text can keep the
 * whole text alive in V8; blocks outlive the version they were parsed in, so
 * their results must not hold on to it.
 */
function detach<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Sorted, merged ranges where the text must not be split. */
function protectedRanges(text: string): [number, number][] {
  const ranges = findIgnoredRanges(text);
  // Core's comment scan consumes a whole `<!-- … -->` match even when it then
  // discards it (it opens inside a code block); keep those spans whole too.
  for (const m of text.matchAll(/<!--[\s\S]*?(?:-->|$)/g)) ranges.push([m.index, m.index + m[0].length]);
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of ranges) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/** Block boundaries: the offset just after each blank line outside a protected range. */
function splitBlocks(text: string, guarded: readonly [number, number][]): number[] {
  const cuts: number[] = [];
  let r = 0;
  for (const m of text.matchAll(/\n[ \t\r]*\n/g)) {
    // The blank line starts after the first "\n" and ends with the second.
    const blankStart = m.index + 1;
    const cut = m.index + m[0].length;
    while (r < guarded.length && guarded[r]![1] <= blankStart) r++;
    const range = guarded[r];
    if (range && range[0] < cut) continue;
    cuts.push(cut);
  }
  return cuts;
}

function binarySearchBlock(blocks: readonly Block[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Carries parses over from the previous version's blocks. A block's parse
 * depends only on its own text, so one lying wholly in the text the edit left
 * alone (the common prefix or suffix) is reused wherever the new version has
 * a block with the same bounds. Both lists are sorted: one merge pass.
 */
function reuseBlocks(previous: FactDocument, text: string, blocks: Block[]): number {
  const old = previous.text;
  const oldBlocks = blocksOf.get(previous) ?? [];
  const prefix = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, prefix);
  const delta = text.length - old.length;
  let reused = 0;
  const carry = (from: Block, to: Block) => {
    if (from.parsed) to.parsed = from.parsed;
    if (from.diagnostics) to.diagnostics = from.diagnostics;
    reused++;
  };
  let j = 0;
  for (const b of blocks) {
    if (b.end > prefix) break;
    while (j < oldBlocks.length && oldBlocks[j]!.start < b.start) j++;
    const o = oldBlocks[j];
    if (o && o.start === b.start && o.end === b.end) carry(o, b);
  }
  const suffixStart = old.length - suffix;
  j = oldBlocks.length - 1;
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (b.start - delta < suffixStart) break;
    while (j >= 0 && oldBlocks[j]!.start > b.start - delta) j--;
    const o = oldBlocks[j];
    if (o && o.start === b.start - delta && o.end === b.end - delta) carry(o, b);
  }
  return reused;
}

function shiftCitation(c: CitationRef, by: number): CitationRef {
  return {
    ...c,
    start: c.start + by,
    end: c.end + by,
    idStart: c.idStart + by,
    idEnd: c.idEnd + by,
    ...(c.group ? { group: { start: c.group.start + by, end: c.group.end + by } } : {}),
  };
}

/**
 * A parsed report. Build the next version with `FactDocument.create(text, previous)`:
 * blocks whose text did not change keep their parse and their diagnostics.
 *
 * Cost of a new version of an n-character text after an edit: O(n) native
 * string comparison to find the changed span, O(n) to find code spans, code
 * blocks and comments (they can pair across the whole text) and blank lines,
 * and parsing only the blocks the edit touched. Lookups at an offset are
 * O(log blocks) plus the parse of that one block on first use.
 */
export class FactDocument {
  readonly text: string;
  private readonly blocks: Block[];
  private readonly guarded: [number, number][];
  private lineIndex?: LineIndex;

  /** How many blocks this version took over unchanged from the previous one. */
  readonly reusedBlocks: number;

  private constructor(text: string, blocks: Block[], guarded: [number, number][], reusedBlocks: number) {
    this.text = text;
    this.reusedBlocks = reusedBlocks;
    this.blocks = blocks;
    this.guarded = guarded;
    blocksOf.set(this, blocks);
  }

  /** Parses a text, reusing the blocks of a previous version that the edit left alone. */
  static create(text: string, previous?: FactDocument): FactDocument {
    if (previous?.text === text) return previous;
    const guarded = protectedRanges(text);
    const cuts = splitBlocks(text, guarded);
    const starts = [0, ...cuts.filter((c) => c < text.length)];
    const blocks: Block[] = starts.map((start, i) => ({ start, end: starts[i + 1] ?? text.length }));

    const reused = previous ? reuseBlocks(previous, text, blocks) : 0;
    return new FactDocument(text, blocks, guarded, reused);
  }

  /** Line and UTF-16 character positions of this text (built once). */
  get lines(): LineIndex {
    this.lineIndex ??= new LineIndex(this.text);
    return this.lineIndex;
  }

  /** Number of blocks the text is split into (for diagnostics of the model itself). */
  get blockCount(): number {
    return this.blocks.length;
  }

  private parsedBlock(block: Block): ParsedCitations {
    block.parsed ??= detach(parseCitations(this.text.slice(block.start, block.end)));
    return block.parsed;
  }

  /** Every citation of the text, in order, with offsets into the whole text. */
  citations(): CitationRef[] {
    const out: CitationRef[] = [];
    for (const block of this.blocks) {
      for (const c of this.parsedBlock(block).citations) out.push(shiftCitation(c, block.start));
    }
    return out;
  }

  /** Every malformed citation, with offsets into the whole text. */
  malformed(): MalformedCitation[] {
    const out: MalformedCitation[] = [];
    for (const block of this.blocks) {
      for (const m of this.parsedBlock(block).malformed) out.push({ ...m, start: m.start + block.start, end: m.end + block.start });
    }
    return out;
  }

  /** Citations of the block holding `offset`, with offsets into the whole text. */
  citationsNear(offset: number): CitationRef[] {
    const block = this.blocks[binarySearchBlock(this.blocks, offset)]!;
    return this.parsedBlock(block).citations.map((c) => shiftCitation(c, block.start));
  }

  /** The citation whose `@fact:ID` key contains `offset` (its end included, where a cursor sits after typing). */
  citationAt(offset: number): CitationRef | undefined {
    return this.citationsNear(offset).find((c) => offset >= c.start && offset <= c.end);
  }

  /** Citations that overlap `[start, end]`, with offsets into the whole text. */
  citationsIn(start: number, end: number): CitationRef[] {
    const out: CitationRef[] = [];
    for (let i = binarySearchBlock(this.blocks, start); i < this.blocks.length; i++) {
      const block = this.blocks[i]!;
      if (block.start > end) break;
      for (const c of this.parsedBlock(block).citations) {
        if (c.end + block.start >= start && c.start + block.start <= end) out.push(shiftCitation(c, block.start));
      }
    }
    return out;
  }

  /** Malformed citations that overlap `[start, end]`, with offsets into the whole text. */
  malformedIn(start: number, end: number): MalformedCitation[] {
    const out: MalformedCitation[] = [];
    for (let i = binarySearchBlock(this.blocks, start); i < this.blocks.length; i++) {
      const block = this.blocks[i]!;
      if (block.start > end) break;
      for (const m of this.parsedBlock(block).malformed) {
        if (m.end + block.start >= start && m.start + block.start <= end) out.push({ ...m, start: m.start + block.start, end: m.end + block.start });
      }
    }
    return out;
  }

  /** Whether `offset` lies in a code span, code block or HTML comment, where nothing is a citation. */
  isIgnored(offset: number): boolean {
    let lo = 0;
    let hi = this.guarded.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [s, e] = this.guarded[mid]!;
      if (offset < s) hi = mid - 1;
      else if (offset >= e) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /** core's checkCitations over the whole text, block by block, cached per block and index. */
  check(index: FactIndex): CitationDiagnostic[] {
    const steps = this.checkSteps(index);
    for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
  }

  /**
   * {@link check} as steps: pauses after each block it had to check, so that
   * a caller can spread a long first check over many turns of the event loop
   * (see runInSlices) and drop it when the text changes. Blocks checked before
   * a pause stay cached, so an abandoned run is not wasted.
   */
  *checkSteps(index: FactIndex): Generator<void, CitationDiagnostic[], void> {
    const memo = memoizedIndex(index);
    const out: CitationDiagnostic[] = [];
    for (const block of this.blocks) {
      block.diagnostics ??= new WeakMap();
      let found = block.diagnostics.get(index);
      if (!found) {
        found = detach(checkCitations(this.text.slice(block.start, block.end), memo));
        block.diagnostics.set(index, found);
        yield;
      }
      for (const d of found) out.push({ ...d, start: d.start + block.start, end: d.end + block.start });
    }
    return out;
  }
}

/** A {@link FactDocument} for a text, or the document itself. */
export function toDocument(input: DocumentInput): FactDocument {
  return typeof input === 'string' ? FactDocument.create(input) : input;
}
