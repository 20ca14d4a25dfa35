import type { FactIndex } from '@factcite/core/search';
import { type DiagnosticsOptions, diagnosticsInSlices, type FactDiagnostic, type FactDocument } from '@factcite/language-service';
import type { DocumentStore } from './documents.js';
import { diagnosticsDelay } from './policy.js';
import type { HostTimers } from './types.js';

/** Where a check's findings go, and where failures are logged. */
export interface SchedulerSink {
  publish(uri: string, version: number, diagnostics: FactDiagnostic[]): void;
  error(message: string): void;
}

interface Pending {
  timer?: unknown;
  cancelled: boolean;
}

/**
 * Checks documents while the writer types: one pending check per document,
 * debounced by the timing policy; a newer edit, a close or a new corpus
 * cancels a pending or running check; a check runs in slices, so completion
 * and hover are answered while a long report is checked; and findings for an
 * outdated version are never published (they would put squiggles in the
 * wrong places).
 */
export class DiagnosticsScheduler {
  private readonly pending = new Map<string, Pending>();
  /** Base debounce delay, from the front end's settings. */
  baseDelay: number | undefined;
  /** The messages' language and whether unused suppressions are reported, from the front end's settings. */
  check: DiagnosticsOptions = {};

  constructor(
    private readonly documents: DocumentStore,
    private readonly index: () => FactIndex,
    private readonly timers: HostTimers,
    private readonly sink: SchedulerSink,
    /** What each document is checked for besides its citations (uncited claims, a pinned release); nothing more when not given. */
    private readonly checkOptions: (uri: string, doc: FactDocument) => DiagnosticsOptions = () => ({}),
  ) {}

  /** Checks `uri` after `delay` ms (by default the debounce for its length), replacing any pending or running check of it. */
  schedule(uri: string, delay = diagnosticsDelay(this.documents.lineCount(uri), this.baseDelay)): void {
    this.cancel(uri);
    if (!this.documents.has(uri)) return;
    const entry: Pending = { cancelled: false };
    entry.timer = this.timers.setTimeout(() => {
      entry.timer = undefined;
      void this.run(uri, entry).finally(() => {
        if (this.pending.get(uri) === entry) this.pending.delete(uri);
      });
    }, delay);
    this.pending.set(uri, entry);
  }

  /** Checks every open document at once (after a corpus reload). */
  scheduleAll(delay = 0): void {
    for (const uri of this.documents.uris()) this.schedule(uri, delay);
  }

  /** Stops a pending or running check of `uri`. */
  cancel(uri: string): void {
    const entry = this.pending.get(uri);
    if (!entry) return;
    entry.cancelled = true;
    if (entry.timer !== undefined) this.timers.clearTimeout(entry.timer);
    this.pending.delete(uri);
  }

  /** Whether a check of `uri` is waiting or running. */
  isPending(uri: string): boolean {
    return this.pending.has(uri);
  }

  dispose(): void {
    for (const uri of [...this.pending.keys()]) this.cancel(uri);
  }

  private async run(uri: string, entry: Pending): Promise<void> {
    const version = this.documents.version(uri);
    const doc = this.documents.get(uri);
    if (entry.cancelled || version === undefined || !doc) return;
    const index = this.index();
    // A newer version, a close or a new corpus has its own check scheduled (or needs none): stop at the next slice.
    const stale = () => entry.cancelled || this.documents.version(uri) !== version || this.index() !== index;
    try {
      const found = await diagnosticsInSlices(doc, index, { ...this.check, ...this.checkOptions(uri, doc), isCancelled: stale });
      if (found && !stale()) this.sink.publish(uri, version, found);
    } catch (error) {
      this.sink.error(`checking ${uri} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
