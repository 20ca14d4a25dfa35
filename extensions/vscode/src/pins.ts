import path from 'node:path';
import type { FactIndex } from '@factcite/core';
import type { DiagnosticOptions } from '@factcite/language-service';
import type * as vscode from 'vscode';
import { CORPUS_SCHEME } from './corpus/files.js';
import type { LoadedCorpus } from './corpus/load.js';
import type { PinResolution } from './corpus/workspace.js';
import { workspaceCorpus } from './corpus/workspace-lazy.js';
import { settings } from './settings.js';

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

// One resolver per loaded corpus: it reads each pinned release's snapshot once, from that corpus's releases/.
const resolvers = new WeakMap<FactIndex, (text: string) => PinResolution>();

/**
 * What a report is checked with: uncited claims by the `factcite.uncitedClaims`
 * setting, and the release its front matter pins (`factcite: 0.1.0`), read
 * from the corpus's release snapshots. A report without front matter never
 * loads the snapshot reader.
 */
export function checkOptions(loaded: LoadedCorpus, text: string, uri: vscode.Uri): DiagnosticOptions {
  // The corpus's own articles (opened from a hover card) are its sources, not reports: every number in them is uncited.
  const inCorpus =
    uri.scheme === CORPUS_SCHEME || (uri.scheme === 'file' && ['sources', 'raw'].some((d) => isInside(path.join(loaded.origin.dir, d), uri.fsPath)));
  const uncited = settings.uncitedClaims() && !inCorpus;
  if (!text.startsWith('---')) return { uncited };
  let resolve = resolvers.get(loaded.index);
  if (!resolve) {
    resolve = workspaceCorpus().createPinResolver(loaded.origin.dir, loaded.index.version);
    resolvers.set(loaded.index, resolve);
  }
  const pin = resolve(text);
  if (pin.kind === 'pinned') return { uncited, pinned: pin.release };
  if (pin.kind === 'problem') return { uncited, pinProblem: { start: pin.start, end: pin.end, message: pin.message } };
  return { uncited };
}
