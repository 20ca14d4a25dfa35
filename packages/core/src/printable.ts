/**
 * Text safe to show on a terminal: control characters (C0, DEL, C1) and the
 * bidirectional overrides, embeddings and isolates are written as visible
 * `\uXXXX` escapes, so a corpus string or an argument cannot clear the
 * screen, set the window title or reverse the text around it. The escape
 * form is also valid inside a JSON string, so JSON output stays parseable.
 */

import { isForbiddenCharacter } from './text/control-characters.js';
/** The forbidden characters plus those that move text without being seen on their own: directional marks and line or paragraph separators. */
function isInvisibleControl(code: number): boolean {
  return isForbiddenCharacter(code) || code === 0x200e || code === 0x200f || code === 0x061c || code === 0x2028 || code === 0x2029;
}

function escapeWhere(text: string, unsafe: (code: number) => boolean): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!unsafe(code)) continue;
    out += `${text.slice(from, i)}\\u${code.toString(16).padStart(4, '0')}`;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** One line of text with every unsafe character, newline and tab included, escaped: for ids, file names and other values echoed in a message. */
export function printable(text: string): string {
  return escapeWhere(text, (code) => code === 0x09 || code === 0x0a || isInvisibleControl(code));
}

/** Multi-line output with unsafe characters escaped; tabs and newlines are kept. */
export function printableLines(text: string): string {
  return escapeWhere(text, isInvisibleControl);
}
