import type { Fact, FactIndex, Value } from '@factcite/core';
import pc from 'picocolors';

/** Display width in a terminal: CJK and other wide characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    width += /[\p{Script=Han}\u3000-\u303f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) || (cp >= 0x1f300 && cp <= 0x1faff) ? 2 : 1;
  }
  return width;
}

/** Pads text to a display width, so columns of mixed Chinese and ASCII line up. */
export function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Cuts text to a display width with an ellipsis. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
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
export function describeFact(fact: Fact, index: FactIndex): string {
  const lines: string[] = [];
  const status = fact.status === 'deprecated' ? pc.yellow(` (deprecated → ${fact.supersededBy})`) : '';
  lines.push(`${pc.bold(fact.id)}${status}`);
  for (const key of ['zh-Hans', 'zh-Hant', 'en'] as const) {
    if (fact.statement[key]) lines.push(`  ${pc.dim(pad(key, 8))}${fact.statement[key]}`);
  }
  const value = formatValue(fact.value, fact.date);
  if (value) lines.push(`  ${pc.dim(pad('value', 8))}${value}${fact.value?.amount !== undefined ? pc.dim(` (${fact.value.amount} ${fact.value.unit ?? ''}, ${fact.value.qualifier})`) : ''}`);
  lines.push(`  ${pc.dim(pad('kind', 8))}${fact.kind}${fact.topics.length ? pc.dim(`  topics: ${fact.topics.join(', ')}`) : ''}`);
  if (fact.entities.length) {
    const names = fact.entities.map((id) => index.entity(id)?.names.en ?? id);
    lines.push(`  ${pc.dim(pad('about', 8))}${names.join(', ')}`);
  }
  if (fact.attributedTo) lines.push(`  ${pc.dim(pad('said by', 8))}${index.entity(fact.attributedTo)?.names.en ?? fact.attributedTo}`);
  // A caveat is read before the quote it qualifies: every script it is written in, then the English.
  for (const note of fact.notes ?? []) {
    const texts = [note['zh-Hans'], note['zh-Hant'], note.en].filter((t): t is string => t !== undefined);
    for (const [i, text] of texts.entries()) lines.push(`  ${pc.dim(pad(i === 0 ? 'note' : '', 8))}${pc.yellow(text)}`);
  }
  for (const citation of fact.citations) {
    const source = index.source(citation.source);
    const label = source ? `${source.publisher}, ${source.published}: ${source.title}` : citation.source;
    lines.push(`  ${pc.dim(pad('source', 8))}${label}`);
    lines.push(`  ${pad('', 8)}${pc.green(`“${citation.quote}”`)}`);
  }
  return lines.join('\n');
}

/** "1 error", "2 errors". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
