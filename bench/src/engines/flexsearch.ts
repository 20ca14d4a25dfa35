/**
 * FlexSearch, set up as its docs suggest for Chinese: each Han character a
 * term of its own (the `Charset.CJK` encoder splits on ""), here with words
 * of Latin letters and digits kept whole, since the facts are bilingual, and
 * the `forward` tokenizer for words still being typed.
 */
import { type Corpus, foldText } from '@factcite/core';
import { Index } from 'flexsearch';
import { searchableText } from '../truth.js';
import type { Engine } from './types.js';

const TERM = /\p{Script=Han}|[\p{L}\p{N}]+/gu;

export class FlexSearchEngine implements Engine {
  readonly name = 'FlexSearch';
  private index: Index | undefined;

  build(corpus: Corpus): void {
    const entities = new Map(corpus.entities.map((e) => [e.id, e]));
    this.index = new Index({ tokenize: 'forward', encode: (text: string) => text.match(TERM) ?? [] });
    const index = this.index;
    corpus.facts.forEach((f, id) => {
      index.add(id, searchableText(f, entities));
    });
  }

  search(query: string, k: number): number[] {
    return this.index!.search(foldText(query), { limit: k }) as number[];
  }
}
