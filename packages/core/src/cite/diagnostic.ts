/**
 * What checking a report finds: types only, shared by the citation check and
 * the value check so that neither imports the other for them.
 */

import type { MessageRef } from '../messages/format.js';
import type { CitationDiagnosticCode } from './diagnostic-codes.js';

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

/** What an `uncited-claim` hint carries for its message and quick fix. */
export interface UncitedClaim {
  /** The number as the report writes it. */
  found: string;
  /** The fact's value as its source writes it. */
  expected: string;
  /** Whether the report's number agrees with the fact (a missing citation) or not (a contradiction). */
  agrees: boolean;
  /** Entity names and topic words of the fact that the sentence names. */
  matched: string[];
  /** Where the citation goes (end of the clause, before its punctuation), and what to insert; absent for a contradiction. */
  insert?: { at: number; text: string };
}

/** What kind of change a cited fact went through. */
export type FactChangeKind = 'value' | 'deprecated' | 'statement' | 'quotes' | 'date';

/** One edit of a report's text, by UTF-16 offsets into it. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** What changed in one cited fact since the pin, as an `fact-changed` diagnostic carries it. */
export interface FactChange {
  factId: string;
  /** The pinned release. */
  since: string;
  kinds: FactChangeKind[];
  /** The value's text in the pinned release and now, when it changed. */
  before?: string;
  after?: string;
  /** For a deprecated fact: the active fact to cite instead. */
  successor?: string;
  /** The sentence's number that now disagrees with the fact (or its successor), and the new value for it. */
  disagrees?: { found: string; replacement?: string };
  /** The edits that upgrade this citation's sentence (successor id, new number). */
  edits: TextEdit[];
}
