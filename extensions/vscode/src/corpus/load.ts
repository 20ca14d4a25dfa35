/**
 * Loading a corpus for the extension: the release bundled with it, or a
 * corpus directory in the workspace. No VS Code API here, so it is unit-tested.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Corpus, createFactIndex, type FactIndex, type Problem } from '@factcite/core';
import { isCorpusDir, loadCorpusDir } from '@factcite/core/node';

/** Where a loaded corpus came from; `dir` holds its facts/ and sources/ files. */
export type CorpusOrigin = { kind: 'bundled'; dir: string } | { kind: 'workspace'; dir: string };

/** A corpus ready to use: its data, its search index and where it came from. */
export interface LoadedCorpus {
  corpus: Corpus;
  index: FactIndex;
  origin: CorpusOrigin;
}

/** Why a workspace corpus could not be used. */
export interface CorpusLoadFailure {
  /** One sentence for a notification. */
  message: string;
  /** Located problems, for the Problems panel; empty when the directory itself is missing. */
  problems: Problem[];
}

/** Loads the release shipped in the extension: `corpus.json` beside the `corpus/` directory of its files. */
export function loadBundledCorpus(distDir: string): LoadedCorpus {
  const corpus = JSON.parse(readFileSync(path.join(distDir, 'corpus.json'), 'utf8')) as Corpus;
  // The release build validated it; activation should not pay for that twice.
  return { corpus, index: createFactIndex(corpus, { validate: false }), origin: { kind: 'bundled', dir: path.join(distDir, 'corpus') } };
}

/**
 * Loads and validates a corpus directory; messages name it as `display`. Any error makes the whole corpus
 * unusable, because a half-loaded corpus would flag valid citations as unknown.
 */
export function loadWorkspaceCorpus(dir: string, display = dir): LoadedCorpus | CorpusLoadFailure {
  if (!isCorpusDir(dir)) {
    return { message: `factcite.corpusPath: ${display} is not a corpus directory (it has no facts/ folder).`, problems: [] };
  }
  let parsed: ReturnType<typeof loadCorpusDir>;
  try {
    parsed = loadCorpusDir(dir, dir);
  } catch (error) {
    return { message: `factcite could not read the corpus at ${display}: ${(error as Error).message}`, problems: [] };
  }
  const { corpus, errors } = parsed;
  if (errors.length > 0) {
    const first = errors[0]!;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    return {
      message: `The corpus at ${display} has ${errors.length} error${errors.length > 1 ? 's' : ''}: ${first.file}:${first.line}:${first.column} ${first.message}${more}.`,
      problems: errors,
    };
  }
  // loadCorpusDir validated it, and any error returned above.
  return { corpus, index: createFactIndex(corpus, { validate: false }), origin: { kind: 'workspace', dir } };
}

/** Whether a load result is a failure. */
export function isFailure(result: LoadedCorpus | CorpusLoadFailure): result is CorpusLoadFailure {
  return 'problems' in result;
}
