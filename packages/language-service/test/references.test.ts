import { describe, expect, it } from 'vitest';
import { FactDocument, references } from '../src/index.js';
import { exampleReport, textAt } from './fixtures.js';

describe('references', () => {
  const report = exampleReport();
  const notes =
    '# Notes\n\nAs @fact:hk-ai-rd-institute-funding shows, and again [see @fact:hk-ai-rd-institute-funding, p. 2].\n\n`[@fact:hk-ai-rd-institute-funding]` is code.';
  const other = 'Nothing about that fact here [@fact:hkgai-v1-released].';
  const documents = [
    { uri: 'file:///reports/report.md', text: report },
    { uri: 'file:///reports/notes.md', text: FactDocument.create(notes) },
    { uri: 'file:///reports/other.md', text: other },
  ];

  it('lists every citation of a fact across documents once, as its key, skipping code', () => {
    const found = references(documents, 'hk-ai-rd-institute-funding');
    expect(found.map((l) => l.uri)).toEqual(['file:///reports/report.md', 'file:///reports/notes.md', 'file:///reports/notes.md']);
    for (const location of found) {
      const doc = documents.find((d) => d.uri === location.uri)!;
      const text = typeof doc.text === 'string' ? doc.text : doc.text.text;
      expect(textAt(text, location.range)).toBe('@fact:hk-ai-rd-institute-funding');
    }
    // A document given twice (open and on disk) is searched once.
    expect(references([...documents, documents[1]!], 'hk-ai-rd-institute-funding')).toEqual(found);
  });

  it('starts from the citation at an offset', () => {
    const at = notes.indexOf('rd-institute');
    expect(references(documents, { uri: 'file:///reports/notes.md', offset: at })).toEqual(references(documents, 'hk-ai-rd-institute-funding'));
  });

  it('finds nothing away from a citation or for an uncited id', () => {
    expect(references(documents, { uri: 'file:///reports/notes.md', offset: 2 })).toEqual([]);
    expect(references(documents, 'hk-ai-subsidy-scheme-3bn')).toEqual([]);
  });
});
