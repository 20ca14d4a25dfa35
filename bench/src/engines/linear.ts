/**
 * A plain linear scan: every fact's folded text checked against every term.
 * It is the ground truth for recall, and the baseline any index must beat.
 */
import { type Corpus, foldText } from '@factcite/core';
import { isRelevant, queryTerms, searchableText } from '../truth.js';
import type { Engine } from './types.js';

export class LinearEngine implements Engine {
  readonly name = 'linear scan';
  readonly config = 'every fact in order, the first k that hold every term';
  private texts: string[] = [];
  /** How many facts matched the last query: the size of its relevant set. */
  lastCount = 0;

  build(corpus: Corpus): void {
    const entities = new Map(corpus.entities.map((e) => [e.id, e]));
    this.texts = corpus.facts.map((f) => searchableText(f, entities));
  }

  search(query: string, k: number): number[] {
    const terms = queryTerms(foldText(query));
    const out: number[] = [];
    let count = 0;
    for (let i = 0; i < this.texts.length; i++) {
      if (!isRelevant(this.texts[i]!, terms)) continue;
      count++;
      if (out.length < k) out.push(i);
    }
    this.lastCount = count;
    return out;
  }
}
