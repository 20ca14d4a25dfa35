/**
 * File-system entry of @factcite/core: reads a corpus directory
 * (facts/*.yaml, entities.yaml, sources/*.md, raw/) for the CLI and Node tools.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expectText } from './errors.js';
import { type CorpusFile, type CorpusFiles, type ParsedCorpus, type Problem, parseCorpus } from './corpus/parse-corpus.js';
import { type ReadLimits, type ReadRefusal, readLimits, readRegularFile } from './io/read-file.js';

export * from './index.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The default cap on one file, in bytes (see {@link readLimits} to change it). */
export const MAX_FILE_BYTES = readLimits().maxFileBytes;

/**
 * Reads a UTF-8 regular file of at most `maxBytes` (default: the file cap in
 * force); a device, FIFO, socket, oversized or unreadable file, or invalid
 * UTF-8, becomes a located problem instead of an exception or an endless read.
 */
export function readTextFile(file: string, display: string, problems: Problem[], maxBytes = readLimits().maxFileBytes): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file, maxBytes);
  } catch (error) {
    const refusal = error as ReadRefusal;
    problems.push({ file: display, line: 1, column: 1, code: refusal.code ?? 'unreadable-file', severity: 'error', message: refusal.message });
    return undefined;
  }
  try {
    return decoder.decode(bytes);
  } catch {
    // Locate the first invalid byte so the maintainer can find it.
    const text = bytes.toString('utf8');
    const bad = text.indexOf('\uFFFD');
    const before = text.slice(0, Math.max(bad, 0)).split('\n');
    problems.push({
      file: display,
      line: before.length,
      column: (before[before.length - 1]?.length ?? 0) + 1,
      code: 'invalid-encoding',
      severity: 'error',
      message: 'file is not valid UTF-8; save it as UTF-8',
    });
    return undefined;
  }
}

/**
 * How a path is shown to a person: relative to `base` (the working directory)
 * when it lies inside it, absolute otherwise, never as a climb of "../..".
 */
export function displayPath(file: string, base = process.cwd()): string {
  expectText(file, 'displayPath', 'file');
  expectText(base, 'displayPath', 'base');
  const absolute = path.resolve(base, file);
  const relative = path.relative(base, absolute);
  if (relative === '') return '.';
  return relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
}

function listFiles(dir: string, extension: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(extension) && !name.startsWith('.'))
    .sort();
}

/** Whether a directory looks like a factcite corpus. */
export function isCorpusDir(dir: string): boolean {
  expectText(dir, 'isCorpusDir', 'dir');
  return existsSync(path.join(dir, 'facts')) && statSync(path.join(dir, 'facts')).isDirectory();
}

/**
 * Reads the files of a corpus directory; paths in problems are relative to
 * `relativeTo` (default: the working directory). Each file and the corpus as
 * a whole are capped ({@link readLimits}); a file past either cap is a
 * located problem and is left out.
 */
export function readCorpusFiles(dir: string, relativeTo = process.cwd(), limits: Partial<ReadLimits> = {}): CorpusFiles {
  expectText(dir, 'readCorpusFiles', 'dir');
  expectText(relativeTo, 'readCorpusFiles', 'relativeTo');
  const { maxFileBytes, maxCorpusBytes } = readLimits(limits);
  const readProblems: Problem[] = [];
  const display = (file: string) => displayPath(file, relativeTo);
  let budget = maxCorpusBytes;
  const corpusTooLarge = `not read: the corpus is over its ${maxCorpusBytes} byte cap (FACTCITE_MAX_CORPUS_BYTES)`;
  const read = (file: string): CorpusFile | undefined => {
    const shown = display(file);
    if (budget <= 0) {
      readProblems.push({ file: shown, line: 1, column: 1, code: 'corpus-too-large', severity: 'error', message: corpusTooLarge });
      return undefined;
    }
    const problems: Problem[] = [];
    const text = readTextFile(file, shown, problems, Math.min(maxFileBytes, budget));
    for (const problem of problems) {
      // Over what is left of the corpus budget, not over the file cap: say which cap it is.
      const overBudget = problem.code === 'file-too-large' && budget < maxFileBytes;
      readProblems.push(overBudget ? { ...problem, code: 'corpus-too-large', message: corpusTooLarge } : problem);
    }
    if (text === undefined) return undefined;
    budget -= Buffer.byteLength(text);
    return { path: shown, text };
  };
  const facts = listFiles(path.join(dir, 'facts'), '.yaml')
    .map((name) => read(path.join(dir, 'facts', name)))
    .filter((f): f is CorpusFile => f !== undefined);
  const sources = listFiles(path.join(dir, 'sources'), '.md')
    .map((name) => read(path.join(dir, 'sources', name)))
    .filter((f): f is CorpusFile => f !== undefined);
  const entitiesPath = path.join(dir, 'entities.yaml');
  const entities = existsSync(entitiesPath) ? read(entitiesPath) : undefined;
  const rawDir = path.join(dir, 'raw');
  return {
    facts,
    sources,
    entities,
    readProblems,
    rawFileNames: existsSync(rawDir) ? readdirSync(rawDir) : undefined,
    version: readPackageJson(dir).version,
  };
}

/** The corpus package.json's name and version, read within the file cap; empty when it is missing or broken. */
export function readPackageJson(dir: string): { name?: string; version?: string } {
  try {
    const json = JSON.parse(readRegularFile(path.join(dir, 'package.json'), 1024 * 1024).toString('utf8')) as { name?: unknown; version?: unknown };
    return {
      ...(typeof json.name === 'string' ? { name: json.name } : {}),
      ...(typeof json.version === 'string' ? { version: json.version } : {}),
    };
  } catch {
    return {};
  }
}

/** Reads and validates a corpus directory, collecting every problem at once. */
export function loadCorpusDir(dir: string, relativeTo?: string, limits?: Partial<ReadLimits>): ParsedCorpus {
  return parseCorpus(readCorpusFiles(dir, relativeTo, limits));
}

export { readLimits, readRegularFile, ReadRefusal, type ReadLimits } from './io/read-file.js';
export { expectKebabId, expectWritableFile, resolveInside, UnsafePathError } from './io/safe-path.js';

export {
  buildRelease,
  BuildLockedError,
  findPublishedRecord,
  readableReleaseDir,
  recordHash,
  releaseFiles,
  releaseHash,
  RELEASE_FORMAT,
  sha256,
  verifyRelease,
  writeDirectoryAtomically,
  type BuildReleaseOptions,
  type BuildReleaseResult,
  type PublishedRecord,
  type WriteDirectoryOptions,
  type WriteStep,
  type ReleaseContent,
  type ReleaseManifest,
  type ReleaseVerification,
  type VerifyProblem,
  type VerifyProblemCode,
} from './release/release.js';

export { readReleaseSnapshot, releasesDir, snapshotVersions, SnapshotError } from './release/release-snapshots.js';
export { type CorpusWatcher, type WatchCorpusOptions, watchCorpus } from './corpus/watch-corpus.js';
