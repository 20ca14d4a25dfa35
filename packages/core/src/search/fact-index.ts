import { expectArgument } from '../errors.js';
import { lazySchema } from '../lazy-schema.js';
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

const optionsSchema = lazySchema((z) => z.strictObject({ validate: z.boolean().optional(), searchIndex: z.instanceof(Uint8Array).optional() }).optional());

/**
 * The options when they are plainly right, checked by hand: with
 * `validate: false`, createFactIndex then runs without loading zod (see
 * lazy-schema.ts). Accepts nothing the schema refuses; anything else goes to
 * the schema, which accepts it or words the error.
 */
function plainOptions(options: unknown): CreateFactIndexOptions | undefined | false {
  if (options === undefined) return undefined;
  if (options === null || typeof options !== 'object') return false;
  const proto = Object.getPrototypeOf(options);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key in options) if (key !== 'validate' && key !== 'searchIndex') return false;
  const { validate, searchIndex } = options as Record<string, unknown>;
  if (validate !== undefined && typeof validate !== 'boolean') return false;
  if (searchIndex !== undefined && !(searchIndex instanceof Uint8Array)) return false;
  return options as CreateFactIndexOptions;
}

/**
 * Builds the lookup and search index of a corpus. Validates it first, and
 * throws a {@link CorpusValidationError} listing every problem when it is not
 * a valid corpus; fields with defaults may be left out.
 */
export function createFactIndex(corpus: CorpusInput, options?: CreateFactIndexOptions): FactIndex {
  const plain = plainOptions(options);
  const { validate = true, searchIndex } = (plain === false ? expectArgument(optionsSchema(), options, 'createFactIndex', 'options') : plain) ?? {};
  if (!validate) return buildFactIndex(corpus as Corpus, { searchIndex });
  const result = validateCorpus(corpus);
  if (!result.ok) throw new CorpusValidationError(result.errors);
  return buildFactIndex(result.corpus, { searchIndex });
}
