import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { factcite, repoRoot, tempDir } from './run.js';

describe('factcite list, sources, get, search', () => {
  it('lists every fact as schema records', () => {
    const { code, stdout } = factcite(['list', '--json']);
    expect(code).toBe(0);
    const facts = JSON.parse(stdout);
    expect(facts.length).toBeGreaterThanOrEqual(120);
    expect(Object.keys(facts[0])[0]).toBe('id');
    expect(facts[0].citations[0]).toHaveProperty('quote');
  });

  it('lists sources with their cleaned text', () => {
    const sources = JSON.parse(factcite(['sources', '--json']).stdout);
    expect(sources.map((s: { id: string }) => s.id)).toContain('tkp-shenzhen-ai-plan-2023-06-01');
    expect(sources.every((s: { text: string }) => s.text.length > 500)).toBe(true);
  });

  it('gets one fact, and suggests ids for a typo', () => {
    const ok = factcite(['get', 'hk-ai-rd-institute-funding', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).value).toMatchObject({ amount: 1e9, unit: 'HKD' });
    const human = factcite(['get', 'hk-ai-rd-institute-funding']);
    expect(human.stdout).toContain('10亿港元');
    const typo = factcite(['get', 'hk-ai-rd-institute-fundng']);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('did you mean "hk-ai-rd-institute-funding"');
  });

  it('searches across scripts and returns only JSON with --json', () => {
    const simplified = JSON.parse(factcite(['search', '数码港', '--json', '--limit', '50']).stdout);
    const traditional = JSON.parse(factcite(['search', '數碼港', '--json', '--limit', '50']).stdout);
    const ids = (hits: { id: string }[]) => hits.map((h) => h.id);
    expect(ids(simplified).length).toBeGreaterThan(5);
    expect(ids(traditional)).toEqual(ids(simplified));
  });

  it('prints a friendly line when nothing matches', () => {
    const { code, stdout } = factcite(['search', 'zzzqqq']);
    expect(code).toBe(0);
    expect(stdout).toContain('No facts match');
  });

  it('exits 2 on a usage error, without a stack trace', () => {
    const { code, stderr } = factcite(['search']);
    expect(code).toBe(2);
    expect(stderr).toContain("missing required argument 'query'");
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('reading a corpus with a built release beside it', () => {
  it('sees a maintainer’s edit made after the build', () => {
    const dir = tempDir('fresh');
    for (const part of ['facts', 'sources', 'dist', 'entities.yaml', 'package.json']) {
      cpSync(path.join(repoRoot, 'corpus', part), path.join(dir, part), { recursive: true });
    }
    const before = JSON.parse(factcite(['get', 'hk-ai-rd-institute-funding', '--corpus', dir, '--json']).stdout);
    expect(before.statement.en).toContain('HK$1 billion');

    const file = path.join(dir, 'facts', 'city24-hk-ai-2025-02-27.yaml');
    const edited = readFileSync(file, 'utf8').replace(before.statement.en, 'Edited after the build.');
    writeFileSync(file, edited);
    const after = JSON.parse(factcite(['get', 'hk-ai-rd-institute-funding', '--corpus', dir, '--json']).stdout);
    expect(after.statement.en).toBe('Edited after the build.');
  });
});
