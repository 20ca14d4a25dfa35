/**
 * Linear scans of Markdown text that the citation parser builds on: line
 * breaks (`\n`, `\r\n` and a lone `\r`), backslash escapes, blank lines, and
 * the places where Pandoc reads no citation at all (code, math, link
 * destinations, autolinks, raw HTML, reference definitions). Every function
 * here reads its text a bounded number of times, whatever the text holds.
 */

/** A line of a text: [start, end) without its line break; `next` is where the following line starts. */
export interface LineSpan {
  start: number;
  end: number;
  next: number;
}

/** The lines of a text, split at `\n`, `\r\n` and a lone `\r`, as the Language Server Protocol splits them. */
export function lineSpans(text: string): LineSpan[] {
  const lines: LineSpan[] = [];
  const breaks = /\r\n?|\n/g;
  let start = 0;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    lines.push({ start, end: m.index, next: m.index + m[0].length });
    start = m.index + m[0].length;
  }
  lines.push({ start, end: text.length, next: text.length });
  return lines;
}

/** Whether a line holds nothing but spaces and tabs. */
function isBlankLine(text: string, line: LineSpan): boolean {
  for (let i = line.start; i < line.end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** For each offset, 1 when an odd number of backslashes stands right before it (the character is escaped). */
export function escapeMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length + 1);
  let run = 0;
  for (let i = 0; i <= text.length; i++) {
    mask[i] = run & 1;
    run = text.charCodeAt(i) === 92 ? run + 1 : 0;
  }
  return mask;
}

/** Sorts ranges and merges those that overlap or touch. */
export function mergeRanges(ranges: [number, number][]): [number, number][] {
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of ranges) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/** Whether `i` lies in one of a list of sorted, disjoint half-open ranges. */
export function inSortedRanges(ranges: readonly (readonly [number, number])[], i: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = ranges[mid]!;
    if (i < s) hi = mid - 1;
    else if (i >= e) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Columns of leading white space (a tab counts to the next multiple of four). */
function indentOf(text: string, line: LineSpan): number {
  let col = 0;
  for (let i = line.start; i < line.end; i++) {
    const c = text[i];
    if (c === ' ') col++;
    else if (c === '\t') col += 4 - (col % 4);
    else break;
  }
  return col;
}

/** Ranges of fenced code blocks: a line opening with ``` or ~~~ (up to three spaces in), closed by a line of at least as many. */
function fencedBlocks(text: string, lines: readonly LineSpan[]): [number, number][] {
  const ranges: [number, number][] = [];
  let fence: { char: string; length: number; start: number } | undefined;
  for (const span of lines) {
    const line = text.slice(span.start, span.end);
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (m && m[1]![0] === fence.char && m[1]!.length >= fence.length && line.trim() === m[1]) {
        ranges.push([fence.start, span.end]);
        fence = undefined;
      }
    } else if (m && !(m[1]![0] === '`' && line.slice(m[0].length).includes('`'))) {
      fence = { char: m[1]![0]!, length: m[1]!.length, start: span.start };
    }
  }
  if (fence) ranges.push([fence.start, text.length]);
  return ranges;
}

/**
 * Ranges of code spans, fenced code blocks and HTML comments, where nothing
 * is a citation. These are the constructs that can run across blank lines;
 * the ones that stay inside a paragraph are in {@link findParagraphOpaqueRanges}.
 */
