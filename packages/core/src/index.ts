/**
 * @factcite/core: typed fact records, zod schemas, cross-script search and
 * citation parsing. Browser-safe: file loading lives in `@factcite/core/node`.
 */
export * from './schema.js';
export { createFactIndex, type CreateFactIndexOptions } from './fact-index.js';
export type { FactIndex, SearchHit, SearchIndexOptions, SearchOptions } from './search.js';
export {
  validateCorpus,
  CorpusSchema,
  SourceSchema,
  CorpusValidationError,
  type CorpusInput,
  type CorpusIssue,
  type CorpusValidation,
} from './validate-corpus.js';
export { FactciteError, InvalidArgumentError, type InputIssue } from './errors.js';
export { foldText, convertScript, type DisplayScript } from './script.js';
export {
  parseCitations,
  findIgnoredRanges,
  FACT_KEY_PREFIX,
  type CitationRef,
  type MalformedCitation,
  type ParsedCitations,
} from './citations.js';
export { LineIndex, lineContentEnd, lineStartsOf, type Position } from './positions.js';
export {
  parseCorpus,
  readYaml,
  type CorpusFile,
  type CorpusFiles,
  type ParsedCorpus,
  type Problem,
  type ProblemCode,
} from './parse-corpus.js';
export { cleanArticle, detectScript, type IngestResult, type IngestedMeta } from './ingest.js';
export { splitSourceFile } from './source-file.js';
export { formatSourceFile } from './format-source-file.js';
export { checkCitations, resolveSuccessor, type CheckOptions, type CitationDiagnostic, type CitationDiagnosticCode } from './check.js';
export { findUncitedClaims, type UncitedClaim } from './uncited-claims.js';
export {
  applyEdits,
  changeKinds,
  checkFactChanges,
  planUpgrade,
  type FactChange,
  type FactChangeKind,
  type PinnedRelease,
  type TextEdit,
  type UpgradePlan,
} from './fact-changes.js';
export { findFrontMatter, isReleaseVersion, pinEdit, readPin, writePin, type FrontMatter, type Pin } from './pin.js';
export {
  hedgedTop,
  parseChineseNumber,
  readNumber,
  readNumbers,
  type NumberKind,
  type NumberMatch,
  type ReadNumbersOptions,
} from './numbers.js';
export {
  checkValues,
  findSentences,
  roundingTolerance,
  valueAgrees,
  type SentenceSpan,
  type StatedAmount,
  type ValueMismatch,
} from './value-check.js';
export { canonicalJson } from './canonical.js';
export { printable, printableLines } from './printable.js';
