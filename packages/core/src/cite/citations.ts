/**
 * Pandoc-style fact citations in Markdown: `[@fact:ID]`, groups
 * `[see @fact:a, p. 3; @fact:b]`, author-suppressed `[-@fact:a]` and in-text
 * `@fact:a`. Offsets are UTF-16 code unit indices into the text, as JavaScript
 * strings and the Language Server Protocol count them.
 */
import { expectText } from '../errors.js';
import { canonicalCitationText, type FactToken, factTokens, firstTokenFrom, imeMessage } from './ime-citations.js';
import {
  escapeMask,
  findIgnoredRanges,
  findParagraphOpaqueRanges,
  inSortedRanges,
  lineSpans,
  matchPairs,
  mergeRanges,
  type Paragraph,
  paragraphsOf,
} from './markdown-scan.js';
import { described, type MessageRef } from '../messages/format.js';

export { findIgnoredRanges };

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
  /** What is wrong, in English. */
  message: string;
  /** The same by catalogue id, for a front end that shows it in another language. */
  detail: MessageRef;
  /** Canonical text that, put in place of [start, end), makes the citation what the writer meant. */
  rewrite?: string;
  /** The fact id the attempt names, when it names exactly one (so a checker can look it up). */
  id?: string;
}

export interface ParsedCitations {
  citations: CitationRef[];
  malformed: MalformedCitation[];
}

/** Reads a citation key from `from`; returns its end. Trailing punctuation is dropped, but not below `floor`. */
function readKey(text: string, from: number, floor: number): number {
  let end = from;
  while (end < text.length) {
    const cp = text.codePointAt(end)!;
    const ch = String.fromCodePoint(cp);
    if (!KEY_CHAR.test(ch)) break;
    end += ch.length;
  }
  // As in Pandoc, trailing punctuation ends the sentence, not the key.
  while (end > floor && /[.:,;?#$%&\-+<>~/]/.test(text[end - 1]!)) end--;
  return end;
}

/** The end of the key of `@fact:…` at `at`: never inside `fact:` itself. */
function factKeyEnd(text: string, at: number): number {
  const floor = at + 1 + FACT_KEY_PREFIX.length;
  return Math.max(readKey(text, at + 1, floor), floor);
}

function checkId(id: string, idStart: number, idEnd: number, out: MalformedCitation[]): boolean {
  if (id === '') {
    out.push({ start: idStart - FACT_KEY_PREFIX.length - 1, end: idEnd, ...described({ id: 'citation.no-id' }) });
    return false;
  }
  if (!ID_PATTERN.test(id)) {
    out.push({
      start: idStart,
      end: idEnd,
      ...described({ id: 'citation.invalid-id', params: { id } }),
    });
    return false;
  }
  return true;
}

/**
 * The id a rewrite cites, read by this parser: the rewrite must parse with no
 * problem and cite exactly one fact. A rewrite is canonical (ASCII marks, an
 * `@` on every key), so reading it never asks for another rewrite.
 */
function soleId(rewrite: string): string | undefined {
  const { citations, malformed } = parseCitations(rewrite);
  return malformed.length === 0 && citations.length === 1 ? citations[0]!.id : undefined;
}

/** A citation attempt typed with an IME: one problem over the whole of it, with its canonical rewrite. */
function imeAttempt(text: string, start: number, end: number, rewrite = canonicalCitationText(text.slice(start, end))): MalformedCitation {
  const id = soleId(rewrite);
  return { start, end, ...described(imeMessage(text.slice(start, end), rewrite)), rewrite, ...(id ? { id } : {}) };
}

/** A key typed with an IME, or `；` before a key: what makes a group an IME attempt. */
const IME_KEY = /＠fact|fact：|；\s*-?[@＠]?fact[:：]/;

/** Everything the parser reads a text with, each built in one pass. */
interface Scan {
  text: string;
  escaped: Uint8Array;
  ignored: (i: number) => boolean;
  /** The `]` matching each `[`, and the `)` matching each `(`, within a paragraph. */
  close: Map<number, number>;
  paragraphs: Paragraph[];
  tokens: FactToken[];
  /** Where the line holding an offset ends. */
  lineEnd: (i: number) => number;
  /** Number of `;` before each offset. */
  semicolons: Int32Array;
}

function scan(text: string): Scan {
  const escaped = escapeMask(text);
  const code = mergeRanges(findIgnoredRanges(text));
  const lines = lineSpans(text);
  const paragraphs = paragraphsOf(text, lines);
  const ignoredRanges = mergeRanges([...code, ...findParagraphOpaqueRanges(text, code, escaped, paragraphs)]);
  const ignored = (i: number) => inSortedRanges(ignoredRanges, i);
  const close = new Map<number, number>();
  for (const p of paragraphs) matchPairs(text, p.start, p.end, ignored, escaped, close);
  const semicolons = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) semicolons[i + 1] = semicolons[i]! + (text.charCodeAt(i) === 59 ? 1 : 0);
  const lineEnd = (i: number) => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid]!.start <= i) lo = mid;
      else hi = mid - 1;
    }
    return lines[lo]!.end;
  };
  return { text, escaped, ignored, close, paragraphs, tokens: factTokens(text, escaped, ignored), lineEnd, semicolons };
}

