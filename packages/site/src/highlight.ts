import { type Html, html, join } from './html.js';

/** A span of a source's text that a fact quotes. */
export interface QuotedSpan {
  start: number;
  end: number;
  factId: string;
}

/** A paragraph of a source's cleaned text: paragraphs are separated by blank lines. */
export interface Paragraph {
  start: number;
  end: number;
}

/** The paragraphs of a text, in one pass. */
export function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const separator = /\n[ \t]*\n\s*/g;
  let start = 0;
  for (let m = separator.exec(text); m; m = separator.exec(text)) {
    if (m.index > start) out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/** The index of the paragraph holding an offset (the last one starting at or before it), or -1. */
export function paragraphIndexAt(paragraphs: readonly Paragraph[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The paragraph holding an offset. */
export function paragraphAt(paragraphs: readonly Paragraph[], offset: number): Paragraph | undefined {
  return paragraphs[paragraphIndexAt(paragraphs, offset)];
}

/**
 * A run of text cut where quoted spans begin and end: each piece knows the
 * facts quoting it (none for text that no fact took).
 */
export interface Piece {
  start: number;
  end: number;
  factIds: string[];
}

/**
 * Cuts `[from, to)` at every boundary of the spans, so overlapping quotes of
 * several facts become pieces each marked with all of them. One sweep over
 * the sorted boundaries: O(s log s) in the spans plus the size of the output.
 */
export function piecesOf(from: number, to: number, spans: readonly QuotedSpan[]): Piece[] {
  const events: [at: number, delta: 1 | -1, factId: string][] = [];
  for (const s of spans) {
    const start = Math.max(from, s.start);
    const end = Math.min(to, s.end);
    if (end > start) events.push([start, 1, s.factId], [end, -1, s.factId]);
  }
  events.sort((a, b) => a[0] - b[0]);
  // How many spans of each fact cover the current point, in the order facts first appeared.
  const active = new Map<string, number>();
  const pieces: Piece[] = [];
  let at = from;
  let i = 0;
  while (at < to) {
    while (i < events.length && events[i]![0] === at) {
      const [, delta, id] = events[i]!;
      const count = (active.get(id) ?? 0) + delta;
      if (count > 0) active.set(id, count);
      else active.delete(id);
      i++;
    }
    const next = i < events.length ? Math.min(events[i]![0], to) : to;
    pieces.push({ start: at, end: next, factIds: [...active.keys()] });
    at = next;
  }
  return pieces;
}

/**
 * A stretch of text as markup, each quoted piece in a `<mark>`: linked to
 * its fact when `link` gives a URL, plain for a fact page's own quote.
 */
export function markPieces(text: string, pieces: readonly Piece[], link?: (factId: string) => string, describe?: (factIds: string[]) => string): Html {
  return join(
    pieces.map((p) => {
      const slice = text.slice(p.start, p.end);
      if (p.factIds.length === 0) return html`${slice}`;
      if (!link) return html`<mark>${slice}</mark>`;
      const title = describe ? describe(p.factIds) : p.factIds.join(', ');
      return html`<mark><a href="${link(p.factIds[0]!)}" title="${title}">${slice}</a></mark>`;
    }),
  );
}
