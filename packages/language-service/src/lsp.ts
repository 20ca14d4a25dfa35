import type { Range } from 'vscode-languageserver-types';
import type { FactDocument } from './document.js';

// Numeric LSP constants, written out so that the service ships no runtime
// code from vscode-languageserver-types (only its types).
export const DiagnosticSeverity = { Error: 1, Warning: 2, Information: 3, Hint: 4 } as const;
export const DiagnosticTag = { Unnecessary: 1, Deprecated: 2 } as const;
export const CompletionItemKind = { Reference: 18 } as const;
export const CompletionItemTag = { Deprecated: 1 } as const;
export const InsertTextFormat = { PlainText: 1 } as const;
export const CodeActionKind = { QuickFix: 'quickfix' } as const;

/** The LSP range of `[start, end)` offsets in a document. */
export function toRange(doc: FactDocument, start: number, end: number): Range {
  return { start: doc.lines.position(start), end: doc.lines.position(end) };
}
