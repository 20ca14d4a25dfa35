/**
 * Orama in two set-ups. "Typical" is its README's way to Chinese: the
 * Mandarin tokenizer of `@orama/tokenizers` (Intl.Segmenter words), search
 * with its defaults (`threshold: 1`: facts with any of the terms, best
 * first). "Tuned" gives it a tokenizer of CJK bigrams (Han characters and
 * their pairs in the index, the pairs of a query) and asks for every term
 * (`threshold: 0`). Orama matches a term as a prefix unless `exact` is set.
 */
import { type Corpus, foldText } from '@factcite/core';
import { create, insertMultiple, type Orama, search } from '@orama/orama';
import { createTokenizer } from '@orama/tokenizers/mandarin';
import { searchableText } from '../truth.js';
import { indexTerms, queryTerms } from './cjk.js';
import type { Engine } from './types.js';

const schema = { text: 'string' } as const;
type Db = Orama<typeof schema>;

/** An Orama tokenizer component that indexes CJK bigrams and reads a query as pairs. */
function bigramTokenizer() {
  // Orama tokenizes documents with a property name and the search term without one.
  const tokenize = (raw: string, _language?: string, prop?: string) => [...new Set(prop ? indexTerms(raw) : queryTerms(raw))];
  return { language: 'english', normalizationCache: new Map(), tokenize };
}

abstract class OramaBase implements Engine {
  abstract readonly name: string;
  abstract readonly config: string;
  protected abstract readonly threshold: number;
  private db: Db | undefined;

  protected abstract make(): Db;

  build(corpus: Corpus): void {
    const entities = new Map(corpus.entities.map((e) => [e.id, e]));
    const db = this.make();
    const done = insertMultiple(
      db,
      corpus.facts.map((f, id) => ({ id: String(id), text: searchableText(f, entities) })),
    );
    if (done instanceof Promise) throw new Error('Orama inserted asynchronously: the bench measures synchronous engines');
    this.db = db;
  }

  search(query: string, k: number): number[] {
    const result = search(this.db!, { term: foldText(query), limit: k, threshold: this.threshold });
    if (result instanceof Promise) throw new Error('Orama searched asynchronously: the bench measures synchronous engines');
    return result.hits.map((h) => Number(h.id));
  }
}

export class OramaTypical extends OramaBase {
  readonly name = 'Orama, typical';
  readonly config =
    "create({ schema: { text: 'string' }, components: { tokenizer: createTokenizer() } }) from @orama/tokenizers/mandarin; search({ term, limit })";
  protected readonly threshold = 1;
  protected make(): Db {
    return create({ schema, components: { tokenizer: createTokenizer() } });
  }
}

export class OramaTuned extends OramaBase {
  readonly name = 'Orama, tuned';
  readonly config = 'components: { tokenizer: CJK unigrams + bigrams, query bigrams }; search({ term, limit, threshold: 0 })';
  protected readonly threshold = 0;
  protected make(): Db {
    return create({ schema, components: { tokenizer: bigramTokenizer() as never } });
  }
}
