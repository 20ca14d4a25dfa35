/**
 * Compiles cleaning rules with RE2 (re2js): its matching time is linear in the
 * line, whatever the pattern, so a maintainer's rule cannot make the cleaner
 * backtrack. RE2 refuses what would break that (back-references, lookaround)
 * with a syntax error, which the rules file reports at the pattern.
 */
import { RE2JS } from 're2js';
import { type DropRule, FIELD_GROUPS, type FieldGroup, type FieldRule, type IngestRules, type Region, type TitleRule } from './rule-schema.js';

/** A pattern compiled for the cleaner: `test` anywhere in a line, `groups` of the first match. */
export interface LinePattern {
  source: string;
  test(line: string): boolean;
  groups(line: string): Partial<Record<string, string>> | undefined;
}

export interface CompiledDrop {
  rule: string;
  line?: LinePattern;
  next?: LinePattern;
  from?: LinePattern;
  to?: LinePattern;
  unless?: LinePattern;
  maxLength?: number;
}

export interface CompiledField {
  rule: string;
  line: LinePattern;
  unless?: LinePattern;
  maxLength?: number;
  keep: boolean;
  fields: FieldGroup[];
}

export interface CompiledTitle {
  line?: LinePattern;
  after?: LinePattern;
  none?: true;
}

/** A rule set ready for `cleanArticle`. `name` prefixes its rules in explanations (takungpao:caption). */
export interface CompiledRules {
  name: string;
  publisher?: string;
  region?: Region;
  markers: string[];
  title?: CompiledTitle;
  drop: CompiledDrop[];
  fields: CompiledField[];
  skipGeneric: string[];
}

/** A pattern RE2 refused, or a field rule naming no field, with the path of the rule in its file. */
export interface RuleIssue {
  path: (string | number)[];
  message: string;
}

/** Compiles one pattern; RE2 reads \p{Han} and (?<name>…) as JavaScript does, and never backtracks. */
function compilePattern(source: string, path: (string | number)[], issues: RuleIssue[]): LinePattern | undefined {
  let re: RE2JS;
  try {
    re = RE2JS.compile(source);
  } catch (error) {
    issues.push({ path, message: `is not a pattern the cleaner can run: ${(error as Error).message}` });
    return undefined;
  }
  return {
    source,
    test: (line) => re.test(line),
    groups: (line) => {
      const m = re.exec(line) as (string[] & { groups?: Record<string, string | undefined> }) | null;
      if (!m) return undefined;
      const out: Partial<Record<string, string>> = {};
      for (const [name, value] of Object.entries(m.groups ?? {})) if (value !== undefined && value !== null) out[name] = value;
      return out;
    },
  };
}

/** Adds an issue when RE2 refuses a pattern; for reporting on a file that did not pass its schema. */
export function checkPattern(source: string, path: (string | number)[], issues: RuleIssue[]): void {
  compilePattern(source, path, issues);
}

function groupNames(source: string): string[] {
  return [...source.matchAll(/\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/g)].map((m) => m[1]!);
}

/**
 * Compiles a validated rule set. Problems come back with the path of the
 * pattern in its file (drop[2].line), so a rules file can report them located.
 */
export function compileRules(name: string, rules: IngestRules): { rules?: CompiledRules; issues: RuleIssue[] } {
  const issues: RuleIssue[] = [];
  const opt = (source: string | undefined, path: (string | number)[]) => (source === undefined ? undefined : compilePattern(source, path, issues));
  const drop = rules.drop.map((d: DropRule, i): CompiledDrop => {
    const at = (key: string) => ['drop', i, key];
    return {
      rule: d.rule,
      line: opt(d.line, at('line')),
      next: opt(d.next, at('next')),
      from: opt(d.from, at('from')),
      to: opt(d.to, at('to')),
      unless: opt(d.unless, at('unless')),
      ...(d.maxLength !== undefined ? { maxLength: d.maxLength } : {}),
    };
  });
  const fields = rules.fields.map((f: FieldRule, i): CompiledField | undefined => {
    const named = groupNames(f.line);
    const unknown = named.filter((g) => !(FIELD_GROUPS as readonly string[]).includes(g));
    if (unknown.length || named.length === 0) {
      issues.push({
        path: ['fields', i, 'line'],
        message: unknown.length
          ? `names a group the front matter has no field for: ${unknown.join(', ')} (use ${FIELD_GROUPS.join(', ')})`
          : `names no field: write a group such as (?<authors>…) (${FIELD_GROUPS.join(', ')})`,
      });
    }
    const line = compilePattern(f.line, ['fields', i, 'line'], issues);
    if (!line) return undefined;
    return {
      rule: f.rule,
      line,
      unless: opt(f.unless, ['fields', i, 'unless']),
      ...(f.maxLength !== undefined ? { maxLength: f.maxLength } : {}),
      keep: f.keep ?? false,
      fields: named.filter((g): g is FieldGroup => (FIELD_GROUPS as readonly string[]).includes(g)),
    };
  });
  const title: CompiledTitle | undefined = rules.title && compileTitle(rules.title, issues);
  if (issues.length) return { issues };
  return {
    rules: {
      name,
      ...(rules.publisher ? { publisher: rules.publisher } : {}),
      ...(rules.region ? { region: rules.region } : {}),
      markers: rules.markers,
      ...(title ? { title } : {}),
      drop,
      fields: fields.filter((f): f is CompiledField => f !== undefined),
      skipGeneric: rules.skipGeneric,
    },
    issues,
  };
}

function compileTitle(title: TitleRule, issues: RuleIssue[]): CompiledTitle {
  if (title.none) return { none: true };
  const line = title.line === undefined ? undefined : compilePattern(title.line, ['title', 'line'], issues);
  const after = title.after === undefined ? undefined : compilePattern(title.after, ['title', 'after'], issues);
  return { ...(line ? { line } : {}), ...(after ? { after } : {}) };
}
