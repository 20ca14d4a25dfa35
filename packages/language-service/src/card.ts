import { type Fact, type FactIndex, type MessageLang, message, resolveSuccessor } from '@factcite/core';
import { codeId, commandLink, escapeInline, escapeWithEmphasis, safeLink } from './markdown.js';
import { entityName, noteIn, resolveScript, type StatementScript, statementIn, valueLine } from './present.js';

/** Command ids the hover card links to; the editor integration implements them. */
export const COMMANDS = {
  /** Opens a fact's source at its quote. Argument: {@link OpenSourceArgs}. */
  openSource: 'factcite.openSource',
  /** Copies a Markdown footnote for a fact. Argument: {@link CopyFootnoteArgs}. */
  copyFootnote: 'factcite.copyFootnote',
} as const;

/** The single argument of the `factcite.openSource` command link. */
export interface OpenSourceArgs {
  factId: string;
  sourceId: string;
  /** Index into the fact's citations of the quote to reveal. */
  citation: number;
}

/** The single argument of the `factcite.copyFootnote` command link. */
export interface CopyFootnoteArgs {
  factId: string;
}

/** How a fact card is written. */
export interface CardOptions {
  /** Script of the statement; quotes stay verbatim. Default `original`. */
  displayScript?: StatementScript;
  /**
   * Whether to add `command:` links (open source, copy footnote). Only VS Code
   * style clients run them; leave off for other editors. Default true.
   */
  commandLinks?: boolean;
  /**
   * The language of the card's own words (labels, links, status): en (the
   * default), zh-Hans or zh-Hant. Statements and quotes are corpus text and
   * follow `displayScript` instead.
   */
  lang?: MessageLang;
}

/** The link that opens a fact's `i`th quote in its cleaned source. */
function openLink(fact: Fact, i: number, label: string, lang: MessageLang): string {
  const args = { factId: fact.id, sourceId: fact.citations[i]!.source, citation: i } satisfies OpenSourceArgs;
  return commandLink(label, COMMANDS.openSource, args, message('card.open-at-quote.tooltip', {}, lang));
}

function citationBlock(fact: Fact, i: number, index: FactIndex, links: boolean, lang: MessageLang): string[] {
  const citation = fact.citations[i]!;
  const source = index.source(citation.source);
  const quote = escapeWithEmphasis(citation.quote, fact.value?.text);
  const open = links ? ` ${openLink(fact, i, message('card.open-at-quote', {}, lang), lang)}` : '';
  const head = source
    ? `${escapeInline(source.publisher)} · ${safeLink(source.title, source.url)} · ${source.published}${source.page ? ` · ${escapeInline(source.page)}` : ''}`
    : message('card.source-missing', { id: codeId(citation.source) }, lang);
  return [head + open, quote];
}

/**
 * The quotes after the first, in a few words: other quotes of the first
 * source as links ("quote 2"), then each other source's publisher (linked)
 * and date with a link to its quote. The quotes themselves are one click
 * away, which keeps the card short.
 */
function corroborations(fact: Fact, index: FactIndex, links: boolean, lang: MessageLang): string {
  const link = (label: string, i: number) => (links ? openLink(fact, i, label, lang) : label);
  const first = fact.citations[0]!.source;
  const same: string[] = [];
  const others: string[] = [];
  fact.citations.forEach((c, i) => {
    if (i === 0) return;
    if (c.source === first) {
      same.push(link(message('card.quote-number', { number: i + 1 }, lang), i));
      return;
    }
    const source = index.source(c.source);
    const head = source ? `${safeLink(source.publisher, source.url)} · ${source.published}` : message('card.source-missing', { id: codeId(c.source) }, lang);
    others.push(links ? `${head} ${link(message('card.open-at-quote', {}, lang), i)}` : head);
  });
  return [...(same.length ? [message('card.same-source', { quotes: same }, lang)] : []), ...others].join(lang === 'en' ? '; ' : '；');
}

/**
 * The fact's notes (caveats), one line each: the note in the display script
 * with its English after it (the English alone in English).
 */
function noteLines(fact: Fact, script: StatementScript, index: FactIndex, lang: MessageLang): string[] {
  return (fact.notes ?? []).map((note) => {
    const shown = escapeInline(noteIn(note, fact, script, index).trim());
    return message('card.note', { note: script === 'en' ? shown : `${shown} *${escapeInline(note.en.trim())}*` }, lang);
  });
}

