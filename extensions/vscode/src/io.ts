/**
 * The workspace host's I/O in the extension host: Node's file reading, with
 * the bundled release read from dist/ and its files served read-only under
 * the `factcite-corpus:` scheme, and the heavy readers (YAML, zod, the
 * watcher) required from dist/workspace-corpus.js only when a workspace
 * corpus is configured.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Corpus } from '@factcite/core/search';
import type { BundledRelease, HostIO } from '@factcite/workspace';
import { nodeCorpusFiles, pathInside } from '@factcite/workspace/node';
import * as vscode from 'vscode';
import { CORPUS_SCHEME } from './corpus/files.js';
import { workspaceCorpus } from './corpus/workspace-lazy.js';

/** The release shipped in the extension: corpus.json, its prebuilt search index, and the corpus/ folder of its files. */
function readBundled(distDir: string): BundledRelease {
  const corpus = JSON.parse(readFileSync(path.join(distDir, 'corpus.json'), 'utf8')) as Corpus;
  const dir = path.join(distDir, 'corpus');
  const file = path.join(distDir, 'search-index.bin');
  try {
    return { dir, corpus, searchIndex: new Uint8Array(readFileSync(file)) };
  } catch (error) {
    return { dir, corpus, problem: `${file} could not be read: ${(error as Error).message}` };
  }
}

export function extensionIO(distDir: string): HostIO {
  const files = nodeCorpusFiles((origin, relative) =>
    origin.kind === 'bundled'
      ? vscode.Uri.from({ scheme: CORPUS_SCHEME, path: `/${relative}` }).toString()
      : vscode.Uri.file(path.join(origin.dir, relative)).toString(),
  );
  return {
    ...files,
    // The bundled release's files are served under factcite-corpus:, a workspace corpus's as files.
    corpusPathOf: (origin, uri) => {
      const parsed = vscode.Uri.parse(uri);
      if (parsed.scheme === CORPUS_SCHEME) return origin.kind === 'bundled' ? parsed.path.replace(/^\/+/, '') : undefined;
      return parsed.scheme === 'file' ? pathInside(origin.dir, parsed.fsPath) : undefined;
    },
    readBundled: () => readBundled(distDir),
    readCorpusDir: (dir) => workspaceCorpus().nodeCorpusReaders().readCorpusDir(dir),
    readRelease: (dir) => workspaceCorpus().nodeCorpusReaders().readRelease(dir),
    // Read only for a report that pins an earlier release; the bundled snapshots are in dist/corpus/releases.
    readReleaseSnapshot: (origin, version) => workspaceCorpus().nodeCorpusReaders().readReleaseSnapshot(origin, version),
    watch: (dir, onChange) => workspaceCorpus().nodeCorpusReaders().watch(dir, onChange),
  };
}
