// Types only: the modules on an editor's hot path (citations, positions) check
// their text argument without loading zod, which costs tens of milliseconds.
import type { z } from 'zod';
import { describePath } from './corpus/zod-issues.js';

/** Base class of every error @factcite/core throws on purpose; `code` is stable across versions. */
export class FactciteError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** One thing wrong with an argument or a record: where (a path such as facts[3].value.amount) and what. */
export interface InputIssue {
  /** The field, as a person reads it; empty for the value as a whole. */
  path: string;
  message: string;
}

/** A public function was called with an argument of the wrong shape. Thrown, since it is a programming error. */
export class InvalidArgumentError extends FactciteError {
  /** Every problem with the argument, not just the first. */
  readonly issues: InputIssue[];

  constructor(where: string, issues: InputIssue[]) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super('invalid-argument', `${where}: ${first ? `${first.path ? `${first.path} ` : ''}${first.message}` : 'invalid argument'}${more}`);
    this.issues = issues;
  }
}

/** What an argument is, in the words of zod's messages, so every check reads alike. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return typeof value;
}

/** Checks a text argument (a report, a query, a file's content) at a public entry point. */
export function expectText(value: unknown, where: string, name: string): string {
  if (typeof value === 'string') return value;
  throw new InvalidArgumentError(where, [{ path: name, message: `Invalid input: expected string, received ${kindOf(value)}` }]);
}

/**
 * Checks an argument against a schema at a public entry point, so a caller
 * passing the wrong thing learns which argument and field, instead of meeting
 * a TypeError deep inside.
 */
export function expectArgument<T>(schema: z.ZodType<T>, value: unknown, where: string, name: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.length ? `${name}${describePath(issue.path).replace(/^(?=[^[])/, '.')}` : name,
    message: issue.message,
  }));
  throw new InvalidArgumentError(where, issues);
}
