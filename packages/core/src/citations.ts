/**
 * Pandoc-style fact citations in Markdown: `[@fact:ID]`, groups
 * `[see @fact:a, p. 3; @fact:b]`, author-suppressed `[-@fact:a]` and in-text
 * `@fact:a`. Offsets are UTF-16 code unit indices into the text, as JavaScript
 * strings and the Language Server Protocol count them.
 */
import { expectText } from './errors.js';

/** The citation key prefix that marks a fact. */
export const FACT_KEY_PREFIX = 'fact:';

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Characters Pandoc allows inside a citation key after its first character.
const KEY_CHAR = /[\p{L}\p{N}_:.#$%&\-+?<>~/]/u;

/** One cited fact in a text. */
export interface CitationRef {
  /** The fact id, without the `fact:` prefix. */
  id: string;
  /** Range of `@fact:ID` (or `-@fact:ID`). */
  start: number;
  end: number;
  /** Range of the id alone. */
  idStart: number;
  idEnd: number;
  /** Range of the bracketed group it belongs to, or undefined for an in-text citation. */
  group?: { start: number; end: number };
  /** Text before the key in its part of the group (`see`). */
  prefix: string;
  /** Text after the key in its part of the group (`, p. 3`). */
  suffix: string;
  suppressAuthor: boolean;
}

/** Text that looks meant as a fact citation but cannot be read as one. */
export interface MalformedCitation {
  start: number;
  end: number;
  message: string;
}

export interface ParsedCitations {
  citations: CitationRef[];
  malformed: MalformedCitation[];
}

/** Ranges of code spans, fenced code blocks and HTML comments, where nothing is a citation. */
export function findIgnoredRanges(text: string): [number, number][] {
  expectText(text, 'findIgnoredRanges', 'text');
  const ranges: [number, number][] = [];
  // Fenced code blocks: a line opening with ``` or ~~~ (up to three spaces in),
  // closed by a line with the same character at least as many times.
  const lines = text.split('\n');
  let offset = 0;
  let fence: { char: string; length: number; start: number } | undefined;
  for (const line of lines) {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (m && m[1]![0] === fence.char && m[1]!.length >= fence.length && line.trim() === m[1]) {
        ranges.push([fence.start, offset + line.length]);
        fence = undefined;
      }
    } else if (m && !(m[1]![0] === '`' && line.slice(m[0].length).includes('`'))) {
      fence = { char: m[1]![0]!, length: m[1]!.length, start: offset };
    }
    offset += line.length + 1;
  }
  if (fence) ranges.push([fence.start, text.length]);

  // Fence ranges are sorted and disjoint, so a binary search keeps long reports linear.
  const inRanges = (i: number) => inSortedRanges(ranges, i);
  const extra: [number, number][] = [];
  // Code spans: a run of n backticks closed by the next run of exactly n.
  const runs = [...text.matchAll(/`+/g)].filter((m) => !inRanges(m.index));
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
  for (const m of text.matchAll(/<!--[\s\S]*?(?:-->|$)/g)) if (!inRanges(m.index)) extra.push([m.index, m.index + m[0].length]);
  return [...ranges, ...extra].sort((a, b) => a[0] - b[0]);
}

/** Whether `i` lies in one of a list of sorted, disjoint half-open ranges. */
function inSortedRanges(ranges: readonly (readonly [number, number])[], i: number): boolean {
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

function isEscaped(text: string, i: number): boolean {
  let n = 0;
  for (let j = i - 1; j >= 0 && text[j] === '\\'; j--) n++;
  return n % 2 === 1;
}

/** Reads a citation key starting at `at` (just after `@`); returns its end. */
function readKey(text: string, at: number): number {
  let end = at;
  while (end < text.length) {
    const cp = text.codePointAt(end)!;
    const ch = String.fromCodePoint(cp);
    if (!KEY_CHAR.test(ch)) break;
    end += ch.length;
  }
  // As in Pandoc, trailing punctuation ends the sentence, not the key.
  while (end > at && /[.:,;?#$%&\-+<>~/]/.test(text[end - 1]!) && text.slice(at, end) !== FACT_KEY_PREFIX) end--;
  return end;
}

/** Whether an `@` at `i` can start a citation: not inside a word or an e-mail address. */
function canStartCitation(text: string, i: number): boolean {
  if (isEscaped(text, i)) return false;
  const before = i > 0 ? text[i - 1]! : '';
  return !/[\p{L}\p{N}_.+@]/u.test(before);
}

function checkId(id: string, idStart: number, idEnd: number, out: MalformedCitation[]): boolean {
  if (id === '') {
    out.push({ start: idStart - FACT_KEY_PREFIX.length - 1, end: idEnd, message: 'fact citation has no id after "@fact:"' });
    return false;
  }
  if (!ID_PATTERN.test(id)) {
    out.push({
      start: idStart,
      end: idEnd,
      message: `"${id}" is not a valid fact id: ids are kebab-case (lowercase letters, digits, single hyphens)`,
    });
    return false;
  }
  return true;
}

/** Finds the `]` closing the bracket opened at `open`, not crossing a blank line. */
function findClose(text: string, open: number, ignored: (i: number) => boolean): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i]!;
    // A blank line ends the paragraph, and with it any open bracket.
    if (ch === '\n' && /^[ \t\r]*(\n|$)/.test(text.slice(i + 1, i + 64))) return -1;
    if (ignored(i) || isEscaped(text, i)) continue;
    if (ch === '[') depth++;
    else if (ch === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Parses every fact citation in a Markdown text, with exact ranges, and reports malformed ones. */
export function parseCitations(text: string): ParsedCitations {
  expectText(text, 'parseCitations', 'text');
  // Code spans, comments and fences can overlap; merged, they can be binary
  // searched, which keeps long reports linear.
  const ignoredRanges: [number, number][] = [];
  for (const [s, e] of findIgnoredRanges(text)) {
    const last = ignoredRanges[ignoredRanges.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else ignoredRanges.push([s, e]);
  }
  const ignored = (i: number) => inSortedRanges(ignoredRanges, i);
  const citations: CitationRef[] = [];
  const malformed: MalformedCitation[] = [];
  const claimed: [number, number][] = [];

  // Bracketed groups first.
  for (let open = text.indexOf('['); open >= 0; open = text.indexOf('[', open + 1)) {
    if (ignored(open) || isEscaped(text, open)) continue;
    const close = findClose(text, open, ignored);
    const inner = close < 0 ? text.slice(open + 1, text.indexOf('\n', open) < 0 ? text.length : text.indexOf('\n', open)) : text.slice(open + 1, close);
    if (!/(^|[^\p{L}\p{N}_.+@])-?@fact:/u.test(inner)) continue;
    if (close < 0) {
      const lineEnd = open + 1 + inner.length;
      malformed.push({ start: open, end: lineEnd, message: 'citation group is not closed with "]"' });
      claimed.push([open, lineEnd]);
      open = lineEnd - 1;
      continue;
    }
    // A bracket followed by ( or [ is link text, not a citation group.
    if (text[close + 1] === '(' || (text[close + 1] === '[' && !text.slice(open + 1, close).includes(';'))) continue;
    claimed.push([open, close + 1]);
    const groupStart = open;
    open = close;
    let partStart = groupStart + 1;
    const parts: [number, number][] = [];
    for (let i = groupStart + 1; i <= close; i++) {
      if (i === close || (text[i] === ';' && !ignored(i))) {
        parts.push([partStart, i]);
        partStart = i + 1;
      }
    }
    for (const [ps, pe] of parts) {
      const part = text.slice(ps, pe);
      const found: { at: number; suppress: boolean }[] = [];
      for (const m of part.matchAll(/@/g)) {
        const at = ps + m.index;
        const suppress = text[at - 1] === '-' && at - 1 >= ps && canStartCitation(text, at - 1);
        if (suppress || canStartCitation(text, at)) found.push({ at, suppress });
      }
      const factKeys = found.filter((k) => text.startsWith(`@${FACT_KEY_PREFIX}`, k.at));
      if (factKeys.length === 0) {
        if (/\bfact:[a-z0-9-]+/.test(part)) {
          const at = ps + part.search(/\bfact:/);
          malformed.push({ start: at, end: readKey(text, at), message: 'citation key needs "@" before "fact:"' });
        }
        continue;
      }
      if (factKeys.length > 1) {
        const second = factKeys[1]!.at;
        malformed.push({ start: second, end: readKey(text, second + 1), message: 'separate cited facts with ";"' });
      }
      const key = factKeys[0]!;
      const keyEnd = readKey(text, key.at + 1);
      const idStart = key.at + 1 + FACT_KEY_PREFIX.length;
      const id = text.slice(idStart, keyEnd);
      if (!checkId(id, idStart, keyEnd, malformed)) continue;
      citations.push({
        id,
        start: key.suppress ? key.at - 1 : key.at,
        end: keyEnd,
        idStart,
        idEnd: keyEnd,
        group: { start: groupStart, end: close + 1 },
        prefix: text.slice(ps, key.suppress ? key.at - 1 : key.at).trim(),
        suffix: text.slice(keyEnd, pe).trim(),
        suppressAuthor: key.suppress,
      });
    }
  }

  // In-text citations outside any group.
  // Groups were claimed in order and never overlap.
  const inClaimed = (i: number) => inSortedRanges(claimed, i);
  for (const m of text.matchAll(/@fact:/g)) {
    const at = m.index;
    if (ignored(at) || inClaimed(at) || !canStartCitation(text, at)) continue;
    const keyEnd = readKey(text, at + 1);
    const idStart = at + 1 + FACT_KEY_PREFIX.length;
    const id = text.slice(idStart, keyEnd);
    if (!checkId(id, idStart, keyEnd, malformed)) continue;
    citations.push({ id, start: at, end: keyEnd, idStart, idEnd: keyEnd, prefix: '', suffix: '', suppressAuthor: false });
  }

  citations.sort((a, b) => a.start - b.start);
  malformed.sort((a, b) => a.start - b.start);
  return { citations, malformed };
}
