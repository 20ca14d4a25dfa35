import type { Entity, Fact, FactIndex } from '@factcite/core';
import { entityName, resolveScript, type StatementScript, statementIn } from '@factcite/language-service';
import { type Html, html, join } from './html.js';

/** The display scripts a reader can switch between, in the switch's order, with their labels. */
export const DISPLAY_SCRIPTS = [
  { key: 'o', script: 'original', label: 'Original', lang: 'en' },
  { key: 'hans', script: 'zh-Hans', label: '简体', lang: 'zh-Hans' },
  { key: 'hk', script: 'zh-Hant-HK', label: '繁體（香港）', lang: 'zh-Hant-HK' },
  { key: 'tw', script: 'zh-Hant-TW', label: '繁體（台灣）', lang: 'zh-Hant-TW' },
  { key: 'en', script: 'en', label: 'English', lang: 'en' },
] as const satisfies readonly { key: string; script: StatementScript; label: string; lang: string }[];

export type ScriptKey = (typeof DISPLAY_SCRIPTS)[number]['key'];

/** One text in every display script, with the language each is in. */
export interface Variants {
  texts: Record<ScriptKey, string>;
  /** The language of `o` (the original): that of the fact's first source. */
  originalLang: string;
}

/** The BCP 47 tag of a resolved script. */
function langOf(script: Exclude<StatementScript, 'original'>): string {
  return script;
}

/** A fact's statement in every display script (curated text first, converted text filling gaps). */
export function statementVariants(fact: Fact, index: FactIndex): Variants {
  const texts = {} as Record<ScriptKey, string>;
  for (const { key, script } of DISPLAY_SCRIPTS) texts[key] = statementIn(fact, script, index);
  return { texts, originalLang: langOf(resolveScript(fact, 'original', index)) };
}

/** An entity's name in every display script; its original is the Simplified name unless a fact says otherwise. */
export function entityVariants(entity: Entity, original: Exclude<StatementScript, 'original'> = 'zh-Hans'): Variants {
  const texts = {} as Record<ScriptKey, string>;
  for (const { key, script } of DISPLAY_SCRIPTS) texts[key] = entityName(entity, script === 'original' ? original : script);
  return { texts, originalLang: langOf(original) };
}

function langFor(key: ScriptKey, variants: Variants, sharedWith: ScriptKey[]): string {
  if (key === 'o') return variants.originalLang;
  // The same text serves Hong Kong and Taiwan readers: plain Traditional.
  if (sharedWith.includes('hk') && sharedWith.includes('tw') && !sharedWith.includes('hans')) return 'zh-Hant';
  return DISPLAY_SCRIPTS.find((d) => d.key === key)!.lang;
}

/**
 * Text that follows the display-script switch: one span per distinct text,
 * classed with every script it serves, so the stylesheet shows exactly one
 * (the original until a reader chooses; without JavaScript, the original).
 */
export function switchable(variants: Variants): Html {
  const groups = new Map<string, ScriptKey[]>();
  for (const { key } of DISPLAY_SCRIPTS) {
    const text = variants.texts[key];
    const keys = groups.get(text);
    if (keys) keys.push(key);
    else groups.set(text, [key]);
  }
  return join(
    [...groups].map(
      ([text, keys]) => html`<span class="alt ${keys.map((k) => `s-${k}`).join(' ')}" lang="${langFor(keys[0]!, variants, keys)}">${text}</span>`,
    ),
  );
}
