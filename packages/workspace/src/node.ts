/**
 * @factcite/workspace/node: the host's I/O for Node (the language server, the
 * CLI, the VS Code extension host).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Corpus } from '@factcite/core';
import { nodeCorpusFiles } from './node-files.js';
import { nodeCorpusReaders } from './node-readers.js';
import type { BundledRelease, HostIO, HostTimers } from './types.js';

export { nodeCorpusFiles, pathInside, probe, releaseFile, resolvePath, type CorpusUri } from './node-files.js';
export { nodeCorpusReaders, readRelease } from './node-readers.js';

/** Node's timers. */
export const nodeTimers: HostTimers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout> | undefined),
};

/** The folder of the release installed beside this package (`@factcite/corpus`). */
export function installedReleaseDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('@factcite/corpus/package.json'));
}

/**
 * The release installed beside this package, from its built JSON and
 * prebuilt index: the release build validated it, and reading JSON takes
 * milliseconds where validating the files again takes seconds.
 */
export function installedRelease(): BundledRelease {
  const require = createRequire(import.meta.url);
  const { corpus, searchIndex } = require('@factcite/corpus') as { corpus: Corpus; searchIndex?: Uint8Array };
  return { dir: installedReleaseDir(), corpus, ...(searchIndex ? { searchIndex } : { problem: 'the installed release has no prebuilt search index' }) };
}

/** All of {@link HostIO} for Node; `readBundled` defaults to the installed `@factcite/corpus`. */
export function nodeHostIO(overrides: Partial<HostIO> = {}): HostIO {
  return { ...nodeCorpusFiles(), ...nodeCorpusReaders(), readBundled: installedRelease, ...overrides };
}
