/**
 * What checking a report finds: types only, shared by the citation check and
 * the value check so that neither imports the other for them.
 */

import type { MessageRef } from '../messages/format.js';
import type { FactChange } from '../release/fact-changes.js';
import type { CitationDiagnosticCode } from './diagnostic-codes.js';
import type { UncitedClaim } from './uncited-claims.js';

export type { CitationDiagnosticCode } from './diagnostic-codes.js';

/** A problem with a citation in a report, located by UTF-16 offsets into its text. */
export interface CitationDiagnostic {
  start: number;
  end: number;
  /** Information is a hint asked for by option (uncited-claim, fact-changed), never a problem. */
  severity: 'error' | 'warning' | 'information';
  code: CitationDiagnosticCode;
  /** What is wrong, in the language asked for (English by default). */
  message: string;
  /** The message by catalogue id and parameters, for a front end that shows it in its writer's language. */
  detail: MessageRef;
  /** The cited id, when there is one. */
  factId?: string;
  /** For unknown-fact: the closest existing ids. */
  suggestions?: string[];
  /** For deprecated-fact: the active fact that replaces it. */
  successor?: string;
  /** For value-mismatch, whose range is the contradicting number: both numbers, the quote, and the fix. */
  mismatch?: ValueMismatch;
  /** For malformed-citation: the canonical text that replaces the range (what a quick fix writes). */
  rewrite?: string;
  /** For uncited-claim: the number, the fact's value, what the sentence names of it, and where the citation goes. */
  uncited?: UncitedClaim;
  /** For fact-changed: what changed since the pin, and the edits that upgrade the sentence. */
  change?: FactChange;
}

/** What a `value-mismatch` diagnostic carries for its message and its quick fix. */
export interface ValueMismatch {
  /**
   * The contradicting expression as the report writes it (20亿港元); the
   * diagnostic's range covers it. When the sentence states several amounts
   * of the unit and none agrees, they are all listed (150%, 88%) and the
   * range is the citation's id instead, since which one is wrong is a guess.
   */
  found: string;
  /** The fact's value as its source writes it (10亿港元), read from the quote. */
  expected: string;
  /**
   * What to put in place of `found`: `expected` in the report's script
   * (Simplified or Traditional), or for English prose the value in English
   * (HK$1 billion). Absent when the value cannot be written in English
   * without rewriting the sentence (a count whose noun follows the number),
   * and when several amounts contradict the fact.
   */
  replacement?: string;
  /** The verbatim quote that holds the value. */
  quote: string;
  /** The id of the source quoted. */
  source: string;
}
