import { describe, expect, it } from 'vitest';
import { verbatimQuotes } from '../../src/corpus/rules/verbatim-quotes.js';
import { check, miniCorpus } from './fixture.js';

describe('verbatim-quotes', () => {
  it('passes the fixture', () => {
    expect(check(verbatimQuotes, miniCorpus())).toEqual([]);
  });

  it('says how far a changed quote matches and where it differs', () => {
    const corpus = miniCorpus();
    corpus.facts[0]!.citations[0]!.quote = '特区政府已预留20亿港元,成立香港人工智能研发院';
    expect(check(verbatimQuotes, corpus)).toEqual([
      {
        where: 'facts[0].citations[0].quote',
        code: 'quote-not-found',
        severity: 'error',
        message:
          'fact "hk-ai-rd-institute-funding": quote is not verbatim in source "city24-hk-ai-2025-02-27": it matches for 7 characters, then differs at "20亿港元,成立香港人工"',
      },
    ]);
  });

  it('reads a quote in the other script as not verbatim, and leaves unknown sources to known-sources', () => {
    const corpus = miniCorpus();
    corpus.facts[1]!.citations[0]!.quote = '目前,香港科學園和數碼港已集中800多家人工智能相關企業';
    corpus.facts[2]!.citations[0]!.source = 'no-such-source';
    expect(check(verbatimQuotes, corpus).map((p) => [p.where, p.message.includes('matches for 6 characters')])).toEqual([
      ['facts[1].citations[0].quote', true],
    ]);
  });
});
