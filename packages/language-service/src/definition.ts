import { type FactIndex, LineIndex, splitSourceFile } from '@factcite/core';
import type { Location, Range } from 'vscode-languageserver-types';
import { type DocumentInput, toDocument } from './document.js';

/** A corpus file as the editor knows it: its URI and its text. */
export interface CorpusFileText {
  uri: string;
  text: string;
}

/** Where go-to-definition leads: the quote in the cleaned source, or the fact's YAML record. */
export type DefinitionTarget = 'source' | 'fact';

/** Options of {@link definition}. The caller reads the files; the service stays free of I/O. */
export interface DefinitionOptions {
  /** Default `source`; falls back to the other target when its file is not available. */
  target?: DefinitionTarget;
  /** The cleaned source file of a source id (`sources/<id>.md` in the corpus), or undefined. */
  sourceFile?: (sourceId: string) => CorpusFileText | undefined;
  /** The location of a fact's record, for instance from {@link factRecordLocations}. */
  factLocation?: (factId: string) => Location | undefined;
}

/**
 * The range of a quote in a source file's text (front matter and all), or
 * undefined when the body does not contain it. Lines and characters are
 * those of the file as stored, CRLF line ends included.
 */
export function locateQuote(fileText: string, quote: string): Range | undefined {
  // Dropping a BOM shifts only the first line (the front matter's "---"), and
  // dropping the CR of CRLF leaves every line's characters where they were.
  const normalised = fileText.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const split = splitSourceFile(normalised);
  const bodyStart = split ? normalised.length - split.body.length : 0;
  const at = normalised.indexOf(quote, bodyStart);
  if (at < 0) return undefined;
  const lines = new LineIndex(normalised);
  return { start: lines.position(at), end: lines.position(at + quote.length) };
}

// A record's id: `- id: x` opening a list item, or `  id: x` inside one.
const ID_LINE = /^(?:-[ \t]+|[ \t]{2})id:[ \t]*(["']?)([a-z0-9]+(?:-[a-z0-9]+)*)\1[ \t]*(?:#.*)?$/gm;

/** Where each fact's record is in a set of facts YAML files: the range of its id. First record wins. */
export function factRecordLocations(files: readonly CorpusFileText[]): Map<string, Location> {
  const out = new Map<string, Location>();
  for (const file of files) {
    const text = file.text.replace(/\r\n?/g, '\n');
    let lines: LineIndex | undefined;
    for (const m of text.matchAll(ID_LINE)) {
      const id = m[2]!;
      if (out.has(id)) continue;
      lines ??= new LineIndex(text);
      const start = m.index + m[0].indexOf(id, m[0].indexOf('id:') + 3);
      out.set(id, { uri: file.uri, range: { start: lines.position(start), end: lines.position(start + id.length) } });
    }
  }
  return out;
}

function sourceLocations(factId: string, index: FactIndex, options: DefinitionOptions): Location[] {
  const fact = index.get(factId);
  if (!fact || !options.sourceFile) return [];
  const out: Location[] = [];
  for (const citation of fact.citations) {
    const file = options.sourceFile(citation.source);
    const range = file && locateQuote(file.text, citation.quote);
    if (file && range) out.push({ uri: file.uri, range });
  }
  return out;
}

/**
 * Where the fact cited at `offset` is defined: by default the verbatim quote
 * of each of its sources, first source first; or its YAML record. Empty
 * when there is no citation of a known fact at `offset`.
 */
export function definition(input: DocumentInput, offset: number, index: FactIndex, options: DefinitionOptions = {}): Location[] {
  const citation = toDocument(input).citationAt(offset);
  if (!citation || !index.has(citation.id)) return [];
  const record = () => {
    const location = options.factLocation?.(citation.id);
    return location ? [location] : [];
  };
  if (options.target === 'fact') {
    const found = record();
    return found.length ? found : sourceLocations(citation.id, index, options);
  }
  const found = sourceLocations(citation.id, index, options);
  return found.length ? found : record();
}
