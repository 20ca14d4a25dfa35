/**
 * Hash tables from tokens to their numbers, on typed arrays. A build looks a
 * token up for every character of every fact; a Map would allocate a string
 * for every word and box nothing else, but spends most of its time chasing
 * pointers. Open addressing over flat arrays is several times faster here.
 */

const EMPTY = -1;

/** Non-negative integer keys (below 2 ** 31) to values; each key sits beside its value, one cache line a probe. */
export class IntTable implements IntLookup {
  private slots: Int32Array = new Int32Array(2 << 12).fill(EMPTY);
  private mask = (1 << 12) - 1;
  size = 0;

  get(key: number): number {
    const slots = this.slots;
    let i = Math.imul(key, 0x9e3779b1) & this.mask;
    for (;;) {
      const k = slots[2 * i]!;
      if (k === key) return slots[2 * i + 1]!;
      if (k === EMPTY) return -1;
      i = (i + 1) & this.mask;
    }
  }

  set(key: number, value: number): void {
    if (4 * (this.size + 1) > this.slots.length) this.grow();
    const slots = this.slots;
    let i = Math.imul(key, 0x9e3779b1) & this.mask;
    while (slots[2 * i] !== EMPTY && slots[2 * i] !== key) i = (i + 1) & this.mask;
    if (slots[2 * i] === EMPTY) this.size++;
    slots[2 * i] = key;
    slots[2 * i + 1] = value;
  }

  /** Calls `fn` with every key and its value. */
  forEach(fn: (key: number, value: number) => void): void {
    const slots = this.slots;
    for (let i = 0; i < slots.length; i += 2) if (slots[i] !== EMPTY) fn(slots[i]!, slots[i + 1]!);
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(EMPTY);
    this.mask = old.length - 1;
    this.size = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== EMPTY) this.set(old[i]!, old[i + 1]!);
  }
}

/** Integer keys to values, read only: what a text index needs of a table of character pairs. */
export interface IntLookup {
  readonly size: number;
  /** The value of a key, or -1. */
  get(key: number): number;
  forEach(fn: (key: number, value: number) => void): void;
}

/**
 * A read-only table over keys in increasing order and their values, as an
 * index file saves one: 8 bytes an entry where a hash table's slots take 16
 * or more, looked up by binary search (a query looks up a few keys).
 */
export class SortedIntTable implements IntLookup {
  constructor(
    readonly keys: Int32Array,
    readonly values: Int32Array,
  ) {}

  get size(): number {
    return this.keys.length;
  }

  get(key: number): number {
    const keys = this.keys;
    let lo = 0;
    let hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const k = keys[mid]!;
      if (k === key) return this.values[mid]!;
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  forEach(fn: (key: number, value: number) => void): void {
    for (let i = 0; i < this.keys.length; i++) fn(this.keys[i]!, this.values[i]!);
  }

  /** Whether the keys are in strictly increasing order, as get() needs. */
  isSorted(): boolean {
    for (let i = 1; i < this.keys.length; i++) if (this.keys[i - 1]! >= this.keys[i]!) return false;
    return true;
  }
}

/** FNV-1a over a range of UTF-16 code units. */
function hashRange(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Words to values, looked up by a range of a text, so that a word already known costs no new string. */
export class WordTable {
  /** Every word, in the order added. */
  readonly words: string[];
  private readonly values: number[];
  private slots: Int32Array;
  private mask: number;

  /** An empty table, or one from the parts {@link WordTable.saved} returned, its slots used in place. */
  constructor(saved?: { words: string[]; values: number[]; slots: Int32Array }) {
    this.words = saved?.words ?? [];
    this.values = saved?.values ?? [];
    this.slots = saved?.slots ?? new Int32Array(1 << 12).fill(EMPTY);
    this.mask = this.slots.length - 1;
  }

  /** Words in the order added, their values, and the hash slots. */
  saved(): { words: readonly string[]; values: readonly number[]; slots: Int32Array } {
    return { words: this.words, values: this.values, slots: this.slots };
  }

  get size(): number {
    return this.words.length;
  }

  private find(text: string, from: number, to: number, hash: number): number {
    const length = to - from;
    let i = hash & this.mask;
    for (;;) {
      const w = this.slots[i]!;
      if (w === EMPTY) return -1 - i;
      const word = this.words[w]!;
      if (word.length === length) {
        let same = true;
        for (let j = 0; j < length; j++) {
          if (word.charCodeAt(j) !== text.charCodeAt(from + j)) {
            same = false;
            break;
          }
        }
        if (same) return w;
      }
      i = (i + 1) & this.mask;
    }
  }

  /** Value of a word, or -1. */
  get(word: string): number {
    const w = this.find(word, 0, word.length, hashRange(word, 0, word.length));
    return w >= 0 ? this.values[w]! : -1;
  }

  /** Value of the word at text[from, to), added with `make()` when new. */
  intern(text: string, from: number, to: number, make: () => number): number {
    const hash = hashRange(text, from, to);
    const w = this.find(text, from, to, hash);
    if (w >= 0) return this.values[w]!;
    if (2 * (this.words.length + 1) > this.slots.length) {
      this.grow();
      return this.intern(text, from, to, make);
    }
    const value = make();
    this.slots[-1 - w] = this.words.length;
    // A long slice would keep the whole text it came from alive: copy it.
    this.words.push(to - from < 13 ? text.slice(from, to) : text.slice(from, to).split('').join(''));
    this.values.push(value);
    return value;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    this.mask = this.slots.length - 1;
    this.words.forEach((word, w) => {
      let i = hashRange(word, 0, word.length) & this.mask;
      while (this.slots[i] !== EMPTY) i = (i + 1) & this.mask;
      this.slots[i] = w;
    });
  }
}
