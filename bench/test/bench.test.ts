import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../src/engines/index.js';
import { generateCorpus } from '../src/generate.js';
import { makeQueries, QUERY_KINDS } from '../src/queries.js';
import { renderMarkdown, renderSvg, type Report, targets } from '../src/report.js';
import type { Row } from '../src/results.js';
import { isRelevant, queryTerms, searchableText } from '../src/truth.js';
import { measureEngine } from '../src/worker.js';

// Benchmarks are not tests: nothing here looks at a timing. It checks that
// the benchmark runs end to end on a tiny corpus and reports what it should.

describe('the generator and the query mix', () => {
  it('makes the same corpus from the same seed, shaped like the real one', () => {
    const a = generateCorpus(300, 3);
    const b = generateCorpus(300, 3);
    expect(a.facts.map((f) => f.id)).toEqual(b.facts.map((f) => f.id));
    expect(new Set(a.facts.map((f) => f.id)).size).toBe(300);
    expect(a.facts.some((f) => f.statement['zh-Hant'])).toBe(true);
    expect(a.facts.some((f) => f.statement['zh-Hans'])).toBe(true);
    expect(a.facts.some((f) => f.value?.amount !== undefined)).toBe(true);
    expect(a.entities.length).toBeGreaterThan(78);
  });

  it('draws every kind of query, each answered by some fact', () => {
    const corpus = generateCorpus(300, 3);
    const entities = new Map(corpus.entities.map((e) => [e.id, e]));
    const texts = corpus.facts.map((f) => searchableText(f, entities));
    const queries = makeQueries(corpus, 4);
    expect(new Set(queries.map((q) => q.kind))).toEqual(new Set(QUERY_KINDS));
    for (const q of queries) expect(texts.some((t) => isRelevant(t, queryTerms(q.text))), q.text).toBe(true);
  });
});

describe('measuring an engine', () => {
  const truth = path.join(mkdtempSync(path.join(os.tmpdir(), 'factcite-bench-test-')), 'truth.json');
  const results = new Map(ENGINES.map((engine) => [engine, measureEngine(engine, 300, 5, 3, 60_000, truth)]));

  it('reports every field for every engine', () => {
    for (const [name, r] of results) {
      expect(r.facts, name).toBe(300);
      expect(r.queries, name).toBe(3 * QUERY_KINDS.length);
      for (const key of ['build_ms', 'heap_mb', 'p50_ms', 'p95_ms', 'p99_ms', 'recall'] as const) expect(typeof r[key], `${name} ${key}`).toBe('number');
      expect(r.recall, name).toBeGreaterThanOrEqual(0);
      expect(r.recall, name).toBeLessThanOrEqual(1);
    }
  });

  it('takes the linear scan as the ground truth, and factcite finds what it finds', () => {
    expect(results.get('linear')!.recall).toBe(1);
    expect(results.get('factcite')!.recall).toBe(1);
    expect(results.get('factcite')!.extras).toHaveProperty('completion_p95_ms');
  });

  it('renders the page and its chart', () => {
    const report: Report = {
      date: '2025-01-01',
      seconds: 1,
      machine: { cpu: 'test', memory_gb: 1, os: 'test', node: process.version, load: '0' },
      options: { sizes: [300], perKind: 3, queryBudgetMs: 1, seed: 5 },
      results: [...results.values()],
      skipped: [{ engine: 'fuse', facts: 300, reason: 'not done within 1 min' }],
      measures: [{ name: 'cold', value_ms: 10, target_ms: 50, what: 'x' }],
      profiles: { cold: [{ owner: 'zod', ms: 3 }] },
      errors: [],
    };
    expect(renderSvg(report)).toMatch(/^<svg[\s\S]*<\/svg>\n$/);
    const page = renderMarkdown(report, 'benchmarks.svg');
    expect(page).toContain('| 300 | **factcite** |');
    expect(page).toContain('skipped: not done within 1 min');
    expect(targets(report).find((t) => t.name === 'cold')?.met).toBe(true);

    // A peer faster than factcite is named on the page, with the kind of query behind the gap.
    const ours = report.results.find((r) => r.engine === 'factcite')!;
    const slower = report.results.map((r) => (r.engine === 'FlexSearch' ? { ...r, p95_ms: ours.p95_ms! / 2 } : r));
    const missed = { ...report, results: slower };
    expect(targets(missed).find((t) => t.name.startsWith('faster than every peer'))?.met).toBe(false);
    expect(renderMarkdown(missed, 'benchmarks.svg')).toMatch(/\*\*FlexSearch at 300 facts\*\* had the lower p95 .*The gap is in [a-z-]+ queries/);
    const fastest = { ...report, results: report.results.map((r) => (r.engine === 'factcite' ? r : { ...r, p95_ms: ours.p95_ms! * 2 })) };
    expect(renderMarkdown(fastest, 'benchmarks.svg')).not.toContain('had the lower p95');

    // --redraw writes the page again from the saved measurements.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'factcite-bench-redraw-'));
    writeFileSync(path.join(dir, 'benchmarks.json'), JSON.stringify(report));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/run.ts', '--redraw', '--out', path.join(dir, 'benchmarks.md')], {
      cwd: path.resolve(__dirname, '..'),
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'benchmarks.md'), 'utf8')).toBe(page);
    expect(readFileSync(path.join(dir, 'benchmarks.svg'), 'utf8')).toBe(renderSvg(report));
  });
});

describe('pnpm bench', () => {
  it('prints the rows as JSON', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/run.ts', '--sizes', '200', '--per-kind', '2', '--json', '--no-editor', '--no-write', '--engines', 'factcite,flexsearch'], {
      cwd: path.resolve(__dirname, '..'),
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const { rows } = JSON.parse(run.stdout) as { rows: Row[] };
    expect(rows.map((r) => r.engine)).toEqual(['linear scan', 'factcite', 'FlexSearch']);
    for (const row of rows) expect(Object.keys(row)).toEqual(['engine', 'facts', 'build_ms', 'heap_mb', 'p50_ms', 'p95_ms', 'p99_ms', 'recall']);
  });
});
