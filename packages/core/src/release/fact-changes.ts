/**
 * Fact upgrades: what changed in the facts a report cites since the release
 * it pins (`factcite: 0.1.0` in its front matter), and the edits that bring
 * the report up to the current release: deprecated ids replaced by their
 * successors, numbers that now disagree replaced by the new values (in the
 * report's script, or in English in English prose), and the pin moved.
 */
import type { CitationDiagnostic, FactChange, FactChangeKind, TextEdit } from '../cite/diagnostic.js';
import { described, type MessageRef } from '../messages/format.js';
import { resolveSuccessor } from '../cite/successor.js';
import { parseCitations, type ParsedCitations } from '../cite/citations.js';
import { isReleaseVersion, pinEdit } from './pin.js';
import type { Fact } from '../corpus/schema.js';
import type { FactIndex } from '../search/search.js';
import { findSentences, type SentenceSpan } from '../cite/sentences.js';
import { checkValues } from '../numbers/value-check.js';

/** The facts of a pinned release, as its snapshot (corpus/releases/<version>.json) holds them. */
export interface PinnedRelease {
  version: string;
  facts: readonly Fact[];
}

const versionsOfFacts = new WeakMap<readonly Fact[], Map<string, Fact>>();

function byId(facts: readonly Fact[]): Map<string, Fact> {
  let map = versionsOfFacts.get(facts);
  if (!map) {
    map = new Map(facts.map((f) => [f.id, f]));
    versionsOfFacts.set(facts, map);
  }
  return map;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The kinds of change between a fact as pinned and as it is now. */
export function changeKinds(before: Fact, after: Fact): FactChangeKind[] {
  const kinds: FactChangeKind[] = [];
  const value = (f: Fact) => (f.value ? { a: f.value.amount, u: f.value.unit, q: f.value.qualifier, t: f.value.upTo, x: f.value.text, d: f.value.date } : null);
  if (!same(value(before), value(after))) kinds.push('value');
  if (before.status !== 'deprecated' && after.status === 'deprecated') kinds.push('deprecated');
  if (!same(before.statement, after.statement)) kinds.push('statement');
  if (!same(before.citations, after.citations)) kinds.push('quotes');
  if (!same(before.date, after.date)) kinds.push('date');
  return kinds;
}

function describe(c: FactChange): MessageRef {
  const none: MessageRef = { id: 'change.none' };
  const changes: MessageRef[] = [];
  if (c.kinds.includes('deprecated'))
    changes.push(c.successor ? { id: 'change.deprecated-successor', params: { successor: c.successor } } : { id: 'change.deprecated' });
  if (c.kinds.includes('value')) changes.push({ id: 'change.value', params: { before: c.before ?? none, after: c.after ?? none } });
  if (c.kinds.includes('statement')) changes.push({ id: 'change.statement' });
  if (c.kinds.includes('quotes')) changes.push({ id: 'change.quotes' });
  if (c.kinds.includes('date')) changes.push({ id: 'change.date' });
  const params = { id: c.factId, since: c.since, changes };
  if (c.disagrees) {
    const { found, replacement } = c.disagrees;
    return replacement
      ? { id: 'fact-changed.disagrees-fix', params: { ...params, found, replacement } }
      : { id: 'fact-changed.disagrees', params: { ...params, found } };
  }
  return { id: c.kinds.includes('value') ? 'fact-changed.agrees' : 'fact-changed', params };
}

/** The index of the sentence holding an offset (binary search), or -1. */
function sentenceAt(sentences: readonly SentenceSpan[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Maps offsets of a text after `edits` (sorted, disjoint, none inside the
 * mapped ranges) back to the text before: a binary search over where each
 * edit's new text ends, so mapping every number of a long report stays
 * O(n log n) rather than a walk over the edits for each.
 */
function unshifter(edits: readonly TextEdit[]): (offset: number) => number {
  const ends: number[] = [];
  const shifts: number[] = [];
  let shift = 0;
  for (const e of edits) {
    ends.push(e.start + shift + e.newText.length);
    shift += e.newText.length - (e.end - e.start);
    shifts.push(shift);
  }
  return (offset) => {
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return offset - (lo ? shifts[lo - 1]! : 0);
  };
}

function apply(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/**
 * `fact-changed` diagnostics (severity information), one on each citation of
 * a fact that changed since the pinned release, saying what changed and
 * whether the sentence's number now disagrees; each carries the edits that
 * upgrade its sentence. Facts new since the pin, and ids no release knows,
 * are left to the other checks.
 */
export function checkFactChanges(text: string, index: FactIndex, pinned: PinnedRelease, parsed: ParsedCitations = parseCitations(text)): CitationDiagnostic[] {
  const old = byId(pinned.facts);
  const changes = new Map<string, Omit<FactChange, 'edits' | 'disagrees'>>();
  const cited = parsed.citations.filter((c) => {
    if (changes.has(c.id)) return true;
    const before = old.get(c.id);
    const now = index.get(c.id);
    if (!before || !now) return false;
    const kinds = changeKinds(before, now);
    if (!kinds.length) return false;
    const successor = now.status === 'deprecated' ? resolveSuccessor(index, now.id) : undefined;
    const valueChanged = kinds.includes('value');
    changes.set(c.id, {
      factId: c.id,
      since: pinned.version,
      kinds,
      ...(valueChanged ? { before: before.value?.text, after: now.value?.text } : {}),
      ...(successor ? { successor } : {}),
    });
    return true;
  });
  if (!cited.length) return [];

  // The text as it would read with successors cited: its value check says which numbers disagree with what is cited now.
  const idEdits: TextEdit[] = [];
  for (const c of cited) {
    const successor = changes.get(c.id)!.successor;
    if (successor) idEdits.push({ start: c.idStart, end: c.idEnd, newText: successor });
  }
  const upgraded = apply(text, idEdits);
  const unshift = unshifter(idEdits);
  const sentences = findSentences(text);
  // The mismatches of each sentence and fact, so each citation looks only at its own sentence's.
  const mismatches = new Map<string, CitationDiagnostic[]>();
  for (const found of checkValues(upgraded, index)) {
    if (!found.mismatch || found.factId === undefined) continue;
    const d = { ...found, start: unshift(found.start), end: unshift(found.end) };
    const at = sentenceAt(sentences, d.start);
    if (at < 0 || d.end > sentences[at]!.end) continue;
    const key = `${at} ${d.factId}`;
    const list = mismatches.get(key);
    if (list) list.push(d);
    else mismatches.set(key, [d]);
  }

  return cited.map((c) => {
    const base = changes.get(c.id)!;
    const target = base.successor ?? c.id;
    const sentence = sentenceAt(sentences, c.start);
    const edits: TextEdit[] = base.successor ? [{ start: c.idStart, end: c.idEnd, newText: base.successor }] : [];
    const mismatch = mismatches.get(`${sentence} ${target}`)?.find((d) => !(d.start >= c.start && d.end <= c.end));
    const change: FactChange = { ...base, edits };
    if (mismatch?.mismatch) {
      const { found, replacement } = mismatch.mismatch;
      change.disagrees = { found, ...(replacement !== undefined ? { replacement } : {}) };
      if (replacement !== undefined && (base.kinds.includes('value') || base.successor))
        edits.push({ start: mismatch.start, end: mismatch.end, newText: replacement });
    }
    return {
      start: c.idStart,
      end: c.idEnd,
      severity: 'information' as const,
      code: 'fact-changed' as const,
      ...described(describe(change)),
      factId: c.id,
      ...(base.successor ? { successor: base.successor } : {}),
      change,
    };
  });
}

/** What {@link planUpgrade} proposes for a report. */
export interface UpgradePlan {
  from: string;
  to: string;
  /** Each changed citation, in order, as check reports it. */
  changes: FactChange[];
  /** Every edit, sorted and disjoint, the pin's included. */
  edits: TextEdit[];
  /** The report with every edit made. */
  text: string;
}

/**
 * The upgrade of a report from its pinned release to `toVersion` (the
 * index's release): successors for deprecated ids, new values for numbers
 * that now disagree, and the pin moved. A number that disagrees with a fact
 * whose value did not change is the writer's own slip and is left for
 * value-mismatch to report.
 */
export function planUpgrade(text: string, index: FactIndex, pinned: PinnedRelease, toVersion: string): UpgradePlan {
  if (!isReleaseVersion(toVersion)) throw new RangeError(`not a release version: ${toVersion}`);
  const changes = checkFactChanges(text, index, pinned).map((d) => d.change!);
  const edits = new Map<string, TextEdit>();
  for (const c of changes) for (const e of c.edits) edits.set(`${e.start}:${e.end}`, e);
  edits.set('pin', pinEdit(text, toVersion));
  const sorted = [...edits.values()].sort((a, b) => a.start - b.start);
  return { from: pinned.version, to: toVersion, changes, edits: sorted, text: apply(text, sorted) };
}

export { apply as applyEdits };
