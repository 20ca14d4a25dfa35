import type { Entity, Fact, FactIndex, Value } from '@factcite/core';
import { type MessageLang, message } from '@factcite/core/messages';
import pc from 'picocolors';
import stringWidth from 'string-width';

/**
 * Columns a text takes in a terminal: CJK, full-width forms and emoji take
 * two, combining marks and colour codes none (string-width, which follows
 * Unicode's East Asian Width and emoji data rather than a table of our own).
 */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** Pads text to a display width, so columns of mixed Chinese, ASCII and emoji line up. */
export function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Cuts text to a display width with an ellipsis, never inside a character a reader sees as one (an emoji sequence, a letter with its accent). */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const w = displayWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

/** A fact's value as a reader wants it: the source's wording plus its date. */
export function formatValue(value: Value | undefined, date: string | undefined): string {
  const parts = [value?.text, date].filter(Boolean);
  return parts.join(' · ');
}

/** The Chinese statement in the source's script, falling back to the other. */
export function chineseStatement(fact: Fact): string {
  return fact.statement['zh-Hans'] ?? fact.statement['zh-Hant'] ?? '';
}

/** A multi-line human description of one fact. */
export function describeFact(fact: Fact, index: FactIndex, lang: MessageLang = 'en'): string {
  const lines: string[] = [];
  const label = (id: Parameters<typeof message>[0]) => pc.dim(pad(message(id, {}, lang), 8));
  // Entity names are curated in each script: the writer's, or English.
  const name = (entity: Entity | undefined, id: string) => (entity ? entity.names[lang] : id);
  const status = fact.status === 'deprecated' ? pc.yellow(message('cli.get.deprecated', { successor: String(fact.supersededBy) }, lang)) : '';
  lines.push(`${pc.bold(fact.id)}${status}`);
  for (const key of ['zh-Hans', 'zh-Hant', 'en'] as const) {
    if (fact.statement[key]) lines.push(`  ${pc.dim(pad(key, 8))}${fact.statement[key]}`);
  }
  const value = formatValue(fact.value, fact.date);
  if (value)
    lines.push(
      `  ${label('cli.get.value')}${value}${fact.value?.amount !== undefined ? pc.dim(` (${fact.value.amount} ${fact.value.unit ?? ''}, ${fact.value.qualifier})`) : ''}`,
    );
  lines.push(`  ${label('cli.get.kind')}${fact.kind}${fact.topics.length ? pc.dim(`  ${message('cli.get.topics', { topics: fact.topics }, lang)}`) : ''}`);
  if (fact.entities.length) {
    const names = fact.entities.map((id) => name(index.entity(id), id));
    lines.push(`  ${label('cli.get.about')}${names.join(lang === 'en' ? ', ' : '、')}`);
  }
  if (fact.attributedTo) lines.push(`  ${label('cli.get.said-by')}${name(index.entity(fact.attributedTo), fact.attributedTo)}`);
  // A caveat is read before the quote it qualifies: every script it is written in, then the English.
  for (const note of fact.notes ?? []) {
    const texts = [note['zh-Hans'], note['zh-Hant'], note.en].filter((t): t is string => t !== undefined);
    for (const [i, text] of texts.entries()) lines.push(`  ${i === 0 ? label('cli.get.note') : pc.dim(pad('', 8))}${pc.yellow(text)}`);
  }
  for (const citation of fact.citations) {
    const source = index.source(citation.source);
    const where = source ? `${source.publisher}, ${source.published}: ${source.title}` : citation.source;
    lines.push(`  ${label('cli.get.source')}${where}`);
    lines.push(`  ${pad('', 8)}${pc.green(`“${citation.quote}”`)}`);
  }
  return lines.join('\n');
}

/** "1 error", "2 errors". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
