/**
 * Measures one engine on one corpus size, alone in its own process (run by
 * run.ts with --expose-gc) so that its memory is its own. Prints one line:
 * RESULT_PREFIX and the EngineResult as JSON.
 *
 *   node --expose-gc --import tsx src/worker.ts ENGINE SIZE SEED PER_KIND BUDGET_MS TRUTH_FILE
 *
 * SIZE 0 is the real corpus alone.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Corpus, type Fact, type FactIndex, foldText } from '@factcite/core';
import { completions, hover } from '@factcite/language-service';
import { type Engine, type EngineName, makeEngine } from './engines/index.js';
import { FactciteEngine } from './engines/factcite.js';
import { LinearEngine } from './engines/linear.js';
import { readJudgements } from './judgements.js';
import { liveBytes, peakRssMb, percentile, round, time } from './measure.js';
import { benchCorpus } from './mixed.js';
import { makeQueries, type Query } from './queries.js';
import { ndcgAt, reciprocalRankAt } from './ranking.js';
import { type EngineResult, RESULT_PREFIX } from './results.js';
import { isRelevant, queryTerms, recallAt, searchableText } from './truth.js';

const K = 10;
const WARM_UP_MS = 1500;

/** Relevant-set sizes of the queries, computed once per corpus by the linear scan and shared through a file. */
function truthCounts(file: string, corpus: Corpus, queries: Query[]): number[] {
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { queries: string[]; counts: number[] };
    if (saved.queries.join('\n') === queries.map((q) => q.text).join('\n')) return saved.counts;
  }
  const linear = new LinearEngine();
  linear.build(corpus);
  const counts = queries.map((q) => {
    linear.search(q.text, K);
    return linear.lastCount;
  });
  writeFileSync(file, JSON.stringify({ queries: queries.map((q) => q.text), counts }));
  return counts;
}

