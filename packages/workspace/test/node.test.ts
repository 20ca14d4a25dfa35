/**
 * The Node I/O on a real disk: copies of the real corpus, broken as a
 * maintainer breaks them, and the real built release.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Corpus } from '@factcite/core';
import { snapshotVersions } from '@factcite/core/node';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseCorpus, loadBundled, loadChoice, WorkspaceHost } from '../src/index.js';
import { installedRelease, nodeHostIO, nodeTimers, probe, resolvePath } from '../src/node.js';

const corpusDir = path.dirname(createRequire(import.meta.url).resolve('@factcite/corpus/package.json'));
const release = JSON.parse(readFileSync(path.join(corpusDir, 'dist', 'corpus.json'), 'utf8')) as Corpus;

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'factcite-workspace-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the real corpus files that a test may break. */
function corpusCopy(): string {
  const dir = tempDir();
  for (const part of ['facts', 'sources', 'raw', 'entities.yaml', 'package.json'])
    cpSync(path.join(corpusDir, part), path.join(dir, part), { recursive: true });
  return dir;
}

function load(dir: string) {
  const io = nodeHostIO();
  return loadChoice(io, chooseCorpus({ corpusPath: dir, trusted: true }, io), () => loadBundled(io));
}

describe('choosing on disk', () => {
  it('tells a corpus folder, a built release, something else and nothing apart', () => {
    expect(probe(corpusDir)).toBe('corpus');
    expect(probe(path.join(corpusDir, 'dist'))).toBe('release');
    expect(probe(path.join(corpusDir, 'package.json'))).toBe('other');
    expect(probe(path.join(corpusDir, 'no-such-folder'))).toBe('missing');
  });

  it('resolves a relative path against the folder, ~ against home, and a relative path without a folder to nothing', () => {
    expect(resolvePath('/ws', 'corpus')).toBe(path.resolve('/ws', 'corpus'));
    expect(resolvePath(undefined, '~/c')).toBe(path.join(os.homedir(), 'c'));
    expect(resolvePath(undefined, 'corpus')).toBeUndefined();
  });
});

