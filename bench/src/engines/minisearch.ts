/**
 * MiniSearch, set up as its docs suggest for text without spaces: a custom
 * `tokenize` (here Intl.Segmenter's words), prefix search for words still
 * being typed, and every query word required (`combineWith: 'AND'`).
 */
import { type Corpus, foldText } from '@factcite/core';
import MiniSearch from 'minisearch';
import { searchableText } from '../truth.js';
import { type Engine, segmentWords } from './types.js';

export class MiniSearchEngine implements Engine {
  readonly name = 'MiniSearch';
  private index: MiniSearch<{ id: number; text: string }> | undefined;

  build(corpus: Corpus): void {
    const entities = new Map(corpus.entities.map((e) => [e.id, e]));
    this.index = new MiniSearch({
      fields: ['text'],
      tokenize: segmentWords,
      searchOptions: { prefix: true, combineWith: 'AND' },
    });
    this.index.addAll(corpus.facts.map((f, id) => ({ id, text: searchableText(f, entities) })));
  }

  search(query: string, k: number): number[] {
    return this.index!.search(foldText(query))
      .slice(0, k)
      .map((r) => r.id as number);
  }
}
