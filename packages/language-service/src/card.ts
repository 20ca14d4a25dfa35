import { type Fact, type FactIndex, resolveSuccessor } from '@factcite/core';
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
 * The quotes after the first, in a few words: other quotes of the first
 * source as links ("quote 2"), then each other source's publisher (linked)
 * and date with a link to its quote. The quotes themselves are one click
 * away, which keeps the card short.
 */
function corroborations(fact: Fact, index: FactIndex, links: boolean): string {
  const link = (label: string, i: number) =>
    links
      ? commandLink(label, COMMANDS.openSource, { factId: fact.id, sourceId: fact.citations[i]!.source, citation: i } satisfies OpenSourceArgs, 'Open the cleaned source at this quote')
      : label;
  const first = fact.citations[0]!.source;
  const same: string[] = [];
  const others: string[] = [];
  fact.citations.forEach((c, i) => {
    if (i === 0) return;
    if (c.source === first) {
      same.push(link(`quote ${i + 1}`, i));
      return;
    }
    const source = index.source(c.source);
    const head = source ? `${safeLink(source.publisher, source.url)} · ${source.published}` : `${codeId(c.source)} (source missing from the corpus)`;
    others.push(links ? `${head} ${link('Open at quote', i)}` : head);
  });
  return [...(same.length ? [`same source, ${same.join(', ')}`] : []), ...others].join('; ');
}

/**
 * The fact's notes (caveats), one line each: the note in the display script
 * with its English after it (the English alone in English).
 */
function noteLines(fact: Fact, script: StatementScript, index: FactIndex): string[] {
  return (fact.notes ?? []).map((note) => {
    const shown = escapeInline(noteIn(note, fact, script, index).trim());
    return script === 'en' ? `Note: ${shown}` : `Note: ${shown} *${escapeInline(note.en.trim())}*`;
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
  const [head, quote] = citationBlock(fact, 0, index, links);
  // Lines joined by hard breaks rather than paragraphs (or a block quote) and their margins: the card
  // must show its sources without scrolling in a hover a few hundred pixels tall.
  const lines = facts.length ? [facts.join(' · ')] : [];
  lines.push(...noteLines(fact, script, index));
  lines.push(`Source: ${head}`, `“${quote}”`);
  if (fact.citations.length > 1) lines.push(`Corroborated by: ${corroborations(fact, index, links)}`);
  parts.push(lines.join('\\\n'));

  const footer = [codeId(fact.id)];
  if (links) footer.push(commandLink('Copy as footnote', COMMANDS.copyFootnote, { factId: fact.id } satisfies CopyFootnoteArgs));
  if (index.version) footer.push(`corpus ${escapeInline(index.version)}`);
  parts.push(footer.join(' · '));
  return parts.join('\n\n');
}

/** A short card for completion documentation: statement, value, notes, source and quote. */
export function factSummary(fact: Fact, index: FactIndex, options: CardOptions = {}): string {
  const script = options.displayScript ?? 'original';
  const parts = [`**${escapeInline(statementIn(fact, script, index).trim())}**`];
  if (script !== 'en') parts.push(`*${escapeInline(fact.statement.en.trim())}*`);
  const value = valueLine(fact, script);
  if (value) parts.push(`Value: ${escapeInline(value)}`);
  const notes = noteLines(fact, script, index);
  if (notes.length) parts.push(notes.join('\\\n'));
  if (fact.status === 'deprecated') {
    const successor = resolveSuccessor(index, fact.id);
    parts.push(`**Deprecated**${successor ? `: cite ${codeId(successor)} instead` : ''}`);
  }
  const [head, quote] = citationBlock(fact, 0, index, false);
  parts.push(`Source: ${head}`, `> ${quote}`);
  if (fact.citations.length > 1) parts.push(`Also reported by ${fact.citations.length - 1} more source${fact.citations.length > 2 ? 's' : ''}.`);
  return parts.join('\n\n');
}
