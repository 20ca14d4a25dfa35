/**
 * Which corpus a front end serves: one set of rules for the editors, the
 * language server and the CLI. The order:
 *
 * 1. A corpus path the writer set (`factcite.corpusPath`, `corpusPath`,
 *    `--corpus`, `$FACTCITE_CORPUS`), relative to the workspace folder:
 *    a corpus source folder (with `facts/`) or a built release (with
 *    `corpus.json`, such as an installed `@factcite/corpus`). In an untrusted
 *    workspace the path is ignored, and reported as ignored: a corpus from a
 *    folder nobody vouched for is data a stranger wrote.
 * 2. Only where the front end asks for discovery (the CLI, in a checkout):
 *    the nearest folder that is a corpus or holds `corpus/`.
 * 3. The release bundled with the front end.
 */
import { formatMessage, type MessageRef } from '@factcite/core/messages';
import type { HostIO, PathKind } from './types.js';

/** What a front end knows when it chooses a corpus. */
export interface CorpusRequest {
  /** The corpus path the writer set, if any. */
  corpusPath?: string | undefined;
  /** The folder a relative corpus path is relative to (the first workspace folder, or the working directory). */
  folder?: string | undefined;
  /** Workspace Trust: false keeps every workspace corpus out. */
  trusted: boolean;
  /** Folders to look for a corpus in, nearest first; editors pass none. */
  discover?: readonly string[];
}

/** The corpus the rules chose. */
export type CorpusChoice =
  | { kind: 'bundled' /** A corpus path held back because the workspace is not trusted. */; ignoredPath?: string }
  | { kind: 'workspace' | 'release'; dir: string /** Set when the choice came from the writer's path rather than discovery. */; fromSetting: boolean }
  | {
      kind: 'invalid';
      dir?: string /** Why, in English. */;
      message: string /** Why, for a front end to write in its writer's language. */;
      detail: MessageRef;
    };

/** Applies the rules; reads nothing but what `io.probe` says about a path. */
export function chooseCorpus(request: CorpusRequest, io: Pick<HostIO, 'probe' | 'resolvePath'>): CorpusChoice {
  const setting = request.corpusPath?.trim();
  if (setting) {
    if (!request.trusted) return { kind: 'bundled', ignoredPath: setting };
    const dir = io.resolvePath(request.folder, setting);
    if (dir === undefined) return invalid(undefined, { id: 'corpus.path-relative', params: { path: setting } });
    return fromKind(io.probe(dir), dir, setting);
  }
  if (request.trusted) {
    for (const folder of request.discover ?? []) {
      if (io.probe(folder) === 'corpus') return { kind: 'workspace', dir: folder, fromSetting: false };
      const inside = io.resolvePath(folder, 'corpus');
      if (inside !== undefined && io.probe(inside) === 'corpus') return { kind: 'workspace', dir: inside, fromSetting: false };
    }
  }
  return { kind: 'bundled' };
}

function fromKind(kind: PathKind, dir: string, setting: string): CorpusChoice {
  switch (kind) {
    case 'corpus':
      return { kind: 'workspace', dir, fromSetting: true };
    case 'release':
      return { kind: 'release', dir, fromSetting: true };
    case 'missing':
      return invalid(dir, { id: 'corpus.not-found', params: { path: setting } });
    default:
      return invalid(dir, { id: 'corpus.not-a-corpus', params: { path: setting } });
  }
}

function invalid(dir: string | undefined, detail: MessageRef): CorpusChoice {
  return { kind: 'invalid', ...(dir === undefined ? {} : { dir }), message: formatMessage(detail), detail };
}
