/**
 * Issue 13 #7: the bench's machine-readable figures. Every bench module's function returns the figures it
 * measured as `BenchFigures` (name → number, names from FIGURE_NAMES); run.ts collects them and ends the run with
 * one `BENCH <name> <value>` line per name, in this order, `NA` for a figure no module produced in this run.
 */
export type BenchFigures = Record<string, number>;

/** The names are fixed (issue 13 #7) so the figures can be tracked across versions. */
export const FIGURE_NAMES = [
  'search_contract_p95_over_raw_fts',
  'search_name_p95_over_raw_fts',
  'search_like_over_contract_p95',
  'payment_p95_over_raw_commit',
  'payment_p95_ms',
  'payment_p95_during_report_ms',
  'day_close_ms',
  'cash_statistics_ms',
  'clerk_cash_report_ms',
  'bank_file_s',
  'bank_writeoff_s',
  'handheld_commit_5000_s',
  'handheld_line_rate_share',
  'cold_start_ms',
  'cold_start_dropped_cache_ms',
  // issue 14 (tests/bench/sync.ts): end to end with real counter and server processes on PostgreSQL
  'sync_push_events_per_s',
  'sync_pg_insert_rows_per_s',
  'sync_a_to_b_p50_ms',
  'sync_a_to_b_p95_ms',
  'sync_catchup_2000_s',
  // issue 14 #2 (tests/bench/snapshot-e2e.ts): a new counter's initial snapshot, PostgreSQL → server → counter store
  // and its search index; wall seconds and CPU seconds (Node + PostgreSQL) as the machine is shared
  'sync_snapshot_1m_s',
  'sync_snapshot_1m_cpu_s',
] as const;

export type FigureName = (typeof FIGURE_NAMES)[number];

function formatValue(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return 'NA';
  return String(Number(value.toFixed(value >= 100 ? 1 : 3)));
}

/** The closing lines: `BENCH <name> <value>` for each fixed name, `NA` where nothing was measured. */
export function benchLines(figures: BenchFigures): string[] {
  return FIGURE_NAMES.map((name) => `BENCH ${name} ${formatValue(figures[name])}`);
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
