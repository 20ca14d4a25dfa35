/**
 * Reading the facts of a past release from its snapshot,
 * `<corpus>/releases/<version>.json`, for a report that pins that version.
 * The version comes from the report (data): it must be a plain x.y.z, and
 * the file is resolved inside the releases folder (no `..`, no link out of
 * it), read only if it is a regular file within the read cap, and its facts
 * are checked against the fact schema before anything trusts them.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { FactciteError } from '../errors.js';
import type { PinnedRelease } from './fact-changes.js';
import { isReleaseVersion } from './pin.js';
import { printable } from '../printable.js';
import { readLimits, readRegularFile } from '../io/read-file.js';
import { resolveInside } from '../io/safe-path.js';
import { corpusSchemas } from '../corpus/schema.js';
import { lazySchema } from '../lazy-schema.js';

/** A release snapshot that cannot be used: missing, unreadable, or not a snapshot. */
export class SnapshotError extends FactciteError {
  constructor(message: string) {
    super('bad-snapshot', message);
  }
}

const snapshotSchema = lazySchema((z) =>
  z.object({
    format: z.literal('factcite-release-snapshot/1'),
    version: z.string(),
    facts: z.array(corpusSchemas().FactSchema),
  }),
);

/** The folder of a corpus that keeps its release snapshots. */
export function releasesDir(corpusDir: string): string {
  return path.join(corpusDir, 'releases');
}

/** The versions a corpus keeps snapshots of, oldest first. */
export function snapshotVersions(corpusDir: string): string[] {
  const dir = releasesDir(corpusDir);
  if (!existsSync(dir)) return [];
  const versions = readdirSync(dir)
    .map((name) => /^(\d+\.\d+\.\d+)\.json$/.exec(name)?.[1])
    .filter((v): v is string => v !== undefined);
  const key = (v: string) => v.split('.').map(Number);
  return versions.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return 0;
  });
}

/**
 * The facts of release `version` as its snapshot keeps them. Throws a
 * {@link SnapshotError} saying what is wrong (an unsafe or unknown version,
 * an unreadable file, a snapshot whose facts do not follow the schema), and
 * UnsafePathError for a path that would leave the releases folder.
 */
export function readReleaseSnapshot(corpusDir: string, version: string): PinnedRelease {
  if (!isReleaseVersion(version)) throw new SnapshotError(`the pinned release "${printable(version)}" is not a version such as 0.1.0`);
  const dir = releasesDir(corpusDir);
  const file = resolveInside(dir, `${version}.json`, 'release snapshot');
  if (!existsSync(file)) {
    const known = snapshotVersions(corpusDir);
    throw new SnapshotError(`no snapshot of release ${version} in ${printable(dir)}${known.length ? ` (there are: ${known.join(', ')})` : ''}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(readRegularFile(file, readLimits().maxFileBytes).toString('utf8'));
  } catch (error) {
    throw new SnapshotError(`cannot read the snapshot of release ${version}: ${printable((error as Error).message)}`);
  }
  const parsed = snapshotSchema().safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SnapshotError(`the snapshot of release ${version} is not a factcite release snapshot: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  if (parsed.data.version !== version) throw new SnapshotError(`the file for release ${version} holds release ${printable(parsed.data.version)}`);
  return { version, facts: parsed.data.facts };
}
