/**
 * The light half of the Node I/O: what a path is, and corpus files read on
 * demand within the read caps. No YAML or zod here, so an editor can start
 * with it before any workspace corpus is asked for.
 */
import { readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readLimits, readRegularFile } from '@factcite/core/node';
import type { CorpusOrigin, HostIO, PathKind } from './types.js';

function isDir(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The built release file in `dir`: `corpus.json`, or `dist/corpus.json` in an installed package. */
export function releaseFile(dir: string): string | undefined {
  return [path.join(dir, 'corpus.json'), path.join(dir, 'dist', 'corpus.json')].find(isFile);
}

/** What a path holds: stat only. */
export function probe(dir: string): PathKind {
  if (!isDir(dir)) {
    try {
      statSync(dir);
      return 'other';
    } catch {
      return 'missing';
    }
  }
  if (isDir(path.join(dir, 'facts'))) return 'corpus';
  return releaseFile(dir) ? 'release' : 'other';
}

/** A setting's path made absolute: `~` is the home folder, a relative path is relative to `base`. */
export function resolvePath(base: string | undefined, setting: string): string | undefined {
  const expanded = setting.replace(/^~(?=$|[\\/])/, os.homedir());
  if (path.isAbsolute(expanded)) return path.normalize(expanded);
  return base === undefined ? undefined : path.resolve(base, expanded);
}

/** The path of `file` inside `dir` with `/` separators, or undefined when it is not inside. */
export function pathInside(dir: string, file: string): string | undefined {
  const relative = path.relative(dir, file);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

/** URIs of corpus files: `file:` URIs, unless the front end serves some corpora its own way. */
export type CorpusUri = (origin: CorpusOrigin, relative: string) => string;

const fileUri: CorpusUri = (origin, relative) => pathToFileURL(path.join(origin.dir, relative)).href;

/** The file-reading part of {@link HostIO} for Node. */
export function nodeCorpusFiles(uri: CorpusUri = fileUri): Pick<HostIO, 'probe' | 'resolvePath' | 'readCorpusFile' | 'listCorpusFolder' | 'corpusPathOf'> {
  return {
    probe,
    resolvePath,
    readCorpusFile(origin, relative) {
      const file = path.join(origin.dir, relative);
      // Corpus file names come from corpus data: nothing outside the corpus folder is read.
      if (!file.startsWith(origin.dir + path.sep)) return undefined;
      try {
        // Regular files within the cap only: a file swapped for a FIFO or a device since the load is skipped, not waited on.
        return { uri: uri(origin, relative), text: readRegularFile(file, readLimits().maxFileBytes).toString('utf8') };
      } catch {
        return undefined;
      }
    },
    corpusPathOf(origin, documentUri) {
      if (!documentUri.startsWith('file:')) return undefined;
      try {
        return pathInside(origin.dir, fileURLToPath(documentUri));
      } catch {
        // A malformed file: URI names no file of the corpus.
        return undefined;
      }
    },
    listCorpusFolder(origin, folder) {
      try {
        return readdirSync(path.join(origin.dir, folder));
      } catch {
        return [];
      }
    },
  };
}
