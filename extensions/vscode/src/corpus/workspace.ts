/**
 * A corpus directory in the workspace: read, validated and watched. This is
 * where YAML and zod come in, so the build puts this module in a file of its
 * own (dist/workspace-corpus.js) that the extension requires only when
 * `factcite.corpusPath` names a corpus; see workspace-lazy.ts.
 */
import { isCorpusDir, loadCorpusDir } from '@factcite/core/node';
import { createFactIndex } from '@factcite/core/search';
import type { CorpusLoadFailure, LoadedCorpus } from './load.js';

export { watchCorpus, type CorpusWatcher } from '@factcite/core/node';
// Read only for a report that pins a release, so the snapshot reader loads with the rest of this module.
export { createPinResolver, type PinResolution } from '@factcite/core/node';

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
  return { corpus, index: createFactIndex(corpus), origin: { kind: 'workspace', dir } };
}
