/**
 * Where a fact's quote and record are, as VS Code locations, for the
 * "open source" links and the Facts view; and the bundled corpus served
 * read-only under the `factcite-corpus:` scheme so that no editable copy
 * inside the extension is ever opened. The host reads the files.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { locateQuote } from '@factcite/language-service';
import type { LoadedCorpus } from '@factcite/workspace';
import * as vscode from 'vscode';

export const CORPUS_SCHEME = 'factcite-corpus';

/** Where a fact's `citation`-th source quotes it. */
export function quoteLocation(loaded: LoadedCorpus, factId: string, citation = 0): vscode.Location | undefined {
  const cited = loaded.index.get(factId)?.citations[citation];
  const file = cited && loaded.sourceFile(cited.source);
  if (!cited || !file) return undefined;
  const range = locateQuote(file.text, cited.quote);
  const uri = vscode.Uri.parse(file.uri);
  return range ? new vscode.Location(uri, toRange(range)) : new vscode.Location(uri, new vscode.Position(0, 0));
}

/** Where facts/*.yaml records a fact. */
export function recordLocation(loaded: LoadedCorpus, factId: string): vscode.Location | undefined {
  const location = loaded.factLocation(factId);
  return location && new vscode.Location(vscode.Uri.parse(location.uri), toRange(location.range));
}

function toRange(r: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** Serves the bundled corpus files read-only. */
export class BundledCorpusProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly bundledDir: string) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    // Only files inside the bundled corpus directory are served.
    const file = path.normalize(path.join(this.bundledDir, uri.path));
    if (!file.startsWith(this.bundledDir + path.sep)) return '';
    return readFileSync(file, 'utf8');
  }
}
