import { type CitationDiagnostic, type CitationDiagnosticCode, type FactIndex, formatMessage, type MessageLang, type MessageRef } from '@factcite/core';
import type { Diagnostic } from 'vscode-languageserver-types';
import { checkedFindings, type DocumentCheckOptions, type DocumentInput, type FactDocument, type FindingsOrigin, toDocument } from './document.js';
import { DiagnosticSeverity, DiagnosticTag, toRange } from './lsp.js';

/** The `source` of every diagnostic this service reports. */
export const DIAGNOSTIC_SOURCE = 'factcite';

/**
 * What a diagnostic carries for its quick fixes, in `Diagnostic.data`: the
 * fields of core's CitationDiagnostic that a fix needs (the cited id, the
 * closest ids, the successor, the mismatch, the rewrite, the uncited claim,
 * the change since the pin), documented there.
 */
export type FactDiagnosticData = Pick<CitationDiagnostic, 'factId' | 'suggestions' | 'successor' | 'mismatch' | 'rewrite' | 'uncited' | 'change'>;

/** A diagnostic of this service: `code` is a core CitationDiagnosticCode, or `unresolved-pin`. */
export interface FactDiagnostic extends Diagnostic {
  code: CitationDiagnosticCode | 'unresolved-pin';
  source: typeof DIAGNOSTIC_SOURCE;
  data: FactDiagnosticData;
}

/**
 * Options of {@link diagnostics}: the language of the messages, what core
 * checks besides citations (`uncited`, and the `pinned` release the host
 * reads from the corpus's snapshots), and a pin the host could not resolve,
 * reported where the pin is written.
 */
export interface DiagnosticsOptions extends DocumentCheckOptions {
  /** The language of the messages: en (the default), zh-Hans or zh-Hant. */
  lang?: MessageLang;
  /** A pin the host could not resolve, reported where the pin is written. */
  pinProblem?: { start: number; end: number; message: string; detail?: MessageRef };
}

/** The data of a finding, for its quick fixes. */
function dataOf(d: CitationDiagnostic): FactDiagnosticData {
  const data: FactDiagnosticData = {};
  if (d.factId !== undefined) data.factId = d.factId;
  if (d.suggestions) data.suggestions = d.suggestions;
  if (d.successor) data.successor = d.successor;
  if (d.mismatch) data.mismatch = d.mismatch;
  if (d.rewrite !== undefined) data.rewrite = d.rewrite;
  if (d.uncited) data.uncited = d.uncited;
  if (d.change) data.change = d.change;
  return data;
}

function toDiagnostic(doc: FactDocument, d: CitationDiagnostic, lang: MessageLang): FactDiagnostic {
  const out: FactDiagnostic = {
    range: toRange(doc, d.start, d.end),
    severity: d.severity === 'error' ? DiagnosticSeverity.Error : d.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
    code: d.code,
    source: DIAGNOSTIC_SOURCE,
    message: lang === 'en' ? d.message : formatMessage(d.detail, lang),
    data: dataOf(d),
  };
  // Editors strike deprecated citations through.
  if (d.code === 'deprecated-fact') out.tags = [DiagnosticTag.Deprecated];
  // Editors fade a comment that does nothing.
  if (d.code === 'unused-suppression') out.tags = [DiagnosticTag.Unnecessary];
  return out;
}

/**
 * The diagnostic of a finding that an edit moved `lines` lines down (or up)
 * from where `before` was: same characters in the line, and the data of the
 * moved finding when that holds offsets (an uncited claim's insertion point,
 * a change's edits), else `before`'s. `before` itself when nothing moved.
 */
function moved(before: FactDiagnostic, d: CitationDiagnostic, lines: number): FactDiagnostic {
  if (lines === 0 && !d.uncited && !d.change) return before;
  const { start, end } = before.range;
  const out: FactDiagnostic = {
    range: { start: { line: start.line + lines, character: start.character }, end: { line: end.line + lines, character: end.character } },
    severity: before.severity!,
    code: before.code,
    source: DIAGNOSTIC_SOURCE,
    message: before.message,
    data: d.uncited || d.change ? dataOf(d) : before.data,
  };
  if (before.tags) out.tags = before.tags;
  return out;
}

/** Diagnostics of a document's findings, per findings list and language, with the number of lines of the text they were placed in. */
const converted = new WeakMap<readonly CitationDiagnostic[], Map<MessageLang, { lines: number; out: FactDiagnostic[] }>>();

/**
 * The diagnostics of findings the document keeps: those it shares with an
 * earlier version whose diagnostics were made (the findings before the
 * edit) keep their diagnostics, which lie before the edit too; the ones
 * after it are moved by as many lines as the edit added; only the findings
 * of the blocks the edit touched are placed anew.
 */
function convertKept(doc: FactDocument, found: readonly CitationDiagnostic[], origin: FindingsOrigin | undefined, lang: MessageLang): FactDiagnostic[] {
  let byLang = converted.get(found);
  const known = byLang?.get(lang);
  if (known) return known.out;
  const lines = doc.lines.lineCount;
  const base = origin && converted.get(origin.from)?.get(lang);
  let out: FactDiagnostic[];
  if (origin && base) {
    out = base.out.slice(0, origin.shared);
    for (let x = origin.shared; x < origin.moved; x++) out.push(toDiagnostic(doc, found[x]!, lang));
    const by = lines - base.lines;
    for (let x = origin.moved, y = origin.movedFrom; x < found.length; x++, y++) out.push(moved(base.out[y]!, found[x]!, by));
  } else out = found.map((d) => toDiagnostic(doc, d, lang));
  if (!byLang) {
    byLang = new Map();
    converted.set(found, byLang);
  }
  byLang.set(lang, { lines, out });
  return out;
}

/**
 * Unknown ids (errors, with the closest ids), deprecated facts (warnings,
 * with the successor), malformed citations (errors) and numbers that
 * contradict the fact their sentence cites (value-mismatch warnings, on the
 * number), from core's checkCitations, less what the report's
 * `<!-- factcite-disable… -->` comments hide. Linear in the text; with a
 * FactDocument built from the previous version, only the blocks an edit
 * touched are checked again.
 */
export function diagnostics(input: DocumentInput, index: FactIndex, options: DiagnosticsOptions = {}): FactDiagnostic[] {
  const doc = toDocument(input);
  const { lang = 'en', pinProblem, ...check } = options;
  const found = doc.check(index, check);
  const kept = checkedFindings(doc, index, check);
  const out = kept ? convertKept(doc, kept.found, kept.origin, lang).slice() : found.map((d) => toDiagnostic(doc, d, lang));
  if (pinProblem) {
    out.unshift({
      range: toRange(doc, pinProblem.start, pinProblem.end),
      severity: DiagnosticSeverity.Warning,
      code: 'unresolved-pin',
      source: DIAGNOSTIC_SOURCE,
      message: pinProblem.detail ? formatMessage(pinProblem.detail, lang) : pinProblem.message,
      data: {},
    });
  }
  return out;
}
