import * as vscode from 'vscode';
import type { Workspace } from './workspace.js';

/** The status bar entry: corpus version and fact count; a click opens the Facts view. */
export function createStatusBar(store: Workspace): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('factcite.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'factcite corpus';
  item.command = 'factcite.showFacts';
  const update = () => {
    const { index, origin } = store.current;
    const version = index.version ? ` ${index.version}` : '';
    const where = origin.kind === 'bundled' ? vscode.l10n.t('bundled release') : origin.dir;
    const count = vscode.l10n.t('{0} facts', index.size);
    if (store.error) {
      item.text = `$(warning) factcite${version} · ${count}`;
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      item.tooltip = `${store.error}\n${vscode.l10n.t('Still using: {0}. Click to open the Facts view.', where)}`;
    } else if (store.ignoredCorpusPath) {
      item.text = `$(shield) factcite${version} · ${count}`;
      item.backgroundColor = undefined;
      item.tooltip = vscode.l10n.t(
        "Restricted Mode: this workspace's corpus ({0}) is not loaded until you trust the workspace. Using: {1}, {2} facts. Click to open the Facts view.",
        store.ignoredCorpusPath,
        where,
        index.size,
      );
    } else {
      item.text = `$(checklist) factcite${version} · ${count}`;
      item.backgroundColor = undefined;
      item.tooltip = vscode.l10n.t(
        'factcite corpus{0} ({1}): {2} facts from {3} sources. Click to open the Facts view.',
        version,
        where,
        index.size,
        index.sources().length,
      );
    }
    item.show();
  };
  update();
  return vscode.Disposable.from(item, store.onDidChange(update));
}
