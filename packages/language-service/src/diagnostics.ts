import { type CitationDiagnostic, type CitationDiagnosticCode, type FactIndex, formatMessage, type MessageLang, type MessageRef } from '@factcite/core';
import type { Diagnostic } from 'vscode-languageserver-types';
import { type DocumentCheckOptions, type DocumentInput, toDocument } from './document.js';
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
  const out = doc.check(index, check).map((d) => {
    const data: FactDiagnosticData = {};
    if (d.factId !== undefined) data.factId = d.factId;
    if (d.suggestions) data.suggestions = d.suggestions;
    if (d.successor) data.successor = d.successor;
    if (d.mismatch) data.mismatch = d.mismatch;
    if (d.rewrite !== undefined) data.rewrite = d.rewrite;
    if (d.uncited) data.uncited = d.uncited;
    if (d.change) data.change = d.change;
    const out: FactDiagnostic = {
      range: toRange(doc, d.start, d.end),
      severity: d.severity === 'error' ? DiagnosticSeverity.Error : d.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
      code: d.code,
      source: DIAGNOSTIC_SOURCE,
      message: lang === 'en' ? d.message : formatMessage(d.detail, lang),
      data,
    };
    // Editors strike deprecated citations through.
    if (d.code === 'deprecated-fact') out.tags = [DiagnosticTag.Deprecated];
    // Editors fade a comment that does nothing.
    if (d.code === 'unused-suppression') out.tags = [DiagnosticTag.Unnecessary];
    return out;
  });
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
