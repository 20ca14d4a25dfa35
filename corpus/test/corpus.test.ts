import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { corpusJsonSchemas } from '@factcite/core';
import { loadCorpusDir, verifyRelease } from '@factcite/core/node';
import { describe, expect, it } from 'vitest';
import * as release from '../dist/index.js';

const root = path.resolve(__dirname, '..');
const { corpus, errors, warnings } = loadCorpusDir(root, root);

describe('the corpus', () => {
  it('validates without errors or warnings', () => {
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('quotes every source verbatim', () => {
    const text = new Map(corpus.sources.map((s) => [s.id, s.text]));
    const missing = corpus.facts.flatMap((f) => f.citations.filter((c) => !text.get(c.source)?.includes(c.quote)).map((c) => `${f.id} → ${c.source}`));
    expect(missing).toEqual([]);
  });

  // No count per source: a short article may carry few facts, and a release must not break a test.
  it('draws facts from every article it holds', () => {
    for (const source of corpus.sources) {
      expect(
        corpus.facts.some((f) => f.citations.some((c) => c.source === source.id)),
        source.id,
      ).toBe(true);
    }
  });

  it('records claims reported by several articles as one fact with several citations', () => {
    const multi = corpus.facts.filter((f) => new Set(f.citations.map((c) => c.source)).size > 1);
    expect(multi.length).toBeGreaterThanOrEqual(5);
  });

  it('reads Chinese amounts exactly', () => {
    const byText = (text: string) => corpus.facts.find((f) => f.value?.text === text)?.value;
    expect(byText('10亿港元')).toMatchObject({ amount: 1e9, unit: 'HKD', qualifier: 'exact' });
    expect(byText('800多家')).toMatchObject({ amount: 800, qualifier: 'more-than' });
    const compute = corpus.facts.find((f) => f.value?.text?.includes('三千萬億次'))?.value;
    expect(compute?.amount).toBe(3e15);
  });

  it('names only entities that have names in Simplified, Traditional and English', () => {
    for (const e of corpus.entities) expect(Object.keys(e.names).sort(), e.id).toEqual(['en', 'zh-Hans', 'zh-Hant']);
  });

  it('keeps every YAML file pointing editors at its JSON Schema', () => {
    const factFiles = readdirSync(path.join(root, 'facts')).filter((f) => f.endsWith('.yaml'));
    expect(factFiles.length).toBeGreaterThan(0);
    for (const file of ['entities.yaml', ...factFiles.map((f) => `facts/${f}`)]) {
      expect(readFileSync(path.join(root, file), 'utf8')).toMatch(/^# yaml-language-server: \$schema=/);
    }
  });

  it('has committed JSON Schemas that match the zod schemas', () => {
    for (const [name, schema] of Object.entries(corpusJsonSchemas())) {
      const committed = JSON.parse(readFileSync(path.join(root, 'schema', `${name}.schema.json`), 'utf8'));
      expect(committed, `schema/${name}.schema.json is stale: run pnpm --filter @factcite/corpus schema`).toEqual(schema);
    }
  });
});

describe('the built release', () => {
  it('holds the validated corpus with its version', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(release.version).toBe(pkg.version);
    expect(release.factIds).toEqual(corpus.facts.map((f) => f.id));
    expect(release.sources.map((s) => s.id)).toEqual(corpus.sources.map((s) => s.id));
  });

  it('looks facts up by id and refuses unknown ids', () => {
    expect(release.getFact('hk-ai-rd-institute-funding').value?.amount).toBe(1e9);
    expect(release.isFactId('typo')).toBe(false);
    expect(() => release.getFact('typo' as release.FactId)).toThrow(RangeError);
  });

  it('ships a manifest whose hashes match every file and record', () => {
    const result = verifyRelease(path.join(root, 'dist'));
    expect(result.problems).toEqual([]);
    expect(result.manifest?.version).toBe(release.version);
    expect(result.checked.facts).toBe(release.facts.length);
  });
});
