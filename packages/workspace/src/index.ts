/**
 * @factcite/workspace: the workspace host every factcite front end shares.
 * It chooses, loads, validates and watches the corpus, keeps the last good
 * index, holds the open documents and schedules their diagnostics. It does
 * no I/O of its own: the front end passes in file reading, watching and
 * timers (`@factcite/workspace/node` has them for Node).
 */
export { WorkspaceHost, type HostEvents, type HostOptions, type HostSettings } from './host.js';
export { CorpusHost, type CorpusListener, type CorpusState } from './corpus-host.js';
export { chooseCorpus, type CorpusChoice, type CorpusRequest } from './choose.js';
export { loadBundled, loadChoice, type LoadResult } from './load.js';
export { CheckOptionsSource } from './check-options.js';
export { DocumentStore } from './documents.js';
export { DiagnosticsScheduler, type SchedulerSink } from './scheduler.js';
export {
  CORPUS_RELOAD_DELAY_MS,
  CORPUS_RETRY_MS,
  DEFAULT_DIAGNOSTICS_DELAY_MS,
  diagnosticsDelay,
  MAX_DIAGNOSTICS_DELAY_MS,
} from './policy.js';
export type { BundledRelease, CorpusFailure, CorpusOrigin, HostIO, HostTimers, HostWatch, LoadedCorpus, PathKind } from './types.js';
