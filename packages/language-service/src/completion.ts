import type { Fact, FactIndex, MessageLang } from '@factcite/core';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { factSummary } from './card.js';
import { type DocumentInput, toDocument } from './document.js';
import { CompletionItemKind, CompletionItemTag, InsertTextFormat, toRange } from './lsp.js';
import { completionContext } from './completion-context.js';
import { type StatementScript, statementIn, valueLine } from './present.js';
import { rankBySentence, sentenceAround } from './sentence-rank.js';

/** Options of {@link completions}. */
export interface CompletionOptions {
  /** Script of the statements in details and documentation. Default `original`. */
  displayScript?: StatementScript;
  /** The language of the details' own words (value readings, labels): en (the default), zh-Hans or zh-Hant. */
  lang?: MessageLang;
  /** Most items to return. Default 100. */
  limit?: number;
  /**
   * Whether the client takes LSP `InsertReplaceEdit`s (VS Code does): then
   * each item carries both ranges, and the editor's insert mode picks one.
   * Otherwise the edit covers the insert range only. Default false.
   */
  insertReplace?: boolean;
}

/**
 * Facts for a query, best first: ids that start with the query first (a
 * partial id, in id order), then search hits. With no query yet, facts about
 * the sentence being written come first, then the rest in id order. The
 * list shows active facts before deprecated ones and keeps `limit`, so
 * reading ids stops once `limit` active ones are in: with a million facts,
 * "[@" must not sort them all.
 */
function candidates(index: FactIndex, query: string, limit: number, sentence: string): Fact[] {
  const q = query.trim();
  const out = new Map<string, Fact>();
  if (!q) for (const f of rankBySentence(index, sentence, limit)) out.set(f.id, f);
  if (!q || /^[a-z0-9-]+$/.test(q)) {
    let active = [...out.values()].filter((f) => f.status !== 'deprecated').length;
    if (active >= limit) return [...out.values()];
    for (const f of index.withIdPrefix(q)) {
      if (out.has(f.id)) continue;
      out.set(f.id, f);
      if (f.status !== 'deprecated' && ++active >= limit) return [...out.values()];
    }
    if (!q) return [...out.values()];
  }
  for (const hit of index.search(q, { limit })) out.set(hit.fact.id, hit.fact);
  return [...out.values()];
}

/** The detail line of an item: the value in the display script, then the first source. */
function itemDetail(fact: Fact, index: FactIndex, script: StatementScript, lang: MessageLang): string {
  const first = fact.citations[0];
  const source = first ? index.source(first.source) : undefined;
  const more = fact.citations.length > 1 ? ` +${fact.citations.length - 1}` : '';
  const where = source ? `${source.publisher}, ${source.published}${more}` : (first?.source ?? '');
  return [valueLine(fact, script, lang), where].filter(Boolean).join(' · ');
}

/**
 * Completion items for the citation being typed at `offset`, or null when
 * the cursor is not in one. Filtering happens here, on the id, the statement
 * in any script and English, entity names and aliases, and numbers, so the
 * list is always marked incomplete: the editor asks again as the writer
 * types. Each item writes the canonical `[@fact:ID]` over what the writer
 * typed of the key (IME brackets and colons included) and never over text
 * after the cursor; see {@link completionContext} for the ranges.
 */
export function completions(input: DocumentInput, offset: number, index: FactIndex, options: CompletionOptions = {}): CompletionList | null {
  const doc = toDocument(input);
  const context = completionContext(doc, offset);
  if (!context) return null;
  const limit = options.limit ?? 100;
  const script = options.displayScript ?? 'original';
  const lang = options.lang ?? 'en';
  const insert = toRange(doc, context.replaceStart, context.insertEnd);
  const replace = toRange(doc, context.replaceStart, context.replaceEnd);
  const typed = doc.text.slice(context.replaceStart, offset);
  const sentence = context.query.trim() ? '' : sentenceAround(doc.text, context.replaceStart, context.insertEnd);
  const opener = context.openerToRewrite;
  const additionalTextEdits = opener === undefined ? undefined : [{ range: toRange(doc, opener, opener + 1), newText: '[' }];

  const found = candidates(index, context.query, limit, sentence);
  // Deprecated facts stay findable, after every active one.
  const ordered = [...found.filter((f) => f.status !== 'deprecated'), ...found.filter((f) => f.status === 'deprecated')].slice(0, limit);
  const width = String(ordered.length).length;
  const items: CompletionItem[] = ordered.map((fact, rank) => {
    const newText = `${context.lead}${fact.id}${context.needsClose ? ']' : ''}`;
    const item: CompletionItem = {
      label: fact.id,
      // Beside the id, so the row reads without the details pane.
      labelDetails: { description: statementIn(fact, script, index) },
      kind: CompletionItemKind.Reference,
      detail: itemDetail(fact, index, script, lang),
      documentation: { kind: 'markdown', value: factSummary(fact, index, { displayScript: script, lang }) },
      // The editor filters what it shows by the typed text; this list is already filtered.
      filterText: typed || fact.id,
      sortText: String(rank).padStart(width, '0'),
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: options.insertReplace ? { newText, insert, replace } : { range: insert, newText },
      data: { factId: fact.id },
    };
    if (additionalTextEdits) item.additionalTextEdits = additionalTextEdits;
    if (fact.status === 'deprecated') item.tags = [CompletionItemTag.Deprecated];
    return item;
  });
  return { isIncomplete: true, items };
}
