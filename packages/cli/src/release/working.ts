import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Corpus, corpusJsonSchemas } from '@factcite/core';
import { displayPath } from '@factcite/core/node';
import { resolveCorpusDir } from '../corpus.js';
import { InputError } from '../errors.js';
import { fromCorpus, loadValidCorpus, type ReleaseData } from './data.js';
import { diffReleases, type ReleaseDiff } from './diff.js';
import { parseVersion } from './semver.js';
import { lastSnapshot, readSnapshot, snapshotsDir } from './snapshot.js';

/** The maintainer's working corpus: a directory with a package.json naming and versioning it. */
export interface WorkingCorpus {
  dir: string;
  name: string;
  version: string;
  corpus: Corpus;
  data: ReleaseData;
}

export function loadWorkingCorpus(option: string | undefined): WorkingCorpus {
  const dir = resolveCorpusDir(option);
  let pkg: { name?: string; version?: string };
  try {
    pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  } catch {
    throw new InputError(`${dir} has no readable package.json; the corpus package names and versions each release`);
  }
  if (!pkg.name || !pkg.version || !parseVersion(pkg.version)) {
    throw new InputError(`${path.join(dir, 'package.json')} needs a name and a x.y.z version`);
  }
  const corpus = loadValidCorpus(dir, path.relative(process.cwd(), dir) || '.');
  return { dir, name: pkg.name, version: pkg.version, corpus, data: fromCorpus(corpus, 'working corpus', corpusJsonSchemas()) };
}

/** The working corpus against the last release snapshot at or below its version. */
export interface WorkingComparison {
  working: WorkingCorpus;
  last: { version: string; file: string; data: ReleaseData };
  diff: ReleaseDiff;
}

export function compareWithLastRelease(option: string | undefined): WorkingComparison {
  const working = loadWorkingCorpus(option);
  const found = lastSnapshot(working.dir, working.version);
  if (!found) {
    const where = displayPath(snapshotsDir(working.dir));
    throw new InputError(
      `no release snapshot at or below ${working.version} in ${where}; the first release writes one with factcite snapshot (see corpus/RELEASING.md)`,
    );
  }
  const data = readSnapshot(found.file);
  return { working, last: { ...found, data }, diff: diffReleases(data, working.data) };
}
