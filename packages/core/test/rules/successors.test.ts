import { describe, expect, it } from 'vitest';
import { successors } from '../../src/corpus/rules/successors.js';
import { check, miniCorpus } from './fixture.js';

describe('successors', () => {
  it('passes the fixture, whose deprecated fact names its successor', () => {
    expect(check(successors, miniCorpus())).toEqual([]);
  });

  it('reports a successor that is not a fact', () => {
    const corpus = miniCorpus();
    corpus.facts[2]!.supersededBy = 'hk-ai-companies-900';
    expect(check(successors, corpus)).toEqual([
      {
        where: 'facts[2].supersededBy',
        code: 'dangling-superseded-by',
        severity: 'error',
        message: 'fact "hk-ai-companies-800": supersededBy names "hk-ai-companies-900", which is not a fact',
      },
    ]);
  });

  it('reports a cycle of successors on each fact in it, spelling the cycle out', () => {
    const corpus = miniCorpus();
    corpus.facts[1]!.supersededBy = 'hk-ai-companies-800';
    expect(check(successors, corpus).map((p) => [p.where, p.code, p.message])).toEqual([
      [
        'facts[1].supersededBy',
        'superseded-by-cycle',
        'fact "hk-ai-companies-at-science-park-and-cyberport": supersededBy forms a cycle: hk-ai-companies-at-science-park-and-cyberport → hk-ai-companies-800 → hk-ai-companies-at-science-park-and-cyberport',
      ],
      [
        'facts[2].supersededBy',
        'superseded-by-cycle',
        'fact "hk-ai-companies-800": supersededBy forms a cycle: hk-ai-companies-800 → hk-ai-companies-at-science-park-and-cyberport → hk-ai-companies-800',
      ],
    ]);
  });
});
