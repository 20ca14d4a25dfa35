/**
 * The sentences of a report, as the value check reads them.
 *
 * Sentences end at 。！？；!?; and at a full stop followed by a space, at a
 * line that opens a Markdown block (heading, list item, quote, table row) and
 * always at a blank line. Because no sentence crosses a blank line, checking
 * a report paragraph by paragraph (as the language service's incremental
 * document does) gives the same result as checking it whole.
 */
import { type CitationRef, findIgnoredRanges, type MalformedCitation, type ParsedCitations, parseCitations } from './citations.js';

/** A sentence of a report, by UTF-16 offsets. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/** Stands in for citations, code and comments, so their digits are not read and their `;` and `.` do not end a sentence. */
const MASK = '\uFFFC';

/** Replaces the given ranges (line breaks aside) by MASK, keeping every offset. Linear in the text. */
function mask(text: string, ranges: readonly (readonly [number, number])[]): string {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let at = 0;
  for (const [s, e] of sorted) {
    const from = Math.max(at, s);
    const to = Math.min(e, text.length);
    if (to <= from) continue;
    // Most ranges (a citation) lie on one line: a run of MASK, without a regular expression per
    // range. (Looking for the line break only within the range keeps this linear.)
    let oneLine = true;
    for (let k = from; k < to && oneLine; k++) if (text.charCodeAt(k) === 10) oneLine = false;
    parts.push(text.slice(at, from), oneLine ? MASK.repeat(to - from) : text.slice(from, to).replace(/[^\n]/g, MASK));
    at = to;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function citationRange(c: CitationRef): [number, number] {
  return c.group ? [c.group.start, c.group.end] : [c.start, c.end];
}

// A line that opens a Markdown block starts a sentence of its own.
const BLOCK_START = /^[ \t]*(?:#{1,6}\s|>|[-*+]\s|\d{1,9}[.)]\s|\|)/;
const HEADING_OR_ROW = /^[ \t]*(?:#{1,6}\s|\|)/;
// Abbreviations whose full stop does not end an English sentence.
const ABBREVIATION = /(?:^|[^A-Za-z])(?:e\.g|i\.e|etc|vs|cf|Mr|Mrs|Ms|Dr|Prof|St|No|Nos|Inc|Ltd|Co|Corp|Jr|Sr|approx|est|Fig|U\.S|U\.K|a\.m|p\.m|[A-Z])$/;
const CLOSERS = /[」』”’"'）)\]】〕》*_]/;

function isEnglishStop(text: string, i: number): boolean {
  const next = text.slice(i + 1, i + 40).match(/^[」』”’"'）)\]】〕》*_]*(\s+|$)(\S?)/);
  if (!next) return false;
  if (/^[a-z]/.test(next[2] ?? '')) return false;
  return !ABBREVIATION.test(text.slice(Math.max(0, i - 8), i));
}

const CANDIDATE = /[\n。！？；!?;.]/g;

/** Sentences of a masked text (see the module comment for where they end). */
export function sentencesOf(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
    start = end;
  };
  let lineStart = 0;
  let i = 0;
  while (i < text.length) {
    // Only line breaks and stops can end a sentence: jump to the next one.
    CANDIDATE.lastIndex = i;
    const next = CANDIDATE.exec(text);
    if (!next) break;
    i = next.index;
    const ch = text[i]!;
    if (ch === '\n') {
      const lineEnd = text.indexOf('\n', i + 1);
      const rest = text.slice(i + 1, lineEnd < 0 ? text.length : lineEnd);
      const line = text.slice(lineStart, i);
      if (/^[ \t\r]*$/.test(rest) || BLOCK_START.test(rest) || HEADING_OR_ROW.test(line)) push(i + 1);
      lineStart = i + 1;
      i++;
      continue;
    }
    if (ch !== '.' || isEnglishStop(text, i)) {
      let end = i + 1;
      while (end < text.length && /[。！？!?.…]/.test(text[end]!)) end++;
      while (end < text.length && CLOSERS.test(text[end]!)) end++;
      // A citation right after the stop still belongs to this sentence (…10亿港元。[@fact:x]).
      let j = end;
      while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
      if (text[j] === MASK) {
        while (j < text.length && (text[j] === MASK || text[j] === ' ' || text[j] === '\t')) j++;
        while (j < text.length && /[。.，,;；]/.test(text[j]!)) j++;
        end = j;
      }
      push(end);
      i = end;
      continue;
    }
    i++;
  }
  push(text.length);
  return out;
}

/** A report with its citations, attempted citations, code and comments masked, every offset kept. */
export function maskedReport(text: string, parsed: ParsedCitations): string {
  return mask(text, [
    ...parsed.citations.map(citationRange),
    ...parsed.malformed.map((m: MalformedCitation) => [m.start, m.end] as const),
    ...findIgnoredRanges(text),
  ]);
}

/**
 * The sentences of a report, as the value check reads them: Chinese and
 * English sentence ends, Markdown blocks and blank lines; a citation right
 * after a full stop belongs to the sentence before it. Citations, code and
 * comments never end a sentence.
 */
export function findSentences(text: string): SentenceSpan[] {
  return sentencesOf(maskedReport(text, parseCitations(text)));
}
