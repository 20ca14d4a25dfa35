/**
 * @factcite/core/search: the fact index alone, for a corpus a factcite build
 * already validated (such as @factcite/corpus). It imports no zod, YAML or
 * OpenCC in any environment, nor the main entry's citation, number and
 * validation code, so loading it costs a few milliseconds (the main entry,
 * which under Node also leaves zod, YAML and OpenCC to first use, some 10 ms
 * more: see docs/benchmarks.md); createFactIndex here does not validate its
 * input, since validating is what needs zod.
 */
export { createFactIndex, type FactIndex, type SearchHit, type SearchIndexOptions, type SearchOptions } from './search/search.js';
export { foldText } from './text/fold.js';
export type { Corpus, Entity, Fact, Source } from './corpus/schema.js';
