import { readFileSync } from 'node:fs';
import { parseCitations, type Problem } from '@factcite/core';
import { displayPath, readLimits, readRegularFile, readTextFile } from '@factcite/core/node';
import pc from 'picocolors';
import { loadIndex } from '../corpus.js';
import { EXIT, UsageError } from '../errors.js';
import { type CheckFinding, checkDocument, checkText, findingPlace } from '../findings.js';
import { pad, plural } from '../format.js';
import { documentParagraphs } from '../pandoc/ast.js';
import { pandocReaderFor, readWithPandoc } from '../pandoc/run.js';
import { toGithub, toSarif } from '../report-formats.js';
import { writeOut } from '../terminal.js';

export type { CheckFinding } from '../findings.js';

export interface CheckOptions {
  corpus?: string;
  json?: boolean;
  format?: string;
  failOn?: string;
  exitZero?: boolean;
}

const FORMATS = ['human', 'json', 'sarif', 'github'] as const;
const FAIL_ON = ['error', 'warning', 'never'] as const;

/** The problems of one report file, read as Markdown or, for .docx, .odt and .html, through Pandoc. */
function checkFile(file: string, index: ReturnType<typeof loadIndex>['index'], readProblems: Problem[]): { findings: CheckFinding[]; citations: number } {
  const display = displayPath(file);
  const reader = pandocReaderFor(file);
  if (reader) {
    try {
      // Refuses what is not a readable regular file before pandoc is started on it.
      readRegularFile(file, readLimits().maxFileBytes);
    } catch (error) {
      const refusal = error as Error & { code?: string };
      readProblems.push({ file: display, line: 1, column: 1, code: (refusal.code ?? 'unreadable-file') as Problem['code'], severity: 'error', message: refusal.message });
      return { findings: [], citations: 0 };
    }
    const doc = readWithPandoc(file, reader, `checking ${display}`);
    const citations = documentParagraphs(doc).reduce((n, p) => n + parseCitations(p.text).citations.length, 0);
    return { findings: checkDocument(display, doc, index, { titleInMeta: reader === 'docx' }), citations };
  }
  const text = readTextFile(file, display, readProblems);
  if (text === undefined) return { findings: [], citations: 0 };
  return { findings: checkText(display, text, index), citations: parseCitations(text).citations.length };
}

function printHuman(findings: CheckFinding[]): void {
  const byFile = new Map<string, CheckFinding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, list] of byFile) {
    writeOut(`\n${pc.underline(file)}\n`);
    const width = Math.max(...list.map((f) => findingPlace(f).length));
    for (const f of list) {
      const sev = f.severity === 'error' ? pc.red(pad('error', 7)) : pc.yellow(pad('warning', 7));
      writeOut(`  ${pc.dim(pad(findingPlace(f), width))}  ${sev}  ${f.message}  ${pc.dim(f.code)}\n`);
      if (f.sentence !== undefined) {
        const under = f.heading ? pc.dim(`  (${f.heading})`) : '';
        writeOut(`  ${' '.repeat(width)}  ${' '.repeat(7)}  “${f.sentence}”${under}\n`);
      }
    }
  }
}

/**
 * `factcite check FILE...`: every citation in the reports, checked against
 * the corpus, and every number next to one against the fact it cites.
 * Markdown is read directly; Word (.docx), OpenDocument (.odt) and HTML
 * through Pandoc, located by paragraph and sentence. Output for people, as
 * JSON, as SARIF 2.1.0 or as GitHub workflow annotations.
 */
export function checkCommand(files: string[], options: CheckOptions): number {
  const format = options.json ? 'json' : (options.format ?? 'human');
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not ${format}`);
  const failOn = options.exitZero ? 'never' : (options.failOn ?? 'error');
  if (!(FAIL_ON as readonly string[]).includes(failOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, not ${failOn}`);
  const { index, parsed } = loadIndex(options.corpus);
  const findings: CheckFinding[] = [];
  const readProblems: Problem[] = [];
  let citationCount = 0;
  for (const file of files) {
    const checked = checkFile(file, index, readProblems);
    findings.push(...checked.findings);
    citationCount += checked.citations;
  }
  for (const p of readProblems) {
    findings.push({ ...p, endLine: p.line, endColumn: p.column, factId: null });
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;

  if (format === 'json') {
    writeOut(`${JSON.stringify(findings, null, 2)}\n`);
  } else if (format === 'sarif') {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    writeOut(`${JSON.stringify(toSarif(findings, { version, informationUri: 'https://www.npmjs.com/package/@factcite/cli' }), null, 2)}\n`);
  } else if (format === 'github') {
    writeOut(toGithub(findings));
  } else {
    printHuman(findings);
    const corpusNote = parsed.errors.length ? pc.yellow(` (the corpus itself has ${plural(parsed.errors.length, 'error')}; run factcite validate)`) : '';
    const checked = `${plural(citationCount, 'citation')} in ${plural(files.length, 'file')} checked against ${index.size} facts${index.version ? ` (corpus ${index.version})` : ''}`;
    if (findings.length === 0) writeOut(`${pc.green('✔')} ${checked}${corpusNote}\n`);
    else
      writeOut(
        `\n${errors ? pc.red('✖') : pc.yellow('⚠')} ${plural(findings.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}); ${checked}${corpusNote}\n`,
      );
  }
  const fails = failOn === 'warning' ? findings.length > 0 : failOn === 'error' ? errors > 0 : false;
  return fails ? EXIT.problems : EXIT.ok;
}
