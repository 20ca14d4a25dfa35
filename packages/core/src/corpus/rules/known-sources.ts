import type { FactRule } from './rule.js';

/** Every citation names a source of the corpus. */
export const knownSources: FactRule = {
  name: 'known-sources',
  description: "Each citation's source is a source of the corpus.",
  severity: 'error',
  codes: ['unknown-source'],
  scope: 'fact',
  check(fact, { sources }, report) {
    fact.citations.forEach((citation, i) => {
      if (!sources.has(citation.source)) report(['citations', i, 'source'], `fact "${fact.id}": unknown source "${citation.source}"`);
    });
  },
};
