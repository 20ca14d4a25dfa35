import type { z } from 'zod';
import type { ProblemCode } from './parse-corpus.js';

/** A field path as a person reads it: citations[0].quote. */
export function describePath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('') || 'record';
}

/**
 * Words and a problem code for one zod issue in a record called `what`
 * (fact "hk-ai-rd-institute-funding"). `found` says whether the field exists,
 * since zod reports a missing field as a wrong type.
 */
export function describeIssue(issue: z.core.$ZodIssue, what: string, found: boolean): { code: ProblemCode; message: string } {
  const field = describePath(issue.path);
  if (!found && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    return { code: 'missing-field', message: `${what}: missing required field "${field}"` };
  }
  if (issue.code === 'invalid_type') {
    return { code: 'invalid-type', message: `${what}: ${field} must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}` };
  }
  if (issue.code === 'unrecognized_keys') {
    return { code: 'unknown-field', message: `${what}: unknown field "${issue.keys.join('", "')}"${issue.path.length ? ` in ${field}` : ''}` };
  }
  if (issue.code === 'invalid_value') {
    return { code: 'invalid-value', message: `${what}: ${field} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` };
  }
  return { code: /date/.test(issue.message) ? 'invalid-date' : 'invalid-value', message: `${what}: ${field} ${issue.message}` };
}
