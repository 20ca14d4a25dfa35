/**
 * The shape of a corpus rule. Each rule lives in a file of its own beside
 * this one, with its name, a one-line description, its severity and its
 * check, and has a test of its own in test/rules/. The driver (run-rules.ts)
 * runs them all, the same way for corpus files and for objects; only where a
 * problem is said to be (file, line and column, or a path such as
 * facts[3].citations[0].quote) differs.
 */
import type { ProblemCode } from '../problem.js';
import type { Entity, Fact, Source } from '../schema.js';

/** The records a rule may look up, by id: every one that read without error and whose id is unique. */
export interface RuleContext {
  sources: ReadonlyMap<string, Source>;
  entities: ReadonlyMap<string, Entity>;
  facts: ReadonlyMap<string, Fact>;
  /** Names of the files in raw/, when the corpus was read from a directory. */
  rawFileNames?: ReadonlySet<string>;
}

/** Reports a breach at a field of the record being checked (['citations', 0, 'quote']); the code defaults to the rule's first. */
export type Report = (path: readonly PropertyKey[], message: string, code?: ProblemCode) => void;

/** What `factcite validate --list-rules` shows of a rule. */
export interface RuleInfo {
  /** Kebab-case, stable: it names the rule in listings and in problems. */
  name: string;
  /** What the rule asks of the corpus, in one sentence. */
  description: string;
  severity: 'error' | 'warning';
  /** The problem codes its reports carry. */
  codes: readonly [ProblemCode, ...ProblemCode[]];
  /** What it checks: each source, each fact, or the ids of every record of a kind. */
  scope: 'ids' | 'source' | 'fact';
}

/** A record of a kind, by id and position, for a rule over ids. */
export interface IdEntry {
  kind: 'source' | 'entity' | 'fact';
  id: string;
  /** Where its id is, in words (facts/a.yaml:12, facts[3].id). */
  place: string;
}

/** A rule over the ids of all records of one kind; a record it reports is left out of the corpus. */
export interface IdsRule extends RuleInfo {
  scope: 'ids';
  check(entries: readonly IdEntry[], report: (index: number, message: string) => void): void;
}

/** A rule checked on each source. */
export interface SourceRule extends RuleInfo {
  scope: 'source';
  check(source: Source, context: RuleContext, report: Report): void;
}

/** A rule checked on each fact. */
export interface FactRule extends RuleInfo {
  scope: 'fact';
  check(fact: Fact, context: RuleContext, report: Report): void;
}

export type CorpusRule = IdsRule | SourceRule | FactRule;
