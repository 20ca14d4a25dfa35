import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Problem } from '@factcite/core';
import { readTextFile } from '@factcite/core/node';
import { InputError, UsageError } from '../errors.js';
import { type MessageLang, message, messageLangFromEnv } from '@factcite/core/messages';

/** The CSL styles bundled with the CLI (from the official CSL styles repository, CC BY-SA 3.0), by the names --style takes. */
const BUNDLED_STYLES: Record<string, string> = {
  gb7714: 'china-national-standard-gb-t-7714-2015-numeric',
  'gb7714-author-date': 'china-national-standard-gb-t-7714-2015-author-date',
  'chicago-notes': 'chicago-note-bibliography',
  'china-national-standard-gb-t-7714-2015-numeric': 'china-national-standard-gb-t-7714-2015-numeric',
  'china-national-standard-gb-t-7714-2015-author-date': 'china-national-standard-gb-t-7714-2015-author-date',
  'chicago-note-bibliography': 'chicago-note-bibliography',
};

/** The folder of bundled styles and locales, shipped beside dist/. */
function stylesDir(): URL {
  return new URL('../styles/', import.meta.url);
}

/** The path of a bundled style's CSL file. */
function bundledStylePath(name: string, lang: MessageLang): string {
  const file = BUNDLED_STYLES[name];
  if (!file) throw new UsageError(message('cli.style.unknown', { style: name, known: Object.keys(BUNDLED_STYLES).slice(0, 3) }, lang));
  return fileURLToPath(new URL(`${file}.csl`, stylesDir()));
}

/**
 * Reads a CSL style: --style NAME from the bundle, or --csl FILE (capped,
 * UTF-8, and a CSL `<style>` at all). Errors are in the shell's language:
 * render's --lang names the report's language, not the writer's.
 */
export function readStyle(options: { style?: string; csl?: string }, lang: MessageLang = messageLangFromEnv(process.env)): { xml: string; name: string } {
  if (options.style && options.csl) throw new UsageError('give --style or --csl, not both');
  const file = options.csl ?? bundledStylePath(options.style!, lang);
  const problems: Problem[] = [];
  const xml = readTextFile(file, file, problems, 4 * 1024 * 1024);
  if (xml === undefined) throw new InputError(message('cli.style.unreadable', { file, detail: problems.map((p) => p.message).join('; ') }, lang));
  if (!/<style[\s>]/.test(xml) || !/xbiblio\/csl/.test(xml))
    throw new InputError(message('cli.style.unreadable', { file, detail: message('cli.style.not-csl', {}, lang) }, lang));
  return { xml, name: options.style ?? file };
}

/** A CSL locale file bundled with the CLI (zh-CN, zh-TW, en-US), or undefined for the engine's fallback. */
export function readLocale(lang: string): string | undefined {
  const url = new URL(`locales-${lang}.xml`, stylesDir());
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang) && existsSync(url) ? readFileSync(url, 'utf8') : undefined;
}
