import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../src/engines/index.js';
import { generateCorpus } from '../src/generate.js';
import { makeQueries, QUERY_KINDS } from '../src/queries.js';
import { judgedOver, renderMarkdown, renderSvg, type Report, targets } from '../src/report.js';
import type { Row } from '../src/results.js';
import { readJudgements } from '../src/judgements.js';
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
    for (const q of queries)
      expect(
        texts.some((t) => isRelevant(t, queryTerms(q.text))),
        q.text,
      ).toBe(true);
  });
});

describe('measuring an engine', () => {
  const truth = path.join(mkdtempSync(path.join(os.tmpdir(), 'factcite-bench-test-')), 'truth.json');
  // 300 facts in all: the real ones spread among synthetic ones.
  const results = new Map(ENGINES.map((engine) => [engine, measureEngine(engine, 300, 5, 3, 60_000, truth)]));
  const judgedCount = readJudgements().length;

  it('reports every field for every engine, and how many queries ran', () => {
    for (const [name, r] of results) {
      expect(r.facts, name).toBe(300);
      expect(r.queries, name).toEqual({ warm: 3 * QUERY_KINDS.length, first: 3 * QUERY_KINDS.length, judged: judgedCount });
      for (const key of ['build_ms', 'heap_mb', 'p50_ms', 'p95_ms', 'p99_ms', 'first_p50_ms', 'first_p95_ms', 'term_coverage', 'ndcg10', 'mrr10'] as const) {
        expect(typeof r[key], `${name} ${key}`).toBe('number');
      }
      for (const key of ['term_coverage', 'ndcg10', 'mrr10'] as const) {
        expect(r[key], `${name} ${key}`).toBeGreaterThanOrEqual(0);
        expect(r[key], `${name} ${key}`).toBeLessThanOrEqual(1);
      }
      expect(r.config, name).not.toBe('');
    }
  });

  it('takes the linear scan as the ground truth of coverage, and factcite finds what it finds', () => {
    expect(results.get('linear')!.term_coverage).toBe(1);
    expect(results.get('factcite')!.term_coverage).toBe(1);
    expect(results.get('factcite')!.extras).toHaveProperty('completion_p95_ms');
  });

  it('scores ranking: a search that finds the judged facts beats one that does not', () => {
    // Fuse's quick start (fuzzy, location-bound) misses facts factcite ranks first: the metric must tell them apart.
    expect(results.get('factcite')!.ndcg10).toBeGreaterThan(results.get('fuse-typical')!.ndcg10! + 0.2);
    expect(results.get('factcite')!.mrr10).toBeGreaterThan(0.5);
  });

  it('renders the page and its chart', () => {
    const report: Report = {
      date: '2025-01-01',
      run: 'pnpm bench --quick',
      seconds: 1,
      machine: { cpu: 'test', memory_gb: 1, os: 'test', node: process.version, load: '0' },
      options: { sizes: [300], perKind: 3, queryBudgetMs: 1, seed: 5 },
      results: [...results.values()],
      skipped: [{ engine: 'Fuse.js, tuned', facts: 300, reason: 'not done within 60 s' }],
      measures: [{ name: 'cold', value_ms: 10, target_ms: 50, what: 'x' }],
      profiles: { cold: [{ owner: 'zod', ms: 3 }] },
      errors: [],
    };
    expect(renderSvg(report)).toMatch(/^<svg[\s\S]*<\/svg>\n$/);
    const page = renderMarkdown(report, 'benchmarks.svg');
    expect(page).toContain('| 300 | **factcite** |');
    expect(page).toContain('**skipped**: not done within 60 s');
    expect(page).toContain("`new Index({ encoder: Charset.CJK, tokenize: 'forward' })`");
    expect(targets(report).find((t) => t.name === 'cold')?.met).toBe(true);

    // A tuned peer faster than factcite, or ranking better, at 100k facts or more is named on the page, with the kind of query behind it.
    const big = { ...report, options: { ...report.options, sizes: [100_000] }, results: report.results.map((r) => ({ ...r, facts: 100_000 })) };
    const ours = big.results.find((r) => r.engine === 'factcite')!;
    const faster = {
      ...big,
      results: big.results.map((r) => (r.engine === 'FlexSearch, tuned' ? { ...r, p95_ms: ours.p95_ms! / 2, ndcg10: ours.ndcg10! + 0.01 } : r)),
    };
    expect(targets(faster).find((t) => t.name.startsWith('p95 below every tuned peer'))?.met).toBe(false);
    expect(targets(faster).find((t) => t.name.startsWith('nDCG@10 above every tuned peer'))?.met).toBe(false);
    const named = renderMarkdown(faster, 'benchmarks.svg');
    expect(named).toMatch(/\*\*FlexSearch, tuned at 100k facts\*\* had the lower p95 .*largest gap is in [a-z-]+ queries/);
    expect(named).toMatch(/\*\*FlexSearch, tuned at 100k facts\*\* ranked as well or better: nDCG@10/);
    // A peer that ran only its first judged queries is compared with factcite's score on those same queries.
    const few = {
      ...big,
      results: big.results.map((r) =>
        r.engine === 'factcite'
          ? { ...r, judged_each: r.judged_each.map((q, i) => ({ ...q, ndcg10: i < 2 ? 0 : 1 })), ndcg10: 0.99 }
          : r.engine === 'FlexSearch, tuned'
            ? { ...r, ndcg10: 0.5, queries: { ...r.queries, judged: 2 } }
            : r,
      ),
    };
    expect(judgedOver(few.results.find((r) => r.engine === 'factcite')!, 2).ndcg10).toBe(0);
    expect(renderMarkdown(few, 'benchmarks.svg')).toMatch(
      /\*\*FlexSearch, tuned at 100k facts\*\* ranked as well or better: nDCG@10 0\.500 against factcite's 0\.000 on the 2 judged queries it ran/,
    );
    const leading = {
      ...big,
      results: big.results.map((r) =>
        r.engine === 'factcite' ? { ...r, ndcg10: 1 } : { ...r, p95_ms: ours.p95_ms! * 2, first_p95_ms: ours.first_p95_ms! * 2, ndcg10: 0.5 },
      ),
    };
    expect(renderMarkdown(leading, 'benchmarks.svg')).not.toContain('Where factcite does not lead');

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

  it('shows a run measured apart in its own section, and takes an unmeasured 1M target from it, saying so', () => {
    const ours = results.get('factcite')!;
    const million = { ...ours, facts: 1_000_000, heap_mb: 900, p95_ms: 30, first_p95_ms: 40 };
    million.by_kind = { ...ours.by_kind, 'id-fragment': { p95_ms: 2, first_p95_ms: 6, term_coverage: 1, queries: 30 } };
    const report: Report = {
      date: '2025-01-01',
      run: 'pnpm bench --quick',
      seconds: 1,
      machine: { cpu: 'test × 2', memory_gb: 1, os: 'test', node: process.version, load: '0' },
      options: { sizes: [300], perKind: 3, queryBudgetMs: 1, seed: 5 },
      results: [ours],
      skipped: [],
      measures: [],
      profiles: {},
      errors: [],
    };
    const alone = targets(report);
    for (const name of ['search p95 at 1M facts', 'index memory at 1M facts', 'id-fragment queries at 1M facts'])
      expect(
        alone.find((t) => t.name === name),
        name,
      ).toMatchObject({ measured: 'not run', met: undefined });
    expect(renderMarkdown(report, 'benchmarks.svg')).not.toContain('Measured apart');

    const apart = {
      ...report,
      extraRuns: [
        {
          date: '2025-02-02',
          run: 'pnpm bench --sizes 1000000 --engines factcite',
          seconds: 600,
          machine: { ...report.machine, load: '9.00 8.00 7.00 at start' },
          options: { ...report.options, sizes: [1_000_000] },
          results: [million],
          skipped: [],
          note: 'factcite alone at 1M facts.',
        },
      ],
    };
    const t = targets(apart);
    const said = "(factcite alone, measured apart from the page's run on 2025-02-02, load average 9.00 8.00 7.00 at start)";
    expect(t.find((x) => x.name === 'search p95 at 1M facts')).toEqual({
      name: 'search p95 at 1M facts',
      target: '≤ 25 ms',
      measured: `30.00 ms warm, 40.00 ms first pass ${said}`,
      met: false,
    });
    expect(t.find((x) => x.name === 'index memory at 1M facts')).toMatchObject({ measured: `900 MB ${said}`, met: true });
    const fragment = t.find((x) => x.name === 'id-fragment queries at 1M facts')!;
    expect(fragment.measured).toMatch(/^2\.00 ms warm, 6\.00 ms first pass \(30 synthetic queries, term coverage@10 1\.000\)/);
    expect(fragment.measured).toContain(said);
    expect(fragment.met).toBe(true);
    // The page's own tables and chart are untouched; the run apart has its section.
    expect(renderSvg(apart)).toBe(renderSvg(report));
    const page = renderMarkdown(apart, 'benchmarks.svg');
    expect(page).toContain('## Measured apart from this run');
    expect(page).toContain('### factcite at 1M facts, 2025-02-02');
    expect(page).toContain('| 1M | **factcite** |');
    expect(page).toMatch(/\| search p95 at 1M facts \| ≤ 25 ms \| 30\.00 ms warm.*\| \*\*missed\*\* \|/);
    expect(page.split('## Measured apart')[0]).not.toContain('| 1M |');
  });
});

describe('pnpm bench', () => {
  it('prints the rows as JSON', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/run.ts', '--sizes', '300', '--per-kind', '2', '--json', '--no-editor', '--no-write', '--engines', 'factcite,flexsearch'],
      {
        cwd: path.resolve(__dirname, '..'),
        encoding: 'utf8',
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const { rows, skipped } = JSON.parse(run.stdout) as { rows: Row[]; skipped: unknown[] };
    expect(rows.map((r) => r.engine)).toEqual(['linear scan', 'factcite', 'FlexSearch, tuned']);
    expect(skipped).toEqual([]);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual([
        'engine',
        'facts',
        'build_ms',
        'heap_mb',
        'p50_ms',
        'p95_ms',
        'p99_ms',
        'first_p50_ms',
        'first_p95_ms',
        'term_coverage',
        'ndcg10',
        'mrr10',
        'queries',
      ]);
      expect(row.queries.warm).toBe(2 * QUERY_KINDS.length);
    }
  });

  it('reports an engine that could not run as skipped, with its reason', () => {
    // A time limit no engine meets: every engine is skipped, and says why, instead of vanishing from the table.
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/run.ts', '--sizes', '300', '--per-kind', '1', '--json', '--no-editor', '--no-write', '--engines', 'factcite', '--timeout', '1'],
      { cwd: path.resolve(__dirname, '..'), encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    const { rows, skipped } = JSON.parse(run.stdout) as { rows: Row[]; skipped: { engine: string; facts: number; reason: string }[] };
    expect(rows).toEqual([]);
    expect(skipped.map((s) => s.engine)).toEqual(['linear scan', 'factcite']);
    for (const s of skipped) expect(s.reason).toMatch(/^not done within 0 s/);
  });
});
