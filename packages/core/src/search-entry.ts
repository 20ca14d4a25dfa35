/**
 * @factcite/core/search: the fact index alone, for a corpus a factcite build
 * already validated (such as @factcite/corpus). It imports no zod, YAML or
 * OpenCC, so loading it costs a few milliseconds where the main entry costs
 * a few hundred; createFactIndex here does not validate its input.
 */
export { createFactIndex, type FactIndex, type SearchHit, type SearchIndexOptions, type SearchOptions } from './search/search.js';
export { foldText } from './search/fold.js';
export type { Corpus, Entity, Fact, Source } from './corpus/schema.js';
