/** factcite's own index, built as an SDK user would from data a build already validated. */
import { type Corpus, createFactIndex, type FactIndex } from '@factcite/core';
import type { Engine, Positions } from './types.js';

export class FactciteEngine implements Engine {
  readonly name = 'factcite';
  readonly config = 'createFactIndex(corpus); index.search(query, { limit })';
  index: FactIndex | undefined;

  constructor(private readonly positions: Positions) {}

  build(corpus: Corpus): void {
    this.index = createFactIndex(corpus, { validate: false });
    // The text index is built on the first search: include it in the build.
    this.index.search('港');
  }

  search(query: string, k: number): number[] {
    return this.index!.search(query, { limit: k }).map((h) => this.positions.get(h.fact)!);
  }
}
