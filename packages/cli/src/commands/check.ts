import { existsSync, writeFileSync } from 'node:fs';
import { checkCitations, createPinResolver, type FactChange, LineIndex, type Problem, parseCitations, type UncitedClaim, type ValueMismatch, writePin } from '@factcite/core';
import { displayPath, expectWritableFile, readReleaseSnapshot, readTextFile } from '@factcite/core/node';
import pc from 'picocolors';
import { loadIndex } from '../corpus.js';
import { EXIT, UsageError } from '../errors.js';
import { pad, plural } from '../format.js';
import { writeOut } from '../terminal.js';

export interface CheckOptions {
  corpus?: string;
  json?: boolean;
  exitZero?: boolean;
  /** Also hint at numbers that state a fact without citing it. */
  uncited?: boolean;
  /** Pin each report to the corpus's release (front matter `factcite: x.y.z`) after checking it. */
  pin?: boolean;
}

/** One finding of `factcite check`, with 1-based lines and columns (columns in characters). */
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
}

/**
 * `factcite check FILE...`: every citation in the reports, checked against
 * the corpus, and every number next to one against the fact it cites.
 */
export function checkCommand(files: string[], options: CheckOptions): number {
  const { index, parsed, dir } = loadIndex(options.corpus);
  if (options.pin && !index.version) throw new UsageError(`the corpus at ${dir} has no version to pin (no version in its package.json)`);
  const resolvePin = createPinResolver((version) => readReleaseSnapshot(dir, version), index.version);
  const pinned: string[] = [];
  const notPinned: string[] = [];
  const findings: CheckFinding[] = [];
  const readProblems: Problem[] = [];
  let citationCount = 0;
  for (const file of files) {
    const display = displayPath(file);
    const text = readTextFile(file, display, readProblems);
    if (text === undefined) continue;
    const lines = new LineIndex(text);
    citationCount += parseCitations(text).citations.length;
    const pin = resolvePin(text);
    if (pin.kind === 'problem') {
      const at = lines.humanPosition(pin.start);
      const end = lines.humanPosition(pin.end);
      findings.push({ file: display, line: at.line, column: at.column, endLine: end.line, endColumn: end.column, severity: 'warning', code: 'unresolved-pin', message: pin.message, factId: null });
    }
    const diagnostics = checkCitations(text, index, { uncited: options.uncited, ...(pin.kind === 'pinned' ? { pinned: pin.release } : {}) });
    for (const d of diagnostics) {
      const start = lines.humanPosition(d.start);
      const end = lines.humanPosition(d.end);
      findings.push({
        file: display,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        severity: d.severity,
        code: d.code,
        message: d.message,
        factId: d.factId ?? null,
        ...(d.suggestions ? { suggestions: d.suggestions } : {}),
        ...(d.successor ? { successor: d.successor } : {}),
        ...(d.mismatch ? { mismatch: d.mismatch } : {}),
        ...(d.uncited ? { uncited: d.uncited } : {}),
        ...(d.change ? { change: d.change } : {}),
      });
    }
    if (options.pin && diagnostics.some((d) => d.severity === 'error')) notPinned.push(display);
    else if (options.pin) {
      // The report file itself is rewritten: never through a link, never anything but a regular file.
      const target = expectWritableFile(file, 'the report to pin');
      if (existsSync(target)) {
        writeFileSync(target, writePin(text, index.version!));
        pinned.push(display);
      }
    }
  }
  for (const p of readProblems) {
    findings.push({ ...p, endLine: p.line, endColumn: p.column, factId: null });
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const notes = findings.length - errors - warnings;

  if (options.json) {
    writeOut(`${JSON.stringify(findings, null, 2)}\n`);
  } else {
    const byFile = new Map<string, CheckFinding[]>();
    for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
    for (const [file, list] of byFile) {
      writeOut(`\n${pc.underline(file)}\n`);
      const width = Math.max(...list.map((f) => `${f.line}:${f.column}`.length));
      for (const f of list) {
        const sev = f.severity === 'error' ? pc.red(pad('error', 7)) : f.severity === 'warning' ? pc.yellow(pad('warning', 7)) : pc.cyan(pad('info', 7));
        writeOut(`  ${pc.dim(pad(`${f.line}:${f.column}`, width))}  ${sev}  ${f.message}  ${pc.dim(f.code)}\n`);
      }
    }
    const corpusNote = parsed.errors.length ? pc.yellow(` (the corpus itself has ${plural(parsed.errors.length, 'error')}; run factcite validate)`) : '';
    const checked = `${plural(citationCount, 'citation')} in ${plural(files.length, 'file')} checked against ${index.size} facts${index.version ? ` (corpus ${index.version})` : ''}`;
    const noted = notes ? `, ${plural(notes, 'note')}` : '';
    if (findings.length === 0) writeOut(`${pc.green('✔')} ${checked}${corpusNote}\n`);
    else if (errors + warnings === 0) writeOut(`\n${pc.cyan('ℹ')} ${plural(notes, 'note')}; ${checked}${corpusNote}\n`);
    else
      writeOut(
        `\n${errors ? pc.red('✖') : pc.yellow('⚠')} ${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}${noted}); ${checked}${corpusNote}\n`,
      );
    for (const file of pinned) writeOut(`${pc.green('✔')} pinned ${file} to release ${index.version}\n`);
    for (const file of notPinned) writeOut(`${pc.yellow('⚠')} not pinned ${file}: fix its errors first\n`);
  }
  return errors > 0 && !options.exitZero ? EXIT.problems : EXIT.ok;
}
