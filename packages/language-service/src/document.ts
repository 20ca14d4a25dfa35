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
  SUPPRESSION_MARK,
} from '@factcite/core';
import { CarriedLineIndex, lastAtOrBefore } from './line-starts.js';

/**
 * A report split into blocks that no citation can cross: runs of lines ended
 * by a blank line that lies outside every code block, code span and HTML
 * comment. Core's parser never lets a citation, a bracket group or a key cross
 * a blank line, and its value check never lets a sentence cross one, so
 * parsing and checking each block alone gives the same results as doing so
 * on the whole text (a test checks this on real and shuffled reports).
 *
 * A block's bounds live in its document's `starts`; what its text gives lives
 * in a Cell, which holds no offset into the whole text, so the next version
 * shares the cell of every block whose text it left alone, wherever that
 * block now starts, without copying it.
 */
interface Cell {
  /** Parse of the block's text, offsets relative to its start; filled on first use. */
  parsed?: ParsedCitations;
  /**
   * checkCitations of the block's text, offsets relative to its start: the
   * last check, by the index numbered `id` in indexIds and the options `key`,
   * then up to MORE_CHECKS earlier ones. Plain fields, not a WeakMap per
   * block: at 100,000 blocks those were half the heap of a 10 MB report, and
   * every collection had to walk them. An index let go leaves at most these
   * few lists behind, not itself.
   */
  id?: number;
  key?: string;
  found?: CitationDiagnostic[];
  more?: { id: number; key: string; found: CitationDiagnostic[] }[];
}

const MORE_CHECKS = 3;
/** The findings of a block with none, shared. */
const NO_FINDINGS: CitationDiagnostic[] = [];

/**
 * The blocks of a text and what is protected in it. Block k runs from
 * starts[k] to starts[k + 1] (the last entry is the text's length); protected
 * ranges are flat pairs [start, end, start, end, …], sorted and merged.
 */
interface Layout {
  starts: Int32Array;
  cells: Cell[];
  guarded: Int32Array;
  /** Blocks taken over from the previous version. */
  reused: number;
  /** How many times the text holds the mark every suppression comment starts with. */
  marks: number;
  /** When laid out from the previous version: its first `prefix` blocks and those from `suffixFrom` on are this one's first and last. */
  kept: { prefix: number; suffixFrom: number } | undefined;
}

/**
 * How a version's findings were made from an earlier version's: the first
 * `shared` are the same objects as `from`'s first (they lie before the edit),
 * and those from `moved` on are `from`'s from `movedFrom` on, moved past the
 * edit; the ones between are new.
 */
export interface FindingsOrigin {
  from: readonly CitationDiagnostic[];
  shared: number;
  moved: number;
  movedFrom: number;
}

/** The findings of a whole text for one index and options, before suppressions, in block order. */
interface Findings {
  /** Offsets into the whole text. Shared by the versions whose blocks they lie in: never changed. */
  found: CitationDiagnostic[];
  /** found[firsts[k]] is block k's first finding; one entry per block, then found.length. */
  firsts: Int32Array;
  origin: FindingsOrigin | undefined;
}

type FindingsByIndex = WeakMap<FactIndex, Map<string, Findings>>;

/**
 * How a version's blocks map to those of an earlier version with findings
 * (the previous one, or the last checked before it): the earlier version's
 * first `prefix` blocks are this one's, at the same offsets, and its blocks
 * from `suffixFrom` to its `fromCount`th are this one's last, `delta`
 * characters further on. Only the blocks between need checking.
 */
interface Carry {
  from: FindingsByIndex;
  prefix: number;
  suffixFrom: number;
  fromCount: number;
  delta: number;
}

/** A carry from A to B (B had `count` blocks) followed by an edit from B to C: the carry from A to C. */
function compose(first: Carry, prefix: number, suffixFrom: number, count: number, delta: number): Carry {
  // C keeps B's blocks from suffixFrom on; B's blocks from its own tail from A on are A's.
  const tail = count - Math.max(suffixFrom, count - (first.fromCount - first.suffixFrom));
  return {
    from: first.from,
    prefix: Math.min(first.prefix, prefix),
    suffixFrom: first.fromCount - tail,
    fromCount: first.fromCount,
    delta: first.delta + delta,
  };
}

