/**
 * Validation of a corpus held as objects (JSON a developer built or fetched),
 * with the same rules and messages as corpus files, located by field path
 * instead of line and column.
 */
import type { z } from 'zod';
import { type PlacedRecord, runRules } from './rules/run-rules.js';
import { FactciteError, type InputIssue } from '../errors.js';
import type { ProblemCode } from './problem.js';
import { type Corpus, type CorpusSchemas, corpusSchemas } from './schema.js';
import { describeIssue, describePath } from './zod-issues.js';
import { codePointLabel, findForbiddenString } from '../text/control-characters.js';
import { printable } from '../printable.js';

/** A corpus as callers may write it: fields with defaults (entities, topics, status…) can be left out. */
export type CorpusInput = z.input<CorpusSchemas['CorpusSchema']>;

/** One problem in a corpus given as objects, at a path such as facts[3].citations[0].quote. */
export interface CorpusIssue extends InputIssue {
  code: ProblemCode;
  severity: 'error' | 'warning';
}

/** The outcome of {@link validateCorpus}: the corpus with defaults filled in, or every error found. */
export type CorpusValidation = { ok: true; corpus: Corpus; warnings: CorpusIssue[] } | { ok: false; errors: CorpusIssue[]; warnings: CorpusIssue[] };

/** Thrown by createFactIndex for a corpus that fails validation; `issues` holds every error at once. */
export class CorpusValidationError extends FactciteError {
  readonly issues: CorpusIssue[];

  constructor(issues: CorpusIssue[]) {
    const shown = issues.slice(0, 3).map((i) => `  ${i.path}: ${i.message}`);
    const more = issues.length > 3 ? [`  … and ${issues.length - 3} more (see error.issues)`] : [];
    super('invalid-corpus', [`corpus has ${issues.length} error${issues.length === 1 ? '' : 's'}:`, ...shown, ...more].join('\n'));
    this.issues = issues;
  }
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function joinPath(base: string, path: readonly PropertyKey[]): string {
  return path.length ? `${base}${describePath(path).replace(/^(?=[^[])/, '.')}` : base;
}

/**
 * Validates a corpus given as objects: every record against its schema, then
 * against the corpus rules (rules/: ids, sources, entities, quotes, successor
 * chains, values).
 * Reports every problem at once and never throws.
 */
export function validateCorpus(data: unknown): CorpusValidation {
  const errors: CorpusIssue[] = [];
  const warnings: CorpusIssue[] = [];
  const error = (path: string, code: ProblemCode, message: string) => errors.push({ path, code, severity: 'error', message });

  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    error('', 'invalid-type', 'a corpus is an object with facts, sources and entities lists');
    return { ok: false, errors, warnings };
  }
  const input = data as Record<string, unknown>;
  const { CorpusSchema, EntitySchema, FactSchema, SourceSchema } = corpusSchemas();
  const list = (key: 'facts' | 'sources' | 'entities'): unknown[] => {
    const value = input[key];
    if (Array.isArray(value)) return value;
    error(key, value === undefined ? 'missing-field' : 'invalid-type', value === undefined ? `missing required field "${key}"` : `${key} must be a list`);
    return [];
  };
  for (const key of Object.keys(input)) {
    if (!(key in CorpusSchema.shape)) error(key, 'unknown-field', `unknown field "${key}"; a corpus has version, facts, sources and entities`);
  }
  if (input.version !== undefined && typeof input.version !== 'string') error('version', 'invalid-type', 'version must be a string');

  // Each record is checked alone, so one bad record hides no problem in another.
  const records = <T>(key: 'facts' | 'sources' | 'entities', schema: z.ZodType<T>, what: string): PlacedRecord<T, string>[] => {
    const out: PlacedRecord<T, string>[] = [];
    list(key).forEach((item, i) => {
      const base = `${key}[${i}]`;
      const id = valueAt(item, ['id']);
      const label = typeof id === 'string' ? `${what} "${id}"` : `${what} #${i + 1}`;
      const result = schema.safeParse(item);
      if (!result.success) {
        for (const issue of result.error.issues) {
          const { code, message } = describeIssue(issue, label, valueAt(item, issue.path) !== undefined);
          error(joinPath(base, issue.path), code, message);
        }
        return;
      }
      const control = findForbiddenString(result.data);
      if (control) {
        error(
          joinPath(base, control.path),
          'control-character',
          `${printable(label)}: ${describePath(control.path) || 'the record'} holds the control character ${codePointLabel(control.char)}`,
        );
        return;
      }
      out.push({ value: result.data, at: (path) => joinPath(base, path) });
    });
    return out;
  };

  const sources = records('sources', SourceSchema, 'source');
  const entities = records('entities', EntitySchema, 'entity');
  const facts = records('facts', FactSchema, 'fact');
  const linked = runRules({ sources, entities, facts }, (path) => path);
  for (const p of linked.problems) (p.severity === 'error' ? errors : warnings).push({ path: p.where, code: p.code, severity: p.severity, message: p.message });

  if (errors.length) return { ok: false, errors, warnings };
  const corpus: Corpus = { facts: linked.facts, sources: linked.sources, entities: linked.entities };
  if (typeof input.version === 'string') corpus.version = input.version;
  return { ok: true, corpus, warnings };
}
