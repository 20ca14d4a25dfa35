/**
 * Reads a publisher's rules file (corpus/ingest/<name>.yaml) from its text:
 * every problem located by line and column, so a maintainer fixes a rule
 * where it is written, and nothing half-valid reaches the cleaner.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { expectText, FactciteError } from '../errors.js';
import { printable } from '../printable.js';
import { describePath } from '../corpus/zod-issues.js';
import { checkPattern, type CompiledRules, compileRules, type RuleIssue } from './compile-rules.js';
import { IngestRulesSchema, MAX_PATTERN_LENGTH } from './rule-schema.js';

/** A problem in a rules file. Lines and columns are 1-based. */
export interface RuleFileProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** The node at a path, or its deepest existing ancestor. */
function offsetOf(root: Node | null | undefined, path: readonly PropertyKey[]): number {
  let current = root ?? undefined;
  let offset = current?.range?.[0] ?? 0;
  for (const key of path) {
    if (isMap(current)) {
      const pair = current.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
      if (!pair) break;
      current = (pair.value as Node | null) ?? undefined;
      offset = current?.range?.[0] ?? (pair.key as Node).range?.[0] ?? offset;
    } else if (isSeq(current) && typeof key === 'number') {
      current = current.items[key] as Node | undefined;
      if (!current) break;
      offset = current.range?.[0] ?? offset;
    } else break;
  }
  return offset;
}

/** Problems of every pattern-shaped string in a rules file that did not pass the schema. */
function patternIssues(data: unknown): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (typeof data !== 'object' || data === null) return issues;
  const record = data as Record<string, unknown>;
  const check = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string' && value.length > 0 && value.length <= MAX_PATTERN_LENGTH) checkPattern(value, path, issues);
  };
  for (const [list, keys] of [
    ['drop', ['line', 'next', 'from', 'to', 'unless']],
    ['fields', ['line', 'unless']],
  ] as const) {
    const rules = record[list];
    if (!Array.isArray(rules)) continue;
    rules.forEach((rule, i) => {
      if (typeof rule === 'object' && rule !== null) for (const key of keys) check((rule as Record<string, unknown>)[key], [list, i, key]);
    });
  }
  const title = record.title;
  if (typeof title === 'object' && title !== null) for (const key of ['line', 'after']) check((title as Record<string, unknown>)[key], ['title', key]);
  return issues;
}

/** The rule set's name: the file name without .yaml (takungpao). */
export function rulesName(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '');
}

/**
 * Parses, validates and compiles one rules file. `file` names it in problems
 * and, without its folder and extension, names the rule set.
 */
export function parseIngestRules(text: string, file: string): { rules?: CompiledRules; problems: RuleFileProblem[] } {
  expectText(text, 'parseIngestRules', 'text');
  const lines = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number, message: string): RuleFileProblem => {
    const { line, col } = lines.linePos(offset);
    return { file, line, column: col, message: printable(message) };
  };
  if (doc.errors.length) return { problems: doc.errors.map((e) => at(e.pos[0], `not valid YAML: ${e.message.split('\n')[0]}`)) };
  const root = doc.contents as Node | null;
  const data: unknown = doc.toJS({ maxAliasCount: 0 });
  const parsed = IngestRulesSchema.safeParse(data);
  if (!parsed.success) {
    // Patterns are checked too, so one run reports every problem of the file.
    const patterns = patternIssues(data).map((issue) => at(offsetOf(root, issue.path), `${describePath(issue.path)} ${issue.message}`));
    return {
      problems: [
        ...parsed.error.issues.map((issue) => {
          const where = describePath(issue.path);
          const message =
            issue.code === 'unrecognized_keys'
              ? `unknown field "${issue.keys.join('", "')}"${issue.path.length ? ` in ${where}` : ''}`
              : `${issue.path.length ? `${where} ` : ''}${issue.message}`;
          return at(offsetOf(root, issue.path), message);
        }),
        ...patterns,
      ].sort((a, b) => a.line - b.line || a.column - b.column),
    };
  }
  const compiled = compileRules(rulesName(file), parsed.data);
  return {
    ...(compiled.rules ? { rules: compiled.rules } : {}),
    problems: compiled.issues.map((issue) => at(offsetOf(root, issue.path), `${describePath(issue.path)} ${issue.message}`)),
  };
}

/** No rules match the publisher asked for, or a page holds markers of two publishers. */
export class IngestRulesError extends FactciteError {
  constructor(message: string) {
    super('ingest-rules', message);
  }
}

/** How `pickRules` chose: by the name asked for, by a marker found in the page, or none (generic rules only). */
export interface PickedRules {
  rules?: CompiledRules;
  by: 'publisher' | 'marker' | 'generic';
  /** The marker found, when picked by one. */
  marker?: string;
}

/**
 * The rules for a page: those named `publisher` (the file name or the
 * publisher it declares) when given, else those whose marker the page holds.
 * Throws when a name matches no rules, or when markers of two publishers are
 * on one page, since guessing would clean the page by the wrong rules.
 */
export function pickRules(raw: string, sets: readonly CompiledRules[], publisher?: string): PickedRules {
  if (publisher !== undefined) {
    const named = sets.find((s) => s.name === publisher || s.publisher === publisher);
    if (!named) throw new IngestRulesError(`no ingest rules for publisher "${publisher}" (known: ${sets.map((s) => s.name).join(', ') || 'none'})`);
    return { rules: named, by: 'publisher' };
  }
  const found = sets.flatMap((s) => {
    const marker = s.markers.find((m) => raw.includes(m));
    return marker ? [{ rules: s, marker }] : [];
  });
  if (found.length > 1) {
    throw new IngestRulesError(
      `the page holds markers of ${found.length} publishers (${found.map((f) => `${f.rules.name}: "${f.marker}"`).join(', ')}); name one with --publisher`,
    );
  }
  return found[0] ? { rules: found[0].rules, by: 'marker', marker: found[0].marker } : { by: 'generic' };
}
