/**
 * Every corpus rule, in the order they run and are listed. A new rule is a
 * file beside this one (see rule.ts for its shape), a line here, and a test
 * in test/rules/.
 */
import { knownEntities } from './known-entities.js';
import { knownSources } from './known-sources.js';
import { listedDefectsOccur } from './listed-defects-occur.js';
import { originsExist } from './origins-exist.js';
import { quotesAvoidDefects } from './quotes-avoid-defects.js';
import type { CorpusRule, RuleInfo } from './rule.js';
import { successors } from './successors.js';
import { uniqueIds } from './unique-ids.js';
import { valueInQuote } from './value-in-quote.js';
import { verbatimQuotes } from './verbatim-quotes.js';

/** The rules a corpus is validated against, beyond each record's schema. */
export const CORPUS_RULES: readonly CorpusRule[] = [
  uniqueIds,
  originsExist,
  listedDefectsOccur,
  knownSources,
  verbatimQuotes,
  quotesAvoidDefects,
  valueInQuote,
  knownEntities,
  successors,
];

/** What each corpus rule is, without its check: for listings such as `factcite validate --list-rules`. */
export function corpusRules(): RuleInfo[] {
  return CORPUS_RULES.map(({ name, description, severity, codes, scope }) => ({ name, description, severity, codes, scope }));
}
