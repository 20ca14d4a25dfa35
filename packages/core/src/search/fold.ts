import { FOLD_PAIRS } from './fold-table.js';

// The table is built on first use, so importing core stays cheap: one
// code unit → its Simplified code unit, 0 for "unchanged", WIDE for "look in
// `wide`" (a source or result outside the Basic Multilingual Plane).
const WIDE = 0xffff;
let narrow: Uint16Array | undefined;
const wide = new Map<number, string>();

function loadTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (const pair of FOLD_PAIRS.split('|')) {
    const from = pair.codePointAt(0)!;
    const to = pair.slice(from > 0xffff ? 2 : 1);
    if (from <= 0xffff && to.length === 1) table[from] = to.charCodeAt(0);
    else {
      wide.set(from, to);
      // An astral source is found by its high surrogate, then by code point.
      table[from > 0xffff ? pair.charCodeAt(0) : from] = WIDE;
    }
  }
  return table;
}

/**
 * Folds text for matching: NFKC (full-width digits and letters become ASCII),
 * lower case, and Traditional (HK or TW) characters to Simplified.
 * Searching folded text with a folded query makes search script-insensitive.
 *
 * Characters are folded one at a time with OpenCC's Hong Kong → Simplified
 * tables, without its phrase rules: a character folds the same way wherever
 * it stands, so a query of one or two characters folds as it does inside a
 * longer text, which substring search needs. It is also fast enough to fold a
 * million facts: no dictionary trie to build, one table lookup a character.
 */
export function foldText(text: string): string {
  const s = text.normalize('NFKC').toLowerCase();
  narrow ??= loadTable();
  const table = narrow;
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Below U+3400 (CJK Extension A) nothing is Traditional.
    if (c < 0x3400) continue;
    const m = table[c]!;
    if (m === 0) continue;
    let replacement: string;
    let width = 1;
    if (m !== WIDE) replacement = String.fromCharCode(m);
    else {
      const cp = s.codePointAt(i)!;
      const found = wide.get(cp);
      if (found === undefined) continue;
      replacement = found;
      width = cp > 0xffff ? 2 : 1;
    }
    out += s.slice(last, i) + replacement;
    last = i + width;
    i += width - 1;
  }
  return last === 0 ? s : out + s.slice(last);
}
