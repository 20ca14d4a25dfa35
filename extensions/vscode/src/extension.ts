/**
 * factcite for VS Code: a thin adapter from @factcite/language-service to
 * the editor. Activation only loads the corpus; everything else runs when
 * the writer asks for it.
 */
import path from 'node:path';
import * as vscode from 'vscode';
import { footnote } from '@factcite/language-service';
import { BundledCorpusProvider, CORPUS_SCHEME, quoteLocation, recordLocation } from './corpus/files.js';
import { factIdOf, FactsViewProvider } from './facts-view.js';
import { registerLanguageFeatures } from './features.js';
import { insertCitation, pickAndInsert } from './insert.js';
import { isCiteable, settings } from './settings.js';
import { createStatusBar } from './status-bar.js';
import { Workspace } from './workspace.js';

export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  const distDir = path.join(context.extensionPath, 'dist');
  const log = vscode.window.createOutputChannel('factcite', { log: true });
  const store = new Workspace(distDir, log);
  const view = new FactsViewProvider(store, settings.display);
  const tree = vscode.window.createTreeView('factcite.facts', { treeDataProvider: view, showCollapseAll: true });

  const updateActive = () =>
    void vscode.commands.executeCommand(
      'setContext',
      'factcite.active',
      !!vscode.window.activeTextEditor && isCiteable(vscode.window.activeTextEditor.document),
    );

  // Hover links pass { factId, sourceId, citation }; the Facts view passes a node or an id.
  const openSource = async (arg: unknown) => {
    const id = factIdOf(arg);
    const fact = id ? store.current.index.get(id) : undefined;
    if (!fact) return;
    const wanted = typeof arg === 'object' && arg !== null && 'citation' in arg ? Number((arg as { citation: unknown }).citation) : 0;
    const citation = Number.isInteger(wanted) && wanted >= 0 && wanted < fact.citations.length ? wanted : 0;
    const location = quoteLocation(store.current, fact.id, citation);
    if (!location) return void vscode.window.showWarningMessage(vscode.l10n.t('factcite: no source file found for {0}.', fact.id));
    await vscode.window.showTextDocument(location.uri, { selection: location.range, preview: true });
  };
  const openRecord = async (arg: unknown) => {
    const id = factIdOf(arg);
    const location = id ? recordLocation(store.current, id) : undefined;
    if (!location) return void vscode.window.showWarningMessage(vscode.l10n.t('factcite: no record found for {0}.', String(id)));
    await vscode.window.showTextDocument(location.uri, { selection: location.range, preview: true });
  };
  const copyFootnote = async (arg: unknown) => {
    const id = factIdOf(arg);
    const fact = id ? store.current.index.get(id) : undefined;
    if (!fact) return;
    await vscode.env.clipboard.writeText(footnote(fact, store.current.index, settings.display()));
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied a footnote for {0}', fact.id), 3000);
  };
  const insertFact = async (arg: unknown) => {
    const id = factIdOf(arg);
    const editor = vscode.window.activeTextEditor;
    if (!id) return;
    if (editor && isCiteable(editor.document) && !editor.document.isClosed) await insertCitation(editor, id);
    else await openSource(id);
  };

  context.subscriptions.push(
    log,
    store,
    view,
    tree,
    createStatusBar(store),
    vscode.workspace.registerTextDocumentContentProvider(CORPUS_SCHEME, new BundledCorpusProvider(path.join(distDir, 'corpus'))),
    registerLanguageFeatures(store, log),
    store.onDidChange(() => view.refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // The tooltips of the Facts view are written in the messages language as well as the display script.
      if (e.affectsConfiguration('factcite.displayScript') || e.affectsConfiguration('factcite.messagesLanguage')) view.refresh();
      if (e.affectsConfiguration('factcite.languages')) updateActive();
    }),
    vscode.window.onDidChangeActiveTextEditor(updateActive),
    vscode.commands.registerCommand('factcite.insertCitation', () => pickAndInsert(store, settings.display)),
    vscode.commands.registerCommand('factcite.showFacts', () => vscode.commands.executeCommand('factcite.facts.focus')),
    vscode.commands.registerCommand('factcite.reloadCorpus', () => store.reload()),
    vscode.commands.registerCommand('factcite.toggleInlineValues', () =>
      vscode.workspace.getConfiguration('factcite').update('inlineValues', !settings.inlineValues(), vscode.ConfigurationTarget.Global),
    ),
    vscode.commands.registerCommand('factcite.openSource', openSource),
    vscode.commands.registerCommand('factcite.openFactYaml', openRecord),
    vscode.commands.registerCommand('factcite.insertFact', insertFact),
    vscode.commands.registerCommand('factcite.factClicked', (id: string) => (settings.clickAction() === 'insert' ? insertFact(id) : openSource(id))),
    vscode.commands.registerCommand('factcite.copyFootnote', copyFootnote),
    vscode.commands.registerCommand('factcite.copyId', async (arg: unknown) => {
      const id = factIdOf(arg);
      if (id) await vscode.env.clipboard.writeText(id);
    }),
  );
  updateActive();
  log.info(`Activated in ${(performance.now() - started).toFixed(1)} ms with ${store.current.index.size} facts (${store.current.origin.kind} corpus).`);
}

export function deactivate(): void {}
