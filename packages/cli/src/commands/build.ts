import path from 'node:path';
import { BuildLockedError, buildRelease } from '@factcite/core/node';
import pc from 'picocolors';
import { resolveCorpusDir } from '../corpus.js';
import { contained } from '../contained.js';
import { EXIT, InputError } from '../errors.js';
import { plural } from '../format.js';
import { writeErr, writeOut } from '../terminal.js';

export interface BuildOptions {
  corpus?: string;
  out?: string;
}

/**
 * `factcite build`: validates the corpus and writes its release (the same
 * build as `pnpm --filter @factcite/corpus build`). A failed build leaves the
 * last good release in place; builds of one directory take turns (a lock),
 * and --out may not name the corpus, the working directory or a folder that
 * is not a release.
 */
export function buildCommand(options: BuildOptions): number {
  const corpusDir = resolveCorpusDir(options.corpus);
  const result = contained(() => {
    try {
      return buildRelease({ corpusDir, ...(options.out ? { outDir: path.resolve(options.out) } : {}) });
    } catch (error) {
      if (error instanceof BuildLockedError) throw new InputError(error.message);
      throw error;
    }
  });
  const out = path.relative(process.cwd(), result.outDir) || '.';
  if (!result.ok) {
    for (const e of result.errors) writeErr(`${pc.bold(`${e.file}:${e.line}:${e.column}`)}  ${pc.red('error')}  ${e.message}  ${pc.dim(e.code)}\n`);
    writeErr(`${pc.red('✖')} build failed with ${plural(result.errors.length, 'error')}; ${out} left as it was\n`);
    return EXIT.problems;
  }
  const m = result.manifest!;
  writeOut(
    `${pc.green('✔')} ${m.name} ${m.version} → ${out}: ${m.counts.facts} facts, ${m.counts.sources} sources, ${m.counts.entities} entities, ${Object.keys(m.files).length} files; release sha256 ${m.release}\n`,
  );
  return EXIT.ok;
}
