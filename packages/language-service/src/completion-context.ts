import { FACT_KEY_PREFIX } from '@factcite/core';
import { type DocumentInput, toDocument } from './document.js';

/**
 * Characters after which an editor should ask for completion: `@` opens
 * `[@`, `; @` and `[-@`; `:` completes `@fact:`. A Chinese input method types
 * the full-width `＠` and `：` for them.
 */
export const COMPLETION_TRIGGER_CHARACTERS = ['@', ':', '＠', '：'] as const;

/** Where a citation is being typed, as {@link completionContext} reads it. */
export interface CitationCompletionContext {
  /** What the writer typed so far after `@` or `@fact:`: an id, words, a number. Empty right after `[@`. */
  query: string;
  /** Offset where an accepted item's edit starts. */
  replaceStart: number;
  /**
   * Where the edit ends when the editor inserts (VS Code's default): the
   * cursor, or just after a `]` that stands right at the cursor (an editor's
   * auto-closed bracket), which the edit writes again so the cursor lands after it.
   * Text after the cursor is never replaced otherwise.
   */
  insertEnd: number;
  /**
   * Where the edit ends when the editor replaces (VS Code's other insert
   * mode): also over the rest of an id the cursor stands in (`hkgai-v1-rel|eased`),
   * never over words.
   */
  replaceEnd: number;
  /**
   * Canonical text an accepted item writes before the id: `fact:` after a
   * bare `[@`, `[@fact:` in place of an IME `【@`, `@fact:` in place of `＠`,
   * nothing after a canonical `@fact:`.
   */
  lead: string;
  /** Whether the citation sits in a bracket group (`[@…]`) rather than in running text. */
  inGroup: boolean;
  /** Whether an accepted item ends with the `]` that closes the group. */
  needsClose: boolean;
  /** Offset of a full-width `【` or `［` that opens the group away from the edit; an accepted item rewrites it as `[`. */
  openerToRewrite?: number;
}

const OPENERS = '[【［';
const CLOSERS = ']】］';
// What can be typed as a query: anything up to whitespace or citation punctuation, in either width.
const QUERY_TAIL = /[^\s[\]【】［］;；@＠,，]*$/u;
// The rest of an id after the cursor, when nothing but a key's end follows it.
const ID_REST = /^[a-z0-9-]+(?![\p{L}\p{N}_])/u;
const SEMICOLONS = ';；';

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

/** Whether the text from `from` on is a blank line (only spaces before the next newline or the end). */
function blankLineAt(text: string, from: number): boolean {
  return /^[ \t\r]*(\n|$)/.test(text.slice(from, from + 64));
}

/** The offset of the bracket (either width) of the group open at `at` in its paragraph, or -1. */
function openGroupBefore(text: string, at: number): number {
  let depth = 0;
  const floor = Math.max(0, at - 4000);
  for (let i = at - 1; i >= floor; i--) {
    const ch = text[i]!;
    if (ch === '\n' && /\n[ \t\r]*$/.test(text.slice(Math.max(floor, i - 64), i))) return -1;
    if (CLOSERS.includes(ch)) depth++;
    else if (OPENERS.includes(ch)) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** Whether the group continuing at `from` is already closed (either width) before its paragraph ends. */
function groupClosedAfter(text: string, from: number): boolean {
  const end = Math.min(text.length, from + 4000);
  for (let i = from; i < end; i++) {
    const ch = text[i]!;
    if (CLOSERS.includes(ch)) return true;
    if (OPENERS.includes(ch)) return false;
    if (ch === '\n' && blankLineAt(text, i + 1)) return false;
  }
  return false;
}

/** The typed text read as a key: whether it starts with `fact:` (or the IME's `fact：`), and the query after it. */
function readTyped(typed: string, inGroup: boolean): { query: string; hasPrefix: boolean; wideColon: boolean } | undefined {
  const head = typed.slice(0, FACT_KEY_PREFIX.length);
  if (head === FACT_KEY_PREFIX || head === 'fact：') {
    return { query: typed.slice(FACT_KEY_PREFIX.length), hasPrefix: true, wideColon: head !== FACT_KEY_PREFIX };
  }
  if (!inGroup) return undefined;
  // `[@fa` is `fact:` half typed, not a search for "fa".
  return { query: FACT_KEY_PREFIX.startsWith(typed) ? '' : typed, hasPrefix: false, wideColon: false };
}

/**
 * Reads the citation being typed at `offset`: after `[@`, `; @`, `[-@`,
 * `[see @` (inside a bracket group) or after `@fact:` anywhere, also as a
 * Chinese input method types them (`【@`, `［@`, `＠`, `@fact：`). Undefined
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
  if (at < lineStart || (text[at] !== '@' && text[at] !== '＠')) return undefined;
  if (opensCodeSpan(text.slice(Math.max(lineStart, at - 2000), at))) return undefined;
  // Like core's parser: `@` inside a word or an e-mail address starts nothing.
  const keyStart = text[at - 1] === '-' ? at - 1 : at;
  const before = keyStart > 0 ? text[keyStart - 1]! : '';
  if (/[\p{L}\p{N}_.+@＠\\]/u.test(before)) return undefined;

  const open = openGroupBefore(text, at);
  const inGroup = open >= 0;
  const key = readTyped(typed, inGroup);
  if (!key) return undefined;

  // Start the edit as late as the text allows, but early enough to rewrite what an IME typed.
  let replaceStart: number;
  let lead: string;
  if (inGroup && open === keyStart - 1 && text[open] !== '[') {
    replaceStart = open;
    lead = `[${text.slice(keyStart, at)}@${FACT_KEY_PREFIX}`;
  } else if (text[at] === '＠') {
    replaceStart = at;
    lead = `@${FACT_KEY_PREFIX}`;
  } else if (key.wideColon || !key.hasPrefix) {
    replaceStart = at + 1;
    lead = FACT_KEY_PREFIX;
  } else {
    replaceStart = at + 1 + FACT_KEY_PREFIX.length;
    lead = '';
  }

  const closerHere = inGroup && CLOSERS.includes(text[offset] ?? '');
  const insertEnd = closerHere ? offset + 1 : offset;
  const rest = closerHere ? undefined : ID_REST.exec(text.slice(offset, offset + 200))?.[0];
  const replaceEnd = rest && /[a-z0-9-]$/.test(typed) ? offset + rest.length : insertEnd;
  const needsClose = inGroup && (closerHere || (!SEMICOLONS.includes(text[offset] ?? '') && !groupClosedAfter(text, offset)));
  const context: CitationCompletionContext = { query: key.query, replaceStart, insertEnd, replaceEnd, lead, inGroup, needsClose };
  if (inGroup && text[open] !== '[' && open < replaceStart) context.openerToRewrite = open;
  return context;
}
