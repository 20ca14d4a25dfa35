import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson, InvalidArgumentError } from '../src/index.js';
import { buildRelease, recordHash, releaseFiles, verifyRelease } from '../src/node.js';

const corpusDir = path.resolve(__dirname, '../../../corpus');
const temp = mkdtempSync(path.join(os.tmpdir(), 'factcite-core-release-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined, so equal records hash equally', () => {
    const a = { b: 1, a: { d: [1, { z: 1, y: 2 }], c: '港' }, u: undefined };
    const b = { a: { c: '港', d: [1, { y: 2, z: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":"港","d":[1,{"y":2,"z":1}]},"b":1}');
    expect(recordHash(a)).toBe(recordHash(b));
  });

  it('refuses numbers JSON cannot hold', () => {
    expect(() => canonicalJson({ amount: Number.NaN })).toThrow(InvalidArgumentError);
  });
});

describe('buildRelease and verifyRelease', () => {
  const out = path.join(temp, 'release');
  const built = buildRelease({ corpusDir, outDir: out });

  it('builds the real corpus with a hash for every fact and for the whole release', () => {
    expect(built.ok).toBe(true);
    const manifest = built.manifest!;
    expect(Object.keys(manifest.facts)).toHaveLength(manifest.counts.facts);
    expect(manifest.release).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(manifest.files).sort()).toEqual(
      [
        'corpus.json',
        'entities.json',
        'facts.json',
        'index.cjs',
        'index.d.cts',
        'index.d.ts',
        'index.js',
        'schema/entities.schema.json',
        'schema/facts.schema.json',
        'schema/source.schema.json',
        'search-index.bin',
        'sources.json',
      ].sort(),
    );
    const data = JSON.parse(readFileSync(path.join(out, 'corpus.json'), 'utf8'));
    expect(manifest.facts[data.facts[0].id]).toBe(recordHash(data.facts[0]));
  });

  it('is reproducible: the same corpus gives the same bytes', () => {
    const files = releaseFiles(JSON.parse(readFileSync(path.join(out, 'corpus.json'), 'utf8')), built.manifest!.name, built.manifest!.version);
    for (const [file, content] of files) {
      if (typeof content === 'string') expect(readFileSync(path.join(out, file), 'utf8'), file).toBe(content);
      // Buffer.compare: a deep equality of 700 KB takes vitest seconds.
      else expect(Buffer.compare(readFileSync(path.join(out, file)), content), file).toBe(0);
    }
  });

  it('ships its search index, read by the ESM and the CommonJS module alike', async () => {
    const { createRequire } = await import('node:module');
    const { createFactIndex } = await import('../src/index.js');
    const esm = await import(path.join(out, 'index.js'));
    const cjs = createRequire(import.meta.url)(path.join(out, 'index.cjs'));
    const built = createFactIndex(esm.corpus);
    const hits = (index: ReturnType<typeof createFactIndex>) => index.search('數碼港 人工智能', { limit: 10 }).map((h) => h.fact.id);
    expect(hits(built).length).toBeGreaterThan(3);
    for (const module of [esm, cjs]) {
      expect(module.searchIndex).toBeInstanceOf(Uint8Array);
      expect(Buffer.compare(module.searchIndex, built.exportSearchIndex())).toBe(0);
      expect(hits(createFactIndex(module.corpus, { searchIndex: module.searchIndex }))).toEqual(hits(built));
    }
  });

  it('verifies an untouched release', () => {
    const result = verifyRelease(out);
    expect(result.problems).toEqual([]);
    expect(result.checked.facts).toBe(built.manifest!.counts.facts);
  });

  it('detects a fact edited after the build', () => {
    const copy = path.join(temp, 'tampered');
    cpSync(out, copy, { recursive: true });
    const file = path.join(copy, 'corpus.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    const victim = data.facts.find((f: { id: string }) => f.id === 'hk-ai-rd-institute-funding');
    victim.value.amount = 2e9;
    writeFileSync(file, `${JSON.stringify(data)}\n`);
    const codes = verifyRelease(copy).problems.map((p) => `${p.code}${p.record ? ` ${p.record.id}` : ` ${p.file}`}`);
    expect(codes.sort()).toEqual(['file-changed corpus.json', 'record-changed hk-ai-rd-institute-funding', 'release-changed corpus.json']);
  });

  it('keeps the last good release when the corpus is invalid', () => {
    const broken = path.join(temp, 'broken-corpus');
    for (const part of ['facts', 'sources', 'raw', 'entities.yaml', 'package.json'])
      cpSync(path.join(corpusDir, part), path.join(broken, part), { recursive: true });
    const target = path.join(temp, 'kept');
    expect(buildRelease({ corpusDir: broken, outDir: target }).ok).toBe(true);
    const before = readFileSync(path.join(target, 'manifest.json'), 'utf8');
    const factFile = path.join(broken, 'facts', 'city24-hk-ai-2025-02-27.yaml');
    writeFileSync(factFile, readFileSync(factFile, 'utf8').replace('kind: quantity', 'kind: amount'));
    const result = buildRelease({ corpusDir: broken, outDir: target });
    expect(result.ok).toBe(false);
    expect(result.errors[0]?.code).toBe('invalid-value');
    expect(readFileSync(path.join(target, 'manifest.json'), 'utf8')).toBe(before);
    expect(verifyRelease(target).ok).toBe(true);
  }, 30_000);
});
