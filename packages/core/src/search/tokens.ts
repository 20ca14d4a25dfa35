/**
 * What search treats as a token in folded text: each Han character and each
 * pair of adjacent Han characters (Chinese has no spaces, so these are what a
 * query of any length can be found by), and each run of ASCII letters and
 * digits (a word or a number).
 */

/** Whether a code point is a Han character (CJK ideographs and their extensions). */
export function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x2e80 && cp <= 0x2fdf) ||
    cp === 0x3005 ||
    cp === 0x3007 ||
    (cp >= 0x3021 && cp <= 0x3029) ||
    (cp >= 0x3038 && cp <= 0x303b)
  );
}

/** Whether a UTF-16 code unit is an ASCII letter or digit (folded text is lower case). */
export function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

/** A piece of a query term: a run of Han characters, a word, or anything else (punctuation). */
export type Segment = { kind: 'han'; chars: number[] } | { kind: 'word'; text: string } | { kind: 'other' };

/** Splits folded text into Han runs, words and other characters, in order. */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    if (isHan(cp)) {
      const chars: number[] = [];
      while (i < text.length) {
        const c = text.codePointAt(i)!;
        if (!isHan(c)) break;
        chars.push(c);
        i += c > 0xffff ? 2 : 1;
      }
      out.push({ kind: 'han', chars });
    } else if (isWordChar(cp)) {
      const from = i;
      while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
      out.push({ kind: 'word', text: text.slice(from, i) });
    } else {
      out.push({ kind: 'other' });
      i += cp > 0xffff ? 2 : 1;
    }
  }
  return out;
}

/**
 * Whether `term` occurs in `text` where a word may start: anywhere for a term
 * that starts with a Han character or a sign, but only at the start of a word
 * for one that starts with a letter or digit ("ai" is in "ai chip", not in
 * "said"). This is the match every search engine in the benchmark is held to.
 */
export function occursAtWordStart(text: string, term: string): boolean {
  if (!isWordChar(term.charCodeAt(0))) return text.includes(term);
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    if (at === 0 || !isWordChar(text.charCodeAt(at - 1))) return true;
  }
  return false;
}