describe('loading on disk', () => {
  it('loads the installed release with its prebuilt index', () => {
    const loaded = loadBundled(nodeHostIO());
    expect(loaded.index.size).toBe(release.facts.length);
    expect(installedRelease().searchIndex).toBeDefined();
    expect(loaded.notes).toEqual([]);
  });

  it('builds the index, saying why, when the prebuilt one is damaged, and finds the same facts', () => {
    const good = installedRelease();
    const hits = (io: ReturnType<typeof nodeHostIO>) =>
      loadBundled(io)
        .index.search('數碼港 超算', { limit: 10 })
        .map((h) => h.fact.id);
    const expected = hits(nodeHostIO());
    expect(expected.length).toBeGreaterThan(0);
    const damaged = nodeHostIO({ readBundled: () => ({ ...good, searchIndex: good.searchIndex!.subarray(0, good.searchIndex!.length >> 1) }) });
    expect(loadBundled(damaged).notes.join()).toMatch(
      /prebuilt search index could not be used \(createFactIndex: options\.searchIndex is truncated or corrupt/,
    );
    expect(hits(damaged)).toEqual(expected);
  });

  it('loads a valid corpus folder, and a built release folder', () => {
    const folder = load(corpusCopy());
    expect(folder.ok && folder.loaded.index.size).toBe(release.facts.length);
    const built = load(path.join(corpusDir, 'dist'));
    expect(built.ok && built.loaded.origin.kind).toBe('release');
    expect(built.ok && built.loaded.index.size).toBe(release.facts.length);
  });

  it('refuses a folder that is not a corpus, saying why', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'sources'));
    const result = load(dir);
    expect(!result.ok && result.failure.message).toMatch(/not a corpus directory \(no facts\/ or corpus\.json inside\)/);
  });

  it('refuses a broken facts file, locating it, without loading half a corpus', () => {
    const dir = corpusCopy();
    const file = path.join(dir, 'facts', 'hk-ai-ecosystem.yaml');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.splice(3, 0, '  kind: [unclosed');
    writeFileSync(file, lines.join('\n'));
    const result = load(dir);
    if (result.ok) throw new Error('a broken corpus loaded');
    const first = result.failure.problems[0]!;
    expect(first.file).toBe(path.join('facts', 'hk-ai-ecosystem.yaml'));
    expect(first.line).toBeGreaterThanOrEqual(4);
    expect(result.failure.message).toContain(`${first.file}:${first.line}:${first.column}`);
  });

  it('refuses a quote that its source does not contain', () => {
    const dir = corpusCopy();
    const fact = release.facts.find((f) => f.status === 'active')!;
    const quote = fact.citations[0]!.quote;
    const file = readdirSync(path.join(dir, 'facts'))
      .map((name) => path.join(dir, 'facts', name))
      .find((f) => readFileSync(f, 'utf8').includes(quote))!;
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(quote, `${quote}（改写）`));
    const result = load(dir);
    expect(!result.ok && result.failure.problems.map((p) => p.code)).toContain('quote-not-found');
  });

  it('refuses a built release whose corpus.json does not validate', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'corpus.json'), JSON.stringify({ ...release, facts: [{ id: 'Not An Id' }] }));
    const result = load(dir);
    expect(!result.ok && result.failure.problems.length).toBeGreaterThan(0);
  });

  it('reads no corpus file outside the corpus folder', () => {
    const io = nodeHostIO();
    const origin = { kind: 'workspace' as const, dir: corpusDir };
    expect(io.readCorpusFile(origin, 'package.json')?.text).toContain('@factcite/corpus');
    expect(io.readCorpusFile(origin, '../package.json')).toBeUndefined();
  });

  it("reads a pinned release's snapshot from the corpus's releases/, and keeps a hostile version inside it", () => {
    const io = nodeHostIO();
    const origin = { kind: 'release' as const, dir: corpusDir };
    const [oldest] = snapshotVersions(corpusDir);
    expect(oldest).toBeDefined();
    const snapshot = io.readReleaseSnapshot(origin, oldest!);
    expect(snapshot.version).toBe(oldest);
    expect(snapshot.facts.length).toBeGreaterThan(0);
    expect(() => io.readReleaseSnapshot(origin, '../package')).toThrow(/not a version/);
    expect(() => io.readReleaseSnapshot(origin, '99.0.0')).toThrow(/no snapshot of release 99\.0\.0/);
  });

  it("names the corpus path of a document's file: URI, and nothing for a file outside the corpus or another scheme", () => {
    const io = nodeHostIO();
    const origin = { kind: 'workspace' as const, dir: corpusDir };
    expect(io.corpusPathOf(origin, pathToFileURL(path.join(corpusDir, 'sources', 'a b.md')).href)).toBe('sources/a b.md');
    expect(io.corpusPathOf(origin, pathToFileURL(path.join(path.dirname(corpusDir), 'corpus-notes', 'x.md')).href)).toBeUndefined();
    expect(io.corpusPathOf(origin, pathToFileURL(path.join(corpusDir, '..', 'report.md')).href)).toBeUndefined();
    expect(io.corpusPathOf(origin, 'untitled:Untitled-1')).toBeUndefined();
    expect(io.corpusPathOf(origin, 'file://remote-host/share/x.md')).toBeUndefined();
  });
});

describe('watching on disk', () => {
  /** Copies the real corpus to `to` under its own version, so each copy is told apart. */
  function corpusAt(to: string, version: string): void {
    for (const part of ['facts', 'sources', 'entities.yaml']) cpSync(path.join(corpusDir, part), path.join(to, part), { recursive: true });
    writeFileSync(path.join(to, 'package.json'), JSON.stringify({ name: 'workspace-corpus', version }));
  }

  async function until(what: string, done: () => boolean): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('follows a corpus folder that is deleted and restored, replaced by a rename, and edited after', async () => {
    const ws = tempDir();
    const dir = path.join(ws, 'corpus');
    corpusAt(dir, '1.0.0-first');
    const host = new WorkspaceHost({
      io: nodeHostIO(),
      timers: nodeTimers,
      settings: { trusted: true, folder: ws, corpusPath: 'corpus' },
      events: { publish: () => {} },
    });
    try {
      expect(host.corpus.index.version).toBe('1.0.0-first');

      rmSync(dir, { recursive: true, force: true });
      await until('the deletion', () => /not found/.test(host.corpusState.failureMessage ?? ''));
      expect(host.corpus.index.version).toBe('1.0.0-first');
      corpusAt(dir, '1.0.0-restored');
      await until('the restored corpus', () => host.corpus.index.version === '1.0.0-restored');

      // Built beside, then swapped in by two renames.
      corpusAt(path.join(ws, 'next'), '1.0.0-replaced');
      renameSync(dir, path.join(ws, 'previous'));
      renameSync(path.join(ws, 'next'), dir);
      await until('the replacement', () => host.corpus.index.version === '1.0.0-replaced');

      // The new folder is the one watched now.
      writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'workspace-corpus', version: '1.0.0-edited' }));
      await until('the edit', () => host.corpus.index.version === '1.0.0-edited');
    } finally {
      host.dispose();
    }
  });
});
