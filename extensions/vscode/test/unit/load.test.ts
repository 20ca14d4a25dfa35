import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isFailure, loadBundledCorpus } from '../../src/corpus/load.js';
import { loadWorkspaceCorpus } from '../../src/corpus/workspace.js';
import { corpus, corpusDir } from './fixtures.js';

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'factcite-vscode-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the real corpus files that a test may break. */
function corpusCopy(): string {
  const dir = tempDir();
  for (const part of ['facts', 'sources', 'raw', 'entities.yaml', 'package.json']) cpSync(path.join(corpusDir, part), path.join(dir, part), { recursive: true });
  return dir;
}

describe('loadBundledCorpus', () => {
  it('reads the prebuilt index beside corpus.json, and builds one, saying why, when that file is damaged or missing', () => {
    const dist = tempDir();
    for (const file of ['corpus.json', 'search-index.bin']) cpSync(path.join(corpusDir, 'dist', file), path.join(dist, file));
    const hits = (loaded: ReturnType<typeof loadBundledCorpus>) => loaded.index.search('數碼港 超算', { limit: 10 }).map((h) => h.fact.id);
    const prebuilt = loadBundledCorpus(dist);
    expect(prebuilt.prebuiltIndexProblem).toBeUndefined();
    const expected = hits(prebuilt);
    expect(expected.length).toBeGreaterThan(0);

    const file = path.join(dist, 'search-index.bin');
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length >> 1));
    const damaged = loadBundledCorpus(dist);
    expect(damaged.prebuiltIndexProblem).toMatch(/search-index\.bin: createFactIndex: options\.searchIndex is truncated or corrupt/);
    expect(hits(damaged)).toEqual(expected);

    rmSync(file);
    const missing = loadBundledCorpus(dist);
    expect(missing.prebuiltIndexProblem).toMatch(/search-index\.bin could not be read: ENOENT/);
    expect(hits(missing)).toEqual(expected);
  });

  it('loads corpus.json and points at the corpus files beside it', () => {
    const dist = tempDir();
    cpSync(path.join(corpusDir, 'dist', 'corpus.json'), path.join(dist, 'corpus.json'));
    const loaded = loadBundledCorpus(dist);
    expect(loaded.index.size).toBe(corpus.facts.length);
    expect(loaded.index.version).toBe(corpus.version);
    expect(loaded.origin).toEqual({ kind: 'bundled', dir: path.join(dist, 'corpus') });
    expect(loaded.index.get('hk-ai-rd-institute-funding')?.value?.text).toBe('10亿港元');
  });
});

describe('loadWorkspaceCorpus', () => {
  it('loads a valid corpus directory', () => {
    const result = loadWorkspaceCorpus(corpusCopy());
    if (isFailure(result)) throw new Error(result.message);
    expect(result.index.size).toBe(corpus.facts.length);
    expect(result.origin.kind).toBe('workspace');
  });

  it('refuses a directory that is not a corpus, saying why', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'sources'));
    const result = loadWorkspaceCorpus(dir);
    expect(isFailure(result) && result.message).toMatch(/is not a corpus directory \(it has no facts\/ folder\)/);
  });

  it('reports a broken facts file at its file and line, without loading half a corpus', () => {
    const dir = corpusCopy();
    const file = path.join(dir, 'facts', 'hk-ai-ecosystem.yaml');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.splice(3, 0, '  kind: [unclosed');
    writeFileSync(file, lines.join('\n'));
    const result = loadWorkspaceCorpus(dir);
    if (!isFailure(result)) throw new Error('a broken corpus loaded');
    expect(result.problems.length).toBeGreaterThan(0);
    const first = result.problems[0]!;
    expect(first.file).toBe(path.join('facts', 'hk-ai-ecosystem.yaml'));
    expect(first.line).toBeGreaterThanOrEqual(4);
    expect(result.message).toContain(`${first.file}:${first.line}:${first.column}`);
  });

  it('reports a quote that its source does not contain', () => {
    const dir = corpusCopy();
    const file = path.join(dir, 'facts', 'city24-hk-ai-2025-02-27.yaml');
    const quote = corpus.facts.find((f) => f.id === 'hk-ai-rd-institute-funding')!.citations[0]!.quote;
    writeFileSync(file, readFileSync(file, 'utf8').replace(quote, `${quote}（改写）`));
    const result = loadWorkspaceCorpus(dir);
    expect(isFailure(result) && result.problems.map((p) => p.code)).toContain('quote-not-found');
  });
});
