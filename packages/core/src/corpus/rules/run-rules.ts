/**
 * Runs the corpus rules (see index.ts) over records that passed their
 * schemas, for both readers: the YAML reader (parse-corpus) and the SDK's
 * object validator (validate-corpus). Each caller says where a field is in
 * its own terms: file, line and column for YAML, a path such as
 * facts[3].quote for objects.
 */
import type { ProblemCode } from '../problem.js';
import type { Entity, Fact, Source } from '../schema.js';
import { CORPUS_RULES } from './index.js';
import type { CorpusRule, IdEntry, Report, RuleContext } from './rule.js';

/** A validated record and how to point at one of its fields. */
export interface PlacedRecord<T, Where> {
  value: T;
  at(path: readonly PropertyKey[]): Where;
}

/** A breach of a rule, located the caller's way. */
export interface RuleProblem<Where> {
  where: Where;
  code: ProblemCode;
  severity: 'error' | 'warning';
  message: string;
  /** The rule that reported it. */
  rule: string;
}

/** The records of a corpus that passed their schemas, and what a directory adds. */
export interface RuleInput<Where> {
  sources: readonly PlacedRecord<Source, Where>[];
  entities: readonly PlacedRecord<Entity, Where>[];
  facts: readonly PlacedRecord<Fact, Where>[];
  rawFileNames?: readonly string[];
}

/** What survives the rules (a record with a duplicate id is left out), and every breach. */
export interface RuleOutcome<Where> {
  sources: Source[];
  entities: Entity[];
  facts: Fact[];
  problems: RuleProblem<Where>[];
}

/**
 * Checks the records against every rule and returns every breach at once.
 * `describe` turns a location into words for messages that point at a second
 * place ("already used at facts/a.yaml:12"). Problems come record by record,
 * in the order of `rules` within each.
 */
export function runRules<Where>(input: RuleInput<Where>, describe: (where: Where) => string, rules: readonly CorpusRule[] = CORPUS_RULES): RuleOutcome<Where> {
  const problems: RuleProblem<Where>[] = [];
  const reporter =
    (rule: CorpusRule, record: PlacedRecord<unknown, Where>): Report =>
    (path, message, code = rule.codes[0]) =>
      problems.push({ where: record.at(path), code, severity: rule.severity, message, rule: rule.name });

  // Ids first: every other rule looks records up by id.
  const unique = <T extends { id: string }>(kind: IdEntry['kind'], records: readonly PlacedRecord<T, Where>[]) => {
    const dropped = new Set<number>();
    const entries = records.map((r) => ({ kind, id: r.value.id, place: describe(r.at(['id'])) }));
    for (const rule of rules) {
      if (rule.scope !== 'ids') continue;
      rule.check(entries, (i, message) => {
        dropped.add(i);
        reporter(rule, records[i]!)(['id'], message);
      });
    }
    return records.filter((_, i) => !dropped.has(i));
  };
  const sources = unique('source', input.sources);
  const entities = unique('entity', input.entities);
  const facts = unique('fact', input.facts);

  const context: RuleContext = {
    sources: new Map(sources.map((r) => [r.value.id, r.value])),
    entities: new Map(entities.map((r) => [r.value.id, r.value])),
    facts: new Map(facts.map((r) => [r.value.id, r.value])),
    ...(input.rawFileNames ? { rawFileNames: new Set(input.rawFileNames) } : {}),
  };
  for (const record of sources) {
    for (const rule of rules) if (rule.scope === 'source') rule.check(record.value, context, reporter(rule, record));
  }
  for (const record of facts) {
    for (const rule of rules) if (rule.scope === 'fact') rule.check(record.value, context, reporter(rule, record));
  }
  return { sources: sources.map((r) => r.value), entities: entities.map((r) => r.value), facts: facts.map((r) => r.value), problems };
}
