import { describe, expect, it } from 'vitest';
import { uniqueIds } from '../../src/corpus/rules/unique-ids.js';
import { check, miniCorpus } from './fixture.js';

describe('unique-ids', () => {
  it('passes the fixture', () => {
    expect(check(uniqueIds, miniCorpus())).toEqual([]);
  });

  it('reports the second record of an id, pointing at the first, for every kind', () => {
    const corpus = miniCorpus();
    corpus.facts.push({ ...corpus.facts[0]! });
    corpus.entities.push({ ...corpus.entities[2]! });
    corpus.sources.push({ ...corpus.sources[1]! });
    expect(check(uniqueIds, corpus)).toEqual([
      {
        where: 'sources[2].id',
        code: 'duplicate-id',
        severity: 'error',
        message: 'source id "sfc-cyberport-chan-2025-11-19" is already used at sources[1].id',
      },
      { where: 'entities[5].id', code: 'duplicate-id', severity: 'error', message: 'entity id "cyberport" is already used at entities[2].id' },
      { where: 'facts[3].id', code: 'duplicate-id', severity: 'error', message: 'fact id "hk-ai-rd-institute-funding" is already used at facts[0].id' },
    ]);
  });

  it('allows one id for records of different kinds', () => {
    const corpus = miniCorpus();
    corpus.entities[0]!.id = corpus.facts[0]!.id;
    expect(check(uniqueIds, corpus)).toEqual([]);
  });
});
