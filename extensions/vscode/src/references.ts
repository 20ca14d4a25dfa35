import { type ReferenceDocument, references } from '@factcite/language-service';
import * as vscode from 'vscode';
import { toLocation } from './convert.js';
import { isCiteable, settings } from './settings.js';
import type { Workspace } from './workspace.js';

// File extensions of the languages factcite knows; other languages are searched only in open documents.
const EXTENSIONS: Record<string, string[]> = {
  markdown: ['md', 'markdown', 'mdx', 'rmd'],
  quarto: ['qmd'],
  plaintext: ['txt'],
};
const MAX_FILES = 5000;
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Every citation of the fact under the cursor in the workspace's reports:
 * open documents as they are in the editor, other files as saved.
 */
export async function findReferences(
  workspace: Workspace,
  document: vscode.TextDocument,
  position: vscode.Position,
  token: vscode.CancellationToken,
): Promise<vscode.Location[]> {
  const here = workspace.document(document);
  const id = here.citationAt(document.offsetAt(position))?.id;
  if (!id) return [];
  const docs: ReferenceDocument[] = [];
  const seen = new Set<string>();
  // A diff or a commit view (git:, vscode-scm: …) holds a copy of a report, not a report of its own.
  const schemes = new Set(['untitled', ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme)]);
  if (!vscode.workspace.workspaceFolders?.length) schemes.add('file');
  for (const open of vscode.workspace.textDocuments) {
    if (!isCiteable(open) || !schemes.has(open.uri.scheme)) continue;
    seen.add(open.uri.toString());
    docs.push({ uri: open.uri.toString(), text: workspace.document(open) });
  }
  const extensions = [...new Set(settings.languages().flatMap((l) => EXTENSIONS[l] ?? []))];
  if (extensions.length && vscode.workspace.workspaceFolders?.length) {
    const files = await vscode.workspace.findFiles(`**/*.{${extensions.join(',')}}`, '**/{node_modules,.git}/**', MAX_FILES, token);
    const needle = new TextEncoder().encode(`fact:${id}`);
    for (const uri of files) {
      if (token.isCancellationRequested) return [];
      if (seen.has(uri.toString())) continue;
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        if (stat.size > MAX_FILE_BYTES) continue;
        const bytes = await vscode.workspace.fs.readFile(uri);
        // Most files never cite the fact: skip them without decoding.
        if (Buffer.from(bytes).indexOf(needle) < 0) continue;
        docs.push({ uri: uri.toString(), text: new TextDecoder().decode(bytes) });
      } catch {
        // A file that vanished or cannot be read has no references.
      }
    }
  }
  if (token.isCancellationRequested) return [];
  return references(docs, id).map(toLocation);
}
