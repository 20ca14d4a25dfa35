import type { SourceRule } from './rule.js';

/** Each span a source lists as garbled occurs in its body: a stale entry would hide nothing and mislead. */
export const listedDefectsOccur: SourceRule = {
  name: 'listed-defects-occur',
  description: "Each span listed under a source's defects occurs in its body.",
  severity: 'warning',
  codes: ['defect-not-found'],
  scope: 'source',
  check(source, _context, report) {
    source.defects.forEach((defect, i) => {
      if (!source.text.includes(defect)) report(['defects', i], `listed defect "${defect}" does not occur in the body`);
    });
  },
};
