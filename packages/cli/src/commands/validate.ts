import type { Problem } from '@factcite/core';
import pc from 'picocolors';
import { loadCorpus } from '../corpus.js';
import { EXIT } from '../errors.js';
import { loadIngestRules } from '../ingest/rules.js';
import { plural } from '../format.js';
import { writeOut } from '../terminal.js';

export interface ValidateOptions {
  corpus?: string;
  json?: boolean;
}

function formatProblem(p: Problem): string {
  const colour = p.severity === 'error' ? pc.red : pc.yellow;
  return `${pc.bold(`${p.file}:${p.line}:${p.column}`)}  ${colour(p.severity)}  ${p.message}  ${pc.dim(p.code)}`;
}

/** `factcite validate`: every problem of the corpus at once, each located. */
export function validateCommand(options: ValidateOptions): number {
  const { corpus, errors: corpusErrors, warnings, dir } = loadCorpus(options.corpus);
  // The cleaning rules are corpus files too: a broken one would stop the next ingest.
  const ruleErrors: Problem[] = loadIngestRules(dir).problems.map((p) => ({ ...p, code: 'invalid-ingest-rule', severity: 'error' }));
  const errors = [...corpusErrors, ...ruleErrors];
  const ok = errors.length === 0;
  if (options.json) {
    writeOut(`${JSON.stringify({ ok, errors, warnings }, null, 2)}\n`);
  } else {
    for (const p of [...errors, ...warnings]) writeOut(`${formatProblem(p)}\n`);
    const summary = `${corpus.facts.length} facts, ${corpus.sources.length} sources, ${corpus.entities.length} entities in ${dir}`;
    if (ok) writeOut(`${pc.green('✔')} ${summary}${warnings.length ? pc.yellow(`; ${plural(warnings.length, 'warning')}`) : ''}\n`);
    else writeOut(`${pc.red('✖')} ${plural(errors.length, 'error')}, ${plural(warnings.length, 'warning')}; ${summary}\n`);
  }
  return ok ? EXIT.ok : EXIT.problems;
}
