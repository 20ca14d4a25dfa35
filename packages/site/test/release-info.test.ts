import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { releaseHash } from '@factcite/core/node';
import { describe, expect, it } from 'vitest';
import { readReleaseInfo } from '../src/release-info.js';
import { fixtureCorpus, tempDir } from './fixture.js';

function corpusDir(snapshots: Record<string, string>, changelog?: string): string {
  const dir = tempDir('releases');
  mkdirSync(path.join(dir, 'releases'));
  for (const [version, hash] of Object.entries(snapshots)) {
    writeFileSync(path.join(dir, 'releases', `${version}.json`), JSON.stringify({ version, release: hash, facts: [{}, {}], sources: [{}], entities: [] }));
  }
  writeFileSync(path.join(dir, 'releases', '9.9.9.json'), '{ not json');
  if (changelog) writeFileSync(path.join(dir, 'CHANGELOG.md'), changelog);
  return dir;
}

describe('readReleaseInfo', () => {
  const corpus = fixtureCorpus();
  const hash = releaseHash(corpus);

  it('lists the published releases newest first, the one shown with the hash of its records and its notes', () => {
    const dir = corpusDir({ '0.0.9': 'a'.repeat(64), [corpus.version!]: hash }, `# @factcite/corpus\n\n## ${corpus.version}\n\n- Notes of this release.\n`);
    const { releases } = readReleaseInfo(dir, corpus);
    expect(releases.map((r) => r.version)).toEqual([corpus.version, '0.0.9']);
    expect(releases[0]).toMatchObject({ hash, changelog: '- Notes of this release.', counts: { facts: corpus.facts.length } });
    expect(releases[0]!.unreleased).toBeUndefined();
    expect(releases[1]).toMatchObject({ hash: 'a'.repeat(64), counts: { facts: 2, sources: 1, entities: 0 } });
  });

  it("keeps a published version's own hash when the records shown have changed since", () => {
    const published = 'b'.repeat(64);
    const { releases } = readReleaseInfo(corpusDir({ [corpus.version!]: published }), corpus);
    expect(releases[0]).toMatchObject({ version: corpus.version, hash, unreleased: true });
    expect(releases[1]).toMatchObject({ version: corpus.version, hash: published });
    expect(releases[1]!.unreleased).toBeUndefined();
  });
});
