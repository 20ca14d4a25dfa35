import type { FactIndex, MessageLang } from '@factcite/core';
import { inlineValue, type StatementScript } from '@factcite/language-service';

/** The inline value shown after a citation (the service's inlineValue), or undefined for an unknown id. */
export function annotation(index: FactIndex, id: string, script: StatementScript = 'original', lang: MessageLang = 'en'): string | undefined {
  const fact = index.get(id);
  return fact ? inlineValue(fact, index, script, lang) : undefined;
}
