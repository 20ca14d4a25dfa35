/**
 * The extension's side of the workspace host (@factcite/workspace): VS Code's
 * documents, settings, Workspace Trust and clock go in; diagnostics, the
 * corpus's problems, one message per breakage and the Restricted Mode notice
 * come out. The corpus policy itself lives in the host.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { message } from '@factcite/core';
import { FactDocument } from '@factcite/language-service';
import { type CorpusState, type HostSettings, type LoadedCorpus, WorkspaceHost } from '@factcite/workspace';
import { parse } from 'jsonc-parser';
import * as vscode from 'vscode';
import { toDiagnostic } from './convert.js';
import { extensionIO } from './io.js';
import { isCiteable, settings } from './settings.js';

/**
 * The corpusPath an untrusted workspace's own settings file asks for. VS Code
 * hides restricted settings' workspace values in Restricted Mode, so the file
 * is read (never acted on) only to tell the writer what is being held back.
 */
function untrustedCorpusPath(): string | undefined {
  const files = [vscode.workspace.workspaceFile, vscode.workspace.workspaceFolders?.[0]?.uri]
    .filter((uri): uri is vscode.Uri => uri?.scheme === 'file')
    .map((uri) => (uri === vscode.workspace.workspaceFile ? uri.fsPath : path.join(uri.fsPath, '.vscode', 'settings.json')));
  for (const file of files) {
    try {
      const json = parse(readFileSync(file, 'utf8')) as Record<string, unknown> | undefined;
      const settings = file.endsWith('.code-workspace') ? (json?.settings as Record<string, unknown> | undefined) : json;
      const value = settings?.['factcite.corpusPath'];
      if (typeof value === 'string' && value.trim()) return value.trim();
    } catch {
      // No settings file, or one VS Code cannot read either: nothing to report.
    }
  }
  return undefined;
}

/** What the host needs from VS Code's settings and Workspace Trust. */
function hostSettings(): HostSettings {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const trusted = vscode.workspace.isTrusted;
  const corpusPath = trusted ? vscode.workspace.getConfiguration('factcite', folder).get<string>('corpusPath', '') : untrustedCorpusPath();
  return {
    corpusPath,
    trusted,
    folder: folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined,
    check: { lang: settings.messagesLanguage(), reportUnusedSuppressions: settings.reportUnusedSuppressions() },
    uncitedClaims: settings.uncitedClaims(),
  };
}

const timers = { setTimeout: (run: () => void, ms: number) => setTimeout(run, ms), clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout) };

/** The workspace host, fed from VS Code's events. */
export class Workspace implements vscode.Disposable {
  readonly host: WorkspaceHost;
  private readonly changed = new vscode.EventEmitter<LoadedCorpus>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('factcite');
  private readonly corpusProblems = vscode.languages.createDiagnosticCollection('factcite-corpus');
  private readonly uris = new Map<string, vscode.Uri>();
  /** The version of each document the host holds. */
  private readonly versions = new Map<string, number>();
  private readonly disposables: vscode.Disposable[];
  private restrictedNoticeShown = false;

  /** Fires when the corpus in use, its load error or what Restricted Mode holds back changes. */
  readonly onDidChange = this.changed.event;

  constructor(distDir: string, log: vscode.LogOutputChannel) {
    this.host = new WorkspaceHost({
      io: extensionIO(distDir),
      timers,
      settings: hostSettings(),
      events: {
        publish: (uri, _version, found) => {
          const target = this.uris.get(uri);
          if (target) this.diagnostics.set(target, found.map(toDiagnostic));
        },
        corpus: (state) => this.corpusLoaded(state),
        log: (message) => log.info(message),
      },
    });
    this.disposables = [
      vscode.workspace.onDidOpenTextDocument((d) => this.sync(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.sync(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.close(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        // The host reloads only for a new corpus choice, and checks every document again when what it reports changes.
        if (['corpusPath', 'messagesLanguage', 'reportUnusedSuppressions', 'uncitedClaims'].some((key) => e.affectsConfiguration(`factcite.${key}`))) {
          this.host.configure(hostSettings());
        }
        if (e.affectsConfiguration('factcite.languages')) this.syncAll();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.host.configure(hostSettings())),
    ];
    this.syncAll();
  }

  get current(): LoadedCorpus {
    return this.host.corpus;
  }

  /** The writer-facing failure, while the chosen corpus is broken or missing. */
  get error(): string | undefined {
    return this.host.corpusState.failureMessage;
  }

  /** The corpusPath a workspace sets while Restricted Mode keeps it from being honoured. */
  get ignoredCorpusPath(): string | undefined {
    return this.host.corpusState.ignoredPath;
  }

  reload(): void {
    this.host.reload();
  }

  /** The parsed document at its current version: the host's for a document factcite works in, a one-off parse otherwise. */
  document(document: vscode.TextDocument): FactDocument {
    return (this.sync(document) && this.host.document(document.uri.toString())) || FactDocument.create(document.getText());
  }

  /**
   * Brings the host up to date with a document (opened, changed, or closed
   * when factcite no longer works in its language) without parsing it; true
   * when the host holds it.
   */
  private sync(document: vscode.TextDocument): boolean {
    const key = document.uri.toString();
    if (!isCiteable(document) || document.isClosed) {
      if (this.versions.has(key)) this.close(document.uri);
      return false;
    }
    const text = () => document.getText();
    const known = this.versions.get(key);
    if (known === undefined) {
      this.uris.set(key, document.uri);
      this.host.open(key, document.version, text, document.lineCount);
    } else if (known !== document.version) {
      this.host.change(key, document.version, text, document.lineCount);
    }
    this.versions.set(key, document.version);
    return true;
  }

  private syncAll(): void {
    for (const d of vscode.workspace.textDocuments) this.sync(d);
  }

  private close(uri: vscode.Uri): void {
    const key = uri.toString();
    this.host.close(key);
    this.uris.delete(key);
    this.versions.delete(key);
    this.diagnostics.delete(uri);
  }

  private corpusLoaded(state: CorpusState): void {
    this.corpusProblems.clear();
    const { failure } = state;
    if (failure) {
      const dir = failure.origin.dir;
      if (dir && failure.origin.kind !== 'invalid') {
        const byFile = new Map<string, vscode.Diagnostic[]>();
        for (const p of failure.problems) {
          const pos = new vscode.Position(Math.max(p.line - 1, 0), Math.max(p.column - 1, 0));
          const d = new vscode.Diagnostic(new vscode.Range(pos, pos), p.message, vscode.DiagnosticSeverity.Error);
          d.source = 'factcite corpus';
          d.code = p.code;
          const file = path.resolve(dir, p.file);
          byFile.set(file, [...(byFile.get(file) ?? []), d]);
        }
        for (const [file, list] of byFile) this.corpusProblems.set(vscode.Uri.file(file), list);
      }
      // One notification per breakage: saves that keep the corpus broken stay quiet.
      if (state.newlyBroken) void vscode.window.showErrorMessage(state.failureMessage!);
    }
    if (state.ignoredPath && !this.restrictedNoticeShown) {
      this.restrictedNoticeShown = true;
      const { index } = state.current;
      const notice = message('corpus.untrusted', { path: state.ignoredPath, version: index.version ?? '', count: index.size }, settings.messagesLanguage());
      void vscode.window.showInformationMessage(notice, vscode.l10n.t('Manage Workspace Trust')).then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
      });
    }
    this.changed.fire(state.current);
  }

  dispose(): void {
    this.host.dispose();
    this.diagnostics.dispose();
    this.corpusProblems.dispose();
    this.changed.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
