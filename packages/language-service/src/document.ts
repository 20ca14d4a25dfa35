import {
  applySuppressions,
  type CheckCitationsOptions,
  type CitationDiagnostic,
  type CitationRef,
  checkCitations,
  type FactIndex,
  findIgnoredRanges,
  type LineIndex,
  type MalformedCitation,
  type ParsedCitations,
  parseCitations,
} from '@factcite/core';
import { CarriedLineIndex } from './line-starts.js';

/**
 * A report split into blocks that no citation can cross: runs of lines ended
 * by a blank line that lies outside every code block, code span and HTML
 * comment. Core's parser never lets a citation, a bracket group or a key cross
 * a blank line, and its value check never lets a sentence cross one, so
 * parsing and checking each block alone gives the same results as doing so
 * on the whole text (a test checks this on real and shuffled reports).
 */
interface Block {
  start: number;
  end: number;
  /** Parse of the block's text, offsets relative to `start`; filled on first use. */
  parsed?: ParsedCitations;
  /** checkCitations of the block's text per index, offsets relative to `start`. */
  diagnostics?: WeakMap<FactIndex, Map<string, CitationDiagnostic[]>>;
}

// Each document's blocks and protected ranges, kept out of the public class so the next version can reuse them.
const blocksOf = new WeakMap<FactDocument, readonly Block[]>();
const guardedOf = new WeakMap<FactDocument, readonly [number, number][]>();

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

/** A block's diagnostic in the offsets of the whole text: its range, and the insertion point or edits it carries. */
function shifted(d: CitationDiagnostic, by: number): CitationDiagnostic {
  const out: CitationDiagnostic = { ...d, start: d.start + by, end: d.end + by };
  if (d.uncited?.insert) out.uncited = { ...d.uncited, insert: { ...d.uncited.insert, at: d.uncited.insert.at + by } };
  if (d.change) out.change = { ...d.change, edits: d.change.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) };
  return out;
}

