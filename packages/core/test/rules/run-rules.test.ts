import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusRules, validateCorpus } from '../../src/index.js';
import { check, miniCorpus } from './fixture.js';
import { CORPUS_RULES } from '../../src/corpus/rules/index.js';
import { runRules } from '../../src/corpus/rules/run-rules.js';

describe('the corpus rules', () => {
  it('are each a file of their own, named as the rule, with a test beside the others', () => {
    for (const { name } of corpusRules()) {
      expect(existsSync(path.join(__dirname, '../../src/corpus/rules', `${name}.ts`)), name).toBe(true);
      expect(existsSync(path.join(__dirname, `${name}.test.ts`)), name).toBe(true);
    }
  });

  it('have unique kebab-case names and say what they ask in a sentence', () => {
    const rules = corpusRules();
    expect(new Set(rules.map((r) => r.name)).size).toBe(rules.length);
    for (const rule of rules) {
      expect(rule.name).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(rule.description).toMatch(/^[A-Z].{20,}\.$/);
      expect(rule.codes.length).toBeGreaterThan(0);
    }
  });

  it('all pass the fixture, run together as validateCorpus runs them', () => {
    expect(validateCorpus(miniCorpus())).toMatchObject({ ok: true, warnings: [] });
    for (const rule of CORPUS_RULES) expect(check(rule, miniCorpus()), rule.name).toEqual([]);
  });

  it('leave a record with a duplicate id out before the other rules look at it', () => {
    const corpus = miniCorpus();
    corpus.facts.push({ ...corpus.facts[0]!, citations: [{ source: 'city24-hk-ai-2025-02-27', quote: '不在原文中的引文' }] });
    const placed = <T>(kind: string, records: readonly T[]) =>
      records.map((value, i) => ({ value, at: (p: readonly PropertyKey[]) => `${kind}[${i}].${p.join('.')}` }));
    const outcome = runRules(
      { sources: placed('sources', corpus.sources), entities: placed('entities', corpus.entities), facts: placed('facts', corpus.facts) },
      (w) => w,
    );
    expect(outcome.problems.map((p) => [p.rule, p.where])).toEqual([['unique-ids', 'facts[3].id']]);
    expect(outcome.facts.map((f) => f.id)).toEqual(corpus.facts.slice(0, 3).map((f) => f.id));
  });
});
