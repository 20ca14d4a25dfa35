import { checkCitations, LineIndex, type Problem, parseCitations, type ValueMismatch } from '@factcite/core';
import { displayPath, readTextFile } from '@factcite/core/node';
import pc from 'picocolors';
import { loadIndex } from '../corpus.js';
import { EXIT } from '../errors.js';
import { pad, plural } from '../format.js';
import { writeOut } from '../terminal.js';

export interface CheckOptions {
  corpus?: string;
  json?: boolean;
  exitZero?: boolean;
}

/** One finding of `factcite check`, with 1-based lines and columns (columns in characters). */
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
}

/**
 * `factcite check FILE...`: every citation in the reports, checked against
 * the corpus, and every number next to one against the fact it cites.
 */
export function checkCommand(files: string[], options: CheckOptions): number {
  const { index, parsed } = loadIndex(options.corpus);
  const findings: CheckFinding[] = [];
  const readProblems: Problem[] = [];
  let citationCount = 0;
  for (const file of files) {
    const display = displayPath(file);
    const text = readTextFile(file, display, readProblems);
    if (text === undefined) continue;
    const lines = new LineIndex(text);
    citationCount += parseCitations(text).citations.length;
    for (const d of checkCitations(text, index)) {
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
      });
    }
  }
  for (const p of readProblems) {
    findings.push({ ...p, endLine: p.line, endColumn: p.column, factId: null });
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;

  if (options.json) {
    writeOut(`${JSON.stringify(findings, null, 2)}\n`);
  } else {
    const byFile = new Map<string, CheckFinding[]>();
    for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
    for (const [file, list] of byFile) {
      writeOut(`\n${pc.underline(file)}\n`);
      const width = Math.max(...list.map((f) => `${f.line}:${f.column}`.length));
      for (const f of list) {
        const sev = f.severity === 'error' ? pc.red(pad('error', 7)) : pc.yellow(pad('warning', 7));
        writeOut(`  ${pc.dim(pad(`${f.line}:${f.column}`, width))}  ${sev}  ${f.message}  ${pc.dim(f.code)}\n`);
      }
    }
    const corpusNote = parsed.errors.length ? pc.yellow(` (the corpus itself has ${plural(parsed.errors.length, 'error')}; run factcite validate)`) : '';
    const checked = `${plural(citationCount, 'citation')} in ${plural(files.length, 'file')} checked against ${index.size} facts${index.version ? ` (corpus ${index.version})` : ''}`;
    if (findings.length === 0) writeOut(`${pc.green('✔')} ${checked}${corpusNote}\n`);
    else
      writeOut(
        `\n${errors ? pc.red('✖') : pc.yellow('⚠')} ${plural(findings.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}); ${checked}${corpusNote}\n`,
      );
  }
  return errors > 0 && !options.exitZero ? EXIT.problems : EXIT.ok;
}