/** Sorted, merged ranges where the text must not be split. */
function protectedRanges(text: string): [number, number][] {
  const ranges = findIgnoredRanges(text);
  const merged: [number, number][] = [];
  for (const [s, e] of ranges) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

const BLANK_LINE = /\n[ \t\r]*\n/g;

/** Whether the line at `at` starts with four columns of white space (a tab reaches the next multiple of four). */
function indentedFour(text: string, at: number): boolean {
  let col = 0;
  for (let i = at; col < 4; i++) {
    if (text[i] === ' ') col++;
    else if (text[i] === '\t') col += 4 - (col % 4);
    else return false;
  }
  return true;
}

/**
 * Block boundaries in text[from, to): the offset just after each blank line
 * outside a protected range. `from` must be where a scan of the whole text
 * would resume (0 or the end of a blank line); `last` receives where the
 * scan's last match ended.
 */
function splitBlocks(text: string, guarded: readonly [number, number][], from = 0, to = text.length, last?: { end: number }): number[] {
  const cuts: number[] = [];
  let r = 0;
  BLANK_LINE.lastIndex = from;
  for (let m = BLANK_LINE.exec(text); m && m.index < to; m = BLANK_LINE.exec(text)) {
    // The blank line starts after the first "\n" and ends with the second.
    const blankStart = m.index + 1;
    const cut = m.index + m[0].length;
    if (last) last.end = cut;
    if (cut > to) break;
    // A line four columns in after a blank line is code or more of a list item, depending on the paragraph before: keep them together.
    if (indentedFour(text, cut)) continue;
    while (r < guarded.length && guarded[r]![1] <= blankStart) r++;
    const range = guarded[r];
    if (range && range[0] < cut) continue;
    cuts.push(cut);
  }
  return cuts;
}

/** Marks that open or close a code span or comment. */
const MARK = /`|<!--|-->/;
/** A line that could open or close a fenced code block. */
const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})/m;

/** The blocks of a text and what is protected in it. */
interface Layout {
  guarded: [number, number][];
  blocks: Block[];
  /** Blocks taken over from the previous version. */
  reused: number;
}

function blocksAt(starts: number[], end: number): Block[] {
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? end }));
}

function layout(text: string): Layout {
  const guarded = protectedRanges(text);
  return { guarded, blocks: blocksAt([0, ...splitBlocks(text, guarded).filter((c) => c < text.length)], text.length), reused: 0 };
}

/**
 * The layout of a new version from the previous one's, reading only the
 * lines an edit touched. When neither the old nor the new text of those
 * lines holds a character that could open or close a code block, code span
 * or comment, every protected range is the old one (shifted past the edit),
 * and blank lines need finding only between the blocks around the edit.
 * Undefined when that does not hold: then the whole text is read again.
 */
function relayout(previous: FactDocument, text: string, prefix: number, suffix: number): Layout | undefined {
  const old = previous.text;
  const delta = text.length - old.length;
  const oldChangeEnd = old.length - suffix;
  // The touched lines: from the start of the line of the first change to the end of the line of the last.
  const start = old.lastIndexOf('\n', prefix - 1) + 1;
  let oldEnd = old.indexOf('\n', oldChangeEnd);
  if (oldEnd < 0) oldEnd = old.length;
  const newEnd = oldEnd + delta;
  // No touched line may be a fence, before or after; no backtick, "<!--" or "-->" may be in or overlap the
  // change, before or after (a run of backticks could grow or split, a comment mark could form or break).
  if (FENCE_LINE.test(old.slice(start, oldEnd)) || FENCE_LINE.test(text.slice(start, newEnd))) return undefined;
  const from = Math.max(0, prefix - 3);
  if (MARK.test(old.slice(from, oldChangeEnd + 3)) || MARK.test(text.slice(from, oldChangeEnd + delta + 3))) return undefined;

  const guarded: [number, number][] = [];
  for (const [s, e] of guardedOf.get(previous) ?? []) {
    // One left open runs to the end of the text, wherever that now is.
    if (e === old.length && s < prefix) guarded.push([s, text.length]);
    else if (e <= prefix) guarded.push([s, e]);
    else if (s >= oldChangeEnd) guarded.push([s + delta, e + delta]);
    else if (s < prefix && e >= oldChangeEnd) guarded.push([s, e + delta]);
    // A range that ends or starts within the change would need a closing or opening mark there.
    else return undefined;
  }

  const oldBlocks = blocksOf.get(previous) ?? [];
  // Resume from the last block start at or before the touched lines, where the old scan ended a match …
  let i = oldBlocks.length - 1;
  while (i > 0 && oldBlocks[i]!.start > start) i--;
  // A block starting on the touched line joins the one before when the edit indents that line.
  if (i > 0 && oldBlocks[i]!.start === start && (indentedFour(old, start) || indentedFour(text, start))) i--;
  const resume = oldBlocks[i]?.start ?? 0;
  // … and scan until the first block start after them, where the new scan must end a match too.
  let j = i + 1;
  while (j < oldBlocks.length && oldBlocks[j]!.start <= oldEnd) j++;
  const to = j < oldBlocks.length ? oldBlocks[j]!.start + delta : text.length;
  const last = { end: -1 };
  const found = splitBlocks(text, guarded, resume, to, last);
  if (j < oldBlocks.length && last.end !== to) return undefined;
  // Blocks before the touched one are the old ones, shared (their text and bounds are the same); blocks
  // after it keep their parse and diagnostics at shifted bounds; the blocks between are new.
  const blocks = oldBlocks.slice(0, i);
  blocks.push(...blocksAt([resume, ...found.filter((c) => c > resume && c < to && c < text.length)], to));
  for (let k = j; k < oldBlocks.length; k++) {
    const o = oldBlocks[k]!;
    const b: Block = { start: o.start + delta, end: o.end + delta };
    if (o.parsed) b.parsed = o.parsed;
    if (o.diagnostics) b.diagnostics = o.diagnostics;
    blocks.push(b);
  }
  return { guarded, blocks, reused: i + oldBlocks.length - j };
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
function reuseBlocks(previous: FactDocument, text: string, blocks: Block[], prefix: number, suffix: number): number {
  const old = previous.text;
  const oldBlocks = blocksOf.get(previous) ?? [];
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
 * string comparison to find the changed span, then, when the edit brings or
 * takes away no character that could open or close a code block, code span
 * or comment (the usual keystroke), O(blocks) to carry the old layout over
 * and a scan of the blocks around the edit; otherwise O(n) to find code
 * spans, code blocks and comments (they can pair across the whole text) and
 * blank lines again. Only the blocks the edit touched are parsed. Lookups at
 * an offset are O(log blocks) plus the parse of that one block on first use.
 */
/** What {@link FactDocument.check} checks besides citations: uncited claims, a pinned release, unused suppressions. */
export type DocumentCheckOptions = Pick<CheckCitationsOptions, 'uncited' | 'pinned' | 'reportUnusedSuppressions'>;

export class FactDocument {
  readonly text: string;
  private readonly blocks: Block[];
  private readonly guarded: [number, number][];
  private lineIndex?: CarriedLineIndex;

  /** How many blocks this version took over unchanged from the previous one. */
  readonly reusedBlocks: number;

  private constructor(text: string, blocks: Block[], guarded: [number, number][], reusedBlocks: number) {
    this.text = text;
    this.reusedBlocks = reusedBlocks;
    this.blocks = blocks;
    this.guarded = guarded;
    blocksOf.set(this, blocks);
    guardedOf.set(this, guarded);
  }

  /** Parses a text, reusing the blocks of a previous version that the edit left alone. */
  static create(text: string, previous?: FactDocument): FactDocument {
    if (previous?.text === text) return previous;
    const prefix = previous ? commonPrefix(previous.text, text) : 0;
    const suffix = previous ? commonSuffix(previous.text, text, prefix) : 0;
    const carried = previous && relayout(previous, text, prefix, suffix);
    let doc: FactDocument;
    if (carried) doc = new FactDocument(text, carried.blocks, carried.guarded, carried.reused);
    else {
      const { guarded, blocks } = layout(text);
      doc = new FactDocument(text, blocks, guarded, previous ? reuseBlocks(previous, text, blocks, prefix, suffix) : 0);
    }
    // An editor that asked for positions in the last version will ask again: carry its line starts over.
    if (previous?.lineIndex) doc.lineIndex = previous.lineIndex.carry(text, prefix, previous.text.length - suffix, text.length - suffix);
    return doc;
  }

  /** Line and UTF-16 character positions of this text (built once). */
  get lines(): LineIndex {
    this.lineIndex ??= CarriedLineIndex.of(this.text);
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

  /**
   * core's checkCitations over the whole text, block by block, cached per
   * block, index and options; then the report's suppression comments,
   * applied to the whole text since a `factcite-disable` region runs across
   * blocks.
   */
  check(index: FactIndex, options: DocumentCheckOptions = {}): CitationDiagnostic[] {
    const steps = this.checkSteps(index, options);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return applySuppressions(this.text, step.value, { reportUnused: options.reportUnusedSuppressions ?? false }).diagnostics;
  }

  /**
   * {@link check} as steps: pauses after each block it had to check, so that
   * a caller can spread a long first check over many turns of the event loop
   * (see runInSlices) and drop it when the text changes. Blocks checked before
   * a pause stay cached, so an abandoned run is not wasted. The result is
   * before suppressions.
   */
  *checkSteps(index: FactIndex, options: DocumentCheckOptions = {}): Generator<void, CitationDiagnostic[], void> {
    const out: CitationDiagnostic[] = [];
    // A pinned release is told apart by its version: a new corpus brings a new index, and so a new cache.
    const key = `${options.uncited ? 'uncited' : ''}|${options.pinned?.version ?? ''}`;
    for (const block of this.blocks) {
      block.diagnostics ??= new WeakMap();
      let byOptions = block.diagnostics.get(index);
      if (!byOptions) {
        byOptions = new Map();
        block.diagnostics.set(index, byOptions);
      }
      let found = byOptions.get(key);
      if (!found) {
        found = detach(
          checkCitations(this.text.slice(block.start, block.end), index, {
            uncited: options.uncited ?? false,
            ...(options.pinned ? { pinned: options.pinned } : {}),
            suppressions: false,
          }),
        );
        byOptions.set(key, found);
        yield;
      }
      for (const d of found) out.push(shifted(d, block.start));
    }
    return out;
  }
}

/** A {@link FactDocument} for a text, or the document itself. */
export function toDocument(input: DocumentInput): FactDocument {
  return typeof input === 'string' ? FactDocument.create(input) : input;
}
