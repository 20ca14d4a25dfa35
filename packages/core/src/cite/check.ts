import { type MalformedCitation, parseCitations } from './citations.js';
import { described, formatMessage, type MessageRef } from '../messages/format.js';
import type { MessageLang } from '../messages/lang.js';
import { checkFactChanges, type PinnedRelease } from '../release/fact-changes.js';
import type { FactIndex } from '../search/search.js';
import { applySuppressions } from './suppressions.js';
import { checkValues } from '../numbers/value-check.js';
import type { CitationDiagnostic } from './diagnostic.js';
import { resolveSuccessor } from './successor.js';
import { findUncitedClaims } from './uncited-claims.js';

/** A malformed citation as a diagnostic; an attempt that names an id no fact has says so in the same message. */
function malformedDiagnostic(m: MalformedCitation, index: FactIndex, suggest: (id: string) => string[]): CitationDiagnostic {
  // The parser's own message is a parameter: each language renders it in its own words.
  let detail: MessageRef = { id: 'malformed-citation', params: { detail: m.detail } };
  if (m.id !== undefined && !index.get(m.id)) {
    const suggestions = suggest(m.id);
    detail = suggestions.length
      ? { id: 'malformed-citation.unknown-suggest', params: { detail: m.detail, id: m.id, suggestions } }
      : { id: 'malformed-citation.unknown', params: { detail: m.detail, id: m.id } };
  }
  return {
    start: m.start,
    end: m.end,
    severity: 'error',
    code: 'malformed-citation',
    ...described(detail),
    ...(m.id !== undefined ? { factId: m.id } : {}),
    ...(m.rewrite !== undefined ? { rewrite: m.rewrite } : {}),
  };
}

/** Options of {@link checkCitations}. */
export interface CheckCitationsOptions {
  /** The language of the messages (English by default); `detail` holds them language-free either way. */
  lang?: MessageLang;
  /**
   * Honour the report's suppression comments (`<!-- factcite-disable… -->`;
   * see suppressions.ts). On by default; off for a caller that checks a
   * report piece by piece and applies them to the whole (applySuppressions).
   */
  suppressions?: boolean;
  /** Also report suppression comments that hide nothing (`unused-suppression`). */
  reportUnusedSuppressions?: boolean;
  /** Also look for numbers that state a fact without citing it (`uncited-claim`, severity information). */
  uncited?: boolean;
  /** The release the report pins, from its snapshot: each cited fact changed since then gets a `fact-changed` note. */
  pinned?: PinnedRelease;
}

/**
 * Checks every citation in a report against a fact index: ids, deprecation,
 * syntax, and the numbers of each sentence against the value of the fact it
 * cites (value-mismatch, from checkValues in value-check.ts), then hides what
 * the report's suppression comments cover. Without suppressions every
 * finding lies within one paragraph, so checking a report paragraph by
 * paragraph gives what checking it whole does.
 */
export function checkCitations(text: string, index: FactIndex, options: CheckCitationsOptions = {}): CitationDiagnostic[] {
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
        ...described(suggestions.length ? { id: 'unknown-fact.suggest', params: { id: c.id, suggestions } } : { id: 'unknown-fact', params: { id: c.id } }),
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
        ...described(successor ? { id: 'deprecated-fact.successor', params: { id: c.id, successor } } : { id: 'deprecated-fact', params: { id: c.id } }),
        factId: c.id,
        ...(successor ? { successor } : {}),
      });
    }
  }
  out.push(...checkValues(text, index, parsed));
  if (options.uncited) out.push(...findUncitedClaims(text, index, parsed));
  if (options.pinned) out.push(...checkFactChanges(text, index, options.pinned, parsed));
  out.sort((a, b) => a.start - b.start);
  const shown = options.suppressions === false ? out : applySuppressions(text, out, { reportUnused: options.reportUnusedSuppressions ?? false }).diagnostics;
  return options.lang && options.lang !== 'en' ? localizeDiagnostics(shown, options.lang) : shown;
}

/** Diagnostics with their messages in another language (from each one's `detail`). */
export function localizeDiagnostics(diagnostics: readonly CitationDiagnostic[], lang: MessageLang): CitationDiagnostic[] {
  return diagnostics.map((d) => ({ ...d, message: formatMessage(d.detail, lang) }));
}