/** Whether an `@` at `i` can start a citation: not escaped, not inside a word or an e-mail address. */
function canStartCitation(s: Scan, i: number): boolean {
  if (s.escaped[i]) return false;
  const before = i > 0 ? s.text[i - 1]! : '';
  return !/[\p{L}\p{N}_.+@]/u.test(before);
}

/**
 * Full-width bracket pairs (`【】`, `［］`, one family, as IMEs type either)
 * and mixed pairs (`【…]`, `[…】`) that hold a fact key outside any ASCII
 * group: one pass over the brackets of each paragraph.
 */
function fullWidthGroups(s: Scan, asciiGroups: readonly [number, number][]): MalformedCitation[] {
  const { text, close, ignored } = s;
  const closedAscii = new Set(close.values());
  const out: MalformedCitation[] = [];
  const wide: number[] = [];
  const orphanAscii: number[] = [];
  const attempt = (open: number, end: number) => {
    const token = firstTokenFrom(s.tokens, open + 1);
    if (!token || token.start >= end || inSortedRanges(asciiGroups, token.start)) return;
    out.push(imeAttempt(text, open, end + 1));
  };
  for (const p of s.paragraphs) {
    wide.length = 0;
    orphanAscii.length = 0;
    for (let i = p.start; i < p.end; i++) {
      const c = text.charCodeAt(i);
      // 【 ［ 】 ］ [ ]
      if (c !== 0x3010 && c !== 0xff3b && c !== 0x3011 && c !== 0xff3d && c !== 91 && c !== 93) continue;
      if (ignored(i) || s.escaped[i]) continue;
      if (c === 0x3010 || c === 0xff3b) wide.push(i);
      else if (c === 91) {
        if (!close.has(i)) orphanAscii.push(i);
      } else if (c === 0x3011 || c === 0xff3d) {
        const open = wide.pop() ?? orphanAscii.pop();
        if (open !== undefined) attempt(open, i);
      } else if (wide.length && !closedAscii.has(i)) attempt(wide.pop()!, i);
    }
  }
  return out;
}

