import { type MalformedCitation, parseCitations } from './citations.js';
import { checkFactChanges, type FactChange, type PinnedRelease } from '../release/fact-changes.js';
import type { FactIndex } from '../search/search.js';
import { checkValues, type ValueMismatch } from '../numbers/value-check.js';
import { findUncitedClaims, type UncitedClaim } from './uncited-claims.js';

/**
 * What is wrong: an id no fact has (error), a deprecated fact (warning), text
 * meant as a citation that cannot be read as one (error), or a number that
 * contradicts the value of the fact its sentence cites (warning: the check
 * reads prose, and prose can be read wrong). Two hints of severity
 * information are asked for by option: a number that states (or contradicts)
 * a fact in a sentence citing nothing (uncited-claim), and a cited fact that
 * changed since the release the report pins (fact-changed).
 */
export type CitationDiagnosticCode =
  | 'unknown-fact'
  | 'deprecated-fact'
  | 'malformed-citation'
  | 'value-mismatch'
  | 'uncited-claim'
  | 'fact-changed';

/** Options of {@link checkCitations}. */
export interface CheckOptions {
  /** Also look for numbers that state a fact without citing it (`uncited-claim`). */
  uncited?: boolean;
  /** The release the report pins, from its snapshot: each cited fact changed since then gets a `fact-changed` hint. */
  pinned?: PinnedRelease;
}

/** A problem with a citation in a report, located by UTF-16 offsets into its text. */
export interface CitationDiagnostic {
  start: number;
  end: number;
  severity: 'error' | 'warning' | 'information';
  code: CitationDiagnosticCode;
  message: string;
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

/** Follows supersededBy to the first active fact (the chain is acyclic in a validated corpus). */
export function resolveSuccessor(index: FactIndex, id: string): string | undefined {
  const seen = new Set<string>();
  let current = index.get(id);
  while (current?.supersededBy && !seen.has(current.id)) {
    seen.add(current.id);
    const next = index.get(current.supersededBy);
    if (!next) return current.supersededBy;
    current = next;
    if (current.status === 'active') return current.id;
  }
  return current && current.id !== id ? current.id : undefined;
}

/** A malformed citation as a diagnostic; an attempt that names an id no fact has says so in the same message. */
function malformedDiagnostic(m: MalformedCitation, index: FactIndex, suggest: (id: string) => string[]): CitationDiagnostic {
  let message = `Malformed citation: ${m.message}`;
  if (m.id !== undefined && !index.get(m.id)) {
    const suggestions = suggest(m.id);
    message += `; and no fact has the id "${m.id}"${suggestions.length ? ` (did you mean ${suggestions.map((x) => `"${x}"`).join(', ')}?)` : ''}`;
  }
  return {
    start: m.start,
    end: m.end,
    severity: 'error',
    code: 'malformed-citation',
    message,
    ...(m.id !== undefined ? { factId: m.id } : {}),
    ...(m.rewrite !== undefined ? { rewrite: m.rewrite } : {}),
  };
}

/**
 * Checks every citation in a report against a fact index: ids, deprecation,
 * syntax, and the numbers of each sentence against the value of the fact it
 * cites (value-mismatch, from checkValues in value-check.ts). Every finding
 * lies within one paragraph, so checking a report paragraph by paragraph
 * gives what checking it whole does.
 */
export function checkCitations(text: string, index: FactIndex, options: CheckOptions = {}): CitationDiagnostic[] {
  const parsed = parseCitations(text);
  const { citations, malformed } = parsed;
  // The same wrong id, cited again and again, is looked up once.
  const suggested = new Map<string, string[]>();
  const suggest = (id: string) => {
    const known = suggested.get(id);
    if (known) return known;
    const ids = index.suggest(id);
    suggested.set(id, ids);
    return ids;
  };
  const out: CitationDiagnostic[] = malformed.map((m) => malformedDiagnostic(m, index, suggest));
  // A citation inside a flagged attempt (【@fact:id】) has its id checked in that one problem, not in a second.
  // Both lists are sorted by start: one pointer walks the flagged ranges as citations go by.
  const flagged = malformed.filter((m) => m.rewrite !== undefined);
  let k = 0;
  let reach = -1;
  const insideFlagged = (at: number) => {
    for (; k < flagged.length && flagged[k]!.start <= at; k++) reach = Math.max(reach, flagged[k]!.end);
    return at < reach;
  };
  for (const c of citations) {
    const fact = index.get(c.id);
    if (!fact && insideFlagged(c.start)) continue;
    if (!fact) {
      const suggestions = suggest(c.id);
      out.push({
        start: c.idStart,
        end: c.idEnd,
        severity: 'error',
        code: 'unknown-fact',
        message: `Unknown fact "${c.id}"${suggestions.length ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : ''}`,
        factId: c.id,
        suggestions,
      });
    } else if (fact.status === 'deprecated') {
      const successor = resolveSuccessor(index, c.id);
      out.push({
        start: c.idStart,
        end: c.idEnd,
        severity: 'warning',
        code: 'deprecated-fact',
        message: `Fact "${c.id}" is deprecated${successor ? `; cite "${successor}" instead` : ''}`,
        factId: c.id,
        ...(successor ? { successor } : {}),
      });
    }
  }
  out.push(...checkValues(text, index, parsed));
  if (options.uncited) out.push(...findUncitedClaims(text, index, parsed));
  if (options.pinned) out.push(...checkFactChanges(text, index, options.pinned, parsed));
  return out.sort((a, b) => a.start - b.start);
}
