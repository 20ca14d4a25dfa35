import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { displayPath, verifyRelease } from '@factcite/core/node';
import pc from 'picocolors';
import { resolveCorpusDir } from '../corpus.js';
import { EXIT, UsageError } from '../errors.js';

export interface VerifyOptions {
  corpus?: string;
  json?: boolean;
}

/** The release directory: DIR itself when it holds manifest.json, else its dist/. */
function releaseDir(dir: string): { release: string; pkg?: string } {
  if (existsSync(path.join(dir, 'manifest.json'))) return { release: dir };
  if (existsSync(path.join(dir, 'dist', 'manifest.json'))) return { release: path.join(dir, 'dist'), pkg: dir };
  if (existsSync(path.join(dir, 'dist', 'corpus.json')) || existsSync(path.join(dir, 'corpus.json'))) {
    throw new UsageError(`${dir} holds a release without manifest.json; rebuild it with factcite build`);
  }
  throw new UsageError(`no release in ${dir}: expected manifest.json there or in its dist/`);
}

/**
 * `factcite verify [DIR]`: recomputes every hash of a release (a built dist/
 * or an installed @factcite/corpus) against its manifest.
 */
export function verifyCommand(dir: string | undefined, options: VerifyOptions): number {
  const target = dir ? path.resolve(dir) : resolveCorpusDir(options.corpus);
  if (!existsSync(target)) throw new UsageError(`no such directory: ${dir}`);
  const { release, pkg } = releaseDir(target);
  const result = verifyRelease(release);
  if (pkg && result.manifest) {
    try {
      const version = JSON.parse(readFileSync(path.join(pkg, 'package.json'), 'utf8')).version;
      if (version !== result.manifest.version) {
        result.problems.push({
          code: 'version-mismatch',
          file: 'package.json',
          message: `package.json says ${version}, the release manifest ${result.manifest.version}; rebuild the release`,
        });
        result.ok = false;
      }
    } catch {
      // A release directory without a package beside it is verified on its own.
    }
  }
  const shown = displayPath(release);
  if (options.json) {
    const { manifest, ...rest } = result;
    process.stdout.write(
      `${JSON.stringify({ ...rest, dir: shown, ...(manifest ? { name: manifest.name, version: manifest.version, release: manifest.release } : {}) }, null, 2)}\n`,
    );
    return result.ok ? EXIT.ok : EXIT.problems;
  }
  for (const p of result.problems) process.stdout.write(`${pc.red('✖')} ${pc.bold(p.file)}  ${p.message}  ${pc.dim(p.code)}\n`);
  const { files, facts, sources, entities } = result.checked;
  const what = `${files} files, ${facts} facts, ${sources} sources, ${entities} entities`;
  if (result.ok) {
    const m = result.manifest!;
    process.stdout.write(`${pc.green('✔')} ${m.name} ${m.version} in ${shown}: ${what} match the manifest; release sha256 ${m.release}\n`);
  } else {
    process.stdout.write(`${pc.red('✖')} ${shown} does not match its manifest: ${result.problems.length} problem(s); checked ${what}\n`);
  }
  return result.ok ? EXIT.ok : EXIT.problems;
}
