import type { DiagnosticsOptions, FactDiagnostic, FactDocument } from '@factcite/language-service';
import { CheckOptionsSource } from './check-options.js';
import type { CorpusRequest } from './choose.js';
import { type CorpusState, CorpusHost } from './corpus-host.js';
import { DocumentStore } from './documents.js';
import { DiagnosticsScheduler } from './scheduler.js';
import type { HostIO, HostTimers, LoadedCorpus } from './types.js';

/** Settings a front end passes to the host: where the corpus is, whether the workspace is trusted, and the debounce base. */
export interface HostSettings extends CorpusRequest {
  /** Base pause after an edit before a check, in ms (see policy.ts); 250 when not set. */
  diagnosticsDelay?: number | undefined;
  /** How findings are written and which are reported: the messages' language, unused suppressions. */
  check?: DiagnosticsOptions | undefined;
  /** Whether numbers that state a corpus fact without citing it get `uncited-claim` hints; on unless false. */
  uncitedClaims?: boolean | undefined;
}

/** What the host tells its front end. */
export interface HostEvents {
  /** A document's findings for the version checked. */
  publish(uri: string, version: number, diagnostics: FactDiagnostic[]): void;
  /** After every corpus load attempt (also the first). */
  corpus?(state: CorpusState): void;
  /** A line for the front end's log. */
  log?(message: string): void;
}

/** Everything a front end passes in to start a host. */
export interface HostOptions {
  io: HostIO;
  timers: HostTimers;
  events: HostEvents;
  settings: HostSettings;
}

/**
 * One workspace, whatever the editor: the corpus (chosen, loaded, watched,
 * the last good one kept), the open documents, and their diagnostics. A
 * front end forwards its editor's events (documents opened, changed and
 * closed; settings and trust changed) and answers requests from
 * {@link WorkspaceHost.corpus} and {@link WorkspaceHost.document} with the
 * language service's functions.
 */
export class WorkspaceHost {
  private readonly corpusHost: CorpusHost;
  private readonly documents = new DocumentStore();
  private readonly scheduler: DiagnosticsScheduler;
  private readonly checks: CheckOptionsSource;
  private uncitedClaims: boolean;

  constructor(private readonly options: HostOptions) {
    const log = options.events.log ?? (() => {});
    this.checks = new CheckOptionsSource(options.io);
    this.uncitedClaims = options.settings.uncitedClaims !== false;
    this.scheduler = new DiagnosticsScheduler(
      this.documents,
      () => this.corpusHost.current.index,
      options.timers,
      {
        publish: (uri, version, diagnostics) => options.events.publish(uri, version, diagnostics),
        error: log,
      },
      (uri, doc) => this.checks.options(uri, doc.text, this.corpusHost.current, this.uncitedClaims),
    );
    this.corpusHost = new CorpusHost(
      options.io,
      options.timers,
      (state) => this.corpusLoaded(state),
      log,
      () => this.scheduler.check.lang ?? 'en',
    );
    this.scheduler.baseDelay = options.settings.diagnosticsDelay;
    this.scheduler.check = options.settings.check ?? {};
    this.corpusHost.configure(options.settings, true);
  }

  /** The corpus being served: the chosen one, or the last good one while the chosen one is broken. */
  get corpus(): LoadedCorpus {
    return this.corpusHost.current;
  }

  /** Where the corpus stands: what was chosen, any failure, any path held back by Workspace Trust. */
  get corpusState(): CorpusState {
    return this.corpusHost.state;
  }

  /**
   * Applies changed settings (a corpus path, Workspace Trust granted, uncited claims turned on or
   * off); reloads only when the corpus choice changes, and checks every open document again at once
   * when what they are checked for changed.
   */
  configure(settings: HostSettings): void {
    this.scheduler.baseDelay = settings.diagnosticsDelay;
    const check = settings.check ?? {};
    const checkChanged = check.lang !== this.scheduler.check.lang || check.reportUnusedSuppressions !== this.scheduler.check.reportUnusedSuppressions;
    this.scheduler.check = check;
    const uncitedClaims = settings.uncitedClaims !== false;
    const recheck = checkChanged || uncitedClaims !== this.uncitedClaims;
    this.uncitedClaims = uncitedClaims;
    this.corpusHost.configure(settings);
    // Findings in another language, with unused suppressions or uncited claims, are new findings for every open document.
    if (recheck) this.scheduler.scheduleAll(0);
  }

  /**
   * What the open document at `uri` is checked with besides its citations: `uncited` (the setting,
   * off in the corpus's own articles), the `pinned` release its front matter names, read from the
   * served corpus's snapshots, or a `pinProblem`. Quick fixes need the same options as the
   * diagnostics they fix; pass `options.check` of `codeActions` from here.
   */
  checkOptions(uri: string): DiagnosticsOptions {
    const doc = this.documents.get(uri);
    return doc ? this.checks.options(uri, doc.text, this.corpusHost.current, this.uncitedClaims) : { uncited: false };
  }

  /** Chooses and loads the corpus now (the "Reload corpus" command). */
  reload(): CorpusState {
    return this.corpusHost.reload();
  }

  /** A document was opened: it is checked at once. `text` is read only when the document is parsed. */
  open(uri: string, version: number, text: () => string, lineCount: number): void {
    this.documents.set(uri, version, text, lineCount);
    this.scheduler.schedule(uri, 0);
  }

  /** A document changed: it is checked once typing pauses (policy.ts). */
  change(uri: string, version: number, text: () => string, lineCount: number): void {
    this.documents.set(uri, version, text, lineCount);
    this.scheduler.schedule(uri);
  }

  /** A document was closed: its check stops and its parsed form is dropped. The front end clears its findings. */
  close(uri: string): void {
    this.scheduler.cancel(uri);
    this.documents.delete(uri);
  }

  /** The parsed form of an open document at its latest version, for completion, hover and the rest. */
  document(uri: string): FactDocument | undefined {
    return this.documents.get(uri);
  }

  /** The URIs of the open documents. */
  openDocuments(): string[] {
    return this.documents.uris();
  }

  /** Whether a check of the document is waiting or running. */
  isChecking(uri: string): boolean {
    return this.scheduler.isPending(uri);
  }

  dispose(): void {
    this.scheduler.dispose();
    this.corpusHost.dispose();
  }

  private corpusLoaded(state: CorpusState): void {
    // Findings against the old corpus are wrong now: check everything again, at once.
    if (state.replaced) this.scheduler.scheduleAll(0);
    this.options.events.corpus?.(state);
  }
}
