/**
 * The host's corpus readers (YAML, zod, the watcher), required from
 * dist/workspace-corpus.js on first use; see workspace-lazy.ts.
 */
export { nodeCorpusReaders } from '@factcite/workspace/node';
