import { diagnosticsInSlices } from '@factcite/language-service';
import * as vscode from 'vscode';
import { toDiagnostic } from './convert.js';
import type { CorpusStore } from './corpus/store.js';
import type { DocumentCache } from './documents.js';
import { checkOptions } from './pins.js';
import { isCiteable } from './settings.js';
import { debounceDelay } from './timing.js';

/**
 * Checks citations while the writer types: debounced per document, run in
 * slices so completion and hover stay answered during a long first check,
 * and a newer edit cancels a pending or running check of an older version.
 */
export class DiagnosticsScheduler implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('factcite');
  private readonly pending = new Map<string, { timer: ReturnType<typeof setTimeout>; cancel: vscode.CancellationTokenSource }>();
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly store: CorpusStore,
    private readonly cache: DocumentCache,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables = [
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.clear(d.uri)),
      store.onDidChange(() => this.checkAll()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('factcite.languages') || e.affectsConfiguration('factcite.uncitedClaims')) this.checkAll();
      }),
    ];
    this.checkAll();
  }

  /** Re-checks every open document (after a corpus reload or a settings change). */
  checkAll(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  /** Checks a document after the debounce delay (or `delay` ms), replacing any pending check of it. */
  schedule(document: vscode.TextDocument, delay = debounceDelay(document.lineCount)): void {
    const key = document.uri.toString();
    this.cancelPending(key);
    if (!isCiteable(document)) {
      this.collection.delete(document.uri);
      return;
    }
    const cancel = new vscode.CancellationTokenSource();
    const version = document.version;
    const timer = setTimeout(() => {
      // The check stays cancellable while it runs: the entry is removed only once it is over.
      this.run(document, version, cancel.token)
        .catch((error: unknown) => {
          this.log.error(`checking ${vscode.workspace.asRelativePath(document.uri)} failed: ${error instanceof Error ? error.message : String(error)}`);
        })
        .finally(() => {
          if (this.pending.get(key)?.cancel === cancel) this.pending.delete(key);
          cancel.dispose();
        });
    }, delay);
    this.pending.set(key, { timer, cancel });
  }

  private async run(document: vscode.TextDocument, version: number, token: vscode.CancellationToken): Promise<void> {
    const outdated = () => token.isCancellationRequested || document.isClosed || document.version !== version;
    if (outdated()) return;
    const doc = this.cache.get(document);
    const loaded = this.store.current;
    const index = loaded.index;
    const check = checkOptions(loaded, doc.text, document.uri);
    const found = await diagnosticsInSlices(doc, index, { isCancelled: () => outdated() || this.store.current.index !== index, check });
    // A result for an outdated version would put squiggles in the wrong places.
    if (!found || outdated()) return;
    this.collection.set(document.uri, found.map(toDiagnostic));
  }

  private cancelPending(key: string): void {
    const p = this.pending.get(key);
    if (!p) return;
    clearTimeout(p.timer);
    p.cancel.cancel();
    p.cancel.dispose();
    this.pending.delete(key);
  }

  private clear(uri: vscode.Uri): void {
    this.cancelPending(uri.toString());
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const key of [...this.pending.keys()]) this.cancelPending(key);
    this.collection.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
