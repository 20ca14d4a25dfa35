import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpusDir } from '../src/node.js';
import type { Corpus, Fact } from '../src/corpus/schema.js';
import { createFactIndex } from '../src/search/search.js';
import { occursAtWordStart } from '../src/search/tokens.js';

/** Facts whose id holds a fragment where a word starts, by the rule written out here. */
const holders = (facts: readonly Fact[], fragment: string) => facts.filter((f) => occursAtWordStart(f.id, fragment)).map((f) => f.id);

/** Checks that every holder of the fragment comes before every other result. */
function expectHoldersFirst(index: ReturnType<typeof createFactIndex>, facts: readonly Fact[], fragment: string): void {
  const expected = holders(facts, fragment);
  const found = index.search(fragment, { limit: expected.length + 5 }).map((h) => h.fact.id);
  expect(new Set(found.slice(0, expected.length)), fragment).toEqual(new Set(expected));
  for (const id of found.slice(expected.length)) expect(occursAtWordStart(id, fragment), `${fragment}: ${id}`).toBe(false);
}

describe('a query that is a piece of an id', () => {
  const { corpus } = loadCorpusDir(path.resolve(__dirname, '../../../corpus'));
  const index = createFactIndex(corpus);

  it('lists every fact whose id holds it before any that does not, for fragments cut from every id', () => {
    let checked = 0;
    for (const fact of corpus.facts) {
      const id = fact.id;
      // Cut after each hyphen, one and three characters on: what a writer has typed so far.
      for (let at = id.indexOf('-'); at > 0; at = id.indexOf('-', at + 1)) {
        for (const more of [1, 3]) {
          if (at + more > id.length) continue;
          expectHoldersFirst(index, corpus.facts, id.slice(0, at + more));
          // And from a later word of the id, as when a writer remembers only its middle.
          const from = id.indexOf('-') + 1;
          if (from < at) expectHoldersFirst(index, corpus.facts, id.slice(from, at + more));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(corpus.facts.length);
  });

  it('lists ids that start with it first, those whose last piece is a whole word before those still being typed', () => {
    const fact = (id: string): Fact =>
      ({ id, statement: { 'zh-Hans': '测试', en: 'test' }, kind: 'statement', entities: [], topics: [], citations: [], status: 'active' }) as unknown as Fact;
    // The real ids of 鵬城雲腦 II facts among ids that hold the same words further in, or whose
    // last word only begins with the typed "2" (as a generated id's number does).
    const facts = [
      fact('shenzhen-pengcheng-cloud-brain-2-x'),
      fact('pengcheng-cloud-brain-20dm'),
      fact('pengcheng-cloud-brain-2-storage-200pb'),
      fact('about-pengcheng-cloud-brain-2'),
      fact('pengcheng-cloud-brain-2-compute-1000-pops'),
      fact('pengcheng-cloud-brain-21xk'),
    ];
    const fixture = createFactIndex({ version: '1.0.0', facts, sources: [], entities: [] } as unknown as Corpus);
    const found = fixture.search('pengcheng-cloud-brain-2', { limit: 10 }).map((h) => h.fact.id);
    expect(new Set(found.slice(0, 2))).toEqual(new Set(['pengcheng-cloud-brain-2-storage-200pb', 'pengcheng-cloud-brain-2-compute-1000-pops']));
    expect(new Set(found.slice(2, 4))).toEqual(new Set(['pengcheng-cloud-brain-20dm', 'pengcheng-cloud-brain-21xk']));
    expect(new Set(found.slice(4))).toEqual(new Set(['shenzhen-pengcheng-cloud-brain-2-x', 'about-pengcheng-cloud-brain-2']));
  });

  it('finds the holders when its last piece could become many words', () => {
    // 200 ids sharing a word, their last words all starting with "a", among facts with other ids.
    const fact = (id: string): Fact =>
      ({ id, statement: { 'zh-Hans': '测试', en: 'test' }, kind: 'statement', entities: [], topics: [], citations: [], status: 'active' }) as unknown as Fact;
    const facts = [
      ...Array.from({ length: 200 }, (_, i) => fact(`shared-word-a${i.toString(36)}x`)),
      ...Array.from({ length: 200 }, (_, i) => fact(`other-a${i.toString(36)}x-word`)),
      fact('shared-words-ab'),
      fact('unshared-word-ab'),
    ];
    const small: Corpus = { version: '1.0.0', facts, sources: [], entities: [] } as unknown as Corpus;
    const fixture = createFactIndex(small);
    for (const fragment of ['shared-word-a', 'shared-word-a1', 'word-a', 'word-ab', 'shared-w', 'other-a', 'other-a1x-w', 'unshared-']) {
      expectHoldersFirst(fixture, facts, fragment);
    }
    expect(fixture.search('shared-word-zz', { limit: 5 }).filter((h) => h.fact.id.includes('shared-word-zz'))).toEqual([]);
  });

  it('finds the holders whether the last piece’s words are merged or the other pieces’ ids are checked', () => {
    // "common" is in 1,100 ids; "g" starts 100 words of 100 ids (merged: fewer than 1,100),
    // "b" starts 1,000 words of 1,000 ids and 1 of another (checked: more than "extra" gives).
    const fact = (id: string): Fact =>
      ({ id, statement: { 'zh-Hans': '测试', en: 'test' }, kind: 'statement', entities: [], topics: [], citations: [], status: 'active' }) as unknown as Fact;
    const facts = [
      ...Array.from({ length: 1000 }, (_, i) => fact(`common-b${i}`)),
      ...Array.from({ length: 100 }, (_, i) => fact(`common-g${i}z`)),
      fact('extra-b7-common'),
      fact('extra-c7'),
    ];
    const fixture = createFactIndex({ version: '1.0.0', facts, sources: [], entities: [] } as unknown as Corpus);
    for (const fragment of ['common-g', 'common-g1', 'common-g42z', 'common-b', 'common-b99', 'extra-b', 'extra-b7-c', 'b7-common', 'common-gx']) {
      expectHoldersFirst(fixture, facts, fragment);
    }
  });
});
