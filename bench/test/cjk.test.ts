import { describe, expect, it } from 'vitest';
import { indexTerms, queryTerms, runs } from '../src/engines/cjk.js';

describe('the CJK bigram tokenizer the tuned peers use', () => {
  it('ends a word of letters or digits at the first Han character', () => {
    // The bench's earlier FlexSearch tokenizer read 10亿港元成立香港 as one word, so 亿 and 香港 were not found.
    expect(runs('政府已预留10亿港元成立香港ai研发院')).toEqual(['政府已预留', '10', '亿港元成立香港', 'ai', '研发院']);
    expect(runs('hkgai v1大模型')).toEqual(['hkgai', 'v1', '大模型']);
  });

  it('indexes each Han character and each pair, other words whole', () => {
    expect(indexTerms('10亿港元')).toEqual(['10', '亿', '亿港', '港', '港元', '元']);
    expect(indexTerms('香港 cyberport')).toEqual(['香', '香港', '港', 'cyberport']);
  });

  it('asks for the pairs of a query, or its one character', () => {
    expect(queryTerms('数码港')).toEqual(['数码', '码港']);
    expect(queryTerms('港')).toEqual(['港']);
    expect(queryTerms('数码港 supercomp')).toEqual(['数码', '码港', 'supercomp']);
  });
});
