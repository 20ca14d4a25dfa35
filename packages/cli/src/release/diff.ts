import type { Fact } from '@factcite/core';
import type { ReleaseData } from './data.js';
import { diffSchemas, type SchemaChange } from './schema-diff.js';
import { type Bump, maxBump } from './semver.js';

/** Records of one kind (sources or entities) added, removed or changed. */
interface RecordChanges {
  added: string[];
  removed: string[];
  changed: { id: string; fields: string[] }[];
}

/** What changed between two releases, and the bump the semver policy for facts requires. */
export interface ReleaseDiff {
  bump: Bump;
  from?: string;
  to?: string;
  /** Ids of facts new in NEW. */
  added: string[];
  /** Ids of facts in OLD that NEW lacks: breaking, since reports citing them stop resolving. */
  removed: string[];
  /** Facts active in OLD and deprecated in NEW. */
  deprecated: { id: string; supersededBy: string }[];
  /** Facts deprecated in OLD and active again in NEW. */
  reactivated: string[];
  /** Facts in both whose fields differ (status changes aside), field paths such as value.amount. */
  changed: { id: string; fields: string[] }[];
  /** Removed facts that look renamed: an added fact with the same citations. */
  renamed: { from: string; to: string }[];
  /** Present when both sides hold sources. */
  sources?: RecordChanges;
  /** Present when both sides hold entities. */
  entities?: RecordChanges;
  /** Present when both sides carry their JSON Schemas and they differ. */
  schema?: SchemaChange;
  /**
   * The bump were every removed fact id kept: what the release needs once
   * the ids are restored (or deprecated), the removal being the mistake.
   */
  bumpKeepingIds: Bump;
  /** Why the bump is what it is, one line per kind of change. */
  reasons: string[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => a[k] !== undefined || b[k] !== undefined));
    return [...keys].every((k) => equal(a[k], b[k]));
  }
  return false;
}

/**
 * Paths of the fields that differ between two records: leaves of nested
 * objects (statement.en, value.amount), items of equally long lists of
 * objects (citations[0].quote), and whole lists otherwise (entities).
 */
function changedFields(a: unknown, b: unknown, prefix = ''): string[] {
  if (equal(a, b)) return [];
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => changedFields(a[k], b[k], prefix ? `${prefix}.${k}` : k));
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every(isPlainObject)) {
    return a.flatMap((item, i) => changedFields(item, b[i], `${prefix}[${i}]`));
  }
  return [prefix];
}

function compareRecords<T extends { id: string }>(before: readonly T[], after: readonly T[], rename?: (field: string) => string): RecordChanges {
  const old = new Map(before.map((r) => [r.id, r]));
  const now = new Map(after.map((r) => [r.id, r]));
  const changed: { id: string; fields: string[] }[] = [];
  for (const [id, record] of now) {
    const previous = old.get(id);
    if (!previous) continue;
    const fields = changedFields(previous, record).map((f) => (rename ? rename(f) : f));
    if (fields.length) changed.push({ id, fields });
  }
  return {
    added: [...now.keys()].filter((id) => !old.has(id)),
    removed: [...old.keys()].filter((id) => !now.has(id)),
    changed,
  };
}

function citationKey(fact: Fact): string {
  return JSON.stringify(fact.citations.map((c) => [c.source, c.quote]).sort());
}

function count(n: number, noun: 'fact' | 'source' | 'entity'): string {
  return `${n} ${n === 1 ? noun : noun === 'entity' ? 'entities' : `${noun}s`}`;
}

/**
 * Compares two releases under the semver policy for facts (corpus/RELEASING.md):
 * a fact, source or entity removed (or renamed) is major; facts added or
 * deprecated, facts reactivated, and sources or entities added are minor;
 * corrections that keep every id (values, statements, quotes, metadata) are patch.
 */
export function diffReleases(before: ReleaseData, after: ReleaseData): ReleaseDiff {
  const facts = compareRecords(before.facts, after.facts);
  const oldFacts = new Map(before.facts.map((f) => [f.id, f]));
  const newFacts = new Map(after.facts.map((f) => [f.id, f]));
  const deprecated: ReleaseDiff['deprecated'] = [];
  const reactivated: string[] = [];
  const changed: ReleaseDiff['changed'] = [];
  for (const { id, fields } of facts.changed) {
    const was = oldFacts.get(id)!;
    const now = newFacts.get(id)!;
    let rest = fields;
    if (was.status === 'active' && now.status === 'deprecated') {
      deprecated.push({ id, supersededBy: now.supersededBy ?? '' });
      rest = fields.filter((f) => f !== 'status' && f !== 'supersededBy');
    } else if (was.status === 'deprecated' && now.status === 'active') {
      reactivated.push(id);
      rest = fields.filter((f) => f !== 'status' && f !== 'supersededBy');
    }
    if (rest.length) changed.push({ id, fields: rest });
  }
  const addedByCitations = new Map(facts.added.map((id) => [citationKey(newFacts.get(id)!), id]));
  const renamed = facts.removed.flatMap((id) => {
    const to = addedByCitations.get(citationKey(oldFacts.get(id)!));
    return to ? [{ from: id, to }] : [];
  });

  const sources = before.sources && after.sources ? compareRecords(before.sources, after.sources, (f) => (f === 'textSha256' ? 'text' : f)) : undefined;
  const entities = before.entities && after.entities ? compareRecords(before.entities, after.entities) : undefined;
  const schemaChange = before.schemas && after.schemas ? diffSchemas(before.schemas, after.schemas) : undefined;
  const schema = schemaChange && schemaChange.bump !== 'none' ? schemaChange : undefined;

  const reasons: [Bump, string][] = [];
  const removal: [Bump, string] | undefined = facts.removed.length ? ['major', `${count(facts.removed.length, 'fact')} removed or renamed`] : undefined;
  if (removal) reasons.push(removal);
  if (sources?.removed.length) reasons.push(['major', `${count(sources.removed.length, 'source')} removed`]);
  if (entities?.removed.length) reasons.push(['major', `${count(entities.removed.length, 'entity')} removed`]);
  if (schema) reasons.push([schema.bump, `record schema changed: ${schema.changes.join('; ')}`]);
  if (facts.added.length) reasons.push(['minor', `${count(facts.added.length, 'fact')} added`]);
  if (deprecated.length) reasons.push(['minor', `${count(deprecated.length, 'fact')} deprecated`]);
  if (reactivated.length) reasons.push(['minor', `${count(reactivated.length, 'fact')} reactivated`]);
  if (sources?.added.length) reasons.push(['minor', `${count(sources.added.length, 'source')} added`]);
  if (entities?.added.length) reasons.push(['minor', `${count(entities.added.length, 'entity')} added`]);
  if (changed.length) reasons.push(['patch', `${count(changed.length, 'fact')} corrected`]);
  if (sources?.changed.length) reasons.push(['patch', `${count(sources.changed.length, 'source')} corrected`]);
  if (entities?.changed.length) reasons.push(['patch', `${count(entities.changed.length, 'entity')} corrected`]);

  return {
    bump: maxBump(...reasons.map(([b]) => b)),
    bumpKeepingIds: maxBump(...reasons.filter((r) => r !== removal).map(([b]) => b)),
    ...(before.version ? { from: before.version } : {}),
    ...(after.version ? { to: after.version } : {}),
    added: facts.added,
    removed: facts.removed,
    deprecated,
    reactivated,
    changed,
    renamed,
    ...(sources ? { sources } : {}),
    ...(entities ? { entities } : {}),
    ...(schema ? { schema } : {}),
    reasons: reasons.map(([b, text]) => `${text} (${b})`),
  };
}
