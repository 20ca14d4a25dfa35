/**
 * MiniSearch in two set-ups. "Typical" follows its docs for text without
 * spaces: a custom `tokenize` (here Intl.Segmenter's words), prefix search
 * for words still being typed, every query word required (`combineWith:
 * 'AND'`). "Tuned" tokenizes as a CJK bigram analyzer instead (Han
 * characters and their pairs in the index, the pairs of the query), which
 * finds text inside words that the segmenter cut elsewhere.
 */
import { type Corpus, foldText } from '@factcite/core';
import MiniSearch, { type Options } from 'minisearch';
import { searchableText } from '../truth.js';
import { indexTerms, queryTerms } from './cjk.js';
import { type Engine, segmentWords } from './types.js';

type Doc = { id: number; text: string };

abstract class MiniSearchBase implements Engine {
  abstract readonly name: string;
  abstract readonly config: string;
  private index: MiniSearch<Doc> | undefined;

  protected abstract options(): Options<Doc>;

  build(corpus: Corpus): void {
    const entities = new Map(corpus.entities.map((e) => [e.id, e]));
    this.index = new MiniSearch<Doc>(this.options());
    this.index.addAll(corpus.facts.map((f, id) => ({ id, text: searchableText(f, entities) })));
  }

  search(query: string, k: number): number[] {
    return this.index!.search(foldText(query))
      .slice(0, k)
      .map((r) => r.id as number);
  }
}

export class MiniSearchTypical extends MiniSearchBase {
  readonly name = 'MiniSearch, typical';
  readonly config = "fields: ['text'], tokenize: Intl.Segmenter words, searchOptions: { prefix: true, combineWith: 'AND' }";
  protected options(): Options<Doc> {
    return { fields: ['text'], tokenize: segmentWords, searchOptions: { prefix: true, combineWith: 'AND' } };
  }
}

export class MiniSearchTuned extends MiniSearchBase {
  readonly name = 'MiniSearch, tuned';
  readonly config = "tokenize: CJK unigrams + bigrams, searchOptions: { tokenize: query bigrams, prefix: true, combineWith: 'AND' }";
  protected options(): Options<Doc> {
    return { fields: ['text'], tokenize: indexTerms, searchOptions: { tokenize: queryTerms, prefix: true, combineWith: 'AND' } };
  }
}
