import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Corpus, createFactIndex, type FactIndex, type ParsedCorpus } from '@factcite/core';
import { isCorpusDir, loadCorpusDir, readableReleaseDir, readLimits, readRegularFile } from '@factcite/core/node';
import { UsageError } from './errors.js';

/**
 * Finds the corpus a command works on: --corpus, then $FACTCITE_CORPUS, then
 * a corpus/ directory in or above the working directory (a maintainer's
 * checkout), then the release installed with the CLI (@factcite/corpus).
 */
export function resolveCorpusDir(option: string | undefined): string {
  const explicit = option ?? process.env.FACTCITE_CORPUS;
  if (explicit) {
    const dir = path.resolve(explicit);
    if (!existsSync(dir)) throw new UsageError(`corpus directory not found: ${explicit}`);
    if (!isCorpusDir(dir)) throw new UsageError(`not a corpus directory (no facts/ inside): ${explicit}`);
    return dir;
  }
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    if (isCorpusDir(dir)) return dir;
    if (isCorpusDir(path.join(dir, 'corpus'))) return path.join(dir, 'corpus');
    if (path.dirname(dir) === dir) break;
  }
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('@factcite/corpus/package.json'));
}

/** Loads a corpus directory, validating it; the caller decides what errors mean. */
export function loadCorpus(option: string | undefined): ParsedCorpus & { dir: string } {
  const dir = resolveCorpusDir(option);
  return { dir, ...loadCorpusDir(dir) };
}

/**
 * The built release (dist/corpus.json) when it is newer than every corpus
 * file: it was validated when it was built, and JSON loads far faster than
 * YAML. A maintainer's edit makes it stale, and the YAML is read instead.
 */
function readFreshBuild(dir: string): Corpus | undefined {
  // During a build's swap, the release moved aside is still there to read.
  const release = readableReleaseDir(path.join(dir, 'dist'));
  if (!release) return undefined;
  const built = path.join(release, 'corpus.json');
  if (!existsSync(built)) return undefined;
  const builtAt = statSync(built).mtimeMs;
  const inputs = [path.join(dir, 'entities.yaml'), path.join(dir, 'package.json')];
  for (const sub of ['facts', 'sources']) {
    const subdir = path.join(dir, sub);
    if (existsSync(subdir)) inputs.push(subdir, ...readdirSync(subdir).map((name) => path.join(subdir, name)));
  }
  if (inputs.some((file) => existsSync(file) && statSync(file).mtimeMs > builtAt)) return undefined;
  try {
    return JSON.parse(readRegularFile(built, readLimits().maxCorpusBytes).toString('utf8')) as Corpus;
  } catch {
    return undefined;
  }
}

/** Loads a corpus for reading commands; a corpus with errors is still usable, minus its broken records. */
export function loadIndex(option: string | undefined): { index: FactIndex; parsed: ParsedCorpus; dir: string } {
  const dir = resolveCorpusDir(option);
  const built = readFreshBuild(dir);
  const parsed: ParsedCorpus = built ? { corpus: built, errors: [], warnings: [] } : loadCorpusDir(dir);
  // Validated already, by the build or by loadCorpusDir, whose errors the caller reports;
  // records with broken links stay searchable, so the index must not refuse them.
  return { index: createFactIndex(parsed.corpus, { validate: false }), parsed, dir };
}
