import type { Bump } from './semver.js';
import { maxBump } from './semver.js';

/** How the JSON Schema of the records changed, and the bump that asks for. */
export interface SchemaChange {
  bump: Bump;
  /** One line per change, such as "facts: removed field [].value.upTo (major)". */
  changes: string[];
}

type Json = Record<string, unknown>;

// Keywords that document rather than constrain.
const IGNORED = new Set(['description', 'title', '$schema', '$id', 'examples', 'default']);

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Compares two JSON Schemas of one record file. What an old reader of the
 * data can still read is compatible: a new optional field or a new enum value
 * is minor. A removed field, a newly required one, a dropped enum value or
 * any other changed constraint is major; a change the comparison cannot
 * classify counts as major, so it is never under-declared.
 */
function compare(a: unknown, b: unknown, at: string, out: { bump: Bump; text: string }[]): void {
  if (same(a, b)) return;
  if (!isObject(a) || !isObject(b)) {
    out.push({ bump: 'major', text: `changed ${at}` });
    return;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (IGNORED.has(key) || same(a[key], b[key])) continue;
    if (key === 'properties' && isObject(a.properties) && isObject(b.properties)) {
      const required = new Set(Array.isArray(b.required) ? (b.required as string[]) : []);
      for (const field of new Set([...Object.keys(a.properties), ...Object.keys(b.properties)])) {
        const path = `${at}.${field}`;
        if (!(field in b.properties)) out.push({ bump: 'major', text: `removed field ${path}` });
        else if (!(field in a.properties))
          out.push(required.has(field) ? { bump: 'major', text: `new required field ${path}` } : { bump: 'minor', text: `new optional field ${path}` });
        else compare(a.properties[field], b.properties[field], path, out);
      }
    } else if (key === 'required') {
      const before = new Set(Array.isArray(a.required) ? (a.required as string[]) : []);
      const after = Array.isArray(b.required) ? (b.required as string[]) : [];
      const existing = isObject(a.properties) ? a.properties : {};
      // A field that is new and required is reported with the properties.
      for (const field of after) if (!before.has(field) && field in existing) out.push({ bump: 'major', text: `field ${at}.${field} became required` });
      for (const field of before) if (!after.includes(field)) out.push({ bump: 'minor', text: `field ${at}.${field} became optional` });
    } else if (key === 'enum' && Array.isArray(a.enum) && Array.isArray(b.enum)) {
      const removed = a.enum.filter((v) => !(b.enum as unknown[]).includes(v));
      const added = b.enum.filter((v) => !(a.enum as unknown[]).includes(v));
      if (removed.length) out.push({ bump: 'major', text: `${at} no longer allows ${removed.map((v) => JSON.stringify(v)).join(', ')}` });
      if (added.length) out.push({ bump: 'minor', text: `${at} now allows ${added.map((v) => JSON.stringify(v)).join(', ')}` });
    } else if (key === 'items') {
      compare(a.items, b.items, `${at}[]`, out);
    } else {
      out.push({ bump: 'major', text: `changed ${key} of ${at}` });
    }
  }
}

/** Compares the schemas of two releases, file by file (facts, entities, source). */
export function diffSchemas(before: Record<string, unknown>, after: Record<string, unknown>): SchemaChange {
  const out: { bump: Bump; text: string }[] = [];
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!(name in after)) out.push({ bump: 'major', text: `${name}: schema removed` });
    else if (!(name in before)) out.push({ bump: 'minor', text: `${name}: schema added` });
    else {
      const found: { bump: Bump; text: string }[] = [];
      compare(before[name], after[name], name, found);
      out.push(...found);
    }
  }
  return { bump: maxBump(...out.map((c) => c.bump)), changes: out.map((c) => `${c.text} (${c.bump})`) };
}
