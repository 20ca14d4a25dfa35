import { FactDocument } from '@factcite/language-service';
import * as vscode from 'vscode';

/**
 * The parsed form of each open document, one per version. Building a
 * version from the previous one re-parses only the paragraphs an edit
 * touched, which keeps long reports cheap to check while typing.
 */
export class DocumentCache implements vscode.Disposable {
  private readonly docs = new Map<string, { version: number; doc: FactDocument }>();
  private readonly closed = vscode.workspace.onDidCloseTextDocument((d) => this.docs.delete(d.uri.toString()));

  get(document: vscode.TextDocument): FactDocument {
    const key = document.uri.toString();
    const cached = this.docs.get(key);
    if (cached?.version === document.version) return cached.doc;
    const doc = FactDocument.create(document.getText(), cached?.doc);
    this.docs.set(key, { version: document.version, doc });
    return doc;
  }

  dispose(): void {
    this.closed.dispose();
    this.docs.clear();
  }
}
