import type { SourceRule } from './rule.js';

/** A source's origin is a capture kept in raw/, so that ingest can be rerun and its output compared. */
export const originsExist: SourceRule = {
  name: 'origins-exist',
  description: "Each source's origin is a file in raw/ (checked when the corpus is read from a directory).",
  severity: 'error',
  codes: ['missing-origin'],
  scope: 'source',
  check(source, { rawFileNames }, report) {
    if (rawFileNames && !rawFileNames.has(source.origin)) report(['origin'], `origin "${source.origin}" is not a file in raw/`);
  },
};
