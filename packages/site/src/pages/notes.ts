import type { Fact } from '@factcite/core';

/**
 * A fact's notes and caveats as lines of text: the single `note` of
 * corpus 0.1, and `notes` where a release has them (a list of lines, or
 * of records with a text). Anything else is left out rather than guessed at.
 */
export function notesOf(fact: Fact): string[] {
  const record = fact as Fact & { notes?: unknown };
  const out: string[] = [];
  if (typeof fact.note === 'string' && fact.note.trim()) out.push(fact.note.trim());
  const notes = record.notes;
  const items = Array.isArray(notes) ? notes : notes === undefined ? [] : [notes];
  for (const item of items) {
    if (typeof item === 'string' && item.trim()) out.push(item.trim());
    else if (item && typeof item === 'object' && typeof (item as { text?: unknown }).text === 'string') out.push((item as { text: string }).text.trim());
  }
  return [...new Set(out)];
}
