/**
 * Document-at-a-time iterators over posting lists: a union (a token's lists
 * for every field, or every word a prefix starts) and an intersection
 * (every piece of a term, every term of a query). Each yields documents in
 * increasing order with the best slot it matched in (see Slot in
 * text-index.ts).
 */
import { type Cursor, END, SLOTS } from './postings.js';

/** Documents in increasing order; `doc` is -1 before the first move and END after the last. */
export interface DocIterator {
  readonly doc: number;
  /** Slot of the current document's match (lower is better). */
  readonly slot: number;
  /** Documents in the lists, an estimate from above. */
  readonly size: number;
  next(): boolean;
  /** Moves to the first document at or after `target`. */
  advance(target: number): boolean;
}

/** Documents in any of several lists, with the best slot among those that hold it. */
export class UnionIterator implements DocIterator {
  /** A binary heap of cursors by current document. */
  private readonly heap: Cursor[];
  private readonly stack: Int32Array;
  doc = -1;

  constructor(
    cursors: Cursor[],
    readonly size: number,
  ) {
    this.heap = cursors;
    this.stack = new Int32Array(cursors.length + 1);
  }

  get slot(): number {
    // Cursors on the current document are the top of the heap: walk down while they match.
    const heap = this.heap;
    const stack = this.stack;
    let best = SLOTS;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const i = stack[--top]!;
      const c = heap[i];
      if (!c || c.doc !== this.doc) continue;
      if (c.slot < best) best = c.slot;
      if (2 * i + 1 < heap.length) stack[top++] = 2 * i + 1;
      if (2 * i + 2 < heap.length) stack[top++] = 2 * i + 2;
    }
    return best;
  }

  /** Whether a list of `token` holds the current document. */
  holdsToken(token: number): boolean {
    // As in slot: the cursors on the current document are the top of the heap.
    const heap = this.heap;
    const stack = this.stack;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const i = stack[--top]!;
      const c = heap[i];
      if (!c || c.doc !== this.doc) continue;
      if (Math.floor(c.list / SLOTS) === token) return true;
      if (2 * i + 1 < heap.length) stack[top++] = 2 * i + 1;
      if (2 * i + 2 < heap.length) stack[top++] = 2 * i + 2;
    }
    return false;
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    const n = heap.length;
    const item = heap[i]!;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && heap[child + 1]!.doc < heap[child]!.doc) child++;
      if (heap[child]!.doc >= item.doc) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = item;
  }

  next(): boolean {
    return this.advance(this.doc + 1);
  }

  advance(target: number): boolean {
    if (this.doc >= target) return this.doc !== END;
    const heap = this.heap;
    if (this.doc < 0) {
      // First move: place every cursor, then order the heap.
      for (const c of heap) c.advance(target);
      for (let i = (heap.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
    } else {
      while (heap[0]!.doc < target) {
        heap[0]!.advance(target);
        this.siftDown(0);
      }
    }
    this.doc = heap[0]!.doc;
    return this.doc !== END;
  }
}

/** Documents in every one of several iterators. */
export class IntersectionIterator implements DocIterator {
  doc = -1;
  readonly size: number;

  constructor(readonly parts: DocIterator[]) {
    // Leapfrog from the rarest list: it proposes the fewest documents.
    parts.sort((a, b) => a.size - b.size);
    this.size = parts[0]?.size ?? 0;
  }

  /** The worst slot of the parts; a caller scoring each part reads their slots itself. */
  get slot(): number {
    let worst = 0;
    for (const p of this.parts) if (p.slot > worst) worst = p.slot;
    return worst;
  }

  next(): boolean {
    return this.advance(this.doc + 1);
  }

  advance(target: number): boolean {
    if (this.doc >= target) return this.doc !== END;
    const parts = this.parts;
    let candidate = target;
    for (let i = 0; i < parts.length; ) {
      const p = parts[i]!;
      if (!p.advance(candidate)) {
        this.doc = END;
        return false;
      }
      if (p.doc > candidate) {
        candidate = p.doc;
        // A later document: every other part must reach it again.
        i = i === 0 ? 1 : 0;
      } else i++;
    }
    this.doc = candidate;
    return true;
  }
}