// Each document's layout and findings, kept out of the public class so the next version can reuse them.
const layoutOf = new WeakMap<FactDocument, Layout>();
const findingsOf = new WeakMap<FactDocument, FindingsByIndex>();

/** A number per index, so that a block's last check is told apart without holding the index. */
const indexIds = new WeakMap<FactIndex, number>();
let nextIndexId = 0;

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

/** The fields {@link shifted} copies, each by name. */
type CopiedField =
  | 'start'
  | 'end'
  | 'severity'
  | 'code'
  | 'message'
  | 'detail'
  | 'factId'
  | 'suggestions'
  | 'successor'
  | 'mismatch'
  | 'rewrite'
  | 'uncited'
  | 'change';
/** Empty while shifted() copies every field of CitationDiagnostic: a field added there and not here fails to compile. */
type UncopiedFields = Record<Exclude<keyof CitationDiagnostic, CopiedField>, never>;

/** A block's diagnostic in the offsets of the whole text: its range, and the insertion point or edits it carries. */
function shifted(d: CitationDiagnostic & UncopiedFields, by: number): CitationDiagnostic {
  // Field by field rather than by spreading: findings come in many shapes, and a spread of many shapes is
  // V8's slow path, which made moving the findings after an edit the largest cost of a check.
  const out: CitationDiagnostic = { start: d.start + by, end: d.end + by, severity: d.severity, code: d.code, message: d.message, detail: d.detail };
  if (d.factId !== undefined) out.factId = d.factId;
  if (d.suggestions !== undefined) out.suggestions = d.suggestions;
  if (d.successor !== undefined) out.successor = d.successor;
  if (d.mismatch !== undefined) out.mismatch = d.mismatch;
  if (d.rewrite !== undefined) out.rewrite = d.rewrite;
  if (d.uncited !== undefined) out.uncited = d.uncited.insert ? { ...d.uncited, insert: { ...d.uncited.insert, at: d.uncited.insert.at + by } } : d.uncited;
  if (d.change !== undefined) out.change = { ...d.change, edits: d.change.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) };
  return out;
}

/** Sorted, merged ranges where the text must not be split, as flat pairs. */
function protectedRanges(text: string): Int32Array {
  const merged: number[] = [];
  for (const [s, e] of findIgnoredRanges(text)) {
    const last = merged.length - 1;
    if (last > 0 && s <= merged[last]!) merged[last] = Math.max(merged[last]!, e);
    else merged.push(s, e);
  }
  return Int32Array.from(merged);
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
function splitBlocks(text: string, guarded: Int32Array, from = 0, to = text.length, last?: { end: number }): number[] {
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
    while (r < guarded.length && guarded[r + 1]! <= blankStart) r += 2;
    if (r < guarded.length && guarded[r]! < cut) continue;
    cuts.push(cut);
  }
  return cuts;
}

