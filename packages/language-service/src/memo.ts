import type { FactIndex } from '@factcite/core';

const memos = new WeakMap<FactIndex, FactIndex>();

/**
 * The same index with `suggest` remembered per id. checkCitations asks for
 * suggestions for every unknown citation, and each ask compares the id with
 * every fact; a long report repeating a few mistyped ids would pay that again
 * and again.
 */
export function memoizedIndex(index: FactIndex): FactIndex {
  let memo = memos.get(index);
  if (!memo) {
    const cache = new Map<string, string[]>();
    // Delegate everything else to the index itself, getters included.
    memo = Object.assign(Object.create(index) as FactIndex, {
      suggest(id: string, limit = 3): string[] {
        const key = `${limit}\u0000${id}`;
        let found = cache.get(key);
        if (!found) {
          found = index.suggest(id, limit);
          cache.set(key, found);
        }
        return [...found];
      },
    });
    memos.set(index, memo);
  }
  return memo;
}
