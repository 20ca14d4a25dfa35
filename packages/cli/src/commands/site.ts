import path from 'node:path';
import { FactciteError, InvalidArgumentError } from '@factcite/core';
import { buildSite, readReleaseInfo, serveSite } from '@factcite/site';
import pc from 'picocolors';
import { loadIndex } from '../corpus.js';
import { EXIT, InputError, UsageError } from '../errors.js';
import { positiveInteger } from '../options.js';
import { writeErr, writeOut } from '../terminal.js';

export interface SiteOptions {
  out?: string;
  base?: string;
  corpus?: string;
  serve?: boolean;
  port?: string;
}

/** The repository root above a corpus checkout, where `site/` goes by default; the working directory otherwise. */
function defaultOut(corpusDir: string): string {
  const parent = path.dirname(corpusDir);
  return path.basename(corpusDir) === 'corpus' && !corpusDir.includes(`${path.sep}node_modules${path.sep}`) ? path.join(parent, 'site') : path.resolve('site');
}

/**
 * `factcite site [--out DIR] [--base PATH] [--corpus DIR] [--serve [--port N]]`:
 * writes the static fact browser from the corpus or an installed release,
 * then, with --serve, previews it on 127.0.0.1 until interrupted.
 */
export async function siteCommand(options: SiteOptions): Promise<number> {
  const port = options.port === undefined ? 4173 : options.port === '0' ? 0 : positiveInteger(options.port, '--port', 4173);
  if (port > 65535) throw new UsageError(`--port must be at most 65535, not "${options.port}"`);
  const { parsed, dir } = loadIndex(options.corpus);
  if (parsed.errors.length) {
    throw new InputError(`the corpus has ${parsed.errors.length} error(s); run factcite validate, fix them, then build the site`);
  }
  const outDir = path.resolve(options.out ?? defaultOut(dir));
  const info = readReleaseInfo(dir, parsed.corpus);
  let result: ReturnType<typeof buildSite>;
  try {
    result = buildSite({ corpus: parsed.corpus, outDir, base: options.base, searchIndex: info.searchIndex, releases: info.releases });
  } catch (error) {
    if (error instanceof InvalidArgumentError) throw new UsageError(error.issues.map((i) => `--${i.path}: ${i.message}`).join('; '));
    if (error instanceof FactciteError) throw new InputError(error.message);
    throw error;
  }
  const shown = path.relative(process.cwd(), result.outDir) || '.';
  writeErr(
    `${pc.green('✔')} wrote ${shown}: ${result.pages} pages, ${(result.bytes / 1024 / 1024).toFixed(1)} MB, corpus ${parsed.corpus.version ?? '(unversioned)'}${result.usedPrebuiltIndex ? ", the release's prebuilt search index" : ', search index built from the corpus'}\n`,
  );
  if (!options.serve) return EXIT.ok;
  let server: Awaited<ReturnType<typeof serveSite>>;
  try {
    server = await serveSite({ dir: result.outDir, port, base: options.base });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${port} is in use; choose another with --port N (0 picks a free one)`);
    throw error;
  }
  writeOut(`Serving ${server.url} (127.0.0.1 only); Ctrl-C stops it.\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      void server.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return EXIT.ok;
}
