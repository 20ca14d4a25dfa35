import type { Fact } from '@factcite/core';
import * as vscode from 'vscode';
import type { Workspace } from './workspace.js';
import { valueLine } from '@factcite/language-service';
import { type DisplaySetting, sourceLine, statement } from './display.js';
import { citationInsertion } from './insertion.js';

interface FactPick extends vscode.QuickPickItem {
  factId: string;
}

/** Inserts a citation of a fact at every cursor of an editor. */
export async function insertCitation(editor: vscode.TextEditor, id: string): Promise<boolean> {
  const ok = await editor.edit((edit) => {
    for (const selection of editor.selections) {
      const line = editor.document.lineAt(selection.active.line).text;
      const before = line.slice(0, selection.start.character);
      const after = line.slice(selection.end.character);
      const { text, replaceBefore } = citationInsertion(id, before, after);
      const start = selection.start.translate(0, -replaceBefore);
      edit.replace(new vscode.Range(start, selection.end), text);
    }
  });
  if (ok) await vscode.window.showTextDocument(editor.document, editor.viewColumn);
  return ok;
}

function toPick(fact: Fact, display: DisplaySetting, store: Workspace): FactPick {
  const deprecated = fact.status === 'deprecated';
  const value = valueLine(fact, display);
  return {
    factId: fact.id,
    label: `${deprecated ? '$(warning) ' : ''}${statement(fact, display, store.current.index)}`,
    description: fact.id,
    detail: [value, sourceLine(fact, store.current.index), deprecated ? vscode.l10n.t('deprecated: cite {0}', String(fact.supersededBy)) : undefined]
      .filter(Boolean)
      .join('  ·  '),
    // The corpus search decides what matches (any script, entities, numbers);
    // the quick pick must not filter its results again by label.
    alwaysShow: true,
  };
}

/**
 * "Insert fact citation…": a quick pick that searches the whole corpus as
 * the writer types, then inserts the chosen fact at the cursor.
 */
export async function pickAndInsert(store: Workspace, display: () => DisplaySetting): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const pick = vscode.window.createQuickPick<FactPick>();
  pick.title = vscode.l10n.t('Insert fact citation');
  pick.placeholder = vscode.l10n.t('Search facts: 数码港, 數碼港, cyberport, 10亿, an entity or an id');
  pick.matchOnDescription = false;
  pick.matchOnDetail = false;
  const update = (query: string) => {
    const { index } = store.current;
    const facts = query.trim() ? index.search(query, { limit: 60 }).map((h) => h.fact) : index.all().filter((f) => f.status === 'active');
    pick.items = facts.map((f) => toPick(f, display(), store));
  };
  update('');
  const chosen = await new Promise<string | undefined>((resolve) => {
    pick.onDidChangeValue(update);
    pick.onDidAccept(() => {
      resolve(pick.selectedItems[0]?.factId);
      pick.hide();
    });
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  if (!chosen) return;
  if (editor && !editor.document.isClosed) await insertCitation(editor, chosen);
  else
    await vscode.env.clipboard
      .writeText(`[@fact:${chosen}]`)
      .then(() => vscode.window.showInformationMessage(vscode.l10n.t('No editor is open: copied {0} to the clipboard.', `[@fact:${chosen}]`)));
}