/**
 * The Markdown card for a fact: statement in the chosen script (with the
 * English below it), value and date, status and successor, the source with
 * its verbatim quote (the cited value in bold), the sources that corroborate
 * it (publisher and date each, in one paragraph), its notes (caveats), and links to open the source and copy a footnote. Every piece of corpus
 * text is escaped, so the card renders it inert.
 */
export function factCard(fact: Fact, index: FactIndex, options: CardOptions = {}): string {
  const script = options.displayScript ?? 'original';
  const links = options.commandLinks ?? true;
  const lang = options.lang ?? 'en';
  const parts: string[] = [];

  parts.push(`**${escapeInline(statementIn(fact, script, index).trim())}**`);
  if (script !== 'en') parts.push(`*${escapeInline(fact.statement.en.trim())}*`);

  const facts: string[] = [];
  const value = valueLine(fact, script, lang);
  if (value) facts.push(message('card.value', { value: escapeInline(value) }, lang));
  if (fact.status === 'deprecated') {
    const successorId = resolveSuccessor(index, fact.id);
    const successor = successorId ? index.get(successorId) : undefined;
    if (!successorId) facts.push(message('card.status-deprecated', {}, lang));
    else if (!successor) facts.push(message('card.status-successor', { id: codeId(successorId) }, lang));
    else
      facts.push(message('card.status-successor-statement', { id: codeId(successorId), statement: escapeInline(statementIn(successor, script, index)) }, lang));
  }
  const names = [...fact.entities, ...(fact.attributedTo ? [fact.attributedTo] : [])]
    .map((id) => index.entity(id))
    .filter((e) => e !== undefined)
    .map((e) => escapeInline(entityName(e, resolveScript(fact, script, index))));
  if (names.length) facts.push(message('card.entities', { names: [...new Set(names)] }, lang));
  const [head, quote] = citationBlock(fact, 0, index, links, lang);
  // Lines joined by hard breaks rather than paragraphs (or a block quote) and their margins: the card
  // must show its sources without scrolling in a hover a few hundred pixels tall.
  const lines = facts.length ? [facts.join(' · ')] : [];
  lines.push(...noteLines(fact, script, index, lang));
  const [open, close] = lang === 'zh-Hant' ? ['「', '」'] : ['“', '”'];
  lines.push(message('card.source', { source: head! }, lang), `${open}${quote}${close}`);
  if (fact.citations.length > 1) lines.push(message('card.corroborated', { sources: corroborations(fact, index, links, lang) }, lang));
  parts.push(lines.join('\\\n'));

  const footer = [codeId(fact.id)];
  if (links) footer.push(commandLink(message('card.copy-footnote', {}, lang), COMMANDS.copyFootnote, { factId: fact.id } satisfies CopyFootnoteArgs));
  if (index.version) footer.push(message('card.corpus-version', { version: escapeInline(index.version) }, lang));
  parts.push(footer.join(' · '));
  return parts.join('\n\n');
}

/** A short card for completion documentation: statement, value, notes, source and quote. */
export function factSummary(fact: Fact, index: FactIndex, options: CardOptions = {}): string {
  const script = options.displayScript ?? 'original';
  const lang = options.lang ?? 'en';
  const parts = [`**${escapeInline(statementIn(fact, script, index).trim())}**`];
  if (script !== 'en') parts.push(`*${escapeInline(fact.statement.en.trim())}*`);
  const value = valueLine(fact, script, lang);
  if (value) parts.push(message('card.value', { value: escapeInline(value) }, lang));
  const notes = noteLines(fact, script, index, lang);
  if (notes.length) parts.push(notes.join('\\\n'));
  if (fact.status === 'deprecated') {
    const successor = resolveSuccessor(index, fact.id);
    parts.push(successor ? message('card.deprecated-successor', { id: codeId(successor) }, lang) : message('card.deprecated', {}, lang));
  }
  const [head, quote] = citationBlock(fact, 0, index, false, lang);
  parts.push(message('card.source', { source: head! }, lang), `> ${quote}`);
  if (fact.citations.length > 1) parts.push(message('card.more-sources', { count: fact.citations.length - 1 }, lang));
  return parts.join('\n\n');
}
