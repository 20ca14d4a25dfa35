/**
 * @factcite/core/ingest: the article cleaner and its rules. An entry of its
 * own because the rule engine (RE2) is only needed by maintainers adding
 * articles, not by editors and report checks, which load the main entry.
 * Browser-safe: rules files are read from their text.
 */
export {
  cleanArticle,
  genericRules,
  isoDate,
  type CleanOptions,
  type IngestedMeta,
  type IngestResult,
  type ReadField,
  type RemovedLine,
} from './ingest/clean.js';
export { compileRules, type CompiledRules, type RuleIssue } from './ingest/compile-rules.js';
export { detectScript } from './text/detect-script.js';
export { GENERIC_RULES } from './ingest/generic-rules.js';
export {
  DropRuleSchema,
  FieldRuleSchema,
  IngestRulesSchema,
  TitleRuleSchema,
  FIELD_GROUPS,
  MAX_PATTERN_LENGTH,
  MAX_RULES,
  REGIONS,
  type DropRule,
  type FieldRule,
  type IngestRules,
  type Region,
  type TitleRule,
} from './ingest/rule-schema.js';
export { IngestRulesError, parseIngestRules, pickRules, rulesName, type PickedRules, type RuleFileProblem } from './ingest/rules-file.js';
