/**
 * LSP-shaped results of @factcite/language-service, turned into VS Code API
 * objects. The only place that knows both shapes.
 */
import type * as lsp from 'vscode-languageserver-types';
import * as vscode from 'vscode';

/** Commands that hover and completion Markdown may run; nothing else is trusted. */
export const TRUSTED_COMMANDS = ['factcite.openSource', 'factcite.copyFootnote'];

export function toPosition(p: lsp.Position): vscode.Position {
  return new vscode.Position(p.line, p.character);
}

export function toRange(r: lsp.Range): vscode.Range {
  return new vscode.Range(toPosition(r.start), toPosition(r.end));
}

export function fromRange(r: vscode.Range): lsp.Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

/** Markdown from the service: rendered without HTML, with links to our own commands only. */
export function toMarkdown(value: string, commands: boolean): vscode.MarkdownString {
  const md = new vscode.MarkdownString(value);
  md.supportHtml = false;
  md.isTrusted = commands ? { enabledCommands: TRUSTED_COMMANDS } : false;
  return md;
}

function documentation(doc: lsp.CompletionItem['documentation']): vscode.MarkdownString | string | undefined {
  if (doc === undefined || typeof doc === 'string') return doc;
  return doc.kind === 'markdown' ? toMarkdown(doc.value, false) : doc.value;
}

export function toCompletionItem(item: lsp.CompletionItem): vscode.CompletionItem {
  const label: vscode.CompletionItemLabel = { label: item.label };
  if (item.labelDetails?.description) label.description = item.labelDetails.description;
  if (item.labelDetails?.detail) label.detail = item.labelDetails.detail;
  const out = new vscode.CompletionItem(label, vscode.CompletionItemKind.Reference);
  if (item.detail !== undefined) out.detail = item.detail;
  const docs = documentation(item.documentation);
  if (docs !== undefined) out.documentation = docs;
  if (item.filterText !== undefined) out.filterText = item.filterText;
  if (item.sortText !== undefined) out.sortText = item.sortText;
  if (item.preselect) out.preselect = true;
  if (item.tags?.includes(1)) out.tags = [vscode.CompletionItemTag.Deprecated];
  const edit = item.textEdit;
  if (edit && 'range' in edit) {
    out.range = toRange(edit.range);
    out.insertText = edit.newText;
  } else if (edit) {
    out.range = { inserting: toRange(edit.insert), replacing: toRange(edit.replace) };
    out.insertText = edit.newText;
  } else if (item.insertText !== undefined) out.insertText = item.insertText;
  return out;
}

export function toCompletionList(list: lsp.CompletionList): vscode.CompletionList {
  return new vscode.CompletionList(list.items.map(toCompletionItem), list.isIncomplete);
}

function markedText(part: lsp.MarkupContent | lsp.MarkedString): string {
  if (typeof part === 'string') return part;
  if ('kind' in part) return part.value;
  return `\`\`\`${part.language}\n${part.value}\n\`\`\``;
}

export function toHover(hover: lsp.Hover): vscode.Hover {
  const parts: (lsp.MarkupContent | lsp.MarkedString)[] = Array.isArray(hover.contents) ? hover.contents : [hover.contents];
  return new vscode.Hover(toMarkdown(parts.map(markedText).join('\n\n'), true), hover.range && toRange(hover.range));
}

const SEVERITY: Record<number, vscode.DiagnosticSeverity> = {
  1: vscode.DiagnosticSeverity.Error,
  2: vscode.DiagnosticSeverity.Warning,
  3: vscode.DiagnosticSeverity.Information,
  4: vscode.DiagnosticSeverity.Hint,
};

/** A VS Code diagnostic that remembers the service's data for the quick fixes. */
export interface FactciteDiagnostic extends vscode.Diagnostic {
  lspData?: unknown;
}

export function toDiagnostic(d: lsp.Diagnostic): FactciteDiagnostic {
  const out: FactciteDiagnostic = new vscode.Diagnostic(
    toRange(d.range),
    typeof d.message === 'string' ? d.message : d.message.value,
    SEVERITY[d.severity ?? 1],
  );
  if (d.source !== undefined) out.source = d.source;
  if (d.code !== undefined) out.code = d.code;
  if (d.tags?.includes(2)) out.tags = [vscode.DiagnosticTag.Deprecated];
  if (d.tags?.includes(1)) out.tags = [...(out.tags ?? []), vscode.DiagnosticTag.Unnecessary];
  out.lspData = d.data;
  return out;
}

/** The LSP form of a VS Code diagnostic, as the service's code actions expect it. */
export function fromDiagnostic(d: FactciteDiagnostic): lsp.Diagnostic {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  const out: lsp.Diagnostic = { range: fromRange(d.range), message: d.message, severity: (d.severity + 1) as lsp.DiagnosticSeverity };
  if (d.source !== undefined) out.source = d.source;
  if (code !== undefined) out.code = code;
  if (d.lspData !== undefined) out.data = d.lspData;
  return out;
}

function sameRange(a: vscode.Range, b: lsp.Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** A code action, linked to the editor's own diagnostic objects so Problems shows the fix. */
export function toCodeAction(action: lsp.CodeAction, context: readonly vscode.Diagnostic[]): vscode.CodeAction {
  const kind = action.kind === 'quickfix' ? vscode.CodeActionKind.QuickFix : vscode.CodeActionKind.Empty.append(action.kind ?? 'factcite');
  const out = new vscode.CodeAction(action.title, kind);
  if (action.isPreferred) out.isPreferred = true;
  if (action.diagnostics?.length) {
    out.diagnostics = context.filter((d) =>
      action.diagnostics!.some((a) => a.code === (typeof d.code === 'object' ? d.code.value : d.code) && sameRange(d.range, a.range)),
    );
  }
  const changes = action.edit?.changes;
  if (changes) {
    const edit = new vscode.WorkspaceEdit();
    for (const [uri, edits] of Object.entries(changes)) {
      for (const e of edits) edit.replace(vscode.Uri.parse(uri), toRange(e.range), e.newText);
    }
    out.edit = edit;
  }
  return out;
}

export function toLocation(l: lsp.Location): vscode.Location {
  return new vscode.Location(vscode.Uri.parse(l.uri), toRange(l.range));
}
