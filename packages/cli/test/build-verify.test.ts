import { appendFileSync, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_SOURCES, CORPUS_VERSION, copyCorpus, editFact, NEXT_MINOR } from './fixtures.js';
import { factcite, repoRoot, tempDir } from './run.js';

/** A version as a regular expression matching it literally. */
const escaped = (text: string) => text.replaceAll('.', '\\.');

describe('factcite build', () => {
  let out: string;
  beforeAll(() => {
    out = path.join(tempDir('build'), 'release');
  });

  it('writes the release: data, modules with a typed FactId, JSON Schemas and a manifest', () => {
    const { code, stdout } = factcite(['build', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      new RegExp(
        `@factcite/corpus ${escaped(CORPUS_VERSION)} → .*: \\d+ facts, ${CORPUS_SOURCES} sources, \\d+ entities, 12 files; release sha256 [0-9a-f]{64}`,
      ),
    );
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    const data = JSON.parse(readFileSync(path.join(out, 'corpus.json'), 'utf8'));
    expect(Object.keys(manifest.facts)).toEqual(data.facts.map((f: { id: string }) => f.id));
    expect(readFileSync(path.join(out, 'index.d.ts'), 'utf8')).toContain("| 'hk-ai-rd-institute-funding'");
    expect(JSON.parse(readFileSync(path.join(out, 'schema', 'facts.schema.json'), 'utf8')).type).toBe('array');
  });

  it('is the same build as the corpus package’s own', () => {
    const own = JSON.parse(readFileSync(path.join(repoRoot, 'corpus', 'dist', 'manifest.json'), 'utf8'));
    const ours = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(ours).toEqual(own);
  });

  it('leaves the last good release in place when the corpus is invalid', () => {
    const { corpus } = copyCorpus('build-broken');
    const target = path.join(tempDir('build-target'), 'dist');
    expect(factcite(['build', '--corpus', corpus, '--out', target]).code).toBe(0);
    const before = readFileSync(path.join(target, 'corpus.json'), 'utf8');
    editFact(corpus, 'hk-ai-rd-institute-funding', (b) => b.replace('source: city24-hk-ai-2025-02-27', 'source: no-such-source'));
    const { code, stderr } = factcite(['build', '--corpus', corpus, '--out', target]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/facts\/city24-hk-ai-2025-02-27\.yaml:\d+:\d+ {2}error {2}fact "hk-ai-rd-institute-funding": unknown source "no-such-source"/);
    expect(stderr).toContain('left as it was');
    expect(readFileSync(path.join(target, 'corpus.json'), 'utf8')).toBe(before);
  });
});

describe('factcite verify', () => {
  let release: string;
  beforeAll(() => {
    release = path.join(tempDir('verify'), 'dist');
    expect(factcite(['build', '--out', release]).code).toBe(0);
    // A build takes seconds; on a loaded machine, more than the default 10 s.
  }, 120_000);

  function tampered(edit: (dir: string) => void): string {
    const dir = path.join(tempDir('verify-tampered'), 'dist');
    cpSync(release, dir, { recursive: true });
    edit(dir);
    return dir;
  }

  it('passes the installed release of the repository', () => {
    const { code, stdout } = factcite(['verify']);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      new RegExp(
        `✔ @factcite/corpus ${escaped(CORPUS_VERSION)} in corpus/dist: 12 files, \\d+ facts, ${CORPUS_SOURCES} sources, \\d+ entities match the manifest`,
      ),
    );
  });

  it('passes a package directory, reading its dist/', () => {
    const pkg = path.dirname(release);
    // A corpus with no release records: nothing published to compare with.
    const { corpus } = copyCorpus('verify-no-records');
    writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: '@factcite/corpus', version: CORPUS_VERSION }));
    const passed = factcite(['verify', pkg, '--corpus', corpus]);
    expect(passed.code).toBe(0);
    expect(passed.stdout).toContain('internally consistent only');
    writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: '@factcite/corpus', version: NEXT_MINOR }));
    const stale = factcite(['verify', pkg, '--json', '--corpus', corpus]);
    expect(stale.code).toBe(1);
    expect(JSON.parse(stale.stdout).problems).toEqual([expect.objectContaining({ code: 'version-mismatch', file: 'package.json' })]);
  });

  it('detects a fact whose value was changed after the build, and names it', () => {
    const dir = tampered((d) => {
      const file = path.join(d, 'corpus.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace('"amount":1000000000,', '"amount":2000000000,'));
    });
    const { code, stdout } = factcite(['verify', dir, '--json']);
    expect(code).toBe(1);
    const result = JSON.parse(stdout);
    expect(result.ok).toBe(false);
    const codes = result.problems.map((p: { code: string }) => p.code).sort();
    expect(codes).toEqual(['file-changed', 'record-changed', 'release-changed']);
    expect(result.problems.find((p: { code: string }) => p.code === 'record-changed').record).toEqual({ kind: 'fact', id: 'hk-ai-rd-institute-funding' });
  });

  it('detects a changed module, a changed schema and an added file', () => {
    const dir = tampered((d) => {
      appendFileSync(path.join(d, 'index.js'), 'globalThis.injected = true;\n');
      writeFileSync(path.join(d, 'extra.js'), 'export {};\n');
      writeFileSync(path.join(d, 'schema', 'source.schema.json'), '{}');
    });
    const human = factcite(['verify', dir]);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('index.js does not match its hash in the manifest');
    expect(human.stdout).toContain('extra.js is not part of the release');
    expect(human.stdout).toContain('schema/source.schema.json does not match its hash');
  });

  it('reports a directory that holds no release as a usage error', () => {
    const { code, stderr } = factcite(['verify', tempDir('verify-empty')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^factcite: no release in .*: expected manifest\.json there or in its dist\//);
    expect(existsSync(path.join(release, 'manifest.json'))).toBe(true);
  });
});
