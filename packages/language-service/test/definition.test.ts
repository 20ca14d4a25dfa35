import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CorpusFileText, definition, factRecordLocations, locateQuote } from '../src/index.js';
import { corpusDir, offsetOf, readCorpusFile, realIndex, textAt } from './fixtures.js';

const index = realIndex();
const uriOf = (relative: string) => `file://${path.join(corpusDir, relative)}`;
const sourceFile = (id: string): CorpusFileText | undefined => {
  try {
    return { uri: uriOf(`sources/${id}.md`), text: readCorpusFile(`sources/${id}.md`) };
  } catch {
    return undefined;
  }
};
const factFiles = readdirSync(path.join(corpusDir, 'facts'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ uri: uriOf(`facts/${f}`), text: readCorpusFile(`facts/${f}`) }));

describe('locateQuote', () => {
  it('finds a quote in its source file, below the front matter', () => {
    const fact = index.get('hk-ai-rd-institute-funding')!;
    const file = readCorpusFile(`sources/${fact.citations[0]!.source}.md`);
    const range = locateQuote(file, fact.citations[0]!.quote)!;
    expect(textAt(file, range)).toBe(fact.citations[0]!.quote);
    const frontMatterLines = file.split('\n').indexOf('---', 1);
    expect(range.start.line).toBeGreaterThan(frontMatterLines);
  });

  it('gives the same lines and characters in a file saved with CRLF and a BOM', () => {
    const fact = index.get('cyberport-supercomputing-centre-compute-capacity')!;
    const file = readCorpusFile(`sources/${fact.citations[0]!.source}.md`);
    const windows = `\uFEFF${file.replace(/\n/g, '\r\n')}`;
    expect(locateQuote(windows, fact.citations[0]!.quote)).toEqual(locateQuote(file, fact.citations[0]!.quote));
  });

  it('ignores the front matter and reports a missing quote as undefined', () => {
    const file = '---\nid: x\ntitle: 数码港\n---\n\n正文提到数码港。\n';
    expect(locateQuote(file, '数码港')!.start).toEqual({ line: 5, character: 4 });
    expect(locateQuote(file, '科学园')).toBeUndefined();
  });
});

describe('factRecordLocations', () => {
  it('places every fact of the corpus at its id in its YAML file', () => {
    const locations = factRecordLocations(factFiles);
    for (const fact of index.all()) {
      const location = locations.get(fact.id);
      expect(location, fact.id).toBeDefined();
      const file = factFiles.find((f) => f.uri === location!.uri)!;
      expect(textAt(file.text, location!.range)).toBe(fact.id);
      expect(file.text.split('\n')[location!.range.start.line]).toMatch(/^\s*-?\s*id:/);
    }
  });
});

describe('definition', () => {
  const options = { sourceFile, factLocation: (id: string) => factRecordLocations(factFiles).get(id) };

  it('leads to the quote of every source of the cited fact, first source first', () => {
    const fact = index.get('cyberport-supercomputing-centre-compute-capacity')!;
    const text = `算力[see @fact:${fact.id}]。`;
    const locations = definition(text, offsetOf(text, 'supercomputing'), index, options);
    expect(locations).toHaveLength(fact.citations.length);
    locations.forEach((location, i) => {
      const citation = fact.citations[i]!;
      expect(location.uri).toBe(uriOf(`sources/${citation.source}.md`));
      expect(textAt(readCorpusFile(`sources/${citation.source}.md`), location.range)).toBe(citation.quote);
    });
  });

  it('leads to the YAML record when asked', () => {
    const text = '[@fact:hk-ai-companies-800]';
    const [location] = definition(text, 10, index, { ...options, target: 'fact' });
    const file = factFiles.find((f) => f.uri === location!.uri)!;
    expect(textAt(file.text, location!.range)).toBe('hk-ai-companies-800');
  });

  it('falls back to the other target when a file is missing', () => {
    const text = '[@fact:hkgai-v1-released]';
    const [location] = definition(text, 10, index, { factLocation: options.factLocation });
    expect(location!.uri).toMatch(/facts\/.*\.yaml$/);
  });

  it('has nothing for an unknown id or outside a citation', () => {
    const text = '[@fact:no-such-fact] 数码港';
    expect(definition(text, 10, index, options)).toEqual([]);
    expect(definition(text, text.length - 1, index, options)).toEqual([]);
  });
});
