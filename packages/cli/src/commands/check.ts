import { checkCitations, LineIndex, type MessageLang, message, type Problem, parseCitations, type ValueMismatch } from '@factcite/core';
import { displayPath, readTextFile } from '@factcite/core/node';
import pc from 'picocolors';
import { loadIndex } from '../corpus.js';
import { EXIT } from '../errors.js';
import { displayWidth, pad } from '../format.js';
import { messageLang } from '../lang.js';
import { writeOut } from '../terminal.js';

export interface CheckOptions {
  corpus?: string;
  json?: boolean;
  exitZero?: boolean;
  /** Language of the messages: en, zh-Hans or zh-Hant (default: the shell's locale). */
  lang?: string;
  /** Also report suppression comments that hide nothing. */
  reportUnusedSuppressions?: boolean;
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
  const lang = messageLang(options.lang);
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
    for (const d of checkCitations(text, index, { lang, reportUnusedSuppressions: options.reportUnusedSuppressions ?? false })) {
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
    writeOut(humanReport(findings, lang));
    const corpusNote = parsed.errors.length ? pc.yellow(message('cli.check.corpus-errors', { count: parsed.errors.length }, lang)) : '';
    const counts = { citations: citationCount, files: files.length, facts: index.size };
    const checked = index.version
      ? message('cli.check.checked-version', { ...counts, version: index.version }, lang)
      : message('cli.check.checked', counts, lang);
    if (findings.length === 0) writeOut(`${pc.green('✔')} ${checked}${corpusNote}\n`);
    else {
      const summary = message('cli.check.problems', { total: findings.length, errors, warnings, checked }, lang);
      writeOut(`\n${errors ? pc.red('✖') : pc.yellow('⚠')} ${summary}${corpusNote}\n`);
    }
  }
  return errors > 0 && !options.exitZero ? EXIT.problems : EXIT.ok;
}

/**
 * The findings as a writer reads them, file by file: position, severity,
 * message, code. Columns are padded by display width, so a severity in
 * Chinese (错误, two characters four columns wide) lines up as English does.
 */
export function humanReport(findings: readonly CheckFinding[], lang: MessageLang): string {
  const label = { error: message('severity.error', {}, lang), warning: message('severity.warning', {}, lang) };
  const labelWidth = Math.max(displayWidth(label.error), displayWidth(label.warning));
  const byFile = new Map<string, CheckFinding[]>();
  for (const f of findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  let out = '';
  for (const [file, list] of byFile) {
    out += `\n${pc.underline(file)}\n`;
    const width = Math.max(...list.map((f) => displayWidth(`${f.line}:${f.column}`)));
    for (const f of list) {
      const sev = f.severity === 'error' ? pc.red(pad(label.error, labelWidth)) : pc.yellow(pad(label.warning, labelWidth));
      out += `  ${pc.dim(pad(`${f.line}:${f.column}`, width))}  ${sev}  ${f.message}  ${pc.dim(f.code)}\n`;
    }
  }
  return out;
}
