import { z } from 'zod';
import { expectArgument } from '../errors.js';
import { createFactIndex as buildFactIndex, type FactIndex, type SearchIndexOptions } from './search.js';
import type { Corpus } from '../corpus/schema.js';
import { type CorpusInput, CorpusValidationError, validateCorpus } from '../corpus/validate-corpus.js';

/** Options of {@link createFactIndex}. */
export interface CreateFactIndexOptions extends SearchIndexOptions {
  /**
   * Validate the corpus first (default true). Pass false only for data a
   * factcite build already validated, such as `@factcite/corpus`, when the
   * corpus is so large that validating it again costs too much (about 10 µs a
   * fact); invalid data then gives undefined results.
   */
  validate?: boolean;
}

const OptionsSchema = z.strictObject({ validate: z.boolean().optional(), searchIndex: z.instanceof(Uint8Array).optional() }).optional();

/**
 * Builds the lookup and search index of a corpus. Validates it first, and
 * throws a {@link CorpusValidationError} listing every problem when it is not
 * a valid corpus; fields with defaults may be left out.
 */
export function createFactIndex(corpus: CorpusInput, options?: CreateFactIndexOptions): FactIndex {
  const { validate = true, searchIndex } = expectArgument(OptionsSchema, options, 'createFactIndex', 'options') ?? {};
  if (!validate) return buildFactIndex(corpus as Corpus, { searchIndex });
  const result = validateCorpus(corpus);
  if (!result.ok) throw new CorpusValidationError(result.errors);
  return buildFactIndex(result.corpus, { searchIndex });
}
