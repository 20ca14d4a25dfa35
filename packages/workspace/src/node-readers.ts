/**
 * The heavy half of the Node I/O: reading and validating a corpus (YAML and
 * zod) and watching its folder. The VS Code extension puts this in a file of
 * its own, loaded only when a workspace corpus is configured.
 */
import { type FSWatcher, readFileSync, watch as watchFolder } from 'node:fs';
import path from 'node:path';
import { type Corpus, type CorpusIssue, type Problem, validateCorpus } from '@factcite/core';
import { loadCorpusDir, readLimits, readRegularFile, readReleaseSnapshot, watchCorpus } from '@factcite/core/node';
import { releaseFile } from './node-files.js';
import type { HostIO, HostWatch } from './types.js';

/** Reads a built release: corpus.json, validated (it came from the workspace, not from our build), and its prebuilt index. */
export function readRelease(dir: string): ReturnType<HostIO['readRelease']> {
  const file = releaseFile(dir);
  const shown = file ? path.relative(dir, file) : 'corpus.json';
  const problem = (message: string): Problem => ({ file: shown, line: 1, column: 1, code: 'unreadable-file', severity: 'error', message });
  if (!file) return { corpus: { facts: [], sources: [], entities: [] } as unknown as Corpus, errors: [problem('no corpus.json')], warnings: [] };
  let data: unknown;
  try {
    data = JSON.parse(readRegularFile(file, readLimits().maxCorpusBytes).toString('utf8'));
  } catch (error) {
    return { corpus: { facts: [], sources: [], entities: [] } as unknown as Corpus, errors: [problem((error as Error).message)], warnings: [] };
  }
  const checked = validateCorpus(data);
  const located = (issues: CorpusIssue[]): Problem[] =>
    issues.map((i) => ({ file: shown, line: 1, column: 1, code: i.code, severity: i.severity, message: i.path ? `${i.path}: ${i.message}` : i.message }));
  let searchIndex: Uint8Array | undefined;
  try {
    searchIndex = new Uint8Array(readFileSync(path.join(path.dirname(file), 'search-index.bin')));
  } catch {
    // No prebuilt index: it is built on the first search.
  }
  return {
    corpus: checked.ok ? checked.corpus : (data as Corpus),
    errors: checked.ok ? [] : located(checked.errors),
    warnings: located(checked.warnings),
    ...(searchIndex ? { searchIndex } : {}),
  };
}

/**
 * Watches a corpus folder, and its name in the folder above: a corpus
 * replaced by renaming another folder into place (a checkout tool, a script
 * that builds beside and swaps) leaves the watches on the old folder, which
 * hear nothing more; the parent hears the rename, and the host reloads and
 * watches the new folder. No debounce here: the host debounces with the
 * timers it was given.
 */
function watchCorpusAndName(dir: string, onChange: (files: string[]) => void): HostWatch {
  const inner = watchCorpus(dir, onChange, { debounceMs: 0 });
  let parent: FSWatcher | undefined;
  try {
    const name = path.basename(dir);
    parent = watchFolder(path.dirname(dir), (_event, file) => {
      if (file === null || file.toString() === name) onChange([]);
    });
    // A parent that goes away is not worth a crash; the corpus's own watches still report.
    parent.on('error', () => parent?.close());
  } catch {
    // A parent that cannot be watched: a replacement by rename is noticed at the next reload instead.
  }
  return {
    close() {
      inner.close();
      parent?.close();
    },
  };
}

/** The reading and watching part of {@link HostIO} for Node. */
export function nodeCorpusReaders(): Pick<HostIO, 'readCorpusDir' | 'readRelease' | 'readReleaseSnapshot' | 'watch'> {
  return {
    // Paths in problems relative to the corpus folder, as a maintainer reads them in the Problems panel.
    readCorpusDir: (dir) => loadCorpusDir(dir, dir),
    readRelease,
    // The snapshots sit in releases/ beside facts/, or at the top of an installed release package.
    readReleaseSnapshot: (origin, version) => readReleaseSnapshot(origin.dir, version),
    watch: watchCorpusAndName,
  };
}
