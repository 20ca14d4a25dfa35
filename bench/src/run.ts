/**
 * `pnpm bench`: factcite's search beside MiniSearch, FlexSearch, Fuse.js and
 * a linear scan on the same synthetic corpora and queries, then the editor
 * measures (hover, diagnostics of long reports, cold start, activation).
 * Every engine runs alone in a child process, so its memory is its own.
 *
 *   pnpm bench                  10k, 100k and 1M facts; writes docs/benchmarks.md, .svg and .json
 *   pnpm bench --quick          the real corpus and 100k facts, fewer queries; writes nothing
 *   --json                      print { rows, skipped, measures } instead of tables (rows say how many queries ran)
 *   --sizes 0,10000,100000      corpus sizes (0: the real corpus alone; otherwise the real facts among synthetic ones)
 *   --engines factcite,fuse     engines (linear always runs first: it is the ground truth)
 *   --per-kind 30               synthetic queries of each kind (the judged set is always whole)
 *   --no-editor                 search only
 *   --edits 20                  one-line edits of each long report whose diagnostics are timed
 *   --timeout MS                wall time an engine gets at one size (default 10 min, 20 at 1M)
 *   --out FILE.md               where to write the page (by default only the full run writes it)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliMeasures } from './cli-measures.js';
import { ENGINE_LABELS, ENGINES, type EngineName } from './engines/index.js';
import { withKeptSections } from './kept-sections.js';
import { isRealOnly, realFactCount } from './mixed.js';
import { profileByOwner } from './profile.js';
import { type Report, renderMarkdown, renderSvg } from './report.js';
import { type EngineResult, type Measure, RESULT_PREFIX, type Row, type Skipped } from './results.js';

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.dirname(benchDir);

export interface Options {
  quick: boolean;
  json: boolean;
  sizes: number[];
  engines: EngineName[];
  perKind: number;
  editor: boolean;
  /** Milliseconds of queries an engine gets before it stops (after a first dozen). */
  queryBudgetMs: number;
  /** Wall time one engine gets at one size, build included. */
  timeoutMs: (size: number) => number;
  heapMb: number;
  seed: number;
  /** Where to write the report; none for a quick run. */
  out?: string;
  /** Cold starts and activations measured. */
  repeats: number;
  /** One-line edits of each long report whose diagnostics are timed. */
  edits: number;
  /** Draw the page again from its saved measurements (docs/benchmarks.json) instead of measuring. */
  redraw: boolean;
}

export function parseOptions(argv: string[]): Options {
  const flag = (name: string) => argv.includes(`--${name}`);
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  };
  const quick = flag('quick');
  const engines = (value('engines')?.split(',') ?? [...ENGINES]).filter((e): e is EngineName => (ENGINES as readonly string[]).includes(e));
  if (!engines.includes('linear')) engines.unshift('linear');
  return {
    quick,
    json: flag('json'),
    // 0 is the real corpus alone, which has realFactCount facts.
    sizes: (value('sizes')?.split(',').map(Number) ?? (quick ? [0, 100_000] : [0, 10_000, 100_000, 1_000_000])).map((n) => Math.max(n, realFactCount)),
    engines: ['linear', ...engines.filter((e) => e !== 'linear')],
    perKind: Number(value('per-kind') ?? (quick ? 30 : 40)),
    editor: !flag('no-editor'),
    queryBudgetMs: Number(value('budget') ?? (quick ? 4000 : 20000)),
    // Under load a build takes several times as long: a quick run allows 10 min an engine, a full one 10 to 20.
    timeoutMs: (size) => (value('timeout') ? Number(value('timeout')) : quick ? 600_000 : size >= 1_000_000 ? 1_200_000 : 600_000),
    heapMb: Number(value('heap') ?? 16_000),
    seed: Number(value('seed') ?? 1),
    // Only the full run as published writes the page; a run with other sizes or engines writes where --out says.
    out:
      value('out') ??
      (quick || flag('no-write') || ['sizes', 'engines', 'per-kind', 'budget', 'seed', 'timeout', 'edits'].some((f) => value(f) !== undefined)
        ? undefined
        : path.join(repoRoot, 'docs/benchmarks.md')),
    repeats: quick ? 5 : 15,
    // 20 in a quick run too: of 20 edits the 95th percentile is the second slowest, of 5 or 15 it is the slowest.
    edits: Number(value('edits') ?? 20),
    redraw: flag('redraw'),
  };
}

const facts = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));

/** A duration as the page says it: seconds under two minutes, else minutes with one decimal when needed. */
export const duration = (ms: number): string => (ms < 120_000 ? `${Math.round(ms / 1000)} s` : `${Number((ms / 60_000).toFixed(1))} min`);

interface ChildResult<T> {
  result?: T;
  error?: string;
  ms: number;
}

