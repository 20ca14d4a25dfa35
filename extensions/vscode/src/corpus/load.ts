/**
 * Loading the corpus bundled with the extension, and the shapes every corpus
 * load returns. A workspace corpus is read by workspace.ts, which the bundle
 * loads only when one is configured. No VS Code API here, so it is unit-tested.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '@factcite/core';
// The search entry: no zod, YAML or OpenCC to load before the editor can complete a citation.
import { type Corpus, createFactIndex, type FactIndex } from '@factcite/core/search';

/** Where a loaded corpus came from; `dir` holds its facts/ and sources/ files. */
export type CorpusOrigin = { kind: 'bundled'; dir: string } | { kind: 'workspace'; dir: string };

/** A corpus ready to use: its data, its search index and where it came from. */
export interface LoadedCorpus {
  corpus: Corpus;
  index: FactIndex;
  origin: CorpusOrigin;
  /** Why the bundled release's prebuilt search index was not used (the index is then built on the first search). */
  prebuiltIndexProblem?: string;
}

/** Why a workspace corpus could not be used. */
export interface CorpusLoadFailure {
  /** One sentence for a notification. */
  message: string;
  /** Located problems, for the Problems panel; empty when the directory itself is missing. */
  problems: Problem[];
}

/**
 * Loads the release shipped in the extension: `corpus.json`, its prebuilt
 * search index `search-index.bin`, and the `corpus/` directory of its files.
 */
export function loadBundledCorpus(distDir: string): LoadedCorpus {
  const corpus = JSON.parse(readFileSync(path.join(distDir, 'corpus.json'), 'utf8')) as Corpus;
  // The release build validated it; activation should not pay for that twice.
  // Its index, read rather than built, makes the first completion as quick as the rest.
  const file = path.join(distDir, 'search-index.bin');
  let searchIndex: Uint8Array;
  try {
    searchIndex = new Uint8Array(readFileSync(file));
  } catch (error) {
    return withBuiltIndex(corpus, distDir, `${file} could not be read: ${(error as Error).message}`);
  }
  try {
    return { corpus, index: createFactIndex(corpus, { searchIndex }), origin: bundledOrigin(distDir) };
  } catch (error) {
    // A damaged or mismatched file: the index is built instead, as without one.
    return withBuiltIndex(corpus, distDir, `${file}: ${(error as Error).message}`);
  }
}

function bundledOrigin(distDir: string): CorpusOrigin {
  return { kind: 'bundled', dir: path.join(distDir, 'corpus') };
}

function withBuiltIndex(corpus: Corpus, distDir: string, problem: string): LoadedCorpus {
  return { corpus, index: createFactIndex(corpus), origin: bundledOrigin(distDir), prebuiltIndexProblem: problem };
}

/** Whether a load result is a failure. */
export function isFailure(result: LoadedCorpus | CorpusLoadFailure): result is CorpusLoadFailure {
  return 'problems' in result;
}
