/** The shapes the benchmark reports. */

/** One engine at one corpus size: the row of `--json` output. */
export interface Row {
  engine: string;
  facts: number;
  build_ms: number | null;
  heap_mb: number | null;
  p50_ms: number | null;
  p95_ms: number | null;
  p99_ms: number | null;
  recall: number | null;
}

/** A row with what the report adds: how many queries ran, per-kind figures, peak RSS, why it was skipped. */
export interface EngineResult extends Row {
  queries: number;
  peak_rss_mb: number | null;
  by_kind: Record<string, { p95_ms: number; recall: number; queries: number }>;
  skipped?: string;
  /** factcite only: the editor features on the same corpus. */
  extras?: Record<string, number>;
}

/** One editor measurement against its target. */
export interface Measure {
  name: string;
  value_ms: number;
  target_ms: number;
  /** What exactly was timed. */
  what: string;
  facts?: number;
}

export const RESULT_PREFIX = 'BENCH-RESULT ';
