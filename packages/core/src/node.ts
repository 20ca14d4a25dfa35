/**
 * File-system entry of @factcite/core: reads a corpus directory
 * (facts/*.yaml, entities.yaml, sources/*.md, raw/) for the CLI and Node tools.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expectText } from './errors.js';
import { type CorpusFile, type CorpusFiles, type ParsedCorpus, type Problem, parseCorpus } from './parse-corpus.js';

export * from './index.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Larger files are refused unread: no corpus file or report comes near this, and parsing one would stall. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Reads a UTF-8 file; a read failure or invalid UTF-8 becomes a located problem instead of an exception. */
export function readTextFile(file: string, display: string, problems: Problem[]): string | undefined {
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > MAX_FILE_BYTES) {
      problems.push({
        file: display,
        line: 1,
        column: 1,
        code: 'file-too-large',
        severity: 'error',
        message: `file is ${(size / 1024 / 1024).toFixed(1)} MB; corpus and report files are limited to ${MAX_FILE_BYTES / 1024 / 1024} MB`,
      });
      return undefined;
    }
    bytes = readFileSync(file);
  } catch (error) {
    problems.push({
      file: display,
      line: 1,
      column: 1,
      code: 'unreadable-file',
      severity: 'error',
      message: `cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    });
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

/** Reads the files of a corpus directory; paths in problems are relative to `relativeTo` (default: the working directory). */
export function readCorpusFiles(dir: string, relativeTo = process.cwd()): CorpusFiles {
  expectText(dir, 'readCorpusFiles', 'dir');
  expectText(relativeTo, 'readCorpusFiles', 'relativeTo');
  const readProblems: Problem[] = [];
  const display = (file: string) => displayPath(file, relativeTo);
  const read = (file: string): CorpusFile | undefined => {
    const text = readTextFile(file, display(file), readProblems);
    return text === undefined ? undefined : { path: display(file), text };
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
  let version: string | undefined;
  try {
    version = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  } catch {
    version = undefined;
  }
  return {
    facts,
    sources,
    entities,
    readProblems,
    rawFileNames: existsSync(rawDir) ? readdirSync(rawDir) : undefined,
    version,
  };
}

/** Reads and validates a corpus directory, collecting every problem at once. */
export function loadCorpusDir(dir: string, relativeTo?: string): ParsedCorpus {
  return parseCorpus(readCorpusFiles(dir, relativeTo));
}

export {
  buildRelease,
  recordHash,
  releaseFiles,
  releaseHash,
  RELEASE_FORMAT,
  sha256,
  verifyRelease,
  writeDirectoryAtomically,
  type BuildReleaseOptions,
  type BuildReleaseResult,
  type ReleaseContent,
  type ReleaseManifest,
  type ReleaseVerification,
  type VerifyProblem,
  type VerifyProblemCode,
} from './release.js';

export { type CorpusWatcher, type WatchCorpusOptions, watchCorpus } from './watch-corpus.js';
