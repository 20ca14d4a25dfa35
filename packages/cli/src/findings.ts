import { type CitationDiagnostic, checkCitations, type FactIndex, findSentences, LineIndex, type ValueMismatch } from '@factcite/core';
import { MESSAGES } from './messages.js';
import { type DocumentParagraph, documentParagraphs, type PandocDocument } from './pandoc/ast.js';

/**
 * One problem found in a report, with 1-based lines and columns (columns in
 * characters). In a document converted by Pandoc (.docx, .odt, .html) there
 * are no lines: `line` is the paragraph number, `column` the character in
 * that paragraph, and `paragraph`, `sentence` and `heading` say where a Word
 * user finds it.
 */
export interface CheckFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning';
  code: string;
  message: string;
  factId: string | null;
  suggestions?: string[];
  successor?: string;
  /** For value-mismatch: the number the report states, the fact's as its source writes it, the quote and the fix. */
  mismatch?: ValueMismatch;
  /** In a converted document: the 1-based paragraph, counting headings, list items and table cells as Word does. */
  paragraph?: number;
  /** In a converted document: the 1-based footnote the problem is in. */
  footnote?: number;
  /** In a converted document: the nearest heading above the paragraph. */
  heading?: string;
  /** In a converted document: the sentence holding the problem, as written. */
  sentence?: string;
}

function diagnosticFields(d: CitationDiagnostic) {
  return {
    severity: d.severity,
    code: d.code,
    message: d.message,
    factId: d.factId ?? null,
    ...(d.suggestions ? { suggestions: d.suggestions } : {}),
    ...(d.successor ? { successor: d.successor } : {}),
    ...(d.mismatch ? { mismatch: d.mismatch } : {}),
  };
}

/** The problems of a Markdown report, located by line and column. */
export function checkText(file: string, text: string, index: FactIndex): CheckFinding[] {
  const lines = new LineIndex(text);
  return checkCitations(text, index).map((d) => {
    const start = lines.humanPosition(d.start);
    const end = lines.humanPosition(d.end);
    return { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, ...diagnosticFields(d) };
  });
}

function characters(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** The sentence of a paragraph that holds an offset, trimmed. */
function sentenceAt(text: string, offset: number): string {
  const sentences = findSentences(text);
  const hit = sentences.find((s) => s.start <= offset && offset < s.end) ?? sentences.find((s) => offset <= s.end);
  return (hit ? text.slice(hit.start, hit.end) : text).trim();
}

/** The problems of one paragraph of a converted document. */
export function checkParagraph(file: string, p: DocumentParagraph, index: FactIndex): CheckFinding[] {
  return checkCitations(p.text, index).map((d) => ({
    file,
    line: p.paragraph,
    column: characters(p.text.slice(0, d.start)) + 1,
    endLine: p.paragraph,
    endColumn: characters(p.text.slice(0, d.end)) + 1,
    ...diagnosticFields(d),
    paragraph: p.paragraph,
    ...(p.footnote !== undefined ? { footnote: p.footnote } : {}),
    ...(p.heading !== undefined ? { heading: p.heading } : {}),
    sentence: sentenceAt(p.text, d.start),
  }));
}

/** The problems of a document Pandoc has read, paragraph by paragraph (`titleInMeta` for Word, whose title paragraphs Pandoc moves to the metadata). */
export function checkDocument(file: string, doc: PandocDocument, index: FactIndex, options: { titleInMeta?: boolean } = {}): CheckFinding[] {
  return documentParagraphs(doc, options).flatMap((p) => checkParagraph(file, p, index));
}

/** Where a finding is, as a writer looks for it: `3:7`, or `paragraph 4` / `paragraph 4, footnote 2`. */
export function findingPlace(f: CheckFinding): string {
  if (f.paragraph === undefined) return `${f.line}:${f.column}`;
  return `${MESSAGES.paragraph(f.paragraph)}${f.footnote !== undefined ? `, ${MESSAGES.footnote(f.footnote)}` : ''}`;
}
