import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pc from 'picocolors';
import { EXIT, InputError } from '../errors.js';
import { compareVersions } from '../release/semver.js';
import { formatSnapshot, listSnapshots, makeSnapshot, snapshotsDir } from '../release/snapshot.js';
import { loadWorkingCorpus } from '../release/working.js';
import { writeErr, writeOut } from '../terminal.js';

export interface SnapshotOptions {
  corpus?: string;
  force?: boolean;
}

/**
 * `factcite snapshot`: records the working corpus as release <version> in
 * corpus/releases/<version>.json, the baseline the next release-check and
 * changeset compare with. A recorded release never changes without --force.
 */
export function snapshotCommand(options: SnapshotOptions): number {
  const working = loadWorkingCorpus(options.corpus);
  const latest = listSnapshots(working.dir).pop();
  if (latest && compareVersions(latest.version, working.version) > 0) {
    throw new InputError(`the corpus is at ${working.version} but release ${latest.version} is already recorded; versions only go up`);
  }
  const file = path.join(snapshotsDir(working.dir), `${working.version}.json`);
  const rel = path.relative(process.cwd(), file) || file;
  const text = formatSnapshot(makeSnapshot(working.corpus, working.name, working.version));
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (current === text) {
    writeOut(`${pc.green('✔')} ${rel} already records this corpus\n`);
    return EXIT.ok;
  }
  if (current !== undefined && !options.force) {
    writeErr(
      `factcite: ${rel} already records release ${working.version}, and the corpus has changed since. A released snapshot never changes: version the change first (changeset version), or pass --force if ${working.version} was never published.\n`,
    );
    return EXIT.problems;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  writeOut(
    `${pc.green('✔')} ${current === undefined ? 'wrote' : 'rewrote'} ${rel}: ${working.name} ${working.version}, ${working.corpus.facts.length} facts, ${working.corpus.sources.length} sources, ${working.corpus.entities.length} entities\n`,
  );
  return EXIT.ok;
}
