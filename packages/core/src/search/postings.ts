/**
 * Compressed posting lists. Each token has one list per slot (a field, and
 * for statements whether another field backs them up; see Slot in
 * text-index.ts): the documents whose best match for the token is in that
 * slot, in increasing order. A document is in exactly one of its token's
 * lists, so splitting by slot costs nothing, and within a list every
 * document scores the same but for its length: a list read in order is read
 * best first.
 *
 * Entries are varints of the gap to the previous document, about a byte
 * each for a common token; every {@link SKIP}th entry is remembered so that
 * an intersection can jump over a long list instead of reading all of it.
 */

/** Lists per token: the slots a token's best match can be in; see Slot in text-index.ts. */
export const SLOTS = 10;

/** Entries between two skip points. */
const SKIP = 64;

/** Skip points not looked up yet. */
const UNKNOWN = -2;

/** A document number past every real one: a cursor that has run out sits here. */
export const END = 0x7fffffff;

/** All lists of an index, packed into a few typed arrays. List `t * SLOTS + s` holds token t's documents in slot s. */
export interface Postings {
  bytes: Uint8Array;
  /** Byte offset of list s is start[s]; it ends at start[s + 1]. Most lists are empty: a token is mostly found in one or two slots. */
  start: Uint32Array;
  /** Documents holding token t, in any field. */
  df: Uint32Array;
  /**
   * The lists long enough to have skip points, in increasing order; the
   * points of skipLists[i] are skipFrom[i] … skipFrom[i + 1] in skipDoc (the
   * last document before a block) and skipOffset (where the block starts).
   * Kept apart because few lists have any: a per-list table would be mostly
   * zeros.
   */
  skipLists: Int32Array;
  skipFrom: Uint32Array;
  skipDoc: Int32Array;
  skipOffset: Uint32Array;
}

/** Whether list s holds any document. */
export function hasList(p: Postings, s: number): boolean {
  return p.start[s + 1]! > p.start[s]!;
}

/** Documents in list s, an estimate from above (its bytes: every entry takes at least one). */
export function listSize(p: Postings, s: number): number {
  return p.start[s + 1]! - p.start[s]!;
}

const EMPTY = new Uint8Array(0);

/** Entries gathered before they are sorted into their lists. */
const CHUNK = 1 << 22;

/**
 * Collects lists while documents are added in increasing order. Entries are
 * gathered in a chunk, sorted by list (a stable counting sort, so documents
 * stay in order) and encoded as one run: each list's new entries, list after
 * list. {@link PostingsBuilder.finish} lays the runs' pieces end to end per
 * list. Writing each entry straight into its own list would touch a
 * different list, far away in memory, at every step, and grow hundreds of
 * thousands of buffers: the build would wait on memory and the collector.
 */
export class PostingsBuilder {
  /** Per list: last document, bytes so far, entries so far. */
  private meta = new Int32Array(3 * 1024);
  private lists = 0;
  // Small at first, so that a corpus of a few hundred facts does not pay for a million entries.
  private chunkList = new Int32Array(1 << 14);
  private chunkDoc = new Int32Array(1 << 14);
  private sortedDoc = new Int32Array(1 << 14);
  private starts = new Int32Array(1024);
  private pending = 0;
  /** Encoded runs, and for each the lists it holds and how many bytes of each, in order. */
  private runs: Uint8Array[] = [];
  private pieces: Int32Array[] = [];

  /** Adds a new, empty token and returns its number. */
  addToken(): number {
    const token = this.lists / SLOTS;
    this.lists += SLOTS;
    if (this.lists * 3 > this.meta.length) {
      const meta = new Int32Array(this.meta.length * 2);
      meta.set(this.meta);
      this.meta = meta;
      const starts = new Int32Array(this.starts.length * 2);
      starts.set(this.starts);
      this.starts = starts;
    }
    for (let s = 0; s < SLOTS; s++) this.meta[(token * SLOTS + s) * 3] = -1;
    return token;
  }

  /** Appends a document to a token's list for a slot; documents must come in increasing order. */
  add(token: number, doc: number, slot: number): void {
    if (this.pending === this.chunkList.length) {
      if (this.pending < CHUNK) {
        const size = this.pending * 2;
        const list = new Int32Array(size);
        list.set(this.chunkList);
        this.chunkList = list;
        const doc = new Int32Array(size);
        doc.set(this.chunkDoc);
        this.chunkDoc = doc;
        this.sortedDoc = new Int32Array(size);
      } else this.flush();
    }
    this.chunkList[this.pending] = token * SLOTS + slot;
    this.chunkDoc[this.pending++] = doc;
  }

  private flush(): void {
    const n = this.pending;
    if (!n) return;
    const { chunkList, chunkDoc, sortedDoc, starts, meta } = this;
    const touched: number[] = [];
    for (let i = 0; i < n; i++) if (starts[chunkList[i]!]!++ === 0) touched.push(chunkList[i]!);
    let at = 0;
    for (const s of touched) {
      const c = starts[s]!;
      starts[s] = at;
      at += c;
    }
    for (let i = 0; i < n; i++) sortedDoc[starts[chunkList[i]!]!++] = chunkDoc[i]!;
    const run = new Uint8Array(n * 4);
    const pieces = new Int32Array(touched.length * 2);
    let length = 0;
    let from = 0;
    touched.forEach((s, k) => {
      const to = starts[s]!;
      starts[s] = 0;
      const before = length;
      let last = meta[s * 3]!;
      for (let i = from; i < to; i++) {
        const doc = sortedDoc[i]!;
        let value = doc - last - 1;
        last = doc;
        while (value >= 0x80) {
          run[length++] = (value & 0x7f) | 0x80;
          value >>>= 7;
        }
        run[length++] = value;
      }
      meta[s * 3] = last;
      meta[s * 3 + 1]! += length - before;
      meta[s * 3 + 2]! += to - from;
      pieces[2 * k] = s;
      pieces[2 * k + 1] = length - before;
      from = to;
    });
    this.runs.push(run.slice(0, length));
    this.pieces.push(pieces);
    this.pending = 0;
  }

