import type { FactRule } from './rule.js';

/** Where a quote stops matching its source: the longest prefix found, for a precise hint. */
function matchedPrefixLength(body: string, quote: string): number {
  let lo = 0;
  let hi = quote.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (body.includes(quote.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Every quote occurs, character for character, in the body of the source it cites. */
export const verbatimQuotes: FactRule = {
  name: 'verbatim-quotes',
  description: 'Each quote occurs verbatim in the body of the source it cites.',
  severity: 'error',
  codes: ['quote-not-found'],
  scope: 'fact',
  check(fact, { sources }, report) {
    fact.citations.forEach((citation, i) => {
      const source = sources.get(citation.source);
      // An unknown source is known-sources' to report.
      if (!source || source.text.includes(citation.quote)) return;
      const matched = matchedPrefixLength(source.text, citation.quote);
      report(
        ['citations', i, 'quote'],
        matched > 0
          ? `fact "${fact.id}": quote is not verbatim in source "${source.id}": it matches for ${matched} characters, then differs at "${citation.quote.slice(matched, matched + 12)}"`
          : `fact "${fact.id}": quote is not verbatim in source "${source.id}"`,
      );
    });
  },
};
