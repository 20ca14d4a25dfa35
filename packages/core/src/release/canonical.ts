import { InvalidArgumentError } from '../errors.js';

/**
 * Canonical JSON, so that a record hashes the same wherever it was written:
 * object keys sorted by UTF-16 code units, no whitespace, numbers and strings
 * as JSON.stringify writes them (the scheme of RFC 8785, JCS). Browser-safe.
 * Throws InvalidArgumentError for what JSON cannot hold (NaN, functions).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InvalidArgumentError('canonicalJson', [{ path: '', message: `has no JSON form for ${value}` }]);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new InvalidArgumentError('canonicalJson', [{ path: '', message: `has no JSON form for a ${typeof value}` }]);
}
