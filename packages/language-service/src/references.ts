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
 * Every citation of a fact across documents, once each, as the ranges of its
 * key (`@fact:ID`, which is also what VS Code's Markdown extension reports
 * for a `[@fact:ID]` it reads as a link label, so the editor merges the two),
 * in the order of the documents given; a document given twice counts once.
 * The target is a fact id or the citation at an offset of one of the
 * documents; empty when there is none there.
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
  const seen = new Set<string>();
  for (const { uri, text } of documents) {
    if (seen.has(uri)) continue;
    seen.add(uri);
    const raw = typeof text === 'string' ? text : text.text;
    // Most reports never cite the fact: skip them without parsing.
    if (!raw.includes(needle)) continue;
    const doc = toDocument(text);
    for (const c of doc.citations()) if (c.id === id) out.push({ uri, range: toRange(doc, c.start, c.end) });
  }
  return out;
}
