import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { displayPath, findPublishedRecord, type PublishedRecord, type ReleaseVerification, readPackageJson, verifyRelease } from '@factcite/core/node';
import { printable } from '@factcite/core';
import pc from 'picocolors';
import { resolveCorpusDir } from '../corpus.js';
import { EXIT, UsageError } from '../errors.js';
import { writeOut } from '../terminal.js';

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

/** Where to look for releases/<version>.json: the corpus checkout first (its records are yours), then the package being verified. */
function recordDirs(corpusOption: string | undefined, pkg: string | undefined): string[] {
  const dirs: string[] = [];
  try {
    dirs.push(resolveCorpusDir(corpusOption));
  } catch {
    // No corpus checkout to compare with; the package's own record may still say something.
  }
  if (pkg) dirs.push(pkg);
  return dirs;
}

/** What the comparison with the published record proves, in the words the output uses. */
type Proof = { proves: 'published'; record: PublishedRecord } | { proves: 'internally-consistent'; record?: PublishedRecord; reason: string };

function compareWithPublished(result: ReleaseVerification, dirs: string[], ownBuild: boolean): Proof {
  const manifest = result.manifest;
  if (!manifest) return { proves: 'internally-consistent', reason: 'no manifest' };
  const record = findPublishedRecord(manifest.version, dirs);
  if (!record) {
    return {
      proves: 'internally-consistent',
      reason: `no record of a published ${printable(manifest.version)} to compare with (looked for releases/${printable(manifest.version)}.json in ${dirs.map((d) => displayPath(d)).join(', ') || 'no corpus'})`,
    };
  }
  if (record.release === manifest.release && (record.name === undefined || record.name === manifest.name)) return { proves: 'published', record };
  const where = displayPath(record.file);
  if (ownBuild) {
    // The corpus's own build between releases: its content moved on, the version not yet.
    return {
      proves: 'internally-consistent',
      record,
      reason: `differs from the published ${printable(manifest.version)} recorded in ${where}: a build of unreleased changes`,
    };
  }
  result.problems.push({
    code: 'release-changed',
    file: 'manifest.json',
    message: `release sha256 ${manifest.release} is not the published ${printable(manifest.name)} ${printable(manifest.version)} (${record.release}, recorded in ${where}): this is not the published release`,
  });
  result.ok = false;
  return { proves: 'internally-consistent', record, reason: 'differs from the published record' };
}

/**
 * `factcite verify [DIR]`: recomputes every hash of a release (a built dist/
 * or an installed @factcite/corpus) against its manifest, then compares the
 * release hash with the one recorded when that version was published. It
 * proves the files are the published release only when such a record is
 * found; otherwise only that the release is internally consistent.
 */
export function verifyCommand(dir: string | undefined, options: VerifyOptions): number {
  const target = dir ? path.resolve(dir) : resolveCorpusDir(options.corpus);
  if (!existsSync(target)) throw new UsageError(`no such directory: ${dir}`);
  const { release, pkg } = releaseDir(target);
  const result = verifyRelease(release);
  if (pkg && result.manifest) {
    const { version } = readPackageJson(pkg);
    if (version !== undefined && version !== result.manifest.version) {
      result.problems.push({
        code: 'version-mismatch',
        file: 'package.json',
        message: `package.json says ${printable(version)}, the release manifest ${printable(result.manifest.version)}; rebuild the release`,
      });
      result.ok = false;
    }
  }
  let ownBuild = false;
  try {
    ownBuild = !dir || (pkg !== undefined && realpathSync(pkg) === realpathSync(resolveCorpusDir(options.corpus)));
  } catch {
    ownBuild = false;
  }
  const proof = result.ok ? compareWithPublished(result, recordDirs(options.corpus, pkg), ownBuild) : undefined;
  const shown = displayPath(release);
  if (options.json) {
    const { manifest, ...rest } = result;
    writeOut(
      `${JSON.stringify(
        {
          ...rest,
          dir: shown,
          ...(manifest ? { name: manifest.name, version: manifest.version, release: manifest.release } : {}),
          proves: proof?.proves ?? 'nothing',
          ...(proof?.record ? { publishedRecord: { file: displayPath(proof.record.file), release: proof.record.release } } : {}),
        },
        null,
        2,
      )}\n`,
    );
    return result.ok ? EXIT.ok : EXIT.problems;
  }
  for (const p of result.problems) writeOut(`${pc.red('✖')} ${pc.bold(p.file)}  ${p.message}  ${pc.dim(p.code)}\n`);
  const { files, facts, sources, entities } = result.checked;
  const what = `${files} files, ${facts} facts, ${sources} sources, ${entities} entities`;
  if (result.ok && proof) {
    const m = result.manifest!;
    writeOut(`${pc.green('✔')} ${m.name} ${m.version} in ${shown}: ${what} match the manifest; release sha256 ${m.release}\n`);
    if (proof.proves === 'published') writeOut(`${pc.green('✔')} matches the published ${m.version} (recorded in ${displayPath(proof.record.file)})\n`);
    else writeOut(`${pc.yellow('!')} internally consistent only: ${proof.reason}\n`);
  } else {
    writeOut(`${pc.red('✖')} ${shown} does not match: ${result.problems.length} problem(s); checked ${what}\n`);
  }
  return result.ok ? EXIT.ok : EXIT.problems;
}
