import type { FactIndex } from '../search/search.js';

/** Follows supersededBy to the first active fact (the chain is acyclic in a validated corpus). */
export function resolveSuccessor(index: FactIndex, id: string): string | undefined {
  const seen = new Set<string>();
  let current = index.get(id);
  while (current?.supersededBy && !seen.has(current.id)) {
    seen.add(current.id);
    const next = index.get(current.supersededBy);
    if (!next) return current.supersededBy;
    current = next;
    if (current.status === 'active') return current.id;
  }
  return current && current.id !== id ? current.id : undefined;
}
