import { FACT_KEY_PREFIX } from '@factcite/core';
import type { Location } from 'vscode-languageserver-types';
import { type DocumentInput, toDocument } from './document.js';
import { toRange } from './lsp.js';

/** A document to search for references: its URI and its text (or parsed document). */
export interface ReferenceDocument {
  uri: string;
  text: DocumentInput;
}

/** A fact id, or the position of a citation in one of the documents. */
export type ReferenceTarget = string | { uri: string; offset: number };

/**
 * Every citation of a fact across documents, as the ranges of its id, in the
 * order of the documents given. The target is a fact id or the citation at
 * an offset of one of the documents; empty when there is none there.
 */
export function references(documents: readonly ReferenceDocument[], target: ReferenceTarget): Location[] {
  let id: string | undefined;
  if (typeof target === 'string') id = target;
  else {
    const doc = documents.find((d) => d.uri === target.uri);
    id = doc ? toDocument(doc.text).citationAt(target.offset)?.id : undefined;
  }
  if (!id) return [];
  const needle = FACT_KEY_PREFIX + id;
  const out: Location[] = [];
  for (const { uri, text } of documents) {
    const raw = typeof text === 'string' ? text : text.text;
    // Most reports never cite the fact: skip them without parsing.
    if (!raw.includes(needle)) continue;
    const doc = toDocument(text);
    for (const c of doc.citations()) if (c.id === id) out.push({ uri, range: toRange(doc, c.idStart, c.idEnd) });
  }
  return out;
}
