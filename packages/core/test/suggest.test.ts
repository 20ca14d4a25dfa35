import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpusDir } from '../src/node.js';
import { createFactIndex } from '../src/search/search.js';

const { corpus } = loadCorpusDir(path.resolve(__dirname, '../../../corpus'));

/** The corpus with a facts array that counts how often it is walked from the start. */
function countingCorpus() {
  const facts = [...corpus.facts];
  const walks = { count: 0 };
  const walk = facts[Symbol.iterator].bind(facts);
  facts[Symbol.iterator] = () => {
    walks.count++;
    return walk();
  };
  return { corpus: { ...corpus, facts }, walks };
}

describe('suggestions for an unknown id', () => {
  it('are worked out once per id and limit, and handed out as copies', () => {
    const { corpus: counted, walks } = countingCorpus();
    const index = createFactIndex(counted);
    const typo = `${corpus.facts[5]!.id.slice(0, -1)}x`;
    const first = index.suggest(typo);
    expect(first[0]).toBe(corpus.facts[5]!.id);
    const walked = walks.count;
    first.length = 0;
    expect(index.suggest(typo)).toEqual(index.suggest(typo));
    expect(index.suggest(typo)[0]).toBe(corpus.facts[5]!.id);
    expect(walks.count).toBe(walked);
    // Another limit or another id is worked out anew.
    expect(index.suggest(typo, 1)).toEqual([corpus.facts[5]!.id]);
    index.suggest(`${typo}y`);
    expect(walks.count).toBe(walked + 2);
  });
});