/** Runs a script in a fresh Node process and reads the line it reports. */
function child<T>(args: string[], timeoutMs: number, env: NodeJS.ProcessEnv = process.env): ChildResult<T> {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: benchDir, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 << 20, env });
  const ms = performance.now() - started;
  const line = run.stdout?.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (line) return { result: JSON.parse(line.slice(RESULT_PREFIX.length)) as T, ms };
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ETIMEDOUT')
    return { error: `not done within ${duration(timeoutMs)} (the time limit an engine gets at this size)`, ms };
  const stderr = run.stderr ?? '';
  if (/heap out of memory|Allocation failed/i.test(stderr)) return { error: 'ran out of memory', ms };
  return { error: (stderr.trim().split('\n').filter(Boolean).at(-1) ?? `exit ${run.status}`).slice(0, 200), ms };
}

const log = (options: Options, message: string) => {
  if (!options.json) process.stderr.write(`${message}\n`);
};

function searchResults(options: Options): { results: EngineResult[]; skipped: Skipped[] } {
  const results: EngineResult[] = [];
  const truthDir = path.join(os.tmpdir(), 'factcite-bench');
  mkdirSync(truthDir, { recursive: true });
  const lastRun = new Map<string, { facts: number; ms: number; build: number }>();
  const skipped: Skipped[] = [];
  for (const size of options.sizes) {
    const truth = path.join(truthDir, `truth-mixed-${size}-${options.seed}-${options.perKind}.json`);
    for (const engine of options.engines) {
      log(options, `  ${engine} at ${size.toLocaleString('en')} facts…`);
      // An engine whose run, scaled from the last size, would outlast the time limit is not started:
      // build and query time both grow at least linearly with the corpus.
      const last = lastRun.get(engine);
      const expected = last ? (last.ms * size) / last.facts : 0;
      // (Not from the real corpus alone: at 222 facts the run is mostly Node's start and loading.)
      if (last && !isRealOnly(last.facts) && expected > options.timeoutMs(size)) {
        const reason = `its run at ${facts(last.facts)} facts took ${duration(last.ms)} (build ${duration(last.build)}), so about ${duration(expected)} here, past the ${duration(options.timeoutMs(size))} limit`;
        skipped.push({ engine: ENGINE_LABELS[engine], facts: size, reason });
        log(options, `    skipped: ${reason}`);
        continue;
      }
      const run = child<EngineResult>(
        [
          '--expose-gc',
          `--max-old-space-size=${options.heapMb}`,
          '--import',
          'tsx',
          'src/worker.ts',
          engine,
          String(size),
          String(options.seed),
          String(options.perKind),
          String(options.queryBudgetMs),
          truth,
        ],
        options.timeoutMs(size),
      );
      if (run.result) {
        results.push(run.result);
        lastRun.set(engine, { facts: size, ms: run.ms, build: run.result.build_ms ?? 0 });
        const r = run.result;
        log(
          options,
          `    build ${r.build_ms} ms, p95 first ${r.first_p95_ms} / warm ${r.p95_ms} ms, term coverage ${r.term_coverage}, nDCG@10 ${r.ndcg10}, MRR ${r.mrr10} (${(run.ms / 1000).toFixed(0)} s)`,
        );
      } else {
        skipped.push({ engine: ENGINE_LABELS[engine], facts: size, reason: run.error! });
        log(options, `    skipped: ${run.error}`);
      }
    }
  }
  return { results, skipped };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** Runs a script several times in fresh processes, then once more under the profiler. */
function repeated<T extends Record<string, number>>(
  args: string[],
  times: number,
): { median: T; profile: { owner: string; ms: number }[] } | { error: string } {
  const runs: T[] = [];
  for (let i = 0; i < times; i++) {
    const run = child<T>(args, 120_000);
    if (!run.result) return { error: run.error! };
    runs.push(run.result);
  }
  const keys = Object.keys(runs[0]!) as (keyof T)[];
  const med = Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k] as number))])) as T;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'factcite-prof-'));
  child<T>(['--cpu-prof', `--cpu-prof-dir=${dir}`, ...args], 120_000);
  const profile = profileByOwner(dir);
  rmSync(dir, { recursive: true, force: true });
  return { median: med, profile };
}

