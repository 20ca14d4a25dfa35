import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addFactLike, copyCorpus, deprecateFact, editFact, removeFact } from './fixtures.js';
import { factcite, repoRoot, tempDir } from './run.js';

const base = path.join(repoRoot, 'corpus');

function diff(oldSpec: string, newSpec: string) {
  const result = factcite(['diff', oldSpec, newSpec, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe('factcite diff classifies changes by the semver policy for facts', () => {
  it('finds nothing between a corpus and its own build', () => {
    const result = diff(base, path.join(base, 'dist'));
    expect(result).toMatchObject({ bump: 'none', added: [], removed: [], deprecated: [], changed: [] });
  });

  it('calls a removed fact major', () => {
    const { corpus } = copyCorpus('diff-removed');
    removeFact(corpus, 'hk-ai-rd-institute-purpose');
    const result = diff(base, corpus);
    expect(result.bump).toBe('major');
    expect(result.removed).toEqual(['hk-ai-rd-institute-purpose']);
    expect(result.added).toEqual([]);
  });

  it('calls a renamed fact major and says it looks renamed', () => {
    const { corpus } = copyCorpus('diff-renamed');
    editFact(corpus, 'hk-ai-rd-institute-purpose', (b) => b.replace('- id: hk-ai-rd-institute-purpose', '- id: hk-ai-rd-institute-aim'));
    const result = diff(base, corpus);
    expect(result).toMatchObject({ bump: 'major', removed: ['hk-ai-rd-institute-purpose'], added: ['hk-ai-rd-institute-aim'] });
    expect(result.renamed).toEqual([{ from: 'hk-ai-rd-institute-purpose', to: 'hk-ai-rd-institute-aim' }]);
  });

  it('calls a deprecation with an added successor minor', () => {
    const { corpus } = copyCorpus('diff-deprecated');
    addFactLike(corpus, 'hk-ai-rd-institute-funding', 'hk-ai-rd-institute-funding-2025', '0.2.0', (b) =>
      b.replace(/en: .*/, 'en: The 2025-26 Budget reserved HK$1 billion for the Hong Kong AI R&D Institute.'),
    );
    deprecateFact(corpus, 'hk-ai-rd-institute-funding', 'hk-ai-rd-institute-funding-2025');
    const result = diff(base, corpus);
    expect(result.bump).toBe('minor');
    expect(result.added).toEqual(['hk-ai-rd-institute-funding-2025']);
    expect(result.deprecated).toEqual([{ id: 'hk-ai-rd-institute-funding', supersededBy: 'hk-ai-rd-institute-funding-2025' }]);
    expect(result.removed).toEqual([]);
    // The status change is the deprecation, not a correction.
    expect(result.changed).toEqual([]);
  });

  it('calls a corrected value patch, naming the fields', () => {
    const { corpus } = copyCorpus('diff-corrected');
    editFact(corpus, 'hk-ai-rd-institute-funding', (b) => b.replace('amount: 1000000000', 'amount: 1000000001'));
    const result = diff(base, corpus);
    expect(result).toMatchObject({ bump: 'patch', added: [], removed: [], deprecated: [] });
    expect(result.changed).toEqual([{ id: 'hk-ai-rd-institute-funding', fields: ['value.amount'] }]);
  });

  it('calls a new source minor and corrected source metadata patch', () => {
    const { corpus } = copyCorpus('diff-source');
    const file = path.join(corpus, 'sources', 'city24-hk-ai-2025-02-27.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: A corrected title'));
    const corrected = diff(base, corpus);
    expect(corrected.bump).toBe('patch');
    expect(corrected.sources.changed).toEqual([{ id: 'city24-hk-ai-2025-02-27', fields: ['title'] }]);

    const copy = readFileSync(file, 'utf8').replace('id: city24-hk-ai-2025-02-27', 'id: city24-copy');
    writeFileSync(path.join(corpus, 'sources', 'city24-copy.md'), copy);
    const added = diff(base, corpus);
    expect(added.bump).toBe('minor');
    expect(added.sources.added).toEqual(['city24-copy']);
  });

  it('reads the output of factcite list --json, comparing facts only', () => {
    const dir = tempDir('diff-list');
    const listed = factcite(['list', '--json', '--corpus', base]);
    const file = path.join(dir, 'facts-0.1.0.json');
    writeFileSync(file, listed.stdout);
    const { corpus } = copyCorpus('diff-list-corpus');
    editFact(corpus, 'hkgai-funded-by-innohk', (b) => b.replace(/(\n {4}en: )(.*)/, '$1$2 (corrected)'));
    const result = diff(file, corpus);
    expect(result.bump).toBe('patch');
    expect(result.changed).toEqual([{ id: 'hkgai-funded-by-innohk', fields: ['statement.en'] }]);
    expect(result).not.toHaveProperty('sources');
  });

  it('prints a readable summary without --json', () => {
    const { corpus } = copyCorpus('diff-human');
    removeFact(corpus, 'hk-ai-rd-institute-purpose');
    const { code, stdout } = factcite(['diff', base, corpus]);
    expect(code).toBe(0);
    expect(stdout).toContain(': major');
    expect(stdout).toContain('- hk-ai-rd-institute-purpose');
    expect(stdout).toContain('1 fact removed or renamed (major)');
  });

  it('refuses an input that is not a release, with a one-line error', () => {
    const dir = tempDir('diff-bad');
    const file = path.join(dir, 'not-facts.json');
    writeFileSync(file, '[{"id": "x"}]');
    const { code, stderr } = factcite(['diff', file, base]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^factcite: .*not-facts\.json: fact #1 is not a fact record/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('factcite diff on a changed record schema', () => {
  let corpus: string;
  beforeAll(() => {
    corpus = copyCorpus('diff-schema').corpus;
  });

  it('calls a removed schema field major and a new optional one minor', () => {
    const dir = tempDir('diff-schema-json');
    const snapshot = JSON.parse(factcite(['list', '--json', '--corpus', corpus]).stdout);
    const schemaOf = (edit: (props: Record<string, unknown>) => void) => {
      const schema = JSON.parse(readFileSync(path.join(base, 'schema', 'facts.schema.json'), 'utf8'));
      edit(schema.items.properties);
      return schema;
    };
    const write = (name: string, schema: unknown) => {
      const file = path.join(dir, name);
      writeFileSync(file, JSON.stringify({ version: '0.1.0', facts: snapshot, schemas: { facts: schema } }));
      return file;
    };
    const original = write(
      'original.json',
      schemaOf(() => {}),
    );
    const narrower = write(
      'narrower.json',
      schemaOf((p) => delete p.note),
    );
    const wider = write(
      'wider.json',
      schemaOf((p) => (p.confidence = { type: 'number' })),
    );
    expect(diff(original, narrower)).toMatchObject({ bump: 'major', schema: { changes: ['removed field facts[].note (major)'] } });
    expect(diff(original, wider)).toMatchObject({ bump: 'minor', schema: { changes: ['new optional field facts[].confidence (minor)'] } });
  });
});
