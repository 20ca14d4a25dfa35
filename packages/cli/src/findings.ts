import {
  type CheckCitationsOptions,
  type CitationDiagnostic,
  checkCitations,
  type FactChange,
  type FactIndex,
  findSentences,
  LineIndex,
  type UncitedClaim,
  type ValueMismatch,
} from '@factcite/core';
import { type MessageLang, message } from '@factcite/core/messages';
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
  severity: 'error' | 'warning' | 'information';
  code: string;
  message: string;
  factId: string | null;
  suggestions?: string[];
  successor?: string;
  /** For value-mismatch: the number the report states, the fact's as its source writes it, the quote and the fix. */
  mismatch?: ValueMismatch;
  /** For uncited-claim: the number, the fact's value and where the citation goes (`insert.at` is a UTF-16 offset). */
  uncited?: UncitedClaim;
  /** For fact-changed: what changed since the pinned release. */
  change?: FactChange;
  /** In a converted document: the 1-based paragraph, counting headings, list items and table cells as Word does. */
  paragraph?: number;
  /** In a converted document: the 1-based footnote the problem is in. */
  footnote?: number;
  /** In a converted document: the nearest heading above the paragraph. */
  heading?: string;
  /** In a converted document: the sentence holding the problem, as written. */
  sentence?: string;
}

/** A finding at UTF-16 offsets: a core diagnostic, or one of the CLI's own (an unresolved pin). */
type Located = Pick<
  CitationDiagnostic,
  'start' | 'end' | 'severity' | 'message' | 'factId' | 'suggestions' | 'successor' | 'mismatch' | 'uncited' | 'change'
> & {
  code: string;
};

function diagnosticFields(d: Located) {
  return {
    severity: d.severity,
    code: d.code,
    message: d.message,
    factId: d.factId ?? null,
    ...(d.suggestions ? { suggestions: d.suggestions } : {}),
    ...(d.successor ? { successor: d.successor } : {}),
    ...(d.mismatch ? { mismatch: d.mismatch } : {}),
    ...(d.uncited ? { uncited: d.uncited } : {}),
    ...(d.change ? { change: d.change } : {}),
  };
}

/** One problem of a Markdown report at UTF-16 offsets, located by line and column. */
export function textFinding(file: string, text: string, d: Located, lines = new LineIndex(text)): CheckFinding {
  const start = lines.humanPosition(d.start);
  const end = lines.humanPosition(d.end);
  return { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, ...diagnosticFields(d) };
}

/** The problems of a Markdown report, located by line and column. */
export function checkText(file: string, text: string, index: FactIndex, check: CheckCitationsOptions = {}): CheckFinding[] {
  const lines = new LineIndex(text);
  return checkCitations(text, index, check).map((d) => textFinding(file, text, d, lines));
}

/**
 * Maps UTF-16 offsets of one text, asked in any order, to 1-based character
 * columns, and to the sentence holding them; the sentences are found once,
 * so a paragraph with many problems costs no more than one pass per problem kind.
 */
class ParagraphPlaces {
  private readonly sentences: { start: number; end: number }[];
  /** Code points before each UTF-16 offset, filled on first use. */
  private columns: Uint32Array | undefined;

  constructor(private readonly text: string) {
    this.sentences = findSentences(text);
  }

  column(offset: number): number {
    if (!this.columns) {
      this.columns = new Uint32Array(this.text.length + 1);
      let n = 0;
      for (let i = 0; i < this.text.length; i++) {
        this.columns[i] = n;
        const code = this.text.charCodeAt(i);
        // A high surrogate and its low one are one character.
        if (!(code >= 0xd800 && code <= 0xdbff && i + 1 < this.text.length)) n++;
      }
      this.columns[this.text.length] = n;
    }
    return this.columns[Math.min(Math.max(offset, 0), this.text.length)]! + 1;
  }

  /**
   * The sentence holding an offset (binary search), trimmed; the whole text
   * when none does. A long sentence is cut to the words around the offset:
   * Word's Find takes at most 255 characters, and a finding should not repeat
   * a whole paragraph once per problem in it.
   */
  sentence(offset: number): string {
    let lo = 0;
    let hi = this.sentences.length - 1;
    let span: { start: number; end: number } = { start: 0, end: this.text.length };
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.sentences[mid]!;
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else {
        span = s;
        break;
      }
    }
    if (span.end - span.start <= SENTENCE_MAX) return this.text.slice(span.start, span.end).trim();
    let from = Math.max(span.start, offset - SENTENCE_MAX / 2);
    let to = Math.min(span.end, from + SENTENCE_MAX);
    // Never cut a character written as a surrogate pair in two.
    if (from > span.start && /[\udc00-\udfff]/.test(this.text[from]!)) from--;
    if (to < span.end && /[\ud800-\udbff]/.test(this.text[to - 1]!)) to++;
    return `${from > span.start ? '…' : ''}${this.text.slice(from, to).trim()}${to < span.end ? '…' : ''}`;
  }
}

/** The longest sentence a finding quotes whole, in UTF-16 units (Word's Find box takes 255 characters). */
const SENTENCE_MAX = 160;

/** The problems of one paragraph of a converted document. */
function checkParagraph(file: string, p: DocumentParagraph, index: FactIndex, check: CheckCitationsOptions = {}): CheckFinding[] {
  const diagnostics = checkCitations(p.text, index, check);
  if (diagnostics.length === 0) return [];
  const places = new ParagraphPlaces(p.text);
  return diagnostics.map((d) => ({
    file,
    line: p.paragraph,
    column: places.column(d.start),
    endLine: p.paragraph,
    endColumn: places.column(d.end),
    ...diagnosticFields(d),
    paragraph: p.paragraph,
    ...(p.footnote !== undefined ? { footnote: p.footnote } : {}),
    ...(p.heading !== undefined ? { heading: p.heading } : {}),
    sentence: places.sentence(d.start),
  }));
}

/**
 * The problems of a document Pandoc has read, paragraph by paragraph
 * (`titleInMeta` for Word, whose title paragraphs Pandoc moves to the
 * metadata; `check` for the message language and suppression reporting).
 */
export function checkDocument(
  file: string,
  doc: PandocDocument,
  index: FactIndex,
  options: { titleInMeta?: boolean; check?: CheckCitationsOptions } = {},
): CheckFinding[] {
  return documentParagraphs(doc, options).flatMap((p) => checkParagraph(file, p, index, options.check));
}

/** Where a finding is, as a writer looks for it: `3:7`, or `paragraph 4` / `paragraph 4, footnote 2` (第4段, 第4段，脚注2). */
export function findingPlace(f: CheckFinding, lang: MessageLang = 'en'): string {
  if (f.paragraph === undefined) return `${f.line}:${f.column}`;
  const paragraph = f.paragraph;
  return f.footnote === undefined
    ? message('cli.place.paragraph', { paragraph }, lang)
    : message('cli.place.footnote', { paragraph, footnote: f.footnote }, lang);
}
