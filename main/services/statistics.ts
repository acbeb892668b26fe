/**
 * 气表业务综合查询 (R-STAT-04): counts of 报装, 装表, 点火, 改装, 换表 and 拆/启/封表 customers by occurrence
 * date and home hall; and the monthly ignition count by community (R-STAT-01..03).
 * Occurrence dates: 报装 = application date; 装表 = install form; 点火 = ignition registration (first
 * ignitions only); 改装 / 换表 = the qualified receipt; 拆/封/启 = the seal form.
 */
import type { ServiceDeps } from './context.js';
import { ignitionMonthWindow } from '../domain/statistics.js';
import { STAT_KINDS, type StatKind } from '../../preload/kernel/enums.js';


const localDate = (column: string) => `date(${column}, '+8 hours')`; // created_at is UTC; halls are UTC+8

/** Every occurrence as (kind, account, date): counts and lists come from the same rows. */
const OCCURRENCES = `
  SELECT '报装' AS kind, a.id AS account_id, a.application_date AS occurred_on FROM accounts a
  UNION ALL SELECT '装表', b.account_id, ${localDate('r.created_at')} FROM install_records r JOIN businesses b ON b.id = r.business_id
  UNION ALL SELECT '点火', b.account_id, ${localDate('r.created_at')} FROM ignition_records r JOIN businesses b ON b.id = r.business_id
    WHERE b.type = '点火'
  UNION ALL SELECT b.type, b.account_id, ${localDate('w.created_at')} FROM work_order_receipts w
    JOIN work_orders o ON o.id = w.work_order_id JOIN businesses b ON b.id = o.business_id
    WHERE b.type IN ('改装', '换表') AND w.result = '合格' AND w.business_valid = 1
  UNION ALL SELECT b.type, b.account_id, ${localDate('r.created_at')} FROM seal_records r JOIN businesses b ON b.id = r.business_id`;

function inPeriod(hallId: string | null): string {
  return `SELECT o.kind AS kind, o.occurred_on AS occurredOn, a.account_no AS accountNo, a.name AS name, a.address AS address,
      a.community AS community
    FROM (${OCCURRENCES}) o JOIN accounts a ON a.id = o.account_id
    WHERE o.occurred_on BETWEEN @from AND @to ${hallId === null ? '' : 'AND a.home_hall_id = @hall'}`;
}

export interface StatsPeriod {
  from: string;
  to: string;
  hallId: string | null;
}

export function meterBusinessCounts({ db }: ServiceDeps, input: StatsPeriod): { kind: StatKind; count: number }[] {
  const rows = db.$client
    .prepare(`SELECT kind, count(*) AS n FROM (${inPeriod(input.hallId)}) GROUP BY kind`)
    .all({ from: input.from, to: input.to, hall: input.hallId }) as { kind: StatKind; n: number }[];
  const byKind = new Map(rows.map((r) => [r.kind, r.n]));
  return STAT_KINDS.map((kind) => ({ kind, count: byKind.get(kind) ?? 0 }));
}

export interface OccurrenceRow {
  accountNo: string;
  name: string;
  address: string;
  community: string;
  occurredOn: string;
}

/** R-STAT-04: the "<type>用户信息查询报表" list behind one count. */
export function meterBusinessList({ db }: ServiceDeps, input: StatsPeriod & { kind: StatKind }): OccurrenceRow[] {
  return db.$client
    .prepare(
      `SELECT accountNo, name, address, community, occurredOn FROM (${inPeriod(input.hallId)})
       WHERE kind = @kind ORDER BY occurredOn, accountNo`,
    )
    .all({ from: input.from, to: input.to, hall: input.hallId, kind: input.kind }) as OccurrenceRow[];
}

/** R-STAT-01: first ignitions per community, 26th of the previous month to the 25th. */
export function ignitionsByCommunity(deps: ServiceDeps, input: { month: string; hallId: string | null }) {
  const window = ignitionMonthWindow(input.month);
  const counts = new Map<string, number>();
  for (const r of meterBusinessList(deps, { ...window, hallId: input.hallId, kind: '点火' })) {
    counts.set(r.community, (counts.get(r.community) ?? 0) + 1);
  }
  const rows = [...counts].map(([community, count]) => ({ community, count }));
  rows.sort((x, y) => y.count - x.count || (x.community < y.community ? -1 : x.community > y.community ? 1 : 0));
  return { ...window, rows, total: rows.reduce((sum, r) => sum + r.count, 0) };
}
