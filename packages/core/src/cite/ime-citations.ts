/**
 * Citations typed with a Chinese input method on: `【@fact:id】`,
 * `［@fact:id］`, `＠fact:id`, `@fact：id`, `；` between items, and mixes of
 * these with ASCII brackets. None is a citation Pandoc reads as meant, so
 * each is reported once, over the whole attempt, with its canonical rewrite.
 */

/** Full-width characters an IME types, and what Pandoc needs instead. */
const CANONICAL: Record<string, string> = { '【': '[', '［': '[', '】': ']', '］': ']', '＠': '@', '：': ':', '；': ';' };

/** A fact key as a writer may type it: `@fact:`, with `＠`, `：`, or no at-sign. */
export const FACT_TOKEN = /([@＠]?)fact([:：])/g;

/** Characters that, right before an at-sign, make it part of a word or an address. */
const WORD_BEFORE_AT = /[\p{L}\p{N}_.+@＠]/u;
/** Before a key only an IME types, Han text is fine (the writer typed no space); an ASCII word or address is not. */
const ADDRESS_BEFORE_AT = /[A-Za-z0-9_.+@＠]/;
/** Characters that, right before a bare `fact:`, make it part of a word. */
const WORD_BEFORE_FACT = /[A-Za-z0-9_@＠-]/;

/** Where a key-like token starts, and whether the writer typed it as Pandoc needs it. */
export interface FactToken {
  start: number;
  /** Just after the colon. */
  end: number;
  atSign: boolean;
  /** `@fact:` exactly, in ASCII. */
  canonical: boolean;
}

/** Every token that reads as a fact key a writer meant (not a word part or an address), in order. */
export function factTokens(text: string, escaped: Uint8Array, ignored: (i: number) => boolean): FactToken[] {
  const out: FactToken[] = [];
  FACT_TOKEN.lastIndex = 0;
  for (let m = FACT_TOKEN.exec(text); m; m = FACT_TOKEN.exec(text)) {
    const start = m.index;
    const atSign = m[1] !== '';
    const before = text[start - 1] ?? '';
    if (ignored(start)) continue;
    const canonical = m[0] === '@fact:';
    const wordBefore = !atSign ? WORD_BEFORE_FACT : canonical ? WORD_BEFORE_AT : ADDRESS_BEFORE_AT;
    if (wordBefore.test(before) || (atSign && escaped[start])) continue;
    // A bare `fact:` counts only when an id follows it.
    if (!atSign && !/[a-z0-9]/i.test(text[start + m[0].length] ?? '')) continue;
    out.push({ start, end: start + m[0].length, atSign, canonical });
  }
  return out;
}

/** The first token at or after `from`, by binary search. */
export function firstTokenFrom(tokens: readonly FactToken[], from: number): FactToken | undefined {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  return tokens[lo];
}

/** The text with every full-width mark an IME types made canonical and every bare `fact:` given its `@`. */
export function canonicalCitationText(text: string): string {
  return text
    .replace(/(^|[^@＠A-Za-z0-9_-])fact[:：]/g, '$1@fact:')
    .replace(/[【［】］＠：；]/g, (c) => CANONICAL[c]!)
    .replace(/;(?=\S)/g, '; ');
}

/** Whether a text holds a mark that only an IME types. */
export function hasImeMark(text: string): boolean {
  return /[【［】］＠：；]/.test(text);
}

/** Shortens a quoted piece of a message. */
function quote(text: string): string {
  const chars = Array.from(text);
  return `"${chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : text}"`;
}

/** The message for a citation attempt typed as `typed`, to be written `rewrite`. */
export function imeMessage(typed: string, rewrite: string): string {
  const marks = [...new Set(typed.match(/[【［】］＠：；]/g) ?? [])];
  const what = marks.length
    ? `typed with full-width ${marks.map((c) => `"${c}"`).join(', ')} (a Chinese input method)`
    : 'has no "@" before "fact:"';
  return `${quote(typed)} ${what}; write ${quote(rewrite)}`;
}
