/** How facts read in the extension's own views (tree, quick pick): the service's wording, shortened. */
import type { Fact, FactIndex } from '@factcite/core';
import { type StatementScript, statementIn } from '@factcite/language-service';

/** Values of the factcite.displayScript setting. */
export type DisplaySetting = StatementScript;

const SETTINGS: readonly DisplaySetting[] = ['original', 'zh-Hans', 'zh-Hant-HK', 'zh-Hant-TW', 'en'];

/** Reads a setting value, falling back to `original` for anything unknown. */
export function toDisplaySetting(value: unknown): DisplaySetting {
  return SETTINGS.includes(value as DisplaySetting) ? (value as DisplaySetting) : 'original';
}

/** A fact's statement in the chosen script. */
export function statement(fact: Fact, setting: DisplaySetting, index: FactIndex): string {
  return statementIn(fact, setting, index);
}

/** The first source of a fact as "publisher, date", with the count of corroborating sources. */
export function sourceLine(fact: Fact, index: FactIndex): string {
  const first = fact.citations[0];
  const source = first ? index.source(first.source) : undefined;
  if (!source) return first?.source ?? '';
  const more = fact.citations.length > 1 ? ` +${fact.citations.length - 1}` : '';
  return `${source.publisher}, ${source.published}${more}`;
}

/** Shortens text to `max` characters (counting code points), with an ellipsis. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
