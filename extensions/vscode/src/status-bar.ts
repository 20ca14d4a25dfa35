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
    const where = origin.kind === 'bundled' ? 'bundled release' : origin.dir;
    if (store.error) {
      item.text = `$(warning) factcite${version} · ${index.size} facts`;
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      item.tooltip = `${store.error}\nStill using: ${where}. Click to open the Facts view.`;
    } else if (store.ignoredCorpusPath) {
      item.text = `$(shield) factcite${version} · ${index.size} facts`;
      item.backgroundColor = undefined;
      item.tooltip = `Restricted Mode: this workspace's corpus (${store.ignoredCorpusPath}) is not loaded until you trust the workspace. Using: ${where}, ${index.size} facts. Click to open the Facts view.`;
    } else {
      item.text = `$(checklist) factcite${version} · ${index.size} facts`;
      item.backgroundColor = undefined;
      item.tooltip = `factcite corpus${version} (${where}): ${index.size} facts from ${index.sources().length} sources. Click to open the Facts view.`;
    }
    item.show();
  };
  update();
  return vscode.Disposable.from(item, store.onDidChange(update));
}
