/** The shapes the benchmark reports. */

/** One engine at one corpus size: the row of `--json` output. */
export interface Row {
  engine: string;
  facts: number;
  build_ms: number | null;
  heap_mb: number | null;
  /** Warm: after a first pass over the queries and a 1.5 s warm-up. */
  p50_ms: number | null;
  p95_ms: number | null;
  p99_ms: number | null;
  /** The first time each query is run, on a freshly built engine. */
  first_p50_ms: number | null;
  first_p95_ms: number | null;
  /** Share of the top 10 that holds every query term, out of min(10, facts that do): the synthetic mix. */
  term_coverage: number | null;
  /** Ranking quality on the judged queries (real facts among the synthetic ones). */
  ndcg10: number | null;
  mrr10: number | null;
  /** Queries run: synthetic warm pass, synthetic first pass, judged. */
  queries: { warm: number; first: number; judged: number };
}

/** A row with what the report adds: per-kind figures, peak RSS, the engine's configuration. */
export interface EngineResult extends Row {
  config: string;
  first_p99_ms: number | null;
  /** Latency of the judged queries (each run once, after the synthetic passes). */
  judged_p50_ms: number | null;
  judged_p95_ms: number | null;
  peak_rss_mb: number | null;
  by_kind: Record<string, { p95_ms: number; first_p95_ms: number; term_coverage: number; queries: number }>;
  judged_by_kind: Record<string, { ndcg10: number; mrr10: number; queries: number }>;
  /** nDCG@10 and reciprocal rank of each judged query run, in the order run: engines that ran different numbers are compared on the queries both ran. */
  judged_each: { kind: string; ndcg10: number; rr10: number }[];
  /** factcite only: the editor features on the same corpus. */
  extras?: Record<string, number>;
}

/** An engine that did not run at a size, and why. */
export interface Skipped {
  engine: string;
  facts: number;
  reason: string;
}

/** One editor measurement against its target. */
export interface Measure {
  name: string;
  /** The value, in milliseconds unless `unit` says otherwise. */
  value_ms: number;
  target_ms: number;
  /** The unit of value and target when not milliseconds (× for a ratio). */
  unit?: string;
  /** What exactly was timed. */
  what: string;
  facts?: number;
}

export const RESULT_PREFIX = 'BENCH-RESULT ';
