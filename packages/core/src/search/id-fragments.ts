/**
 * Queries that are a piece of a fact id, as a writer types it after
 * `@fact:` (hk-ai-rd, approach-r): the facts whose id holds it come first.
 * The id's words are tokens of the id field, so the candidates are the
 * intersection of those words' id lists (and of the words the last piece
 * may still become, when their lists are the smaller), and only their ids are checked:
 * the work grows with the facts that share the fragment's words, not with
 * the corpus.
 */
import { type DocIterator, IntersectionIterator, UnionIterator } from './doc-iterators.js';
import { Cursor, END, hasList, listSize, SLOTS } from './postings.js';
import { BACKED_ID, type TextIndex, wordsWithPrefix } from './text-index.js';
import { occursAtWordStart } from './tokens.js';

const FRAGMENT = /^[a-z0-9]+(?:-[a-z0-9]*)+$/;

/** Words a last, unfinished piece may become whose lists are always worth a union. */
const FEW_COMPLETIONS = 64;
/** Beyond this many words (a digit starts thousands of the numbers ids end in), the lists are never merged. */
const MOST_COMPLETIONS = 4096;

/** Whether a folded query is a piece of an id: words of letters and digits joined by hyphens, at least one hyphen. */
export function isIdFragment(folded: string): boolean {
  return FRAGMENT.test(folded);
}

/** The id lists of a token (one per id slot, see Slot), empty when no id holds it. */
function idCursors(index: TextIndex, token: number): Cursor[] {
  if (token < 0) return [];
  const out: Cursor[] = [];
  for (const slot of BACKED_ID) {
    const list = token * SLOTS + slot;
    if (hasList(index.postings, list)) out.push(new Cursor(index.postings, list));
  }
  return out;
}

/** Documents in a set of lists, an estimate from above. */
const sizeOf = (index: TextIndex, cursors: readonly Cursor[]): number => cursors.reduce((sum, c) => sum + listSize(index.postings, c.list), 0);

/**
 * Documents whose fact id holds `fragment` where a word starts, at most
 * `limit`, in document order (the order equal matches rank in). Every piece
 * but the last is a whole word of the id; the last may be a word's start.
 */
export function idFragmentDocs(index: TextIndex, fragment: string, limit: number, idOf: (doc: number) => string): number[] {
  const pieces = fragment.split('-');
  const last = pieces.pop()!;
  const parts: DocIterator[] = [];
  for (const piece of pieces) {
    const cursors = idCursors(index, index.words.get(piece));
    if (!cursors.length) return [];
    parts.push(new UnionIterator(cursors, sizeOf(index, cursors)));
  }
  const words = last ? wordsWithPrefix(index, last, MOST_COMPLETIONS) : [];
  if (last && words.length <= MOST_COMPLETIONS) {
    // The words the last piece may become. Their union narrows the ids to
    // check, unless its lists hold more documents than the other pieces give
    // (g9 begins 1,333 id words at 1M facts, but guangdong alone is in 37,041
    // ids: merging the first is cheaper than checking the second); with very
    // many words (a digit) checking the ids the other pieces give is cheaper.
    const completions: Cursor[] = [];
    let size = 0;
    let idWords = 0;
    for (const token of words) {
      const cursors = idCursors(index, token);
      if (!cursors.length) continue;
      idWords++;
      completions.push(...cursors);
      size += sizeOf(index, cursors);
    }
    if (!idWords) return [];
    const fewest = Math.min(...parts.map((p) => p.size));
    if (idWords <= FEW_COMPLETIONS || size <= fewest) parts.push(new UnionIterator(completions, size));
  }
  const all = parts.length === 1 ? parts[0]! : new IntersectionIterator(parts);
  const out: number[] = [];
  for (all.advance(0); all.doc !== END && out.length < limit; all.next()) {
    if (occursAtWordStart(idOf(all.doc), fragment)) out.push(all.doc);
  }
  return out;
}