/** Parses every fact citation in a Markdown text, with exact ranges, and reports malformed ones. */
export function parseCitations(text: string): ParsedCitations {
  expectText(text, 'parseCitations', 'text');
  const s = scan(text);
  const { ignored, close, escaped } = s;
  const citations: CitationRef[] = [];
  const malformed: MalformedCitation[] = [];
  const claimed: [number, number][] = [];
  const hasToken = (from: number, to: number) => {
    const t = firstTokenFrom(s.tokens, from);
    return t !== undefined && t.start < to;
  };

  // Outermost matched ASCII brackets: a full-width pair around a canonical group is prose, not an attempt.
  const asciiGroups: [number, number][] = [];
  for (const [open, end] of close) if (text[open] === '[') asciiGroups.push([open, end + 1]);
  const wide = fullWidthGroups(s, mergeRanges(asciiGroups));
  const wideRanges = mergeRanges(wide.map((m) => [m.start, m.end]));
  malformed.push(...wide);

  // Bracketed groups first.
  for (let open = text.indexOf('['); open >= 0; open = text.indexOf('[', open + 1)) {
    if (ignored(open) || escaped[open] || inSortedRanges(wideRanges, open)) continue;
    const end = close.get(open) ?? -1;
    const innerEnd = end < 0 ? s.lineEnd(open) : end;
    if (!hasToken(open + 1, innerEnd)) continue;
    if (end < 0) {
      malformed.push({ start: open, end: innerEnd, ...described({ id: 'citation.group-unclosed' }) });
      claimed.push([open, innerEnd]);
      open = innerEnd - 1;
      continue;
    }
    // A bracket followed by ( or [ is link text, not a citation group.
    if (text[end + 1] === '(' || (text[end + 1] === '[' && s.semicolons[end]! === s.semicolons[open + 1]!)) continue;
    claimed.push([open, end + 1]);
    const groupStart = open;
    open = end;
    const inner = text.slice(groupStart + 1, end);
    // Typed with an IME: one problem for the group; the canonical keys in it are still read, as Pandoc reads them.
    const ime = IME_KEY.test(inner);
    const problems: MalformedCitation[] = [];
    if (ime) malformed.push(imeAttempt(text, groupStart, end + 1));
    let partStart = groupStart + 1;
    const parts: [number, number][] = [];
    for (let i = groupStart + 1; i <= end; i++) {
      if (i === end || (text[i] === ';' && !ignored(i))) {
        parts.push([partStart, i]);
        partStart = i + 1;
      }
    }
    for (const [ps, pe] of parts) {
      const part = text.slice(ps, pe);
      const found: { at: number; suppress: boolean }[] = [];
      for (const m of part.matchAll(/@/g)) {
        const at = ps + m.index;
        const suppress = text[at - 1] === '-' && at - 1 >= ps && canStartCitation(s, at - 1);
        if (suppress || canStartCitation(s, at)) found.push({ at, suppress });
      }
      const factKeys = found.filter((k) => text.startsWith(`@${FACT_KEY_PREFIX}`, k.at));
      if (factKeys.length === 0) {
        const bare = /(?<![A-Za-z0-9_@＠-])fact:[a-z0-9-]+/.exec(part);
        if (bare) {
          const at = ps + bare.index;
          const keyEnd = readKey(text, at, at + FACT_KEY_PREFIX.length);
          const rewrite = `@${text.slice(at, keyEnd)}`;
          const id = soleId(rewrite);
          problems.push({ start: at, end: keyEnd, ...described({ id: 'citation.needs-at', params: { rewrite } }), rewrite, ...(id ? { id } : {}) });
        }
        continue;
      }
      if (factKeys.length > 1) {
        const second = factKeys[1]!.at;
        problems.push({ start: second, end: factKeyEnd(text, second), ...described({ id: 'citation.separate' }) });
      }
      const key = factKeys[0]!;
      const keyEnd = factKeyEnd(text, key.at);
      const idStart = key.at + 1 + FACT_KEY_PREFIX.length;
      const id = text.slice(idStart, keyEnd);
      if (!checkId(id, idStart, keyEnd, problems)) continue;
      citations.push({
        id,
        start: key.suppress ? key.at - 1 : key.at,
        end: keyEnd,
        idStart,
        idEnd: keyEnd,
        group: { start: groupStart, end: end + 1 },
        prefix: text.slice(ps, key.suppress ? key.at - 1 : key.at).trim(),
        suffix: text.slice(keyEnd, pe).trim(),
        suppressAuthor: key.suppress,
      });
    }
    if (!ime) malformed.push(...problems);
  }

  // In-text citations outside any group; groups were claimed in order and never overlap.
  const inClaimed = (i: number) => inSortedRanges(claimed, i);
  for (const token of s.tokens) {
    const at = token.start;
    if (inClaimed(at)) continue;
    if (!token.canonical) {
      // `＠fact:id` or `@fact：id` on its own: the writer meant a citation; Pandoc reads none.
      // Typed in Chinese prose with no space: the id is the ASCII run after the colon.
      const keyEnd = token.end + (/^[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*/.exec(text.slice(token.end, token.end + 256))?.[0].length ?? 0);
      if (token.atSign && keyEnd > token.end && !inSortedRanges(wideRanges, at)) {
        malformed.push(imeAttempt(text, at, keyEnd, `[@fact:${text.slice(token.end, keyEnd)}]`));
      }
      continue;
    }
    // Inside 【】 Pandoc still reads `@fact:id` (in-text); it stays a citation so its id is checked, while the 【】 is flagged.
    if (!canStartCitation(s, at)) continue;
    const keyEnd = factKeyEnd(text, at);
    const idStart = at + 1 + FACT_KEY_PREFIX.length;
    const id = text.slice(idStart, keyEnd);
    if (!checkId(id, idStart, keyEnd, malformed)) continue;
    citations.push({ id, start: at, end: keyEnd, idStart, idEnd: keyEnd, prefix: '', suffix: '', suppressAuthor: false });
  }

  citations.sort((a, b) => a.start - b.start);
  malformed.sort((a, b) => a.start - b.start);
  return { citations, malformed };
}
