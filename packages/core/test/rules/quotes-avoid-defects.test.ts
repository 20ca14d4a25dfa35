import { describe, expect, it } from 'vitest';
import { quotesAvoidDefects } from '../../src/corpus/rules/quotes-avoid-defects.js';
import { check, miniCorpus } from './fixture.js';

describe('quotes-avoid-defects', () => {
  it('passes a quote that stops short of a garbled span', () => {
    const corpus = miniCorpus();
    corpus.facts[0]!.citations.push({ source: 'sfc-cyberport-chan-2025-11-19', quote: '讓我們生態系統中的所有企業都能獲得可靠' });
    expect(check(quotesAvoidDefects, corpus)).toEqual([]);
  });

  it('reports a quote running through a garbled span the source lists', () => {
    const corpus = miniCorpus();
    corpus.facts[0]!.citations.push({ source: 'sfc-cyberport-chan-2025-11-19', quote: '都能獲得可靠、規模適當?shù)馁Y金來源' });
    expect(check(quotesAvoidDefects, corpus)).toEqual([
      {
        where: 'facts[0].citations[1].quote',
        code: 'quote-in-defect',
        severity: 'error',
        message: 'fact "hk-ai-rd-institute-funding": quote includes the garbled span "?shù)馁Y"; quote around it',
      },
    ]);
  });
});
