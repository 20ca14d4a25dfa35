/**
 * The CLI chooses its corpus by the workspace host's rules, as the editors
 * do: a corpus folder or a built release named by --corpus or
 * $FACTCITE_CORPUS, then a corpus/ folder in or above the working directory,
 * then the installed release. Expectations come from the built release.
 */
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Corpus } from '@factcite/core';
import { describe, expect, it } from 'vitest';
import { factcite, repoRoot, tempDir } from './run.js';

const corpusDir = path.join(repoRoot, 'corpus');
const releaseDir = path.join(corpusDir, 'dist');
const release = JSON.parse(readFileSync(path.join(releaseDir, 'corpus.json'), 'utf8')) as Corpus;

describe('choosing the corpus', () => {
  it('reads a built release named by --corpus, finding what the corpus folder finds', () => {
    const fromRelease = factcite(['search', '數碼港', '--json', '--corpus', releaseDir]);
    const fromFolder = factcite(['search', '數碼港', '--json', '--corpus', corpusDir]);
    expect(fromRelease.code).toBe(0);
    const ids = (out: string) => (JSON.parse(out) as { fact?: { id: string }; id?: string }[]).map((h) => h.fact?.id ?? h.id);
    expect(ids(fromRelease.stdout).length).toBeGreaterThan(0);
    expect(ids(fromRelease.stdout)).toEqual(ids(fromFolder.stdout));
  });

  it('validates a built release named by $FACTCITE_CORPUS', () => {
    const { code, stdout } = factcite(['validate'], { env: { FACTCITE_CORPUS: releaseDir } });
    expect(code).toBe(0);
    expect(stdout).toContain(`${release.facts.length} facts, ${release.sources.length} sources`);
  });

  it('finds a corpus/ folder above the working directory', () => {
    const ws = tempDir('choice');
    for (const part of ['facts', 'sources', 'entities.yaml', 'package.json'])
      cpSync(path.join(corpusDir, part), path.join(ws, 'corpus', part), { recursive: true });
    mkdirSync(path.join(ws, 'reports', 'drafts'), { recursive: true });
    const { code, stdout } = factcite(['validate'], { cwd: path.join(ws, 'reports', 'drafts') });
    expect(code).toBe(0);
    expect(stdout).toContain(path.join(ws, 'corpus'));
  });

  it('refuses a built release where a command writes corpus files, and a missing path, with usage errors', () => {
    const mined = factcite(['mine', release.sources[0]!.id, '--corpus', releaseDir]);
    expect(mined.code).toBe(2);
    expect(mined.stderr).toMatch(/is a built release; this command needs a corpus folder/);
    const missing = factcite(['validate', '--corpus', path.join(tempDir('none'), 'no-such-corpus')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^factcite: corpus directory not found/);
  });
});
