import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import {
  type CheckCitationsOptions,
  createPinResolver,
  formatMessage,
  type MessageLang,
  message,
  type Problem,
  parseCitations,
  writePin,
} from '@factcite/core';
import { displayPath, expectWritableFile, readLimits, readRegularFile, readReleaseSnapshot, readTextFile } from '@factcite/core/node';
import pc from 'picocolors';
import { loadIndex } from '../corpus.js';
import { EXIT, UsageError } from '../errors.js';
import { type CheckFinding, checkDocument, checkText, findingPlace, textFinding } from '../findings.js';
import { displayWidth, pad } from '../format.js';
import { messageLang } from '../lang.js';
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
  /** Language of the messages: en, zh-Hans or zh-Hant (default: the shell's locale). */
  lang?: string;
  /** Also report suppression comments that hide nothing. */
  reportUnusedSuppressions?: boolean;
  /** Also hint at numbers that state a fact without citing it. */
  uncited?: boolean;
  /** Pin each Markdown report without errors to the corpus's release (front matter `factcite: x.y.z`) after checking it. */
  pin?: boolean;
}

const FORMATS = ['human', 'json', 'sarif', 'github'] as const;
const FAIL_ON = ['error', 'warning', 'never'] as const;

/** What checking one report needs besides the report: the index, the check's options and the pin resolver. */
interface CheckContext {
  index: ReturnType<typeof loadIndex>['index'];
  options: CheckCitationsOptions;
  resolvePin: ReturnType<typeof createPinResolver>;
  readProblems: Problem[];
}

/**
 * The problems of one report file, read as Markdown or, for .docx, .odt and
 * .html, through Pandoc. A Markdown report may pin a release in its front
 * matter; its cited facts changed since then are noted.
 */
function checkFile(file: string, context: CheckContext): { findings: CheckFinding[]; citations: number; text?: string } {
  const { index, options, readProblems } = context;
  const display = displayPath(file);
  const reader = pandocReaderFor(file);
  if (reader) {
    try {
      // Refuses what is not a readable regular file before pandoc is started on it.
      readRegularFile(file, readLimits().maxFileBytes);
    } catch (error) {
      const refusal = error as Error & { code?: string };
      readProblems.push({
        file: display,
        line: 1,
        column: 1,
        code: (refusal.code ?? 'unreadable-file') as Problem['code'],
        severity: 'error',
        message: refusal.message,
      });
      return { findings: [], citations: 0 };
    }
    const lang = options.lang ?? 'en';
    const doc = readWithPandoc(file, reader, message('cli.pandoc.checking', { file: display }, lang), lang);
    const citations = documentParagraphs(doc).reduce((n, p) => n + parseCitations(p.text).citations.length, 0);
    return { findings: checkDocument(display, doc, index, { titleInMeta: reader === 'docx', check: options }), citations };
  }
  const text = readTextFile(file, display, readProblems);
  if (text === undefined) return { findings: [], citations: 0 };
  const findings: CheckFinding[] = [];
  const pin = context.resolvePin(text);
  if (pin.kind === 'problem') {
    findings.push(
      textFinding(display, text, {
        start: pin.start,
        end: pin.end,
        severity: 'warning',
        code: 'unresolved-pin',
        message: formatMessage(pin.detail, options.lang),
      }),
    );
  }
  findings.push(...checkText(display, text, index, pin.kind === 'pinned' ? { ...options, pinned: pin.release } : options));
  findings.sort((a, b) => a.line - b.line || a.column - b.column);
  return { findings, citations: parseCitations(text).citations.length, text };
}

/**
 * `factcite check FILE...`: every citation in the reports, checked against
 * the corpus, and every number next to one against the fact it cites.
 * Markdown is read directly; Word (.docx), OpenDocument (.odt) and HTML
 * through Pandoc, located by paragraph and sentence. Output for people, as
 * JSON, as SARIF 2.1.0 or as GitHub workflow annotations.
 */
