import { spawnSync } from 'node:child_process';
import { InputError } from '../errors.js';
import { type MessageLang, message } from '@factcite/core/messages';
import { isPandocDocument, type PandocDocument } from './ast.js';

/** The pandoc to run: $PANDOC when set (a writer's own build), else `pandoc` on PATH. */
function pandocCommand(): string {
  return process.env.PANDOC || 'pandoc';
}

/** Pandoc's reader for a document file, by extension; undefined for Markdown and anything else factcite reads itself. */
export function pandocReaderFor(file: string): string | undefined {
  const ext = file.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  switch (ext) {
    case 'docx':
      return 'docx';
    case 'odt':
      return 'odt';
    case 'html':
    case 'htm':
    case 'xhtml':
      return 'html';
    default:
      return undefined;
  }
}

/**
 * Reads a document with pandoc into its JSON AST. A missing pandoc, a file
 * pandoc cannot read, or output that is not an AST is an InputError naming
 * the file: one line for the user, never a stack trace.
 */
export function readWithPandoc(file: string, reader: string, purpose: string, lang: MessageLang = 'en'): PandocDocument {
  const result = spawnSync(pandocCommand(), ['--from', reader, '--to', 'json', '--', file], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) {
    if ((result.error as NodeJS.ErrnoException).code === 'ENOENT') throw new InputError(message('cli.pandoc.missing', { purpose }, lang));
    throw new InputError(message('cli.pandoc.failed', { file, detail: result.error.message }, lang));
  }
  if (result.status !== 0) {
    const detail = result.stderr.trim().split('\n').slice(-3).join(' ') || message('cli.pandoc.exit-status', { status: String(result.status) }, lang);
    throw new InputError(message('cli.pandoc.failed', { file, detail }, lang));
  }
  let doc: unknown;
  try {
    doc = JSON.parse(result.stdout);
  } catch {
    doc = undefined;
  }
  if (!isPandocDocument(doc)) throw new InputError(message('cli.pandoc.failed', { file, detail: message('cli.pandoc.not-json', {}, lang) }, lang));
  return doc;
}
