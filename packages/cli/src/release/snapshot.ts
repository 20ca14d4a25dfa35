import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Corpus, corpusJsonSchemas, type Entity, type Fact } from '@factcite/core';
import { releaseHash } from '@factcite/core/node';
import { InputError } from '../errors.js';
import { fromJson, type ReleaseData, type SourceRecord, sourceRecord } from './data.js';
import { compareVersions, parseVersion } from './semver.js';

const SNAPSHOT_FORMAT = 'factcite-release-snapshot/1';

/**
 * What the repository keeps of each release (corpus/releases/<version>.json),
 * so the next one can be compared with it: every record, with source bodies
 * reduced to hashes, and the JSON Schemas the records followed.
 */
export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  name: string;
  version: string;
  /** The release's content hash, as in its manifest. */
  release: string;
  schemas: Record<string, unknown>;
  facts: Fact[];
  sources: SourceRecord[];
  entities: Entity[];
}

export function makeSnapshot(corpus: Corpus, name: string, version: string): Snapshot {
  return {
    format: SNAPSHOT_FORMAT,
    name,
    version,
    release: releaseHash(corpus),
    schemas: corpusJsonSchemas(),
    facts: corpus.facts,
    sources: corpus.sources.map(sourceRecord),
    entities: corpus.entities,
  };
}

/** The snapshot file's text: indented, so that a release's change reads well in a pull request. */
export function formatSnapshot(snapshot: Snapshot): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}

export function snapshotsDir(corpusDir: string): string {
  return path.join(corpusDir, 'releases');
}

/** The snapshots kept in a corpus, oldest first. */
export function listSnapshots(corpusDir: string): { version: string; file: string }[] {
  const dir = snapshotsDir(corpusDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => /^(\d+\.\d+\.\d+)\.json$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ version: m[1]!, file: path.join(dir, m[0]) }))
    .sort((a, b) => compareVersions(a.version, b.version));
}

/** The latest snapshot at or below a version: the last release before (or of) it. */
export function lastSnapshot(corpusDir: string, version: string): { version: string; file: string } | undefined {
  if (!parseVersion(version)) throw new InputError(`corpus version "${version}" is not a x.y.z version`);
  return listSnapshots(corpusDir)
    .filter((s) => compareVersions(s.version, version) <= 0)
    .pop();
}

export function readSnapshot(file: string): ReleaseData {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InputError(`${file}: cannot read the release snapshot: ${(error as Error).message}`);
  }
  if ((value as { format?: unknown })?.format !== SNAPSHOT_FORMAT) throw new InputError(`${file}: not a ${SNAPSHOT_FORMAT} file`);
  return fromJson(value, path.basename(file));
}
