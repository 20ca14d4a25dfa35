import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkCitations, LineIndex, type Problem } from '@factcite/core';
import { expectWritableFile, readTextFile } from '@factcite/core/node';
import { contained } from '../contained.js';
import pc from 'picocolors';
import { loadIndex } from '../corpus.js';
import { EXIT, InputError, UsageError } from '../errors.js';
import { styleCitations, styleLocale } from '../render/citeproc.js';
import { renderHtml } from '../render/html.js';
import { renderMarkdown } from '../render/markdown.js';
import { buildRenderModel, detectLanguage, type RenderLanguage } from '../render/model.js';
import { readStyle } from '../render/styles.js';
import { writeErr, writeOut } from '../terminal.js';

export interface RenderOptions {
  corpus?: string;
  format?: string;
  lang?: string;
  out?: string;
  csl?: string;
  style?: string;
}

const LANGUAGES: RenderLanguage[] = ['en', 'zh-Hans', 'zh-Hant'];

/**
 * `factcite render REPORT`: the report with citations as numbered notes and
 * a bibliography grouped by source, as Markdown or a standalone HTML page.
 * A report whose citations do not check renders nothing.
 */
export function renderCommand(report: string, options: RenderOptions): number {
  const format = options.format ?? 'md';
  if (format !== 'md' && format !== 'html') throw new UsageError(`--format must be md or html, not ${format}`);
  if (options.lang !== undefined && !LANGUAGES.includes(options.lang as RenderLanguage)) {
    throw new UsageError(`--lang must be one of ${LANGUAGES.join(', ')}`);
  }
  const style = options.csl || options.style ? readStyle(options) : undefined;
  const problems: Problem[] = [];
  const text = readTextFile(report, report, problems);
  if (text === undefined) throw new InputError(problems.map((p) => `${p.file}: ${p.message}`).join('; '));
  const { index } = loadIndex(options.corpus);
  const lines = new LineIndex(text);
  const diagnostics = checkCitations(text, index);
  for (const d of diagnostics) {
    const at = lines.humanPosition(d.start);
    const severity = d.severity === 'error' ? pc.red('error') : pc.yellow('warning');
    writeErr(`${report}:${at.line}:${at.column}  ${severity}  ${d.message}  ${pc.dim(d.code)}\n`);
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (errors) {
    writeErr(`${pc.red('✖')} not rendered: ${errors} citation error(s); fix them (factcite check) and render again\n`);
    return EXIT.problems;
  }
  const language = (options.lang as RenderLanguage | undefined) ?? detectLanguage(text);
  const model = buildRenderModel(text, index, language);
  // An explicit --lang picks the style's locale too; otherwise the style's default-locale, else the report's language.
  const styled = style ? styleCitations(model, index, style.xml, options.lang ? styleLocale('', language) : undefined) : undefined;
  const output = format === 'html' ? renderHtml(model, path.basename(report).replace(/\.[^.]+$/, ''), styled) : renderMarkdown(model, styled);
  if (options.out) {
    writeFileSync(
      contained(() => expectWritableFile(options.out!, '--out')),
      output,
    );
    writeErr(
      `${pc.green('✔')} wrote ${options.out}: ${model.notes.length} ${styled && !styled.note ? 'citations' : 'notes'}, ${model.bibliography.length} sources${style ? ` (${style.name})` : ''}\n`,
    );
  } else {
    writeOut(output);
  }
  return EXIT.ok;
}
