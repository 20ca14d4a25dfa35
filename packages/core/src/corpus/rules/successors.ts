import type { FactRule } from './rule.js';

/** supersededBy names a fact, and following it never comes back to where it started. */
export const successors: FactRule = {
  name: 'successors',
  description: "A fact's supersededBy names a fact of the corpus, and the chain of successors has no cycle.",
  severity: 'error',
  codes: ['dangling-superseded-by', 'superseded-by-cycle'],
  scope: 'fact',
  check(fact, { facts }, report) {
    if (fact.supersededBy === undefined) return;
    if (!facts.has(fact.supersededBy)) {
      report(['supersededBy'], `fact "${fact.id}": supersededBy names "${fact.supersededBy}", which is not a fact`, 'dangling-superseded-by');
      return;
    }
    const chain = [fact.id];
    let next: string | undefined = fact.supersededBy;
    while (next !== undefined && !chain.includes(next)) {
      chain.push(next);
      next = facts.get(next)?.supersededBy;
    }
    if (next !== undefined) report(['supersededBy'], `fact "${fact.id}": supersededBy forms a cycle: ${[...chain, next].join(' → ')}`, 'superseded-by-cycle');
  },
};
