import path from 'node:path';
import { Converter } from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { FOLD_PAIRS } from '../src/search/fold-table.js';
import { foldText } from '../src/index.js';
import { loadCorpusDir } from '../src/node.js';

// foldText folds one character at a time with a table made from OpenCC's
// Hong Kong → Simplified dictionaries (scripts/fold-table.mjs). These tests
// keep the table in step with the OpenCC that core depends on.
const openccFold = (() => {
  const convert = Converter({ from: 'hk', to: 'cn' });
  return (text: string) => convert(text.normalize('NFKC').toLowerCase());
})();

describe('foldText', () => {
  it('folds every character of its table as OpenCC folds it alone', () => {
    const differ = FOLD_PAIRS.split('|')
      .map((pair) => String.fromCodePoint(pair.codePointAt(0)!))
      .filter((c) => foldText(c) !== openccFold(c));
    expect(differ).toEqual([]);
  });

  it('folds the whole real corpus exactly as OpenCC does', () => {
    const { corpus } = loadCorpusDir(path.resolve(__dirname, '../../../corpus'));
    const texts = [
      ...corpus.facts.flatMap((f) => [...Object.values(f.statement), ...f.citations.map((c) => c.quote)]),
      ...corpus.entities.flatMap((e) => [e.names['zh-Hans'], e.names['zh-Hant'], e.names.en, ...e.aliases]),
      ...corpus.sources.map((s) => s.text),
    ];
    expect(texts.filter((t) => foldText(t) !== openccFold(t))).toEqual([]);
  });

  it('folds characters outside the Basic Multilingual Plane', () => {
    expect(foldText('𠵾㗲x')).toBe('𠵾𠵾x');
  });
});
