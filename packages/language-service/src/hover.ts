import { type FactIndex, message } from '@factcite/core';
import type { Hover } from 'vscode-languageserver-types';
import { type CardOptions, factCard } from './card.js';
import { type DocumentInput, toDocument } from './document.js';
import { toRange } from './lsp.js';
import { codeId, escapeInline } from './markdown.js';
import { statementIn } from './present.js';

/** Options of {@link hover}. */
export type HoverOptions = CardOptions;

/**
 * The card for the citation at `offset` (a UTF-16 offset into the text), or
 * null when there is no citation there. An unknown id gets the closest ids.
 */
export function hover(input: DocumentInput, offset: number, index: FactIndex, options: HoverOptions = {}): Hover | null {
  const doc = toDocument(input);
  const citation = doc.citationAt(offset);
  if (!citation) return null;
  const range = toRange(doc, citation.start, citation.end);
  const fact = index.get(citation.id);
  if (fact) return { contents: { kind: 'markdown', value: factCard(fact, index, options) }, range };

  const script = options.displayScript ?? 'original';
  const lang = options.lang ?? 'en';
  const suggestions = index.suggest(citation.id);
  const unknown = codeId(citation.id);
  const lines = [
    index.version
      ? message('hover.unknown-fact-version', { id: unknown, version: escapeInline(index.version) }, lang)
      : message('hover.unknown-fact', { id: unknown }, lang),
  ];
  if (suggestions.length) {
    lines.push(
      `${message('hover.did-you-mean', {}, lang)}\n\n${suggestions
        .map((id) => `- ${codeId(id)}: ${escapeInline(statementIn(index.get(id)!, script, index))}`)
        .join('\n')}`,
    );
  }
  return { contents: { kind: 'markdown', value: lines.join('\n\n') }, range };
}
