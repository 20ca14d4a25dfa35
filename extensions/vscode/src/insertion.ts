/**
 * What to type when a writer picks a fact from the Facts view or the
 * "Insert fact citation…" command, given the text around the cursor: a new
 * `[@fact:ID]`, or just the key when the cursor is already inside a group.
 */

/** Text to insert, and how many characters before the cursor it replaces. */
export interface Insertion {
  text: string;
  replaceBefore: number;
}

/** Decides the insertion at the cursor from the text of its line before and after it. */
export function citationInsertion(id: string, before: string, after: string): Insertion {
  // A key being typed: `@fact:hk-ai` → replace the partial id.
  const partial = /(^|[^\p{L}\p{N}_.+@])(-?@fact:)([a-z0-9-]*)$/u.exec(before);
  const openGroup = unclosedBracket(before);
  const closes = openGroup && !/^[^[\]]*\]/.test(after);
  if (partial) {
    return { text: `${id}${closes ? ']' : ''}`, replaceBefore: partial[3]!.length };
  }
  if (openGroup) {
    const inGroup = before.slice(openGroup.index + 1);
    // After another key the new one needs a `;`; right after `[` or `;` it goes as it is.
    if (/@fact:[a-z0-9-]+[^;]*$/.test(inGroup)) {
      const trailingSpace = /\s*$/.exec(before)![0].length;
      return { text: `; @fact:${id}${closes ? ']' : ''}`, replaceBefore: trailingSpace };
    }
    return { text: `@fact:${id}${closes ? ']' : ''}`, replaceBefore: 0 };
  }
  return { text: `[@fact:${id}]`, replaceBefore: 0 };
}

/** The last `[` before the cursor on this line that no `]` closes, if any. */
function unclosedBracket(before: string): { index: number } | undefined {
  let depth = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    const ch = before[i];
    if (ch === ']') depth++;
    else if (ch === '[') {
      if (depth === 0) return { index: i };
      depth--;
    }
  }
  return undefined;
}
