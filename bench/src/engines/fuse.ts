/**
 * Fuse.js in two set-ups. "Typical" is its quick start: `new Fuse(docs, {
 * keys })` and a fuzzy search of the query as typed (with its default
 * `location`/`distance`, a match far into a long text scores poorly).
 * "Tuned" follows its advice for exact matching ("use operators for precise
 * control"): extended search, each query term an include-match (`'term`),
 * all terms required, `ignoreLocation` so a match counts wherever it is.
 * Fuse keeps no inverted index: every search reads every fact.
 */
import { type Corpus, foldText } from '@factcite/core';
import Fuse from 'fuse.js';
import { queryTerms, searchableText } from '../truth.js';
import type { Engine } from './types.js';

abstract class FuseBase implements Engine {
  abstract readonly name: string;
  abstract readonly config: string;
  protected fuse: Fuse<{ text: string }> | undefined;

  protected abstract options(): ConstructorParameters<typeof Fuse<{ text: string }>>[1];
  protected abstract pattern(query: string): string;

  build(corpus: Corpus): void {
    const entities = new Map(corpus.entities.map((e) => [e.id, e]));
    const docs = corpus.facts.map((f) => ({ text: searchableText(f, entities) }));
    this.fuse = new Fuse(docs, this.options());
  }

  search(query: string, k: number): number[] {
    return this.fuse!.search(this.pattern(foldText(query)), { limit: k }).map((r) => r.refIndex);
  }
}

export class FuseTypical extends FuseBase {
  readonly name = 'Fuse.js, typical';
  readonly config = "new Fuse(docs, { keys: ['text'] }); search(query, { limit })";
  protected options() {
    return { keys: ['text'] };
  }
  protected pattern(query: string): string {
    return query;
  }
}

export class FuseTuned extends FuseBase {
  readonly name = 'Fuse.js, tuned';
  readonly config = "{ keys: ['text'], useExtendedSearch: true, ignoreLocation: true }; each term an include-match 'term";
  protected options() {
    return { keys: ['text'], ignoreLocation: true, useExtendedSearch: true };
  }
  protected pattern(query: string): string {
    return queryTerms(query)
      .map((t) => `'${t}`)
      .join(' ');
  }
}
