/**
 * @factcite/language-service: factcite's editor features as pure functions
 * over a fact index (core's createFactIndex) and a document's text. Results
 * are LSP-shaped (vscode-languageserver-types), with zero-based lines and
 * UTF-16 characters; offsets are UTF-16 indices into the text. No I/O and no
 * Node built-ins: editors read files and pass their text in.
 */
export { FactDocument, type DocumentInput } from './document.js';
export { completions, type CompletionOptions } from './completion.js';
export { completionContext, COMPLETION_TRIGGER_CHARACTERS, type CitationCompletionContext } from './completion-context.js';
export { sentenceAround, rankBySentence } from './sentence-rank.js';
export { hover, type HoverOptions } from './hover.js';
export { diagnostics, DIAGNOSTIC_SOURCE, type DiagnosticsOptions, type FactDiagnostic, type FactDiagnosticData } from './diagnostics.js';
export { codeActions, ignoreHereEdit, type CodeActionOptions } from './code-actions.js';
export { runInSlices, diagnosticsInSlices, type SliceOptions } from './slices.js';
export {
  definition,
  locateQuote,
  factRecordLocations,
  type CorpusFileText,
  type DefinitionOptions,
  type DefinitionTarget,
} from './definition.js';
export { references, type ReferenceDocument, type ReferenceTarget } from './references.js';
export { factCard, factSummary, COMMANDS, type CardOptions, type OpenSourceArgs, type CopyFootnoteArgs } from './card.js';
export {
  statementIn,
  noteIn,
  entityName,
  resolveScript,
  describeValue,
  valueLine,
  inlineValue,
  formatDate,
  factDate,
  sourceLine,
  footnote,
  type StatementScript,
} from './present.js';
export { escapeMarkdown, escapeInline } from './markdown.js';
export { citationAt } from './citation-at.js';
