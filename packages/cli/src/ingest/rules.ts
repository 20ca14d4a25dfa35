import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { type CompiledRules, parseIngestRules, type RuleFileProblem } from '@factcite/core/ingest';
import type { Problem } from '@factcite/core';
import { displayPath, readTextFile } from '@factcite/core/node';

/**
 * Every publisher's cleaning rules in <corpus>/ingest/*.yaml, read with the
 * corpus's file caps. A file with problems contributes no rules, only its
 * located problems, so ingest never cleans a page by half a rule set.
 */
export function loadIngestRules(corpusDir: string): { sets: CompiledRules[]; problems: RuleFileProblem[] } {
  const dir = path.join(corpusDir, 'ingest');
  const sets: CompiledRules[] = [];
  const problems: RuleFileProblem[] = [];
  if (!existsSync(dir)) return { sets, problems };
  for (const name of readdirSync(dir)
    .filter((n) => /\.ya?ml$/i.test(n))
    .sort()) {
    const file = path.join(dir, name);
    const shown = displayPath(file);
    const readProblems: Problem[] = [];
    const text = readTextFile(file, shown, readProblems);
    if (text === undefined) {
      problems.push(...readProblems.map(({ file: f, line, column, message }) => ({ file: f, line, column, message })));
      continue;
    }
    const parsed = parseIngestRules(text, shown);
    problems.push(...parsed.problems);
    if (parsed.rules && parsed.problems.length === 0) sets.push(parsed.rules);
  }
  const seen = new Map<string, string>();
  for (const set of sets) {
    if (set.publisher && seen.has(set.publisher)) {
      problems.push({
        file: displayPath(path.join(dir, `${set.name}.yaml`)),
        line: 1,
        column: 1,
        message: `publisher "${set.publisher}" already has rules in ${seen.get(set.publisher)}.yaml`,
      });
    }
    if (set.publisher) seen.set(set.publisher, set.name);
  }
  return { sets, problems };
}
