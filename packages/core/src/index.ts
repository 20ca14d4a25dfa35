/**
 * @factcite/core: typed fact records, validation, cross-script search and
 * citation parsing. Browser-safe: file loading lives in `@factcite/core/node`.
 * The zod schemas, as values, are `@factcite/core/schema`: here only their
 * types are exported, and the functions that validate build the schemas on
 * first use, so that importing this entry under Node loads no zod.
 */
export {
  corpusJsonSchemas,
  type Citation,
  type Corpus,
  type Entity,
  type EntityKind,
  type Fact,
  type FactKind,
  type FactNote,
  type Id,
  type Qualifier,
  type Source,
  type SourceMeta,
  type Statement,
  type Value,
} from './corpus/schema.js';
export { createFactIndex, type CreateFactIndexOptions } from './search/fact-index.js';
export type { FactIndex, SearchHit, SearchIndexOptions, SearchOptions } from './search/search.js';
export {
  validateCorpus,
  CorpusValidationError,
  type CorpusInput,
  type CorpusIssue,
  type CorpusValidation,
} from './corpus/validate-corpus.js';
export { FactciteError, InvalidArgumentError, type InputIssue } from './errors.js';
export { foldText, convertScript, type DisplayScript } from './text/script.js';
export {
  parseCitations,
  findIgnoredRanges,
  FACT_KEY_PREFIX,
  type CitationRef,
  type MalformedCitation,
  type ParsedCitations,
} from './cite/citations.js';
export { LineIndex, lineContentEnd, lineStartsOf, type Position } from './text/positions.js';
export {
  parseCorpus,
  readYaml,
  type CorpusFile,
  type CorpusFiles,
  type ParsedCorpus,
} from './corpus/parse-corpus.js';
export type { Problem, ProblemCode } from './corpus/problem.js';
export { corpusRules } from './corpus/rules/index.js';
export type { RuleInfo } from './corpus/rules/rule.js';
export { detectScript } from './text/detect-script.js';
export { splitSourceFile } from './corpus/source-file.js';
export { formatSourceFile } from './corpus/format-source-file.js';
export {
  checkCitations,
  localizeDiagnostics,
  type CheckCitationsOptions,
} from './cite/check.js';
export { resolveSuccessor } from './cite/successor.js';
export { type CslItem, cslItems, factItem, factKey, factNote, primarySource, sourceItem, sourceKey } from './export/csl.js';
export { bibtexEntries, bibtexEntry } from './export/bibtex.js';
export type {
  CitationDiagnostic,
  CitationDiagnosticCode,
  FactChange,
  FactChangeKind,
  TextEdit,
  UncitedClaim,
  ValueMismatch,
} from './cite/diagnostic.js';
export { DIAGNOSTIC_CODES } from './cite/diagnostic-codes.js';
export {
  applySuppressions,
  parseSuppressions,
  SUPPRESSION_MARK,
  suppressibleCodes,
  type ApplySuppressionsOptions,
  type SuppressionDirective,
  type SuppressionKind,
  type SuppressionResult,
} from './cite/suppressions.js';
export * from './messages/index.js';
export { findUncitedClaims } from './cite/uncited-claims.js';
export {
  applyEdits,
  changeKinds,
  checkFactChanges,
  planUpgrade,
  type PinnedRelease,
  type UpgradePlan,
} from './release/fact-changes.js';
export { findFrontMatter, isReleaseVersion, pinEdit, readPin, writePin, type FrontMatter, type Pin } from './release/pin.js';
export { createPinResolver, type PinResolution } from './release/pin-resolver.js';
export {
  hedgedTop,
  parseChineseNumber,
  readNumber,
  readNumbers,
  type NumberKind,
  type NumberMatch,
  type ReadNumbersOptions,
} from './numbers/numbers.js';
export { checkValues } from './numbers/value-check.js';
export { roundingTolerance, valueAgrees, type StatedAmount } from './numbers/interval.js';
export { findSentences, type SentenceSpan } from './cite/sentences.js';
export { canonicalJson } from './release/canonical.js';
export { printable, printableLines } from './printable.js';
