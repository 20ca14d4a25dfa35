import type { Corpus } from '@factcite/core';
import type { SiteContext } from './context.js';

/**
 * What the home page loads to search: the release's facts and entities as
 * the index needs them (the prebuilt index is checked against their ids and
 * text lengths), the sources without their text, and each statement in the
 * display scripts the index does not hold.
 */
export interface SearchData {
  version: string | undefined;
  corpus: Corpus;
  /** Per fact, in corpus order: [language of the original, Simplified, Hong Kong, Taiwan]; English is the fact's own. */
  display: [string, string, string, string][];
}

/** The search data of a site. */
export function searchData(ctx: SiteContext): SearchData {
  const { corpus } = ctx;
  return {
    version: corpus.version,
    corpus: {
      ...(corpus.version ? { version: corpus.version } : {}),
      facts: corpus.facts,
      entities: corpus.entities,
      sources: corpus.sources.map((s) => ({ ...s, text: '' })),
    },
    display: corpus.facts.map((fact) => {
      const v = ctx.statement(fact);
      return [v.originalLang, v.texts.hans, v.texts.hk, v.texts.tw];
    }),
  };
}
