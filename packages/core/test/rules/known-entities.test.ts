import { describe, expect, it } from 'vitest';
import { knownEntities } from '../../src/corpus/rules/known-entities.js';
import { check, miniCorpus } from './fixture.js';

describe('known-entities', () => {
  it('passes the fixture', () => {
    expect(check(knownEntities, miniCorpus())).toEqual([]);
  });

  it('reports an undeclared entity in entities and in attributedTo, each at its field', () => {
    const corpus = miniCorpus();
    corpus.facts[0]!.entities.push('hkgai');
    corpus.facts[0]!.attributedTo = 'paul-chan';
    expect(check(knownEntities, corpus)).toEqual([
      {
        where: 'facts[0].entities[2]',
        code: 'unknown-entity',
        severity: 'error',
        message: 'fact "hk-ai-rd-institute-funding": unknown entity "hkgai"; declare it in entities.yaml',
      },
      {
        where: 'facts[0].attributedTo',
        code: 'unknown-entity',
        severity: 'error',
        message: 'fact "hk-ai-rd-institute-funding": unknown entity "paul-chan"; declare it in entities.yaml',
      },
    ]);
  });
});