  /** Lays every list out in one buffer and computes the skip points. */
  finish(): Postings {
    this.flush();
    const lists = this.lists;
    const meta = this.meta;
    const start = new Uint32Array(lists + 1);
    for (let s = 0; s < lists; s++) start[s + 1] = start[s]! + meta[s * 3 + 1]!;
    const bytes = new Uint8Array(start[lists]!);
    const write = start.slice(0, lists);
    // Runs in order: each list's pieces land end to end, in document order.
    for (let r = 0; r < this.runs.length; r++) {
      const run = this.runs[r]!;
      const pieces = this.pieces[r]!;
      let pos = 0;
      for (let k = 0; k < pieces.length; k += 2) {
        const s = pieces[k]!;
        const size = pieces[k + 1]!;
        let to = write[s]!;
        if (size > 32) bytes.set(run.subarray(pos, pos + size), to);
        else for (let i = pos; i < pos + size; i++) bytes[to++] = run[i]!;
        write[s]! += size;
        pos += size;
      }
      // Free each run once laid out, so the build never holds two full copies.
      this.runs[r] = EMPTY;
    }
    this.runs = [];
    this.pieces = [];
    const count = (s: number): number => meta[s * 3 + 2]!;
    const df = new Uint32Array(lists / SLOTS);
    const skipLists: number[] = [];
    const skipFrom: number[] = [];
    let skips = 0;
    for (let s = 0; s < lists; s++) {
      df[Math.floor(s / SLOTS)]! += count(s);
      if (count(s) <= SKIP) continue;
      skipLists.push(s);
      skipFrom.push(skips);
      skips += Math.floor((count(s) - 1) / SKIP);
    }
    skipFrom.push(skips);
    const skipDoc = new Int32Array(skips);
    const skipOffset = new Uint32Array(skips);
    skipLists.forEach((s, i) => {
      let pos = start[s]!;
      const end = start[s + 1]!;
      let doc = -1;
      let n = 0;
      let k = skipFrom[i]!;
      while (pos < end) {
        if (n > 0 && n % SKIP === 0) {
          skipDoc[k] = doc;
          skipOffset[k++] = pos;
        }
        let value = 0;
        let shift = 0;
        let byte: number;
        do {
          byte = bytes[pos++]!;
          value |= (byte & 0x7f) << shift;
          shift += 7;
        } while (byte & 0x80);
        doc += value + 1;
        n++;
      }
    });
    this.meta = new Int32Array(0);
    return { bytes, start, df, skipLists: Int32Array.from(skipLists), skipFrom: Uint32Array.from(skipFrom), skipDoc, skipOffset };
  }
}

/** Reads one list in order; `doc` is -1 before the first {@link Cursor.next} and {@link END} after the last entry. */
export class Cursor {
  doc = -1;
  /** The slot of every document in this list. */
  readonly slot: number;
  private pos: number;
  private readonly end: number;
  /** This list's skip points, skipDoc[skipLo] … skipDoc[skipHi]; looked up on the first jump. */
  private skipLo = UNKNOWN;
  private skipHi = -1;

  constructor(
    private readonly p: Postings,
    /** The list: token * SLOTS + slot. */
    readonly list: number,
  ) {
    this.slot = list % SLOTS;
    this.pos = p.start[list]!;
    this.end = p.start[list + 1]!;
  }

  /** Moves to the next entry; false at the end. */
  next(): boolean {
    if (this.pos >= this.end) {
      this.doc = END;
      return false;
    }
    const bytes = this.p.bytes;
    let byte = bytes[this.pos++]!;
    let value = byte & 0x7f;
    let shift = 7;
    while (byte & 0x80) {
      byte = bytes[this.pos++]!;
      value |= (byte & 0x7f) << shift;
      shift += 7;
    }
    this.doc += value + 1;
    return true;
  }

  /** Moves to the first entry at or after `target`; false when there is none. */
  advance(target: number): boolean {
    if (this.doc >= target) return this.doc !== END;
    const p = this.p;
    if (this.skipLo === UNKNOWN) this.findSkips();
    // Jump to the last skip point before the target, when that is ahead of us.
    let lo = this.skipLo;
    let hi = this.skipHi;
    if (hi >= lo && p.skipDoc[lo]! < target && p.skipDoc[hi]! > this.doc) {
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (p.skipDoc[mid]! < target) lo = mid;
        else hi = mid - 1;
      }
      if (p.skipDoc[lo]! > this.doc) {
        this.pos = p.skipOffset[lo]!;
        this.doc = p.skipDoc[lo]!;
      }
    }
    while (this.next()) if (this.doc >= target) return true;
    return false;
  }

  /** Finds this list's skip points (none for most lists), on the first jump. */
  private findSkips(): void {
    const { skipLists, skipFrom } = this.p;
    let lo = 0;
    let hi = skipLists.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (skipLists[mid]! < this.list) lo = mid + 1;
      else hi = mid;
    }
    if (lo < skipLists.length && skipLists[lo] === this.list) {
      this.skipLo = skipFrom[lo]!;
      this.skipHi = skipFrom[lo + 1]! - 1;
    } else {
      this.skipLo = 0;
      this.skipHi = -1;
    }
  }
}
