import type { Fact, FactIndex } from '@factcite/core';
import { noteIn, resolveScript } from '@factcite/language-service';
import { DISPLAY_SCRIPTS, type ScriptKey, type Variants } from '../scripts.js';

/**
 * A fact's notes (caveats a writer must see before citing it), each in every
 * display script as its statement is. The deprecated free-text `note` is
 * not shown: nothing in factcite shows it.
 */
export function noteVariants(fact: Fact, index: FactIndex): Variants[] {
  const originalLang = resolveScript(fact, 'original', index);
  return (fact.notes ?? []).map((note) => {
    const texts = {} as Record<ScriptKey, string>;
    for (const { key, script } of DISPLAY_SCRIPTS) texts[key] = noteIn(note, fact, script, index);
    return { texts, originalLang };
  });
}
