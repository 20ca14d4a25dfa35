/**
 * FlexSearch in two set-ups. "Typical" is its README's preset for Chinese,
 * Japanese and Korean: `encoder: Charset.CJK` (split on "", so every
 * character is a term) with the `forward` tokenizer for words still being
 * typed. "Tuned" gives it CJK bigram analysis through a custom `encode`
 * function (README: "Custom Encoder"): Han characters and their pairs,
 * words of Latin letters and digits whole, `forward` for prefixes.
 */
import { type Corpus, foldText } from '@factcite/core';
import { Charset, Index } from 'flexsearch';
import { searchableText } from '../truth.js';
import { indexTerms } from './cjk.js';
import type { Engine } from './types.js';

abstract class FlexSearchBase implements Engine {
  abstract readonly name: string;
  abstract readonly config: string;
  private index: Index | undefined;

  protected abstract make(): Index;

  build(corpus: Corpus): void {
    const entities = new Map(corpus.entities.map((e) => [e.id, e]));
    const index = this.make();
    corpus.facts.forEach((f, id) => {
      index.add(id, searchableText(f, entities));
    });
    this.index = index;
  }

  search(query: string, k: number): number[] {
    return this.index!.search(foldText(query), { limit: k }) as number[];
  }
}

export class FlexSearchTypical extends FlexSearchBase {
  readonly name = 'FlexSearch, typical';
  readonly config = "new Index({ encoder: Charset.CJK, tokenize: 'forward' })";
  protected make(): Index {
    return new Index({ encoder: Charset.CJK, tokenize: 'forward' });
  }
}

export class FlexSearchTuned extends FlexSearchBase {
  readonly name = 'FlexSearch, tuned';
  readonly config = "new Index({ tokenize: 'forward', encode: CJK unigrams + bigrams, Latin words whole })";
  protected make(): Index {
    return new Index({ tokenize: 'forward', encode: indexTerms });
  }
}
