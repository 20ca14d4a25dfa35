import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Corpus, createFactIndex, type FactIndex, type ParsedCorpus } from '@factcite/core';
import { loadCorpusDir, readableReleaseDir, readLimits, readRegularFile } from '@factcite/core/node';
import { chooseCorpus } from '@factcite/workspace';
import { installedReleaseDir, probe, readRelease, resolvePath } from '@factcite/workspace/node';
import { UsageError } from './errors.js';

/** The folder a command starts from and every folder above it, nearest first. */
function foldersUp(from: string): string[] {
  const folders: string[] = [];
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    folders.push(dir);
    if (path.dirname(dir) === dir) return folders;
  }
}

/**
 * The corpus a command works on, by the workspace host's rules (the same as
 * the editors'): --corpus, then $FACTCITE_CORPUS (a corpus folder or a built
 * release), then a corpus/ folder in or above the working directory (a
 * maintainer's checkout), then the release installed with the CLI. A path
 * that is no corpus is a usage error: a command never silently falls back.
 */
export function resolveCorpus(option: string | undefined): { dir: string; kind: 'workspace' | 'release' | 'bundled' } {
  const explicit = option ?? process.env.FACTCITE_CORPUS;
  const choice = chooseCorpus({ corpusPath: explicit, folder: process.cwd(), trusted: true, discover: foldersUp(process.cwd()) }, { probe, resolvePath });
  if (choice.kind === 'invalid') throw new UsageError(choice.message);
  // The installed release's package folder holds its sources and facts: it is read as a corpus folder.
  if (choice.kind === 'bundled') return { dir: installedReleaseDir(), kind: 'bundled' };
  return { dir: choice.dir, kind: choice.kind };
}

/** A corpus source folder, for the commands that read or write its files (ingest, mine, build, verify). */
export function resolveCorpusDir(option: string | undefined): string {
  const { dir, kind } = resolveCorpus(option);
  if (kind === 'release') throw new UsageError(`${option ?? process.env.FACTCITE_CORPUS} is a built release; this command needs a corpus folder (with facts/)`);
  return dir;
}

/** Loads a corpus, validating it; the caller decides what errors mean. */
export function loadCorpus(option: string | undefined): ParsedCorpus & { dir: string } {
  const { dir, kind } = resolveCorpus(option);
  return { dir, ...(kind === 'release' ? readRelease(dir) : loadCorpusDir(dir)) };
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

/**
 * Loads a corpus for reading commands. The one exception to the workspace
 * host's policy of refusing a corpus with errors: a one-shot command has no
 * last good corpus to fall back on, and falling back to another corpus would
 * check a report against facts the writer did not choose. So it reads the
 * corpus minus its broken records and says the corpus has errors (`check`
 * prints it; `validate` lists them).
 */
export function loadIndex(option: string | undefined): { index: FactIndex; parsed: ParsedCorpus; dir: string } {
  const { dir, kind } = resolveCorpus(option);
  const built = kind === 'release' ? undefined : readFreshBuild(dir);
  const parsed: ParsedCorpus = kind === 'release' ? readRelease(dir) : built ? { corpus: built, errors: [], warnings: [] } : loadCorpusDir(dir);
  // Validated already, by the build or by loadCorpusDir, whose errors the caller reports;
  // records with broken links stay searchable, so the index must not refuse them.
  return { index: createFactIndex(parsed.corpus, { validate: false }), parsed, dir };
}
