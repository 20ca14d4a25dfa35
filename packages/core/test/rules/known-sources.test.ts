import { describe, expect, it } from 'vitest';
import { knownSources } from '../../src/corpus/rules/known-sources.js';
import { check, miniCorpus } from './fixture.js';

describe('known-sources', () => {
  it('passes the fixture', () => {
    expect(check(knownSources, miniCorpus())).toEqual([]);
  });

  it('reports a citation of a source the corpus lacks, at its source field', () => {
    const corpus = miniCorpus();
    corpus.facts[1]!.citations.push({ source: 'tkp-deepseek-gba-2025-03', quote: '香港科學園和數碼港集中了800多家人工智能相關企業' });
    expect(check(knownSources, corpus)).toEqual([
      {
        where: 'facts[1].citations[1].source',
        code: 'unknown-source',
        severity: 'error',
        message: 'fact "hk-ai-companies-at-science-park-and-cyberport": unknown source "tkp-deepseek-gba-2025-03"',
      },
    ]);
  });
});
