import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { displayPath } from '@factcite/core/node';
import pc from 'picocolors';
import { EXIT, InputError, UsageError } from '../errors.js';
import { findChangesetDir, formatChangeset } from '../release/changesets.js';
import { releaseNotes, summarize } from '../release/notes.js';
import { bumpBetween, compareBumps } from '../release/semver.js';
import { compareWithLastRelease } from '../release/working.js';
import { writeOut } from '../terminal.js';

export interface ChangesetOptions {
  corpus?: string;
  dir?: string;
  name?: string;
}

/**
 * `factcite changeset`: writes .changeset/<name>.md for the corpus package
 * with the bump the policy requires and release notes generated from the diff
 * against the last release. Re-running it rewrites the same file, so the
 * notes always cover everything since that release.
 */
export function changesetCommand(options: ChangesetOptions): number {
  const name = options.name ?? 'factcite-corpus';
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name)) throw new UsageError(`changeset name must be kebab-case: ${name}`);
  const { working, last, diff } = compareWithLastRelease(options.corpus);
  if (diff.bump === 'none') {
    writeOut(`Nothing changed since ${last.version}; no changeset written.\n`);
    return EXIT.ok;
  }
  const versioned = bumpBetween(last.version, working.version);
  if (compareBumps(versioned, diff.bump) >= 0) {
    writeOut(
      `${working.name} is already at ${working.version} (${versioned} after ${last.version}), which covers this ${diff.bump} change; no changeset written.\n`,
    );
    return EXIT.ok;
  }
  const dir = options.dir ? path.resolve(options.dir) : findChangesetDir(working.dir);
  if (!dir || !existsSync(dir)) throw new InputError('no .changeset directory found above the corpus; run `pnpm changeset init` or pass --dir');
  const file = path.join(dir, `${name}.md`);
  const text = formatChangeset(working.name, diff.bump as Exclude<typeof diff.bump, 'none'>, releaseNotes(diff, last.data, working.data));
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  writeFileSync(file, text);
  const rel = displayPath(file);
  writeOut(
    `${pc.green('✔')} ${previous === undefined ? 'wrote' : previous === text ? 'unchanged' : 'updated'} ${rel}: ${working.name} ${pc.bold(diff.bump)} after ${last.version} (${summarize(diff)})\n`,
  );
  if (diff.removed.length) {
    writeOut(pc.yellow(`  ${diff.removed.length} fact id(s) vanished; release-check refuses that: deprecate them with supersededBy instead.\n`));
  }
  return EXIT.ok;
}
