/** Issue 13 #7: the bench ends with one machine-readable line per figure, names fixed, NA where not measured. */
import { describe, expect, it } from 'vitest';
import { benchLines, FIGURE_NAMES } from '../bench/figures.js';

describe('bench figures', () => {
  it('prints every fixed name once, in the issue\'s order, NA for a figure not measured', () => {
    const lines = benchLines({ payment_p95_over_raw_commit: 3.14159, cold_start_ms: 27.5, search_like_over_contract_p95: 36.01, bank_file_s: Number.NaN });
    expect(lines).toEqual([
      'BENCH search_contract_p95_over_raw_fts NA',
      'BENCH search_name_p95_over_raw_fts NA',
      'BENCH search_like_over_contract_p95 36.01',
      'BENCH payment_p95_over_raw_commit 3.142',
      'BENCH payment_p95_ms NA',
      'BENCH payment_p95_during_report_ms NA',
      'BENCH day_close_ms NA',
      'BENCH cash_statistics_ms NA',
      'BENCH clerk_cash_report_ms NA',
      'BENCH bank_file_s NA',
      'BENCH bank_writeoff_s NA',
      'BENCH handheld_commit_5000_s NA',
      'BENCH handheld_line_rate_share NA',
      'BENCH cold_start_ms 27.5',
      'BENCH cold_start_dropped_cache_ms NA',
      // issue 14's sync bench
      'BENCH sync_push_events_per_s NA',
      'BENCH sync_pg_insert_rows_per_s NA',
      'BENCH sync_a_to_b_p50_ms NA',
      'BENCH sync_a_to_b_p95_ms NA',
      'BENCH sync_catchup_2000_s NA',
      'BENCH sync_snapshot_1m_s NA',
      'BENCH sync_snapshot_1m_cpu_s NA',
    ]);
    expect(FIGURE_NAMES).toHaveLength(22);
    for (const line of lines) expect(line).toMatch(/^BENCH [a-z0-9_]+ (NA|\d+(\.\d+)?)$/);
  });
});
