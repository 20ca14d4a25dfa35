import { type Fact, type FactIndex, FACT_KEY_PREFIX } from '@factcite/core';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { factSummary } from './card.js';
import { type DocumentInput, toDocument } from './document.js';
import { CompletionItemKind, CompletionItemTag, InsertTextFormat, toRange } from './lsp.js';
import { type StatementScript, statementIn } from './present.js';

/** Options of {@link completions}. */
export interface CompletionOptions {
  /** Script of the statements in details and documentation. Default `original`. */
  displayScript?: StatementScript;
  /** Most items to return. Default 100. */
  limit?: number;
}

/** Where a citation is being typed, as {@link completionContext} reads it. */
export interface CitationCompletionContext {
  /** What the writer typed so far after `@` or `@fact:`: an id, words, a number. */
  query: string;
  /** Offsets of the text an accepted item replaces (the query and the rest of a key after the cursor). */
  replaceStart: number;
  replaceEnd: number;
  /** Whether the item must bring its own `fact:` (the writer typed `[@` but not yet `fact:`). */
  needsPrefix: boolean;
  /** Whether the citation sits in a bracket group (`[@…]`) rather than in running text. */
  inGroup: boolean;
  /** Whether accepting must add the `]` that closes the group. */
  needsClose: boolean;
}

// What can be typed as a query: anything up to whitespace or citation punctuation.
const QUERY_CHAR = /[^\s[\];@,，；]/u;
const QUERY_TAIL = /[^\s[\];@,，；]*$/u;

/**
 * Whether a line so far leaves a code span open: a backtick run with no run
 * of the same length after it. Typing `` `[@ `` is writing code about
 * citations, though the span only closes once the writer types its end.
 */