/** Marks that open or close a code span or comment. */
const MARK = /`|<!--|-->/;
/** A line that could open or close a fenced code block. */
const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})/m;

/** Occurrences of the suppression mark in text[from, to). */
function countMarks(text: string, from: number, to: number): number {
  const part = text.slice(from, to);
  let n = 0;
  for (let at = part.indexOf(SUPPRESSION_MARK); at >= 0; at = part.indexOf(SUPPRESSION_MARK, at + 1)) n++;
  return n;
}

/** New cells, every field present from the start: objects of one shape keep V8's compiled code for them valid. */
const newCell = (): Cell => ({ parsed: undefined, id: undefined, key: undefined, found: undefined, more: undefined });
const newCells = (n: number): Cell[] => Array.from({ length: n }, newCell);

function layout(text: string): Layout {
  const guarded = protectedRanges(text);
  const cuts = splitBlocks(text, guarded).filter((c) => c < text.length);
  const starts = new Int32Array(cuts.length + 2);
  starts.set(cuts, 1);
  starts[cuts.length + 1] = text.length;
  return { starts, cells: newCells(cuts.length + 1), guarded, reused: 0, marks: countMarks(text, 0, text.length), kept: undefined };
}

/** Index of the last block starting at or before `offset` (the last start is the text's end, no block's). */
const blockAt = (starts: Int32Array, offset: number): number => lastAtOrBefore(starts, offset, starts.length - 1);

/**
 * The layout of a new version from the previous one's, reading only the
 * lines an edit touched. When neither the old nor the new text of those
 * lines holds a character that could open or close a code block, code span
 * or comment, every protected range is the old one (shifted past the edit),
 * and blank lines need finding only between the blocks around the edit.
 * Undefined when that does not hold: then the whole text is read again.
 */
function relayout(previous: Layout, old: string, text: string, prefix: number, suffix: number): Layout | undefined {
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

  const oldGuarded = previous.guarded;
  const guarded = new Int32Array(oldGuarded.length);
  for (let r = 0; r < oldGuarded.length; r += 2) {
    const s = oldGuarded[r]!;
    const e = oldGuarded[r + 1]!;
    // One left open runs to the end of the text, wherever that now is.
    if (e === old.length && s < prefix) guarded[r + 1] = text.length;
    else if (e <= prefix) guarded[r + 1] = e;
    else if (s >= oldChangeEnd) guarded[r + 1] = e + delta;
    else if (s < prefix && e >= oldChangeEnd) guarded[r + 1] = e + delta;
    // A range that ends or starts within the change would need a closing or opening mark there.
    else return undefined;
    guarded[r] = s >= oldChangeEnd ? s + delta : s;
  }

  const oldStarts = previous.starts;
  const oldCount = oldStarts.length - 1;
  // Resume from the last block start at or before the touched lines, where the old scan ended a match …
  let i = blockAt(oldStarts, start);
  // A block starting on the touched line joins the one before when the edit indents that line.
  if (i > 0 && oldStarts[i] === start && (indentedFour(old, start) || indentedFour(text, start))) i--;
  const resume = oldStarts[i]!;
  // … and scan until the first block start after them, where the new scan must end a match too.
  const j = Math.max(i + 1, blockAt(oldStarts, oldEnd) + 1);
  const to = j < oldCount ? oldStarts[j]! + delta : text.length;
  const last = { end: -1 };
  const found = splitBlocks(text, guarded, resume, to, last);
  if (j < oldCount && last.end !== to) return undefined;
  // Blocks before the touched one keep their bounds, blocks after it shift by the edit's length, and both
  // keep their cells (their text is the same); the blocks between are new.
  const middle = [resume, ...found.filter((c) => c > resume && c < to && c < text.length)];
  const starts = new Int32Array(i + middle.length + oldCount - j + 1);
  starts.set(oldStarts.subarray(0, i));
  starts.set(middle, i);
  for (let k = j, at = i + middle.length; k <= oldCount; k++, at++) starts[at] = oldStarts[k]! + delta;
  starts[starts.length - 1] = text.length;
  // A copy and a splice move the cells natively; concat or a loop of pushes took milliseconds at 100,000 blocks.
  const cells = previous.cells.slice();
  cells.splice(i, j - i, ...newCells(middle.length));
  // The mark holds no line break and every block but the last ends with one, so no mark spans two blocks:
  // the count changes only in the blocks between.
  const oldTo = j < oldCount ? oldStarts[j]! : old.length;
  const marks = previous.marks - countMarks(old, resume, oldTo) + countMarks(text, resume, to);
  return { starts, cells, guarded, reused: i + oldCount - j, marks, kept: { prefix: i, suffixFrom: j } };
}

/**
 * Carries cells over from the previous version's blocks. What a cell holds
 * depends only on its block's text, so a block lying wholly in the text the
 * edit left alone (the common prefix or suffix) keeps its cell wherever the
 * new version has a block with the same bounds. Both lists are sorted: one
 * merge pass. Returns how many blocks kept theirs.
 */
function reuseCells(previous: Layout, next: Layout, delta: number, prefix: number, suffixStart: number): number {
  const os = previous.starts;
  const ns = next.starts;
  const oldCount = os.length - 1;
  let reused = 0;
  let j = 0;
  for (let b = 0; b < ns.length - 1; b++) {
    if (ns[b + 1]! > prefix) break;
    while (j < oldCount && os[j]! < ns[b]!) j++;
    if (j < oldCount && os[j] === ns[b] && os[j + 1] === ns[b + 1]) {
      next.cells[b] = previous.cells[j]!;
      reused++;
    }
  }
  j = oldCount - 1;
  for (let b = ns.length - 2; b >= 0; b--) {
    if (ns[b]! - delta < suffixStart) break;
    while (j >= 0 && os[j]! > ns[b]! - delta) j--;
    if (j >= 0 && os[j] === ns[b]! - delta && os[j + 1] === ns[b + 1]! - delta) {
      next.cells[b] = previous.cells[j]!;
      reused++;
    }
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

/** What {@link FactDocument.check} checks besides citations: uncited claims, a pinned release, unused suppressions. */
export type DocumentCheckOptions = Pick<CheckCitationsOptions, 'uncited' | 'pinned' | 'reportUnusedSuppressions'>;

/**
 * A parsed report. Build the next version with `FactDocument.create(text, previous)`:
 * blocks whose text did not change keep their parse and their diagnostics.
 *
 * Cost of a new version of an n-character text after an edit: O(n) native
 * string comparison to find the changed span, then, when the edit brings or
 * takes away no character that could open or close a code block, code span
 * or comment (the usual keystroke), a copy of the old layout's typed arrays
 * (block starts, protected ranges) and of its list of cells, and a scan of
 * the blocks around the edit; otherwise O(n) to find code spans, code blocks
 * and comments (they can pair across the whole text) and blank lines again.
 * Only the blocks the edit touched are parsed and checked; a check of the
 * new version then shares the findings before the edit and copies those
 * after it to their new offsets (and diagnostics() does the same with their
 * LSP ranges), without visiting the blocks. Lookups at an offset are
 * O(log blocks) plus the parse of that one block on first use.
 */
export class FactDocument {
  readonly text: string;
  private readonly starts: Int32Array;
  private readonly cells: Cell[];
  private readonly guarded: Int32Array;
  private readonly marks: number;
  private lineIndex?: CarriedLineIndex;
  private checked = false;
  /** Where unchecked findings can come from: an earlier version's, for the blocks this one shares with it. */
  private carry?: Carry;

  /** How many blocks this version took over unchanged from the previous one. */
  readonly reusedBlocks: number;

  private constructor(text: string, layout: Layout) {
    this.text = text;
    this.reusedBlocks = layout.reused;
    this.starts = layout.starts;
    this.cells = layout.cells;
    this.guarded = layout.guarded;
    this.marks = layout.marks;
    layoutOf.set(this, layout);
    findingsOf.set(this, new WeakMap());
  }

  /** Parses a text, reusing the blocks of a previous version that the edit left alone. */
  static create(text: string, previous?: FactDocument): FactDocument {
    if (previous?.text === text) return previous;
    const prefix = previous ? commonPrefix(previous.text, text) : 0;
    const suffix = previous ? commonSuffix(previous.text, text, prefix) : 0;
    const old = previous && layoutOf.get(previous);
    let laid = old && relayout(old, previous.text, text, prefix, suffix);
    if (!laid) {
      laid = layout(text);
      if (old) laid.reused = reuseCells(old, laid, text.length - previous.text.length, prefix, previous.text.length - suffix);
    }
    const doc = new FactDocument(text, laid);
    // Blocks kept before and after the edit keep their findings too: from the previous version's, or through
    // it from the last version checked (an editor asks for hovers and completions between checks).
    if (previous && laid.kept) {
      const { prefix: p, suffixFrom } = laid.kept;
      const delta = text.length - previous.text.length;
      const count = previous.cells.length;
      if (previous.checked) doc.carry = { from: findingsOf.get(previous)!, prefix: p, suffixFrom, fromCount: count, delta };
      else if (previous.carry) doc.carry = compose(previous.carry, p, suffixFrom, count, delta);
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
    return this.cells.length;
  }

  private parsedBlock(k: number): ParsedCitations {
    const cell = this.cells[k]!;
    cell.parsed ??= detach(parseCitations(this.text.slice(this.starts[k], this.starts[k + 1])));
    return cell.parsed;
  }

  /** Every citation of the text, in order, with offsets into the whole text. */
  citations(): CitationRef[] {
    const out: CitationRef[] = [];
    for (let k = 0; k < this.cells.length; k++) {
      for (const c of this.parsedBlock(k).citations) out.push(shiftCitation(c, this.starts[k]!));
    }
    return out;
  }

  /** Every malformed citation, with offsets into the whole text. */
  malformed(): MalformedCitation[] {
    const out: MalformedCitation[] = [];
    for (let k = 0; k < this.cells.length; k++) {
      const at = this.starts[k]!;
      for (const m of this.parsedBlock(k).malformed) out.push({ ...m, start: m.start + at, end: m.end + at });
    }
    return out;
  }

  /** Citations of the block holding `offset`, with offsets into the whole text. */
  citationsNear(offset: number): CitationRef[] {
    const k = blockAt(this.starts, offset);
    return this.parsedBlock(k).citations.map((c) => shiftCitation(c, this.starts[k]!));
  }

  /** The citation whose `@fact:ID` key contains `offset` (its end included, where a cursor sits after typing). */
  citationAt(offset: number): CitationRef | undefined {
    return this.citationsNear(offset).find((c) => offset >= c.start && offset <= c.end);
  }

  /** Citations that overlap `[start, end]`, with offsets into the whole text. */
  citationsIn(start: number, end: number): CitationRef[] {
    const out: CitationRef[] = [];
    for (let k = blockAt(this.starts, start); k < this.cells.length; k++) {
      const at = this.starts[k]!;
      if (at > end) break;
      for (const c of this.parsedBlock(k).citations) {
        if (c.end + at >= start && c.start + at <= end) out.push(shiftCitation(c, at));
      }
    }
    return out;
  }

  /** Malformed citations that overlap `[start, end]`, with offsets into the whole text. */
  malformedIn(start: number, end: number): MalformedCitation[] {
    const out: MalformedCitation[] = [];
    for (let k = blockAt(this.starts, start); k < this.cells.length; k++) {
      const at = this.starts[k]!;
      if (at > end) break;
      for (const m of this.parsedBlock(k).malformed) {
        if (m.end + at >= start && m.start + at <= end) out.push({ ...m, start: m.start + at, end: m.end + at });
      }
    }
    return out;
  }

  /** Whether `offset` lies in a code span, code block or HTML comment, where nothing is a citation. */
  isIgnored(offset: number): boolean {
    const g = this.guarded;
    let lo = 0;
    let hi = g.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (offset < g[2 * mid]!) hi = mid - 1;
      else if (offset >= g[2 * mid + 1]!) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /**
   * core's checkCitations over the whole text, block by block, cached per
   * block, index and options; then the report's suppression comments,
   * applied to the whole text since a `factcite-disable` region runs across
   * blocks. A version built from a checked one checks only the blocks the
   * edit touched: the findings before the edit are the earlier version's,
   * those after it are copied, moved by the edit's length. The findings are
   * shared with the document's cache and its next versions: read them, do
   * not change them.
   */
  check(index: FactIndex, options: DocumentCheckOptions = {}): CitationDiagnostic[] {
    const steps = this.checkSteps(index, options);
    let step = steps.next();
    while (!step.done) step = steps.next();
    // Without a directive applySuppressions returns the list as it is: a text without the mark has none.
    if (this.marks === 0) return step.value;
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
    const key = optionsKey(options);
    const findings = findingsOf.get(this)!;
    const done = findings.get(index)?.get(key);
    if (done) return done.found.slice();
    let id = indexIds.get(index);
    if (id === undefined) {
      id = nextIndexId++;
      indexIds.set(index, id);
    }
    const count = this.cells.length;
    const firsts = new Int32Array(count + 1);
    let found: CitationDiagnostic[] = [];
    let origin: FindingsOrigin | undefined;
    const carry = this.carry;
    const base = carry?.from.get(index)?.get(key);
    if (carry && base) {
      // The blocks before the edit: the earlier version's findings, the same objects at the same offsets.
      found = base.found.slice(0, base.firsts[carry.prefix]);
      firsts.set(base.firsts.subarray(0, carry.prefix));
      // The blocks the edit touched.
      const tail = count - (carry.fromCount - carry.suffixFrom);
      for (let k = carry.prefix; k < tail; k++) {
        firsts[k] = found.length;
        if (this.blockFindings(k, index, id, key, options, found)) yield;
      }
      // The blocks after it: the earlier version's findings, moved by the edit's length.
      origin = { from: base.found, shared: base.firsts[carry.prefix]!, moved: found.length, movedFrom: base.firsts[carry.suffixFrom]! };
      moveTail(base, carry, tail, found, firsts);
    } else {
      for (let k = 0; k < count; k++) {
        firsts[k] = found.length;
        if (this.blockFindings(k, index, id, key, options, found)) yield;
      }
    }
    firsts[count] = found.length;
    let byOptions = findings.get(index);
    if (!byOptions) {
      byOptions = new Map();
      findings.set(index, byOptions);
    }
    byOptions.set(key, { found, firsts, origin });
    this.checked = true;
    // The earlier version's findings are no longer needed to check this one: let them go.
    this.carry = undefined;
    return found.slice();
  }

  /** Appends the findings of block k at their offsets in the whole text; true when it had to check the block, false when they were cached. */
  private blockFindings(k: number, index: FactIndex, id: number, key: string, options: DocumentCheckOptions, out: CitationDiagnostic[]): boolean {
    const cell = this.cells[k]!;
    let found = cell.id === id && cell.key === key ? cell.found : undefined;
    let checked = false;
    if (!found) {
      const at = cell.more?.findIndex((c) => c.id === id && c.key === key) ?? -1;
      if (at >= 0) found = cell.more!.splice(at, 1)[0]!.found;
      else {
        const blockText = this.text.slice(this.starts[k], this.starts[k + 1]);
        found = detach(
          checkCitations(blockText, index, {
            uncited: options.uncited ?? false,
            ...(options.pinned ? { pinned: options.pinned } : {}),
            suppressions: false,
          }),
        );
        if (found.length === 0) found = NO_FINDINGS;
        checked = true;
      }
      // The one asked for now goes first; the one it displaces is kept among the few before it.
      if (cell.found) {
        cell.more ??= [];
        cell.more.unshift({ id: cell.id!, key: cell.key!, found: cell.found });
        if (cell.more.length > MORE_CHECKS) cell.more.pop();
      }
      cell.id = id;
      cell.key = key;
      cell.found = found;
    }
    const at = this.starts[k]!;
    for (const d of found) out.push(shifted(d, at));
    return checked;
  }
}

/**
 * Appends the earlier version's findings of the blocks after the edit (from
 * `tail` on in this version), moved by the edit's length, and sets those
 * blocks' first indices.
 */
function moveTail(base: Findings, carry: Carry, tail: number, found: CitationDiagnostic[], firsts: Int32Array): void {
  const from = base.firsts[carry.suffixFrom]!;
  const by = found.length - from;
  for (let k = tail, b = carry.suffixFrom; k < firsts.length - 1; k++, b++) firsts[k] = base.firsts[b]! + by;
  for (let x = from; x < base.found.length; x++) found.push(shifted(base.found[x]!, carry.delta));
}

// A pinned release is told apart by its version: a new corpus brings a new index, and so a new cache.
const optionsKey = (options: DocumentCheckOptions) => `${options.uncited ? 'uncited' : ''}|${options.pinned?.version ?? ''}`;

/**
 * What {@link FactDocument.check} returned, as the document keeps it, and
 * how it was made from an earlier version's, when nothing was suppressed
 * (the text holds no suppression comment) and it has been checked with
 * these options: else undefined. For the diagnostics' own cache; never
 * changed by the caller.
 */
export function checkedFindings(
  doc: FactDocument,
  index: FactIndex,
  options: DocumentCheckOptions,
): { found: readonly CitationDiagnostic[]; origin?: FindingsOrigin } | undefined {
  if (layoutOf.get(doc)!.marks !== 0) return undefined;
  return findingsOf.get(doc)!.get(index)?.get(optionsKey(options));
}

/** A {@link FactDocument} for a text, or the document itself. */
export function toDocument(input: DocumentInput): FactDocument {
  return typeof input === 'string' ? FactDocument.create(input) : input;
}
