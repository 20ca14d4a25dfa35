/**
 * The corpus files behind a loaded corpus, for Go to Definition and the
 * "open source" links: the cleaned sources and the facts YAML. The bundled
 * corpus is served read-only under the `factcite-corpus:` scheme so that no
 * editable copy inside the extension is ever opened.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type CorpusFileText, factRecordLocations, locateQuote } from '@factcite/language-service';
import type { Location } from 'vscode-languageserver-types';
import * as vscode from 'vscode';
import type { CorpusOrigin, LoadedCorpus } from './load.js';

export const CORPUS_SCHEME = 'factcite-corpus';

/** Reads a loaded corpus's files on demand and remembers what it read. */
export interface CorpusFiles {
  sourceFile(sourceId: string): CorpusFileText | undefined;
  factLocation(factId: string): Location | undefined;
}

/** The document URI of a corpus file, such as `sources/<id>.md`. */
export function corpusFileUri(origin: CorpusOrigin, relative: string): vscode.Uri {
  if (origin.kind === 'workspace') return vscode.Uri.file(path.join(origin.dir, relative));
  return vscode.Uri.from({ scheme: CORPUS_SCHEME, path: `/${relative}` });
}

/** Larger corpus files are not opened: the corpus loader caps a file at this too. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

function read(origin: CorpusOrigin, relative: string): CorpusFileText | undefined {
  try {
    const file = path.join(origin.dir, relative);
    // A file swapped for a FIFO or a device since the load would block the extension host or read without end.
    const stats = statSync(file);
    if (!stats.isFile() || stats.size > MAX_FILE_BYTES) return undefined;
    return { uri: corpusFileUri(origin, relative).toString(), text: readFileSync(file, 'utf8') };
  } catch {
    return undefined;
  }
}

const cache = new WeakMap<LoadedCorpus, CorpusFiles>();

/** The files of a loaded corpus; read lazily, once per load (a reload gives a new LoadedCorpus). */
export function corpusFiles(loaded: LoadedCorpus): CorpusFiles {
  let files = cache.get(loaded);
  if (files) return files;
  const sources = new Map<string, CorpusFileText | undefined>();
  let records: Map<string, Location> | undefined;
  files = {
    sourceFile(sourceId) {
      if (!/^[a-z0-9-]+$/.test(sourceId)) return undefined;
      if (!sources.has(sourceId)) sources.set(sourceId, read(loaded.origin, `sources/${sourceId}.md`));
      return sources.get(sourceId);
    },
    factLocation(factId) {
      if (!records) {
        let names: string[] = [];
        try {
          names = readdirSync(path.join(loaded.origin.dir, 'facts')).filter((n) => n.endsWith('.yaml')).sort();
        } catch {
          names = [];
        }
        records = factRecordLocations(names.map((n) => read(loaded.origin, `facts/${n}`)).filter((f) => f !== undefined));
      }
      return records.get(factId);
    },
  };
  cache.set(loaded, files);
  return files;
}

/** Where a fact's `citation`-th source quotes it. */
export function quoteLocation(loaded: LoadedCorpus, factId: string, citation = 0): vscode.Location | undefined {
  const fact = loaded.index.get(factId);
  const cited = fact?.citations[citation];
  const file = cited && corpusFiles(loaded).sourceFile(cited.source);
  if (!cited || !file) return undefined;
  const range = locateQuote(file.text, cited.quote);
  const uri = vscode.Uri.parse(file.uri);
  return range ? new vscode.Location(uri, toRange(range)) : new vscode.Location(uri, new vscode.Position(0, 0));
}

/** Where facts/*.yaml records a fact. */
export function recordLocation(loaded: LoadedCorpus, factId: string): vscode.Location | undefined {
  const location = corpusFiles(loaded).factLocation(factId);
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
