import { parseCitations } from '@factcite/core';
import { describe, expect, it } from 'vitest';
import { FactDocument } from '../src/index.js';

// Whether a line four columns in is code (no citations) or more of a list
// item depends on the paragraph before it, across a blank line: the document's
// paragraph blocks must read such lines as core reads the whole text.
const TEXTS = [
  '- item [@fact:a]\n\n    more of the item [@fact:b]',
  'para [@fact:a]\n\n    code [@fact:b]\n\n\tcode too [@fact:c]\n\nafter [@fact:d]',
  '- a\n\n  b [@fact:a]\n\n    still the item [@fact:b]',
  '1. first\n\n    [@fact:a]\n\nplain\n\n    [@fact:b]',
];

describe('indented lines after a blank line', () => {
  it('are read in blocks as in the whole text', () => {
    for (const text of TEXTS) expect(FactDocument.create(text).citations(), text).toEqual(parseCitations(text).citations);
  });

  it('stay so as an edit indents or unindents a line', () => {
    for (const base of TEXTS) {
      let text = base;
      let doc = FactDocument.create(text);
      // Indent the start of every line by one space, one line at a time, then take it away again.
      const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
      for (const at of starts.reverse()) {
        for (const [insert, removed] of [
          [' ', 0],
          ['    ', 0],
          ['', 5],
        ] as const) {
          text = text.slice(0, at) + insert + text.slice(at + removed);
          doc = FactDocument.create(text, doc);
          expect(doc.citations(), JSON.stringify(text)).toEqual(parseCitations(text).citations);
          expect(doc.blockCount, JSON.stringify(text)).toBe(FactDocument.create(text).blockCount);
        }
      }
    }
  });
});