function editorMeasures(options: Options): { measures: Measure[]; profiles: Report['profiles']; errors: string[] } {
  const measures: Measure[] = [];
  const profiles: Report['profiles'] = {};
  const errors: string[] = [];
  log(options, '  diagnostics of 1 MB and 10 MB reports…');
  const editor = child<Measure[]>(['--expose-gc', '--import', 'tsx', 'src/editor.ts', String(options.edits)], 600_000);
  if (editor.result) measures.push(...editor.result);
  else errors.push(`diagnostics: ${editor.error}`);

  log(options, '  cold import and first search…');
  for (const [entry, label] of [
    ['@factcite/core/search', 'core/search entry'],
    ['@factcite/core', 'core main entry'],
  ] as const) {
    const cold = repeated<{ node_boot_ms: number; corpus_ms: number; core_ms: number; first_search_ms: number; total_ms: number }>(
      ['src/cold.mjs', entry],
      options.repeats,
    );
    if ('error' in cold) {
      errors.push(`cold start (${label}): ${cold.error}`);
      continue;
    }
    const m = cold.median;
    measures.push({
      name: `cold import + first search, ${label}`,
      value_ms: Math.round(m.total_ms * 10) / 10,
      target_ms: 50,
      what: `import @factcite/corpus ${m.corpus_ms.toFixed(1)} ms + import ${entry} ${m.core_ms.toFixed(1)} ms + read the prebuilt index and first search ${m.first_search_ms.toFixed(1)} ms (median of ${options.repeats} fresh processes; Node's own start, ${m.node_boot_ms.toFixed(0)} ms, not counted)`,
    });
    profiles[`cold start, ${label}`] = cold.profile;
  }

  log(options, '  factcite --version, check of a 10 MB report, index size…');
  const cli = cliMeasures(options.repeats);
  measures.push(...cli.measures);
  errors.push(...cli.errors);

  log(options, '  extension activation…');
  const activation = repeated<{ load_ms: number; activate_ms: number; bundle_mb: number }>(['src/activation.cjs'], options.repeats);
  if ('error' in activation) errors.push(`activation: ${activation.error}`);
  else {
    const m = activation.median;
    measures.push({
      name: 'extension activation: activate()',
      value_ms: Math.round(m.activate_ms * 10) / 10,
      target_ms: 50,
      what: 'activate(): reads the bundled corpus and its prebuilt search index, registers every provider, command and view (stub VS Code API)',
    });
    measures.push({
      name: 'extension activation: load dist/extension.js + activate()',
      value_ms: Math.round((m.load_ms + m.activate_ms) * 10) / 10,
      target_ms: 50,
      what: `require() of the ${m.bundle_mb.toFixed(2)} MB bundle ${m.load_ms.toFixed(1)} ms + activate() ${m.activate_ms.toFixed(1)} ms, median of ${options.repeats} fresh processes`,
    });
    profiles['extension load + activate'] = activation.profile;
  }
  return { measures, profiles, errors };
}

function machine(): Report['machine'] {
  const cpus = os.cpus();
  return {
    cpu: `${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
    memory_gb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    load: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}

/** Writes the page and its chart from a report. */
function writePage(report: Report, out: string): void {
  mkdirSync(path.dirname(out), { recursive: true });
  const svg = out.replace(/\.md$/, '.svg');
  writeFileSync(svg, renderSvg(report));
  const previous = existsSync(out) ? readFileSync(out, 'utf8') : undefined;
  writeFileSync(out, withKeptSections(renderMarkdown(report, path.basename(svg)), previous));
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  if (options.redraw) {
    // For a change to the page's text: the same measurements, drawn again.
    const out = options.out ?? path.join(repoRoot, 'docs/benchmarks.md');
    writePage(JSON.parse(readFileSync(out.replace(/\.md$/, '.json'), 'utf8')) as Report, out);
    log(options, `drew ${path.relative(repoRoot, out)} again from ${path.basename(out.replace(/\.md$/, '.json'))}`);
    return;
  }
  const started = performance.now();
  log(options, `factcite bench${options.quick ? ' --quick' : ''}: ${options.sizes.map((s) => s.toLocaleString('en')).join(', ')} facts`);
  const before = machine();
  const { results, skipped } = searchResults(options);
  const editor = options.editor ? editorMeasures(options) : { measures: [], profiles: {}, errors: [] };
  const rows: Row[] = results.map(
    ({ engine, facts, build_ms, heap_mb, p50_ms, p95_ms, p99_ms, first_p50_ms, first_p95_ms, term_coverage, ndcg10, mrr10, queries }) => ({
      engine,
      facts,
      build_ms,
      heap_mb,
      p50_ms,
      p95_ms,
      p99_ms,
      first_p50_ms,
      first_p95_ms,
      term_coverage,
      ndcg10,
      mrr10,
      queries,
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ rows, skipped, measures: editor.measures }, null, 2)}\n`);
  } else {
    console.table(rows.map(({ queries, ...row }) => ({ ...row, queries: `${queries.warm} warm, ${queries.first} first, ${queries.judged} judged` })));
    // A skipped engine is said, never dropped: a table without it would read as a full comparison.
    if (skipped.length) console.table(skipped);
    if (editor.measures.length) console.table(editor.measures.map(({ name, value_ms, target_ms }) => ({ name, value_ms, target_ms })));
    for (const e of editor.errors) console.error(e);
  }
  if (options.out) {
    const report: Report = {
      date: new Date().toISOString().slice(0, 10),
      run: options.quick ? 'pnpm bench --quick' : `pnpm bench${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}`,
      seconds,
      machine: { ...before, load: `${before.load} at start, ${machine().load} at end` },
      options: { sizes: options.sizes, perKind: options.perKind, queryBudgetMs: options.queryBudgetMs, seed: options.seed },
      results,
      skipped,
      measures: editor.measures,
      profiles: editor.profiles,
      errors: editor.errors,
    };
    // The measurements themselves first, so the page can be checked or drawn again without a new run.
    mkdirSync(path.dirname(options.out), { recursive: true });
    writeFileSync(options.out.replace(/\.md$/, '.json'), `${JSON.stringify(report, null, 1)}\n`);
    writePage(report, options.out);
    log(options, `wrote ${path.relative(repoRoot, options.out)}, its chart and its measurements`);
  }
  log(options, `done in ${seconds.toFixed(0)} s`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
