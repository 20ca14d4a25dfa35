import { formatMessage, type MessageLang, type MessageRef } from '@factcite/core/messages';
import { type CorpusChoice, type CorpusRequest, chooseCorpus } from './choose.js';
import { loadBundled, loadChoice } from './load.js';
import { CORPUS_RELOAD_DELAY_MS, CORPUS_RETRY_MS } from './policy.js';
import type { CorpusFailure, HostIO, HostTimers, HostWatch, LoadedCorpus } from './types.js';

/** Where the corpus stands after a load, for a front end's status bar, messages and Problems panel. */
export interface CorpusState {
  /** The corpus being served: always usable. */
  current: LoadedCorpus;
  /** What the rules chose last. */
  choice: CorpusChoice;
  /** Why the chosen corpus is not the one served, while that lasts. */
  failure?: CorpusFailure;
  /** The writer-facing message for the failure: what broke and what is served instead, in the host's messages language. */
  failureMessage?: string;
  /** The same message from the catalogue, for a front end to write in another language. */
  failureDetail?: MessageRef;
  /** True on the first failure since the last good load: a front end shows one message per breakage, not one per save. */
  newlyBroken: boolean;
  /** A corpus path held back because the workspace is not trusted. */
  ignoredPath?: string;
  /** Whether this load replaced the corpus being served. */
  replaced: boolean;
}

/** Called after every load attempt. */
export type CorpusListener = (state: CorpusState) => void;

/**
 * Chooses, loads, watches and reloads the corpus, keeping the last good one.
 * The policy (README, "Policy"), enforced here:
 *
 * - Fallback: the bundled release is loaded first and is the last good
 *   corpus until a chosen one loads; an untrusted workspace, a missing path
 *   and a broken first load all leave it serving.
 * - A corpus with errors is refused (see load.ts); the last good corpus keeps
 *   serving, the failure is reported, and the host recovers by itself when
 *   the files are fixed.
 * - Reloads are debounced ({@link CORPUS_RELOAD_DELAY_MS}); a folder that
 *   cannot be watched is tried again every {@link CORPUS_RETRY_MS}, so a
 *   deleted corpus that comes back, or a path created after the setting, is
 *   picked up without a restart.
 */
export class CorpusHost {
  private bundled: LoadedCorpus | undefined;
  private served: LoadedCorpus;
  private last: CorpusState;
  private request: CorpusRequest = { trusted: false };
  private watcher: { dir: string; watch: HostWatch } | undefined;
  private reloadTimer: unknown;
  private retryTimer: unknown;
  private disposed = false;

  constructor(
    private readonly io: HostIO,
    private readonly timers: HostTimers,
    private readonly listener: CorpusListener,
    private readonly log: (message: string) => void = () => {},
    /** The language of failure messages; asked at each load, and when the state is read, so a changed setting applies at once. */
    private readonly lang: () => MessageLang = () => 'en',
  ) {
    this.served = this.loadBundledOnce();
    this.last = { current: this.served, choice: { kind: 'bundled' }, newlyBroken: false, replaced: true };
  }

  get current(): LoadedCorpus {
    return this.served;
  }

  get state(): CorpusState {
    const { failureDetail } = this.last;
    return failureDetail ? { ...this.last, failureMessage: formatMessage(failureDetail, this.lang()) } : this.last;
  }

  /** Applies new settings; reloads when they change which corpus is chosen, or when `force` is set. */
  configure(request: CorpusRequest, force = false): CorpusState {
    const changed =
      request.corpusPath?.trim() !== this.request.corpusPath?.trim() ||
      request.folder !== this.request.folder ||
      request.trusted !== this.request.trusted ||
      (request.discover ?? []).join('\n') !== (this.request.discover ?? []).join('\n');
    this.request = { ...request };
    return changed || force ? this.reload() : this.last;
  }