export function findIgnoredRanges(text: string): [number, number][] {
  const ranges = fencedBlocks(text, lineSpans(text));
  // Fence ranges are sorted and disjoint, so a binary search keeps long reports linear.
  const inFence = (i: number) => inSortedRanges(ranges, i);
  const extra: [number, number][] = [];
  // Code spans: a run of n backticks closed by the next run of exactly n.
  const runs = [...text.matchAll(/`+/g)].filter((m) => !inFence(m.index));
  // The next run of the same length after each run, found in one backward pass.
  const nextSame: number[] = new Array(runs.length);
  const lastByLength = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    const length = runs[i]![0].length;
    nextSame[i] = lastByLength.get(length) ?? -1;
    lastByLength.set(length, i);
  }
  for (let i = 0; i < runs.length; i++) {
    const close = nextSame[i]!;
    if (close < 0) continue;
    const open = runs[i]!;
    const end = runs[close]!;
    extra.push([open.index, end.index + end[0].length]);
    i = close;
  }
  // One indexOf per comment: an unclosed one runs to the end, so the scan never restarts inside it.
  // A `<!--` inside a fenced block is code, not a comment: the scan goes on
  // right after it, so the `-->` it does not own still closes a real comment
  // further on (skipping to that `-->` hid the comment, and a citation in it
  // was read as one).
  for (let at = text.indexOf('<!--'); at >= 0; ) {
    if (inFence(at)) {
      at = text.indexOf('<!--', at + 4);
      continue;
    }
    const close = text.indexOf('-->', at + 4);
    const end = close < 0 ? text.length : close + 3;
    extra.push([at, end]);
    at = end >= text.length ? -1 : text.indexOf('<!--', end);
  }
  return [...ranges, ...extra].sort((a, b) => a[0] - b[0]);
}

/** A list item's first line: a bullet or a number, then a space. */
const LIST_ITEM = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
/** A reference definition: `[label]: destination`, at most three spaces in. */
const REFERENCE_DEFINITION = /^ {0,3}\[(?:[^\]\\\n]|\\.){1,999}\]:/;
/** HTML blocks whose content Pandoc keeps raw. */
const RAW_BLOCK = /^ {0,3}<(pre|script|style|textarea)(?=[\s>])/i;

/** A paragraph: the lines between blank lines. */
export interface Paragraph {
  start: number;
  end: number;
  lines: LineSpan[];
}

/** The paragraphs of a text, in order. */
export function paragraphsOf(text: string, lines: readonly LineSpan[] = lineSpans(text)): Paragraph[] {
  const out: Paragraph[] = [];
  let current: LineSpan[] = [];
  const flush = () => {
    if (current.length) out.push({ start: current[0]!.start, end: current[current.length - 1]!.end, lines: current });
    current = [];
  };
  for (const line of lines) {
    if (isBlankLine(text, line)) flush();
    else current.push(line);
  }
  flush();
  return out;
}

/**
 * Indented code blocks: lines four columns in after a blank line (or at the
 * start), when the paragraph before is neither a list item nor indented
 * itself (then Pandoc reads the lines as more of the list item). The rule
 * looks back no further than the paragraph before, so a reader that splits
 * a text at blank lines before unindented lines reads the same.
 */
function indentedCode(text: string, paragraphs: readonly Paragraph[]): [number, number][] {
  const ranges: [number, number][] = [];
  let previous: 'none' | 'code' | 'plain' | 'list' = 'none';
  for (const p of paragraphs) {
    const first = p.lines[0]!;
    const opensCode = indentOf(text, first) >= 4 && (previous === 'none' || previous === 'code' || previous === 'plain');
    if (opensCode) {
      // Code runs while lines stay indented; a line that is not ends it and starts a paragraph.
      let k = 0;
      while (k < p.lines.length && indentOf(text, p.lines[k]!) >= 4) k++;
      ranges.push([first.start, p.lines[k - 1]!.end]);
      if (k === p.lines.length) {
        previous = 'code';
        continue;
      }
    }
    // What a following indented paragraph belongs to depends on this paragraph's last kind of line.
    const last = p.lines[p.lines.length - 1]!;
    const anyListItem = p.lines.some((l) => LIST_ITEM.test(text.slice(l.start, Math.min(l.end, l.start + 16))));
    previous = anyListItem || indentOf(text, first) > 0 || indentOf(text, last) > 0 ? 'list' : 'plain';
  }
  return ranges;
}

/** Reference definition lines at the start of a paragraph, and raw HTML blocks (to their closing tag, within the paragraph). */
function definitionsAndRawBlocks(text: string, paragraphs: readonly Paragraph[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const p of paragraphs) {
    for (const line of p.lines) {
      const head = text.slice(line.start, Math.min(line.end, line.start + 1024));
      if (!REFERENCE_DEFINITION.test(head)) break;
      ranges.push([line.start, line.end]);
    }
    for (const line of p.lines) {
      const m = RAW_BLOCK.exec(text.slice(line.start, Math.min(line.end, line.start + 16)));
      if (!m) continue;
      const close = text.slice(line.start, p.end).toLowerCase().indexOf(`</${m[1]!.toLowerCase()}>`);
      ranges.push([line.start, close < 0 ? p.end : line.start + close + m[1]!.length + 3]);
      break;
    }
  }
  return ranges;
}

/** Autolinks `<scheme:…>` and inline HTML tags `<tag …>`, `</tag>`: neither crosses a `<` or `>`. */
function autolinksAndTags(text: string, p: Paragraph, out: [number, number][]): void {
  const slice = text.slice(p.start, p.end);
  for (const m of slice.matchAll(/<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?)>/g)) {
    out.push([p.start + m.index, p.start + m.index + m[0].length]);
  }
}

/** Index of the first of a sorted list of offsets at or after `from`. */
function firstAtOrAfter(sorted: readonly number[], from: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inline math `$…$` (no space inside either `$`, the closing one not before a digit) and display math `$$…$$`. */
function mathSpans(
  text: string,
  p: Paragraph,
  allDollars: readonly number[],
  skip: (i: number) => boolean,
  escaped: Uint8Array,
  out: [number, number][],
): void {
  const dollars: number[] = [];
  for (let k = firstAtOrAfter(allDollars, p.start); k < allDollars.length && allDollars[k]! < p.end; k++) {
    const i = allDollars[k]!;
    if (!escaped[i] && !skip(i)) dollars.push(i);
  }
  if (dollars.length < 2) return;
  const at = new Set(dollars);
  const space = (i: number) => i < p.start || i >= p.end || /\s/.test(text[i]!);
  // Next `$` that can close inline math, and next `$$`, for every `$`: one backward pass each.
  const nextCloser = new Int32Array(dollars.length).fill(-1);
  const nextDouble = new Int32Array(dollars.length).fill(-1);
  let closer = -1;
  let double = -1;
  for (let k = dollars.length - 1; k >= 0; k--) {
    nextCloser[k] = closer;
    nextDouble[k] = double;
    const i = dollars[k]!;
    if (!space(i - 1) && !/[0-9]/.test(text[i + 1] ?? '')) closer = k;
    if (at.has(i + 1)) double = k;
  }
  for (let k = 0; k < dollars.length; k++) {
    const i = dollars[k]!;
    if (at.has(i + 1)) {
      // Display math: `$$` to the next `$$` after it.
      let d = nextDouble[k + 1] ?? -1;
      if (d >= 0 && dollars[d]! === i + 2) d = nextDouble[d]!;
      if (d >= 0 && dollars[d]! > i + 2) {
        out.push([i, dollars[d]! + 2]);
        k = d + 1;
        continue;
      }
      k++;
      continue;
    }
    if (space(i + 1)) continue;
    const c = nextCloser[k]!;
    if (c < 0) continue;
    out.push([i, dollars[c]! + 1]);
    k = c;
  }
}

/** For each `[` of a paragraph, the matching `]`, and for each `(` its `)`; escaped and skipped ones take no part. */
export function matchPairs(text: string, from: number, to: number, skip: (i: number) => boolean, escaped: Uint8Array, close: Map<number, number>): void {
  const square: number[] = [];
  const round: number[] = [];
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 91 && c !== 93 && c !== 40 && c !== 41) continue;
    if (escaped[i] || skip(i)) continue;
    if (c === 91) square.push(i);
    else if (c === 40) round.push(i);
    else if (c === 93) {
      const open = square.pop();
      if (open !== undefined) close.set(open, i);
    } else {
      const open = round.pop();
      if (open !== undefined) close.set(open, i);
    }
  }
}

/** Link destinations and titles: the `(…)` right after a link text's `]`. */
function linkTargets(text: string, p: Paragraph, skip: (i: number) => boolean, escaped: Uint8Array, out: [number, number][]): void {
  const close = new Map<number, number>();
  matchPairs(text, p.start, p.end, skip, escaped, close);
  for (const [open, end] of close) {
    if (text[open] !== '[' || text[end + 1] !== '(') continue;
    const paren = close.get(end + 1);
    if (paren !== undefined) out.push([end + 1, paren + 1]);
  }
}

/**
 * Ranges inside paragraphs where Pandoc reads no citation: indented code,
 * inline and display math, link destinations and titles, autolinks, raw
 * HTML tags and blocks, reference definitions. `ignored` holds the ranges of
 * {@link findIgnoredRanges} (merged), inside which nothing opens here.
 */
export function findParagraphOpaqueRanges(
  text: string,
  ignored: readonly [number, number][],
  escaped: Uint8Array,
  paragraphs: readonly Paragraph[] = paragraphsOf(text),
): [number, number][] {
  // Each construct is looked for only when the text holds the mark that opens it: most paragraphs hold none.
  const out: [number, number][] = [];
  if (/^(?: {4}| {0,3}\t)/m.test(text)) out.push(...indentedCode(text, paragraphs));
  const angle = text.includes('<');
  if (angle || text.includes(']:')) out.push(...definitionsAndRawBlocks(text, paragraphs));
  if (angle) for (const p of paragraphs) autolinksAndTags(text, p, out);
  // Tags and autolinks outrank math and links: `<a href="$x$">` holds no math.
  const tagged = out.length ? mergeRanges([...ignored.map(([s, e]) => [s, e] as [number, number]), ...out]) : ignored;
  const skipTagged = (i: number) => inSortedRanges(tagged, i);
  const inner: [number, number][] = [];
  // Every `$` of the text, found once; each paragraph takes its own by binary search.
  const dollars: number[] = [];
  for (let i = text.indexOf('$'); i >= 0; i = text.indexOf('$', i + 1)) dollars.push(i);
  if (dollars.length > 1) for (const p of paragraphs) mathSpans(text, p, dollars, skipTagged, escaped, inner);
  if (text.includes('](')) {
    const withMath = inner.length ? mergeRanges([...tagged.map(([s, e]) => [s, e] as [number, number]), ...inner]) : tagged;
    for (const p of paragraphs) linkTargets(text, p, (i) => inSortedRanges(withMath, i), escaped, inner);
  }
  return mergeRanges([...out, ...inner]);
}
