/**
 * What counts as a right answer. Every engine is given the same text for
 * each fact and is judged by the same rule, written here apart from
 * factcite's own code so that a bug there cannot hide in the ground truth.
 *
 * A fact is relevant to a query when its searchable text, folded, holds
 * every term of the folded query where a word may start: anywhere for a
 * term that starts with a Chinese character or a sign (`数码`, `數碼港`,
 * `%`), at the start of a word for one that starts with a letter or digit
 * (`cyber` is in "Cyberport", `ai` is not in "said"). That is the rule of
 * as-you-type search: every term is a prefix of something in the fact.
 */
import { type Entity, type Fact, foldText } from '@factcite/core';

/** The text a fact is searched in, folded: id, statements, entity names and aliases, value, topics, quotes, one per line. */
export function searchableText(fact: Fact, entities: ReadonlyMap<string, Entity>): string {
  const parts = [fact.id, fact.id.replace(/-/g, ' '), ...Object.values(fact.statement)];
  for (const id of fact.attributedTo ? [...fact.entities, fact.attributedTo] : fact.entities) {
    const e = entities.get(id);
    parts.push(...(e ? [e.names['zh-Hans'], e.names['zh-Hant'], e.names.en, ...e.aliases] : [id]));
  }
  parts.push(fact.value?.text ?? '', fact.topics.join(' '));
  for (const c of fact.citations) parts.push(c.quote);
  return foldText(parts.join('\n'));
}

/** The folded terms of a query. */
export function queryTerms(query: string): string[] {
  return foldText(query)
    .split(/[\s,，;；、?？!！。]+/)
    .filter(Boolean);
}

const isWordChar = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);

/** Whether a folded text holds a term where a word may start. */
function holds(text: string, term: string): boolean {
  if (!isWordChar(term.charCodeAt(0))) return text.includes(term);
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    if (at === 0 || !isWordChar(text.charCodeAt(at - 1))) return true;
  }
  return false;
}

/** Whether a fact's folded text answers every term. */
export function isRelevant(text: string, terms: readonly string[]): boolean {
  return terms.length > 0 && terms.every((t) => holds(text, t));
}

/** recall@k: the share of the top k that are relevant, out of as many as could be (min(k, relevant)). */
export function recallAt(k: number, found: readonly boolean[], relevant: number): number {
  if (relevant === 0) return 1;
  const hits = found.slice(0, k).filter(Boolean).length;
  return hits / Math.min(k, relevant);
}
