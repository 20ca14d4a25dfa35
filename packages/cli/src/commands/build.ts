import path from 'node:path';
import { buildRelease } from '@factcite/core/node';
import pc from 'picocolors';
import { resolveCorpusDir } from '../corpus.js';
import { EXIT } from '../errors.js';
import { plural } from '../format.js';

export interface BuildOptions {
  corpus?: string;
  out?: string;
}

/**
 * `factcite build`: validates the corpus and writes its release (the same
 * build as `pnpm --filter @factcite/corpus build`). Atomic: a failed build
 * leaves the last good release in place.
 */
export function buildCommand(options: BuildOptions): number {
  const corpusDir = resolveCorpusDir(options.corpus);
  const result = buildRelease({ corpusDir, ...(options.out ? { outDir: path.resolve(options.out) } : {}) });
  const out = path.relative(process.cwd(), result.outDir) || '.';
  if (!result.ok) {
    for (const e of result.errors) process.stderr.write(`${pc.bold(`${e.file}:${e.line}:${e.column}`)}  ${pc.red('error')}  ${e.message}  ${pc.dim(e.code)}\n`);
    process.stderr.write(`${pc.red('✖')} build failed with ${plural(result.errors.length, 'error')}; ${out} left as it was\n`);
    return EXIT.problems;
  }
  const m = result.manifest!;
  process.stdout.write(
    `${pc.green('✔')} ${m.name} ${m.version} → ${out}: ${m.counts.facts} facts, ${m.counts.sources} sources, ${m.counts.entities} entities, ${Object.keys(m.files).length} files; release sha256 ${m.release}\n`,
  );
  return EXIT.ok;
}
