import type { FactRule } from './rule.js';

/** No quote takes in a span its source lists as garbled (`defects`). */
export const quotesAvoidDefects: FactRule = {
  name: 'quotes-avoid-defects',
  description: "No quote includes a span its source's front matter lists under defects (text garbled in the capture).",
  severity: 'error',
  codes: ['quote-in-defect'],
  scope: 'fact',
  check(fact, { sources }, report) {
    fact.citations.forEach((citation, i) => {
      const source = sources.get(citation.source);
      const offset = source ? source.text.indexOf(citation.quote) : -1;
      // A quote that is not in its source is verbatim-quotes' to report.
      if (!source || offset < 0) return;
      for (const defect of source.defects) {
        for (let d = source.text.indexOf(defect); d >= 0; d = source.text.indexOf(defect, d + 1)) {
          if (d < offset + citation.quote.length && d + defect.length > offset) {
            report(['citations', i, 'quote'], `fact "${fact.id}": quote includes the garbled span "${defect}"; quote around it`);
          }
        }
      }
    });
  },
};
