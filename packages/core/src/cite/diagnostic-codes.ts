/**
 * The codes of the problems checkCitations reports, in one list so a
 * suppression comment can tell a code it knows from a typo. A new check adds
 * its code here.
 */
export const DIAGNOSTIC_CODES = [
  'unknown-fact',
  'deprecated-fact',
  'malformed-citation',
  'value-mismatch',
  'uncited-claim',
  'fact-changed',
  'unknown-suppression-code',
  'unused-suppression',
] as const;

/**
 * What is wrong: an id no fact has (error), a deprecated fact (warning), text
 * meant as a citation that cannot be read as one (error), a number that
 * contradicts the value of the fact its sentence cites (warning: the check
 * reads prose, and prose can be read wrong), a suppression comment that
 * names no known code or hides nothing (warnings), and two hints asked for
 * by option (information): a number that states or contradicts a fact in a
 * sentence citing nothing (uncited-claim), and a cited fact that changed
 * since the release the report pins (fact-changed).
 */
export type CitationDiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];