/** Editor features on the corpus factcite indexed: completion as typed after `[@`, and hover. */
function editorExtras(index: FactIndex, queries: Query[]): Record<string, number> {
  const facts = index.all();
  const complete = (q: string) => {
    const text = `见[@${q}`;
    return completions(text, text.length, index);
  };
  complete('数');
  const completion = queries.map((q) => time(() => complete(q.text)));
  // Right after "[@": every fact is a candidate, in id order.
  const firstEmpty = time(() => complete(''));
  const empty = Array.from({ length: 20 }, () => time(() => complete('')));
  const ids = Array.from({ length: 20000 }, (_, i) => facts[(i * 7919) % facts.length]!.id);
  // One lookup is far below the clock's resolution: time batches of 1000.
  const batches: number[] = [];
  let found = 0;
  for (let b = 0; b < ids.length; b += 1000) {
    batches.push(
      time(() => {
        for (let i = b; i < b + 1000; i++) if (index.get(ids[i]!)) found++;
      }) / 1000,
    );
  }
  if (found !== ids.length) throw new Error('hover lookups missed');
  const hovers = ids.slice(0, 500).map((id) => {
    const text = `见[@fact:${id}]。`;
    return time(() => hover(text, 6, index));
  });
  return {
    completion_p50_ms: round(percentile(completion, 50), 3),
    completion_p95_ms: round(percentile(completion, 95), 3),
    completion_p99_ms: round(percentile(completion, 99), 3),
    completion_empty_first_ms: round(firstEmpty, 3),
    completion_empty_p95_ms: round(percentile(empty, 95), 3),
    lookup_mean_ms: round(percentile(batches, 50), 6),
    lookup_p99_batch_mean_ms: round(percentile(batches, 99), 6),
    hover_p50_ms: round(percentile(hovers, 50), 3),
    hover_p95_ms: round(percentile(hovers, 95), 3),
  };
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
const stats = (xs: number[]) => ({
  p50_ms: round(percentile(xs, 50), 3),
  p95_ms: round(percentile(xs, 95), 3),
  p99_ms: round(percentile(xs, 99), 3),
  queries: xs.length,
});

/** Times queries in order until `budget` ms are spent (but at least a dozen), one call each. */
function pass<Q>(queries: readonly Q[], budget: number, run: (q: Q, i: number) => void): number[] {
  const latencies: number[] = [];
  let spent = 0;
  for (let i = 0; i < queries.length; i++) {
    // A slow engine runs the first queries only: they are interleaved by kind, so still a fair sample.
    if (spent > budget && i >= 12) break;
    const ms = time(() => run(queries[i]!, i));
    spent += ms;
    latencies.push(ms);
  }
  return latencies;
}

/** nDCG@10 and MRR@10 of an engine on the judged queries, and their latency. */
function judgedPass(engine: Engine, corpus: Corpus, budget: number) {
  const judged = readJudgements();
  const ids = corpus.facts.map((f) => f.id);
  const ndcgs: number[] = [];
  const rrs: number[] = [];
  const each: { kind: string; ndcg10: number; rr10: number }[] = [];
  const byKind = new Map<string, { ndcg: number[]; rr: number[] }>();
  const latencies = pass(judged, budget, (q) => {
    const found = engine.search(q.text, K);
    const grades = found.map((pos) => q.grades.get(ids[pos]!) ?? 0);
    const ndcg = ndcgAt(K, grades, [...q.grades.values()]);
    const rr = reciprocalRankAt(K, grades);
    ndcgs.push(ndcg);
    rrs.push(rr);
    each.push({ kind: q.kind, ndcg10: round(ndcg, 4), rr10: round(rr, 4) });
    const kind = byKind.get(q.kind) ?? { ndcg: [], rr: [] };
    kind.ndcg.push(ndcg);
    kind.rr.push(rr);
    byKind.set(q.kind, kind);
  });
  return {
    latencies,
    ndcg10: round(mean(ndcgs), 4),
    mrr10: round(mean(rrs), 4),
    each,
    byKind: Object.fromEntries([...byKind].map(([k, v]) => [k, { ndcg10: round(mean(v.ndcg), 4), mrr10: round(mean(v.rr), 4), queries: v.ndcg.length }])),
  };
}

/**
 * Builds one engine on a corpus of `size` facts (the real ones among them;
 * 0: the real corpus alone) and measures it: a first pass over the
 * synthetic query mix on the fresh engine, a warm-up, a warm pass, then the
 * judged queries. `budget` is ms of queries a pass gets after its first dozen.
 */
export function measureEngine(name: EngineName, size: number, seed: number, perKind: number, budget: number, truthFile: string): EngineResult {
  const corpus = benchCorpus(size, seed);
  const queries = makeQueries(corpus, perKind);
  const counts = truthCounts(truthFile, corpus, queries);
  const entities = new Map(corpus.entities.map((e) => [e.id, e]));
  const positions = new Map<Fact, number>(corpus.facts.map((f, i) => [f, i]));

  const before = liveBytes();
  const engine = makeEngine(name, positions);
  const buildMs = time(() => engine.build(corpus));
  const heapMb = (liveBytes() - before) / 2 ** 20;

  // First pass: each query the first time the engine sees it, before the JIT has warmed to it.
  const first = pass(queries, budget, (q) => engine.search(q.text, K));
  // Warm the JIT, every engine for the same time, on the queries that follow (none caches answers).
  const warmUntil = performance.now() + WARM_UP_MS;
  for (let i = 0; performance.now() < warmUntil && i < queries.length; i++) engine.search(queries[i]!.text, K);
  const coverage: number[] = [];
  const byKind = new Map<string, { latencies: number[]; first: number[]; coverage: number[] }>();
  const warm = pass(queries, budget, (q, i) => {
    const found = engine.search(q.text, K);
    const terms = queryTerms(foldText(q.text));
    const relevant = found.map((pos) => isRelevant(searchableText(corpus.facts[pos]!, entities), terms));
    coverage.push(recallAt(K, relevant, counts[i]!));
  });
  warm.forEach((ms, i) => {
    const kind = byKind.get(queries[i]!.kind) ?? { latencies: [], first: [], coverage: [] };
    kind.latencies.push(ms);
    kind.coverage.push(coverage[i]!);
    if (i < first.length) kind.first.push(first[i]!);
    byKind.set(queries[i]!.kind, kind);
  });
  const judged = judgedPass(engine, corpus, budget);

  const w = stats(warm);
  const f = stats(first);
  const j = stats(judged.latencies);
  const result: EngineResult = {
    engine: engine.name,
    facts: corpus.facts.length,
    build_ms: round(buildMs, 0),
    heap_mb: round(heapMb, 1),
    p50_ms: w.p50_ms,
    p95_ms: w.p95_ms,
    p99_ms: w.p99_ms,
    first_p50_ms: f.p50_ms,
    first_p95_ms: f.p95_ms,
    term_coverage: round(mean(coverage), 4),
    ndcg10: judged.ndcg10,
    mrr10: judged.mrr10,
    queries: { warm: w.queries, first: f.queries, judged: j.queries },
    config: engine.config,
    first_p99_ms: f.p99_ms,
    judged_p50_ms: j.p50_ms,
    judged_p95_ms: j.p95_ms,
    peak_rss_mb: round(peakRssMb(), 0),
    by_kind: Object.fromEntries(
      [...byKind].map(([kind, v]) => [
        kind,
        {
          p95_ms: round(percentile(v.latencies, 95), 3),
          first_p95_ms: round(percentile(v.first, 95), 3),
          term_coverage: round(mean(v.coverage), 4),
          queries: v.latencies.length,
        },
      ]),
    ),
    judged_by_kind: judged.byKind,
    judged_each: judged.each,
  };
  if (engine instanceof FactciteEngine) result.extras = editorExtras(engine.index!, queries);
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [name, size, seed, perKind, budget, truthFile] = process.argv.slice(2);
  const result = measureEngine(name as EngineName, Number(size), Number(seed), Number(perKind), Number(budget), truthFile!);
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}
