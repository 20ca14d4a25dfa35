import { readFileSync } from 'node:fs';
import type { Problem } from '@factcite/core';
import { type MessageLang, message } from '@factcite/core/messages';
import { displayPath, readTextFile } from '@factcite/core/node';
import { loadIndex } from '../corpus.js';
import { EXIT, UsageError } from '../errors.js';
import { type CheckFinding, checkDocument, checkText, findingPlace } from '../findings.js';
import { messageLang } from '../lang.js';
import { fromMeta, isPandocDocument } from '../pandoc/ast.js';
import { type CiteAs, resolveFactCitations } from '../pandoc/filter.js';
import { pandocReaderFor } from '../pandoc/run.js';
import { writeErr } from '../terminal.js';

export interface PandocFilterOptions {
  corpus?: string;
  input?: string[];
  failOn?: string;
  citeAs?: string;
  lang?: string;
}

const FAIL_ON = ['error', 'warning', 'never'] as const;
type FailOn = (typeof FAIL_ON)[number];

function pick<T extends string>(value: unknown, allowed: readonly T[], name: string): T | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${name} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`);
}

/** True when exit should be non-zero: an error, or any warning under fail-on warning. */
export function failsOn(findings: CheckFinding[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return findings.some((f) => f.severity === 'error' || failOn === 'warning');
}

/**
 * A finding as one stderr line of a render log: `file:line:col: error: message [code]`, with the
 * sentence in a document. The severity stays an English keyword, as compilers write it, so editors
 * and CI logs that parse render output keep doing so in every language.
 */
export function logLine(f: CheckFinding, lang: MessageLang = 'en'): string {
  const where = f.paragraph === undefined ? `${f.file}:${f.line}:${f.column}` : `${f.file}: ${findingPlace(f, lang)}`;
  const sentence = f.sentence ? `\n    “${f.sentence}”` : '';
  return `${where}: ${f.severity}: ${f.message} [${f.code}]${sentence}\n`;
}

const MARKDOWN = /\.(md|markdown|mdown|mkd|qmd|rmd|txt)$/i;

/**
 * `factcite pandoc-filter [FORMAT]`: a Pandoc JSON filter. Reads the
 * document on standard input, resolves `[@fact:ID]` for citeproc (adding the
 * references), reports unknown, deprecated, malformed and contradicted-number
 * citations on standard error, and writes the document back, or stops the
 * render (exit 1) when `fail-on` says so.
 *
 * Problems are located by file, line and column in the Markdown inputs named
 * with --input (the Lua filter passes Pandoc's input files); without them,
 * by paragraph and sentence of the document Pandoc read.
 *
 * Options come from the command line or the document's metadata:
 * `factcite: { fail-on: error, cite-as: source, corpus: DIR, lang: zh-Hans }`;
 * the language of the messages is --lang, else `factcite.lang`, else the
 * locale (LC_ALL, LC_MESSAGES, LANG), as for `factcite check`.
 */
export function pandocFilterCommand(_format: string | undefined, options: PandocFilterOptions): number {
  // Before the document is read, only --lang and the locale can say; its metadata may say after.
  const shellLang = messageLang(options.lang);
  if (process.stdin.isTTY) throw new UsageError(message('cli.filter.not-pandoc', {}, shellLang));
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(0, 'utf8'));
  } catch {
    doc = undefined;
  }
  if (!isPandocDocument(doc)) throw new UsageError(message('cli.filter.not-pandoc', {}, shellLang));
  const meta = (fromMeta(doc.meta.factcite) ?? {}) as Record<string, unknown>;
  const lang = options.lang === undefined && typeof meta.lang === 'string' ? messageLang(meta.lang) : shellLang;
  const failOn: FailOn = pick(options.failOn, FAIL_ON, '--fail-on') ?? pick(meta['fail-on'], FAIL_ON, 'factcite.fail-on') ?? 'never';
  const citeAs: CiteAs =
    pick(options.citeAs, ['source', 'fact'] as const, '--cite-as') ?? pick(meta['cite-as'], ['source', 'fact'] as const, 'factcite.cite-as') ?? 'source';
  const corpus = options.corpus ?? (typeof meta.corpus === 'string' ? meta.corpus : undefined);
  const { index } = loadIndex(corpus);

  const findings: CheckFinding[] = [];
  const problems: Problem[] = [];
  const inputs = (options.input ?? []).filter((file) => file !== '-');
  const markdown = inputs.length > 0 && inputs.every((file) => MARKDOWN.test(file) && pandocReaderFor(file) === undefined);
  if (markdown) {
    for (const file of inputs) {
      const display = displayPath(file);
      const text = readTextFile(file, display, problems);
      if (text !== undefined) findings.push(...checkText(display, text, index, { lang }));
    }
  }
  if (!markdown || problems.length) {
    // No Markdown to point into: locate by paragraph of what Pandoc read.
    findings.length = 0;
    findings.push(...checkDocument(inputs.length === 1 ? displayPath(inputs[0]!) : inputs.join(', ') || 'document', doc, index, { check: { lang } }));
  }
  for (const f of findings) writeErr(logLine(f, lang));

  if (failsOn(findings, failOn)) {
    const errors = findings.filter((f) => f.severity === 'error').length;
    writeErr(`${message('cli.filter.failed', { errors, warnings: findings.length - errors, failOn }, lang)}\n`);
    return EXIT.problems;
  }
  resolveFactCitations(doc, index, citeAs);
  process.stdout.write(JSON.stringify(doc));
  return EXIT.ok;
}
