import { type Fact, type FactIndex, resolveSuccessor } from '@factcite/core';
import { codeId, commandLink, escapeInline, escapeWithEmphasis, safeLink } from './markdown.js';
import { entityName, resolveScript, type StatementScript, statementIn, valueLine } from './present.js';

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
}

function citationBlock(fact: Fact, i: number, index: FactIndex, links: boolean): string[] {
  const citation = fact.citations[i]!;
  const source = index.source(citation.source);
  const quote = escapeWithEmphasis(citation.quote, fact.value?.text);
  const open = links
    ? ` ${commandLink('Open at quote', COMMANDS.openSource, { factId: fact.id, sourceId: citation.source, citation: i } satisfies OpenSourceArgs, 'Open the cleaned source at this quote')}`
    : '';
  const head = source
    ? `${escapeInline(source.publisher)} · ${safeLink(source.title, source.url)} · ${source.published}${source.page ? ` · ${escapeInline(source.page)}` : ''}`
    : `${codeId(citation.source)} (source missing from the corpus)`;
  return [head + open, quote];
}

/**
 * A corroborating quote in a few words: its source's publisher (linked) and
 * date with the link to open it, or for another quote of the first source
 * just that link ("quote 2"). The quote itself is one click away, which
 * keeps the card short.
 */
function corroboration(fact: Fact, i: number, index: FactIndex, links: boolean): string {
  const sourceId = fact.citations[i]!.source;
  const link = (label: string) =>
    links ? commandLink(label, COMMANDS.openSource, { factId: fact.id, sourceId, citation: i } satisfies OpenSourceArgs, 'Open the cleaned source at this quote') : label;
  if (sourceId === fact.citations[0]!.source) return `same source, ${link(`quote ${i + 1}`)}`;
  const source = index.source(sourceId);
  const head = source ? `${safeLink(source.publisher, source.url)} · ${source.published}` : `${codeId(sourceId)} (source missing from the corpus)`;
  return links ? `${head} ${link('Open at quote')}` : head;
}

/**
 * The Markdown card for a fact: statement in the chosen script (with the
 * English below it), value and date, status and successor, the source with
 * its verbatim quote (the cited value in bold), the sources that corroborate
 * it (publisher and date each, in one paragraph), and links to open the source and copy a footnote. Every piece of corpus
 * text is escaped, so the card renders it inert.
 */
export function factCard(fact: Fact, index: FactIndex, options: CardOptions = {}): string {
  const script = options.displayScript ?? 'original';
  const links = options.commandLinks ?? true;
  const parts: string[] = [];

  parts.push(`**${escapeInline(statementIn(fact, script, index).trim())}**`);
  if (script !== 'en') parts.push(`*${escapeInline(fact.statement.en.trim())}*`);

  const facts: string[] = [];
  const value = valueLine(fact, script);
  if (value) facts.push(`Value: ${escapeInline(value)}`);
  if (fact.status === 'deprecated') {
    const successorId = resolveSuccessor(index, fact.id);
    const successor = successorId ? index.get(successorId) : undefined;
    facts.push(
      successorId
        ? `Status: **deprecated**; cite ${codeId(successorId)} instead${successor ? `: ${escapeInline(statementIn(successor, script, index))}` : ''}`
        : 'Status: **deprecated**',
    );
  }
  const names = [...fact.entities, ...(fact.attributedTo ? [fact.attributedTo] : [])]
    .map((id) => index.entity(id))
    .filter((e) => e !== undefined)
    .map((e) => escapeInline(entityName(e, resolveScript(fact, script, index))));
  if (names.length) facts.push(`Entities: ${[...new Set(names)].join(', ')}`);
  // One paragraph: the card must show its sources without scrolling in a hover a few hundred pixels tall.
  parts.push(facts.join(' · '));

  const [head, quote] = citationBlock(fact, 0, index, links);
  // The quote under its source in one paragraph (a hard break, not a block quote and its margins).
  parts.push(`Source: ${head}\\\n“${quote}”`);

  const footer = [codeId(fact.id)];
  if (links) footer.push(commandLink('Copy as footnote', COMMANDS.copyFootnote, { factId: fact.id } satisfies CopyFootnoteArgs));
  if (index.version) footer.push(`corpus ${escapeInline(index.version)}`);
  if (fact.citations.length > 1) {
    const others = fact.citations.slice(1).map((_, j) => corroboration(fact, j + 1, index, links));
    // With the footer under it in one paragraph: every line saved keeps the card from scrolling.
    parts.push(`Corroborated by: ${others.join('; ')}\\\n${footer.join(' · ')}`);
  } else parts.push(footer.join(' · '));
  return parts.join('\n\n');
}

/** A short card for completion documentation: statement, value, source and quote. */
export function factSummary(fact: Fact, index: FactIndex, options: CardOptions = {}): string {
  const script = options.displayScript ?? 'original';
  const parts = [`**${escapeInline(statementIn(fact, script, index).trim())}**`];
  if (script !== 'en') parts.push(`*${escapeInline(fact.statement.en.trim())}*`);
  const value = valueLine(fact, script);
  if (value) parts.push(`Value: ${escapeInline(value)}`);
  if (fact.status === 'deprecated') {
    const successor = resolveSuccessor(index, fact.id);
    parts.push(`**Deprecated**${successor ? `: cite ${codeId(successor)} instead` : ''}`);
  }
  const [head, quote] = citationBlock(fact, 0, index, false);
  parts.push(`Source: ${head}`, `> ${quote}`);
  if (fact.citations.length > 1) parts.push(`Also reported by ${fact.citations.length - 1} more source${fact.citations.length > 2 ? 's' : ''}.`);
  return parts.join('\n\n');
}