function opensCodeSpan(line: string): boolean {
  const runs = [...line.matchAll(/`+/g)].map((m) => m[0].length);
  for (let i = 0; i < runs.length; i++) {
    const close = runs.indexOf(runs[i]!, i + 1);
    if (close < 0) return true;
    i = close;
  }
  return false;
}

/** The offset of the `[` of the group open at `at` in its paragraph, or -1. */
function openGroupBefore(text: string, at: number): number {
  let depth = 0;
  const floor = Math.max(0, at - 4000);
  for (let i = at - 1; i >= floor; i--) {
    const ch = text[i];
    if (ch === '\n' && /\n[ \t\r]*$/.test(text.slice(Math.max(floor, i - 64), i))) return -1;
    if (ch === ']') depth++;
    else if (ch === '[') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** Whether the group continuing at `from` is already closed with `]` before its paragraph ends. */
function groupClosedAfter(text: string, from: number): boolean {
  const end = Math.min(text.length, from + 4000);
  for (let i = from; i < end; i++) {
    const ch = text[i];
    if (ch === ']') return true;
    if (ch === '[') return false;
    if (ch === '\n' && /^[ \t\r]*(\n|$)/.test(text.slice(i + 1, i + 64))) return false;
  }
  return false;
}

/**
 * Reads the citation being typed at `offset`: after `[@`, `; @`, `[-@`,
 * `[see @` (inside a bracket group) or after `@fact:` anywhere. Undefined
 * elsewhere, and inside code and comments.
 */
export function completionContext(input: DocumentInput, offset: number): CitationCompletionContext | undefined {
  const doc = toDocument(input);
  const text = doc.text;
  if (offset < 1 || offset > text.length || doc.isIgnored(offset - 1)) return undefined;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  // A query is a word or two; looking further back would only cost time on long lines.
  const typed = QUERY_TAIL.exec(text.slice(Math.max(lineStart, offset - 200), offset))![0];
  const at = offset - typed.length - 1;
  if (at < lineStart || text[at] !== '@' || opensCodeSpan(text.slice(Math.max(lineStart, at - 2000), at))) return undefined;
  // Like core's parser: `@` inside a word or an e-mail address starts nothing.
  let keyStart = at;
  if (text[at - 1] === '-') keyStart = at - 1;
  const before = keyStart > 0 ? text[keyStart - 1]! : '';
  if (/[\p{L}\p{N}_.+@\\]/u.test(before)) return undefined;

  const open = openGroupBefore(text, at);
  const inGroup = open >= 0;
  let query: string;
  let replaceStart: number;
  let needsPrefix: boolean;
  if (typed.startsWith(FACT_KEY_PREFIX)) {
    query = typed.slice(FACT_KEY_PREFIX.length);
    replaceStart = at + 1 + FACT_KEY_PREFIX.length;
    needsPrefix = false;
  } else if (inGroup) {
    // `[@fa` is `fact:` half typed, not a search for "fa".
    query = FACT_KEY_PREFIX.startsWith(typed) ? '' : typed;
    replaceStart = at + 1;
    needsPrefix = true;
  } else return undefined;

  let replaceEnd = offset;
  while (replaceEnd < text.length && QUERY_CHAR.test(text[replaceEnd]!)) replaceEnd++;
  // As in Pandoc keys, trailing punctuation belongs to the sentence.
  while (replaceEnd > offset && /[.:?#$%&\-+<>~/]/.test(text[replaceEnd - 1]!)) replaceEnd--;
  return { query, replaceStart, replaceEnd, needsPrefix, inGroup, needsClose: inGroup && !groupClosedAfter(text, replaceEnd) };
}

/**
 * Facts for a query, best first: ids that start with the query first (a
 * partial id, in id order), then search hits. The list shows active facts
 * before deprecated ones and keeps `limit`, so reading ids stops once
 * `limit` active ones are in: with a million facts, "[@" must not sort them all.
 */
function candidates(index: FactIndex, query: string, limit: number): Fact[] {
  const q = query.trim();
  const out = new Map<string, Fact>();
  if (!q || /^[a-z0-9-]+$/.test(q)) {
    let active = 0;
    for (const f of index.withIdPrefix(q)) {
      out.set(f.id, f);
      if (f.status !== 'deprecated' && ++active >= limit) return [...out.values()];
    }
    if (!q) return [...out.values()];
  }
  for (const hit of index.search(q, { limit })) out.set(hit.fact.id, hit.fact);
  return [...out.values()];
}

/**
 * Completion items for the citation being typed at `offset`, or null when
 * the cursor is not in one. Filtering happens here, on the id, the statement
 * in any script and English, entity names and aliases, and numbers, so the
 * list is always marked incomplete: the editor asks again as the writer
 * types. Each item replaces the typed text with `fact:ID` (or the id after
 * `@fact:`) and closes the group with `]` when it is open.
 */
export function completions(input: DocumentInput, offset: number, index: FactIndex, options: CompletionOptions = {}): CompletionList | null {
  const doc = toDocument(input);
  const context = completionContext(doc, offset);
  if (!context) return null;
  const limit = options.limit ?? 100;
  const script = options.displayScript ?? 'original';
  const range = toRange(doc, context.replaceStart, context.replaceEnd);
  const typed = doc.text.slice(context.replaceStart, offset);

  const found = candidates(index, context.query, limit);
  // Deprecated facts stay findable, after every active one.
  const ordered = [...found.filter((f) => f.status !== 'deprecated'), ...found.filter((f) => f.status === 'deprecated')].slice(0, limit);
  const width = String(ordered.length).length;
  const items: CompletionItem[] = ordered.map((fact, rank) => {
    const statement = statementIn(fact, script, index);
    const deprecated = fact.status === 'deprecated';
    const item: CompletionItem = {
      label: fact.id,
      kind: CompletionItemKind.Reference,
      detail: fact.value ? `${statement} · ${fact.value.text}` : statement,
      documentation: { kind: 'markdown', value: factSummary(fact, index, { displayScript: script }) },
      // The editor filters what it shows by the typed text; this list is already filtered.
      filterText: typed || fact.id,
      sortText: String(rank).padStart(width, '0'),
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range, newText: `${context.needsPrefix ? FACT_KEY_PREFIX : ''}${fact.id}${context.needsClose ? ']' : ''}` },
      data: { factId: fact.id },
    };
    if (fact.value) item.labelDetails = { description: fact.value.text };
    if (deprecated) item.tags = [CompletionItemTag.Deprecated];
    return item;
  });
  return { isIncomplete: true, items };
}