  /** Chooses and loads the corpus now. */
  reload(): CorpusState {
    this.timers.clearTimeout(this.reloadTimer);
    this.reloadTimer = undefined;
    const choice = chooseCorpus(this.request, this.io);
    // Watch before reading: a file saved while the corpus is being read then still triggers a reload.
    this.watchChoice(choice);
    const result = loadChoice(this.io, choice, () => this.loadBundledOnce());
    const wasBroken = this.last.failure !== undefined;
    const ignoredPath = choice.kind === 'bundled' ? choice.ignoredPath : undefined;
    let state: CorpusState;
    if (result.ok) {
      const replaced = result.loaded !== this.served;
      this.served = result.loaded;
      state = { current: result.loaded, choice, newlyBroken: false, ignoredPath, replaced };
      if (replaced) this.log(`factcite: loaded ${formatMessage(describe(result.loaded))}`);
      for (const note of result.loaded.notes) this.log(`factcite: ${note}`);
    } else {
      const failureDetail: MessageRef = {
        id: this.served.origin.kind === 'bundled' ? 'corpus.keeps-bundled' : 'corpus.keeps-last-good',
        params: { failure: result.failure.detail, served: describe(this.served) },
      };
      const failureMessage = formatMessage(failureDetail, this.lang());
      state = { current: this.served, choice, failure: result.failure, failureMessage, failureDetail, newlyBroken: !wasBroken, ignoredPath, replaced: false };
      this.log(failureMessage);
      for (const p of result.failure.problems) this.log(`  ${p.file}:${p.line}:${p.column} ${p.code} ${p.message}`);
    }
    this.last = state;
    this.listener(state);
    return state;
  }

  dispose(): void {
    this.disposed = true;
    this.unwatch();
    this.timers.clearTimeout(this.reloadTimer);
    this.timers.clearTimeout(this.retryTimer);
  }

  private loadBundledOnce(): LoadedCorpus {
    this.bundled ??= loadBundled(this.io);
    return this.bundled;
  }

  /** A reload after the files have been quiet for a moment. */
  private reloadSoon(): void {
    if (this.disposed) return;
    this.timers.clearTimeout(this.reloadTimer);
    this.reloadTimer = this.timers.setTimeout(() => {
      this.reloadTimer = undefined;
      if (!this.disposed) this.reload();
    }, CORPUS_RELOAD_DELAY_MS);
  }

  private unwatch(): void {
    this.watcher?.watch.close();
    this.watcher = undefined;
  }

  /**
   * Watches the chosen folder. Each reload watches afresh: a folder replaced
   * by another of the same name (a checkout, a copy moved into place) is a
   * new folder, and a watch on the old one would hear nothing more. The new
   * watch starts before the old one stops, so no change falls between them.
   */
  private watchChoice(choice: CorpusChoice): void {
    this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const previous = this.watcher;
    this.watcher = undefined;
    try {
      this.watchDir(choice);
    } finally {
      previous?.watch.close();
    }
  }

  private watchDir(choice: CorpusChoice): void {
    const dir = choice.kind === 'workspace' || choice.kind === 'release' || choice.kind === 'invalid' ? choice.dir : undefined;
    if (dir === undefined || this.disposed) return;
    try {
      const watch = this.io.watch(dir, (files) => {
        this.log(`factcite: ${files.join(', ') || dir} changed; reloading the corpus`);
        this.reloadSoon();
      });
      this.watcher = { dir, watch };
    } catch {
      // Missing for now (deleted, or not created yet): look again later, and load it when it is back.
      this.retryTimer = this.timers.setTimeout(() => {
        this.retryTimer = undefined;
        if (!this.disposed && this.io.probe(dir) !== 'missing') this.reload();
        else if (!this.disposed) this.watchChoice(choice);
      }, CORPUS_RETRY_MS);
    }
  }
}

function describe(loaded: LoadedCorpus): MessageRef {
  const where: MessageRef | string = loaded.origin.kind === 'bundled' ? { id: 'corpus.bundled-release' } : loaded.origin.dir;
  const count = loaded.index.size;
  const version = loaded.index.version;
  return version ? { id: 'corpus.served', params: { count, version, where } } : { id: 'corpus.served-unversioned', params: { count, where } };
}
