import * as vscode from 'vscode';
import { annotation } from './annotation.js';
import { isCiteable, settings } from './settings.js';
import type { Workspace } from './workspace.js';

const MAX_DECORATIONS = 2000;

/**
 * Optional inline values (factcite.inlineValues): each cited fact's value
 * after its citation, in the visible part of visible editors only.
 */
export class InlineValues implements vscode.Disposable {
  private readonly type = vscode.window.createTextEditorDecorationType({
    after: { margin: '0 0 0 0.3em', color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly workspace: Workspace) {
    const later = () => this.schedule();
    this.disposables = [
      vscode.window.onDidChangeVisibleTextEditors(later),
      vscode.window.onDidChangeTextEditorVisibleRanges(later),
      vscode.workspace.onDidChangeTextDocument(later),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('factcite')) later();
      }),
      workspace.onDidChange(later),
    ];
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), 200);
  }

  private update(): void {
    const enabled = settings.inlineValues();
    for (const editor of vscode.window.visibleTextEditors) {
      if (!enabled || !isCiteable(editor.document)) {
        editor.setDecorations(this.type, []);
        continue;
      }
      const doc = this.workspace.document(editor.document);
      const index = this.workspace.current.index;
      const script = settings.display();
      const lang = settings.messagesLanguage();
      const options: vscode.DecorationOptions[] = [];
      for (const visible of editor.visibleRanges) {
        const start = editor.document.offsetAt(new vscode.Position(Math.max(0, visible.start.line - 20), 0));
        const end = editor.document.offsetAt(new vscode.Position(visible.end.line + 20, 0));
        // One annotation per bracket group, after its `]`; in-text citations get their own.
        const byEnd = new Map<number, string[]>();
        for (const c of doc.citationsIn(start, end)) {
          const text = annotation(index, c.id, script, lang);
          if (!text) continue;
          const at = c.group?.end ?? c.end;
          byEnd.set(at, [...(byEnd.get(at) ?? []), text]);
        }
        for (const [at, texts] of byEnd) {
          if (options.length >= MAX_DECORATIONS) break;
          const position = editor.document.positionAt(at);
          options.push({ range: new vscode.Range(position, position), renderOptions: { after: { contentText: `⟨${texts.join('; ')}⟩` } } });
        }
      }
      editor.setDecorations(this.type, options);
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.type.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
