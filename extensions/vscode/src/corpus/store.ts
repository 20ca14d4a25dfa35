import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'jsonc-parser';
import * as vscode from 'vscode';
import { type CorpusLoadFailure, isFailure, type LoadedCorpus, loadBundledCorpus } from './load.js';
import type { CorpusWatcher } from './workspace.js';
import { workspaceCorpus } from './workspace-lazy.js';

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

/**
 * Holds the corpus every feature reads. It always has a usable corpus: the
 * bundled release, or the workspace corpus of `factcite.corpusPath` when the
 * workspace is trusted. A broken workspace corpus leaves the last good one
 * in place and is reported once, not on every keystroke.
 */
export class CorpusStore implements vscode.Disposable {
  private loaded: LoadedCorpus;
  private failure: CorpusLoadFailure | undefined;
  private readonly changed = new vscode.EventEmitter<LoadedCorpus>();
  private readonly problems = vscode.languages.createDiagnosticCollection('factcite-corpus');
  private watcher: CorpusWatcher | undefined;
  private watchedDir: string | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private restrictedNoticeShown = false;
  private ignored: string | undefined;

  /** Fires when the corpus in use or its load error changes. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly distDir: string,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.loaded = this.loadBundled();
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('factcite.corpusPath')) this.reload();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.reload()),
    );
    this.reload();
  }

  /** The release shipped with the extension; a prebuilt index it could not use only slows the first search, so it is logged, not shown. */
  private loadBundled(): LoadedCorpus {
    const loaded = loadBundledCorpus(this.distDir);
    if (loaded.prebuiltIndexProblem) this.log.warn(`${loaded.prebuiltIndexProblem}; building the search index instead.`);
    return loaded;
  }

  get current(): LoadedCorpus {
    return this.loaded;
  }

  /** The last load error, while the workspace corpus is broken. */
  get error(): string | undefined {
    return this.failure?.message;
  }

  /**
   * The corpusPath a workspace sets while Restricted Mode keeps it from being
   * honoured: a corpus from an untrusted folder is data a stranger wrote.
   */
  get ignoredCorpusPath(): string | undefined {
    return this.ignored;
  }

  /** The workspace corpus directory the settings ask for, if any and if honoured. */
  private configuredDir(): string | undefined {
    if (!vscode.workspace.isTrusted) return undefined;
    const folder = vscode.workspace.workspaceFolders?.[0];
    const setting = vscode.workspace.getConfiguration('factcite', folder).get<string>('corpusPath', '').trim();
    if (!setting) return undefined;
    const expanded = setting.replace(/^~(?=$|[\\/])/, process.env.HOME ?? '~');
    if (path.isAbsolute(expanded)) return expanded;
    return folder?.uri.scheme === 'file' ? path.join(folder.uri.fsPath, expanded) : undefined;
  }

  /** Loads the corpus the settings ask for now. */
  reload(): void {
    const dir = this.configuredDir();
    this.watch(dir);
    this.ignored = vscode.workspace.isTrusted ? undefined : untrustedCorpusPath();
    if (!dir) {
      this.setFailure(undefined);
      if (this.loaded.origin.kind !== 'bundled') this.set(this.loadBundled());
      // The status bar shows whether a workspace corpus is being held back.
      else this.changed.fire(this.loaded);
      this.noticeRestricted();
      return;
    }
    const result = workspaceCorpus().loadWorkspaceCorpus(dir, vscode.workspace.asRelativePath(dir, false));
    if (isFailure(result)) {
      this.log.error(result.message);
      this.setFailure(result);
      return;
    }
    this.log.info(`Loaded the corpus at ${dir}: ${result.index.size} facts (version ${result.index.version ?? 'unknown'}).`);
    this.setFailure(undefined);
    this.set(result);
  }

  /** Says once per window why the workspace's corpus is not in use. */
  private noticeRestricted(): void {
    const ignored = this.ignoredCorpusPath;
    if (!ignored || this.restrictedNoticeShown) return;
    this.restrictedNoticeShown = true;
    const { index } = this.loaded;
    const message = `This workspace is not trusted, so factcite ignores its corpus (factcite.corpusPath: ${ignored}) and uses the bundled release ${index.version ?? ''} (${index.size} facts). Trust the workspace to use its corpus.`;
    this.log.warn(message);
    void vscode.window.showInformationMessage(message, 'Manage Workspace Trust').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
    });
  }

  private set(loaded: LoadedCorpus): void {
    this.loaded = loaded;
    this.changed.fire(loaded);
  }

  private setFailure(failure: CorpusLoadFailure | undefined): void {
    const wasBroken = this.failure !== undefined;
    this.failure = failure;
    this.problems.clear();
    if (!failure) return;
    const dir = this.configuredDir();
    if (dir) {
      const byFile = new Map<string, vscode.Diagnostic[]>();
      for (const p of failure.problems) {
        const pos = new vscode.Position(Math.max(p.line - 1, 0), Math.max(p.column - 1, 0));
        const d = new vscode.Diagnostic(new vscode.Range(pos, pos), p.message, vscode.DiagnosticSeverity.Error);
        d.source = 'factcite corpus';
        d.code = p.code;
        const file = path.resolve(dir, p.file);
        byFile.set(file, [...(byFile.get(file) ?? []), d]);
      }
      for (const [file, list] of byFile) this.problems.set(vscode.Uri.file(file), list);
    }
    // One notification per breakage: edits that keep the corpus broken stay quiet.
    if (!wasBroken) {
      const what = this.loaded.origin.kind === 'bundled' ? 'the bundled corpus' : 'the last good version';
      void vscode.window.showErrorMessage(`${failure.message} factcite keeps using ${what}.`);
    }
    this.changed.fire(this.loaded);
  }

  /**
   * Reloads on changes to the corpus files. Node's watcher rather than
   * VS Code's: for a folder inside the workspace VS Code serves the watch from
   * its recursive workspace watcher, which misses a folder created and filled
   * at once (a copy, a clone) and then never reports its files.
   */
  private watch(dir: string | undefined): void {
    // Most reloads come from this watcher's own events: keep it while the folder is the same.
    if (dir === this.watchedDir && (dir === undefined || this.watcher)) return;
    this.watcher?.close();
    this.watcher = undefined;
    this.watchedDir = dir;
    if (!dir) return;
    try {
      this.watcher = workspaceCorpus().watchCorpus(dir, (files) => {
        this.log.info(`${files.join(', ')} changed; reloading the corpus.`);
        this.reload();
      });
    } catch (error) {
      // A missing folder is reported by the load itself; try again on the next reload.
      this.watchedDir = undefined;
      this.log.warn(error instanceof Error ? error.message : String(error));
    }
  }

  dispose(): void {
    this.watcher?.close();
    this.problems.dispose();
    this.changed.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
