import type { CitationRef } from '@factcite/core';
import { type DocumentInput, toDocument } from './document.js';

/** The citation whose `@fact:ID` key holds `offset` (its end included), with offsets into the text. */
export function citationAt(input: DocumentInput, offset: number): CitationRef | undefined {
  return toDocument(input).citationAt(offset);
}
