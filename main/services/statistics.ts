/**
 * 气表业务综合查询 (R-STAT-04): counts of 报装, 装表, 点火, 改装, 换表 and 拆/启/封表 customers by occurrence
 * date and home hall; and the monthly ignition count by community (R-STAT-01..03).
 * Occurrence dates: 报装 = application date; 装表 = install form; 点火 = ignition registration (first
 * ignitions only); 改装 / 换表 = the qualified receipt; 拆/封/启 = the seal form.
 */
import type { ServiceDeps } from './context.js';
import { ignitionMonthWindow } from '../domain/statistics.js';

export const STAT_KINDS = ['报装', '装表', '点火', '改装', '换表', '封表', '拆表', '启封'] as const;
export type StatKind = (typeof STAT_KINDS)[number];

const localDate = (column: string) => `date(${column}, '+8 hours')`; // created_at is UTC; halls are UTC+8

export function meterBusinessCounts(
  { db }: ServiceDeps,
  input: { from: string; to: string; hallId: string | null },
): { kind: StatKind; count: number }[] {
  const hall = input.hallId === null ? '' : 'AND a.home_hall_id = @hall';
  const sqlText = `
    SELECT '报装' AS kind, count(*) AS n FROM accounts a WHERE a.application_date BETWEEN @from AND @to ${hall}
    UNION ALL
    SELECT '装表', count(*) FROM install_records r JOIN businesses b ON b.id = r.business_id JOIN accounts a ON a.id = b.account_id
      WHERE ${localDate('r.created_at')} BETWEEN @from AND @to ${hall}
    UNION ALL
    SELECT '点火', count(*) FROM ignition_records r JOIN businesses b ON b.id = r.business_id JOIN accounts a ON a.id = b.account_id
      WHERE b.type = '点火' AND ${localDate('r.created_at')} BETWEEN @from AND @to ${hall}
    UNION ALL
    SELECT b.type, count(*) FROM work_order_receipts w JOIN work_orders o ON o.id = w.work_order_id
      JOIN businesses b ON b.id = o.business_id JOIN accounts a ON a.id = b.account_id
      WHERE b.type IN ('改装', '换表') AND w.result = '合格' AND w.business_valid = 1
        AND ${localDate('w.created_at')} BETWEEN @from AND @to ${hall} GROUP BY b.type
    UNION ALL
    SELECT b.type, count(*) FROM seal_records r JOIN businesses b ON b.id = r.business_id JOIN accounts a ON a.id = b.account_id
      WHERE ${localDate('r.created_at')} BETWEEN @from AND @to ${hall} GROUP BY b.type`;
  const rows = db.$client.prepare(sqlText).all({ from: input.from, to: input.to, hall: input.hallId }) as { kind: StatKind; n: number }[];
  const byKind = new Map<StatKind, number>();
  for (const r of rows) byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + r.n);
  return STAT_KINDS.map((kind) => ({ kind, count: byKind.get(kind) ?? 0 }));
}

/** R-STAT-01: first ignitions per community, 26th of the previous month to the 25th. */
export function ignitionsByCommunity({ db }: ServiceDeps, input: { month: string; hallId: string | null }) {
  const window = ignitionMonthWindow(input.month);
  const hall = input.hallId === null ? '' : 'AND a.home_hall_id = @hall';
  const rows = db.$client
    .prepare(
      `SELECT a.community AS community, count(*) AS count FROM ignition_records r
       JOIN businesses b ON b.id = r.business_id JOIN accounts a ON a.id = b.account_id
       WHERE b.type = '点火' AND ${localDate('r.created_at')} BETWEEN @from AND @to ${hall}
       GROUP BY a.community ORDER BY count DESC, a.community`,
    )
    .all({ from: window.from, to: window.to, hall: input.hallId }) as { community: string; count: number }[];
  return { ...window, rows, total: rows.reduce((sum, r) => sum + r.count, 0) };
}
