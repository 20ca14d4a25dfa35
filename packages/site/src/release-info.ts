import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Corpus } from '@factcite/core';
import { readableReleaseDir, readLimits, readRegularFile, releaseHash } from '@factcite/core/node';
import type { ReleaseEntry } from './context.js';

/** What a corpus directory or installed release offers beyond its records: its prebuilt index and its release history. */
export interface ReleaseInfo {
  searchIndex?: Uint8Array;
  releases: ReleaseEntry[];
}

function readText(file: string): string | undefined {
  try {
    return readRegularFile(file, readLimits().maxFileBytes).toString('utf8');
  } catch {
    return undefined;
  }
}

/**
 * The release notes of each version in a changesets CHANGELOG.md: the text
 * under each `## <version>` heading.
 */
export function changelogSections(text: string): Map<string, string> {
  const sections = new Map<string, string>();
  let version: string | undefined;
  let lines: string[] = [];
  const flush = () => {
    if (version) sections.set(version, lines.join('\n').trim());
  };
  for (const line of text.split(/\r\n|\r|\n/)) {
    const heading = /^##\s+v?(\d+\.\d+\.\d+(?:-[\w.]+)?)\s*$/.exec(line);
    if (heading) {
      flush();
      version = heading[1];
      lines = [];
    } else if (version) lines.push(line);
  }
  flush();
  return sections;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((p) => Number(p));
  const pb = b.split(/[.-]/).map((p) => Number(p));
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

interface SnapshotFile {
  version?: unknown;
  release?: unknown;
  facts?: unknown;
  sources?: unknown;
  entities?: unknown;
}

/**
 * Reads what a corpus directory (a checkout: releases/ snapshots,
 * CHANGELOG.md, a built dist/) or an installed @factcite/corpus (dist/ only)
 * says of its releases. Unreadable or foreign files are skipped: the site
 * then lists less, and the records it shows are unaffected.
 */
export function readReleaseInfo(dir: string, corpus: Corpus): ReleaseInfo {
  const dist = readableReleaseDir(path.join(dir, 'dist'));
  let searchIndex: Uint8Array | undefined;
  if (dist && existsSync(path.join(dist, 'search-index.bin'))) {
    try {
      searchIndex = new Uint8Array(readRegularFile(path.join(dist, 'search-index.bin'), readLimits().maxCorpusBytes));
    } catch {
      searchIndex = undefined;
    }
  }
  const changelog = changelogSections(readText(path.join(dir, 'CHANGELOG.md')) ?? '');
  const byVersion = new Map<string, ReleaseEntry>();
  const snapshots = path.join(dir, 'releases');
  if (existsSync(snapshots)) {
    for (const name of readdirSync(snapshots).filter((n) => /^\d+\.\d+\.\d+.*\.json$/.test(n))) {
      let snapshot: SnapshotFile;
      try {
        snapshot = JSON.parse(readText(path.join(snapshots, name)) ?? 'null') as SnapshotFile;
      } catch {
        continue;
      }
      if (!snapshot || typeof snapshot.version !== 'string' || typeof snapshot.release !== 'string') continue;
      const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);
      byVersion.set(snapshot.version, {
        version: snapshot.version,
        hash: snapshot.release,
        counts: { facts: count(snapshot.facts), sources: count(snapshot.sources), entities: count(snapshot.entities) },
      });
    }
  }
  // The release shown is hashed from the very records on the site, as its manifest does.
  const version = corpus.version ?? 'unversioned';
  const shown: ReleaseEntry = {
    version,
    hash: releaseHash(corpus),
    counts: { facts: corpus.facts.length, sources: corpus.sources.length, entities: corpus.entities.length },
  };
  const published = byVersion.get(version);
  // A working corpus edited since its last release: the published version keeps its own hash, and the records shown are listed apart.
  const unreleased = published !== undefined && published.hash !== shown.hash;
  if (!unreleased) byVersion.set(version, shown);
  const releases = [...byVersion.values()]
    .map((r) => {
      const notes = changelog.get(r.version);
      return notes ? { ...r, changelog: notes } : r;
    })
    .sort((a, b) => compareVersions(b.version, a.version));
  if (unreleased) releases.unshift({ ...shown, unreleased: true });
  return { ...(searchIndex ? { searchIndex } : {}), releases };
}
