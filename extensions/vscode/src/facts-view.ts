import * as vscode from 'vscode';
import type { Workspace } from './workspace.js';
import { factSummary } from '@factcite/language-service';
import { toMarkdown } from './convert.js';
import { settings } from './settings.js';
import { type DisplaySetting, statement, truncate } from './display.js';
import { childrenOf, type FactsNode, nodeId } from './facts-tree.js';

/** The "Facts" view: the corpus by source and by topic, with counts. */
export class FactsViewProvider implements vscode.TreeDataProvider<FactsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<FactsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly store: Workspace,
    private readonly display: () => DisplaySetting,
  ) {}

  /** Redraws the whole tree (after a corpus reload or a display script change). */
  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: FactsNode): FactsNode[] {
    return childrenOf(this.store.current.index, node);
  }

  getTreeItem(node: FactsNode): vscode.TreeItem {
    const Collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    let item: vscode.TreeItem;
    switch (node.kind) {
      case 'group':
        item = new vscode.TreeItem(
          node.group === 'sources' ? vscode.l10n.t('By source') : vscode.l10n.t('By topic'),
          node.group === 'sources' ? vscode.TreeItemCollapsibleState.Expanded : Collapsed,
        );
        item.description = `${node.count}`;
        item.iconPath = new vscode.ThemeIcon(node.group === 'sources' ? 'library' : 'tag');
        break;
      case 'source':
        item = new vscode.TreeItem(node.label, Collapsed);
        item.description = `${node.count} · ${node.detail}`;
        item.tooltip = `${node.label}\n${node.detail}\n${vscode.l10n.t('{0} facts', node.count)}`;
        item.iconPath = new vscode.ThemeIcon('file-text');
        break;
      case 'topic':
        item = new vscode.TreeItem(node.label, Collapsed);
        item.description = `${node.count}`;
        item.iconPath = new vscode.ThemeIcon('tag');
        break;
      case 'fact': {
        const { fact } = node;
        const index = this.store.current.index;
        const deprecated = fact.status === 'deprecated';
        item = new vscode.TreeItem(truncate(statement(fact, this.display(), index), 80));
        item.description = deprecated ? vscode.l10n.t('{0} (deprecated)', fact.id) : fact.id;
        item.tooltip = toMarkdown(factSummary(fact, index, { displayScript: this.display(), lang: settings.messagesLanguage() }), false);
        item.contextValue = deprecated ? 'fact-deprecated' : 'fact';
        item.iconPath = new vscode.ThemeIcon(deprecated ? 'warning' : 'quote');
        item.command = { command: 'factcite.factClicked', title: vscode.l10n.t('Use fact'), arguments: [fact.id] };
        break;
      }
    }
    item.id = nodeId(node);
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The fact id of a command argument: an id, a Facts view node, or a hover link's `{ factId }`. */
export function factIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (!arg || typeof arg !== 'object') return undefined;
  if ((arg as FactsNode).kind === 'fact') return (arg as { fact: { id: string } }).fact.id;
  const id = (arg as { factId?: unknown }).factId;
  return typeof id === 'string' ? id : undefined;
}