export function checkCommand(files: string[], options: CheckOptions): number {
  const lang = messageLang(options.lang);
  const checkOptions: CheckCitationsOptions = { lang, reportUnusedSuppressions: options.reportUnusedSuppressions ?? false, uncited: options.uncited ?? false };
  const format = options.json ? 'json' : (options.format ?? 'human');
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not ${format}`);
  const failOn = options.exitZero ? 'never' : (options.failOn ?? 'error');
  if (!(FAIL_ON as readonly string[]).includes(failOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, not ${failOn}`);
  const { index, parsed, dir } = loadIndex(options.corpus);
  if (options.pin && !index.version) throw new UsageError(`the corpus at ${dir} has no version to pin (no version in its package.json)`);
  const context: CheckContext = {
    index,
    options: checkOptions,
    resolvePin: createPinResolver((version) => readReleaseSnapshot(dir, version), index.version),
    readProblems: [],
  };
  const pinned: string[] = [];
  const notPinned: string[] = [];
  const findings: CheckFinding[] = [];
  const readProblems = context.readProblems;
  let citationCount = 0;
  for (const file of files) {
    const checked = checkFile(file, context);
    findings.push(...checked.findings);
    citationCount += checked.citations;
    if (options.pin && checked.text !== undefined) {
      const display = displayPath(file);
      if (checked.findings.some((f) => f.severity === 'error')) notPinned.push(display);
      else {
        // The report file itself is rewritten: never through a link, never anything but a regular file.
        const target = expectWritableFile(file, 'the report to pin');
        if (existsSync(target)) {
          writeFileSync(target, writePin(checked.text, index.version!));
          pinned.push(display);
        }
      }
    }
  }
  for (const p of readProblems) {
    findings.push({ ...p, endLine: p.line, endColumn: p.column, factId: null });
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const notes = findings.length - errors - warnings;

  if (format === 'json') {
    writeOut(`${JSON.stringify(findings, null, 2)}\n`);
  } else if (format === 'sarif') {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    writeOut(`${JSON.stringify(toSarif(findings, { version, informationUri: 'https://www.npmjs.com/package/@factcite/cli' }, lang), null, 2)}\n`);
  } else if (format === 'github') {
    writeOut(toGithub(findings, lang));
  } else {
    writeOut(humanReport(findings, lang));
    const corpusNote = parsed.errors.length ? pc.yellow(message('cli.check.corpus-errors', { count: parsed.errors.length }, lang)) : '';
    const counts = { citations: citationCount, files: files.length, facts: index.size };
    const checked = index.version
      ? message('cli.check.checked-version', { ...counts, version: index.version }, lang)
      : message('cli.check.checked', counts, lang);
    if (findings.length === 0) writeOut(`${pc.green('✔')} ${checked}${corpusNote}\n`);
    else {
      const summary =
        errors + warnings === 0
          ? message('cli.check.notes', { notes, checked }, lang)
          : message(notes ? 'cli.check.problems-notes' : 'cli.check.problems', { total: errors + warnings, errors, warnings, notes, checked }, lang);
      const mark = errors ? pc.red('✖') : warnings ? pc.yellow('⚠') : pc.cyan('ℹ');
      writeOut(`\n${mark} ${summary}${corpusNote}\n`);
    }
    for (const file of pinned) writeOut(`${pc.green('✔')} ${message('cli.check.pinned', { file, version: index.version! }, lang)}\n`);
    for (const file of notPinned) writeOut(`${pc.yellow('⚠')} ${message('cli.check.not-pinned', { file }, lang)}\n`);
  }
  const fails = failOn === 'warning' ? errors + warnings > 0 : failOn === 'error' ? errors > 0 : false;
  return fails ? EXIT.problems : EXIT.ok;
}

/**
 * The findings as a writer reads them, file by file: position, severity,
 * message, code. Columns are padded by display width, so a severity in
 * Chinese (错误, two characters four columns wide) lines up as English does.
 */
export function humanReport(findings: readonly CheckFinding[], lang: MessageLang): string {
  const label = {
    error: message('severity.error', {}, lang),
    warning: message('severity.warning', {}, lang),
    information: message('severity.information', {}, lang),
  };
  const labelWidth = Math.max(displayWidth(label.error), displayWidth(label.warning), displayWidth(label.information));
  const colour = { error: pc.red, warning: pc.yellow, information: pc.cyan };
  const byFile = new Map<string, CheckFinding[]>();
  for (const f of findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  let out = '';
  for (const [file, list] of byFile) {
    out += `\n${pc.underline(file)}\n`;
    const width = Math.max(...list.map((f) => displayWidth(findingPlace(f, lang))));
    for (const f of list) {
      const sev = colour[f.severity](pad(label[f.severity], labelWidth));
      out += `  ${pc.dim(pad(findingPlace(f, lang), width))}  ${sev}  ${f.message}  ${pc.dim(f.code)}\n`;
      if (f.sentence !== undefined) {
        // A converted document has no lines: the sentence is what a Word user searches for.
        const under = f.heading ? pc.dim(`  (${f.heading})`) : '';
        out += `  ${' '.repeat(width)}  ${' '.repeat(labelWidth)}  “${f.sentence}”${under}\n`;
      }
    }
  }
  return out;
}
