/**
 * Issue 14: the company-wide finance reports, from PostgreSQL. 收银统计报表 from the payment projection (every
 * payment once, 冲正 rows negative); 欠费 from the central bills (status 未缴) and accounts; bank runs from the
 * central bank_runs rows. Totals are summed in SQL as bigint and are the exact sums of the lines.
 */
import type { ArrearsReport, BankRunsReport, CashStatsReport } from '../protocol/index.js';
import type { Pool } from '../db/pool.js';

export interface Scope {
  companyId: string | null;
  hallId: string | null;
}

export async function cashStats(pool: Pool, scope: Scope, from: string, to: string): Promise<CashStatsReport> {
  const { rows: lines } = await pool.query<{
    hall_id: string; business_date: string; method: string; charge_type: string; n: number; gas: number; late: number; fee: number; total: number;
  }>(
    `SELECT hall_id, business_date, method, charge_type, count(*)::int AS n,
            sum(gas_fen)::bigint AS gas, sum(late_fee_fen)::bigint AS late, sum(fee_fen)::bigint AS fee, sum(total_fen)::bigint AS total
       FROM payments
      WHERE ($1::text IS NULL OR company_id = $1) AND ($2::text IS NULL OR hall_id = $2) AND business_date BETWEEN $3 AND $4
      GROUP BY hall_id, business_date, method, charge_type
      ORDER BY hall_id, business_date, method, charge_type`,
    [scope.companyId, scope.hallId, from, to],
  );
  const { rows: days } = await pool.query<{ hall_id: string; business_date: string; n: number; total: number; reversals: number }>(
    `SELECT hall_id, business_date, count(*)::int AS n, sum(total_fen)::bigint AS total, count(reverses_payment_id)::int AS reversals
       FROM payments
      WHERE ($1::text IS NULL OR company_id = $1) AND ($2::text IS NULL OR hall_id = $2) AND business_date BETWEEN $3 AND $4
      GROUP BY hall_id, business_date ORDER BY hall_id, business_date`,
    [scope.companyId, scope.hallId, from, to],
  );
  return {
    lines: lines.map((l) => ({
      hallId: l.hall_id, businessDate: l.business_date, method: l.method, chargeType: l.charge_type, count: l.n,
      gasFen: l.gas, lateFeeFen: l.late, feeFen: l.fee, totalFen: l.total,
    })),
    days: days.map((d) => ({ hallId: d.hall_id, businessDate: d.business_date, count: d.n, totalFen: d.total, reversalCount: d.reversals })),
    count: days.reduce((n, d) => n + d.n, 0),
    totalFen: days.reduce((n, d) => n + d.total, 0),
  };
}

export async function arrears(pool: Pool, scope: Scope, asOf: string | undefined, limit: number): Promise<ArrearsReport> {
  const { rows } = await pool.query<{
    account_id: string; account_no: string | null; name: string | null; hall_id: string | null; bills: number; amount: number; oldest: string | null;
  }>(
    `WITH unpaid AS (
       SELECT b.company_id, b.row->>'account_id' AS account_id, (b.row->>'amount_fen')::bigint AS amount, b.row->>'due_date' AS due
         FROM rows b
        WHERE b.table_name = 'bills' AND b.row->>'status' = '未缴' AND ($1::text IS NULL OR b.company_id = $1)
          AND ($3::text IS NULL OR b.row->>'due_date' < $3))
     SELECT u.account_id, a.row->>'account_no' AS account_no, a.row->>'name' AS name, a.row->>'home_hall_id' AS hall_id,
            count(*)::int AS bills, sum(u.amount)::bigint AS amount, min(u.due) AS oldest
       FROM unpaid u
       LEFT JOIN rows a ON a.company_id = u.company_id AND a.table_name = 'accounts' AND a.row_key = u.account_id
      WHERE ($2::text IS NULL OR a.row->>'home_hall_id' = $2)
      GROUP BY u.account_id, a.row->>'account_no', a.row->>'name', a.row->>'home_hall_id'
      ORDER BY amount DESC, u.account_id`,
    [scope.companyId, scope.hallId, asOf ?? null],
  );
  const lines = rows.slice(0, limit).map((r) => ({
    accountId: r.account_id, accountNo: r.account_no, name: r.name, hallId: r.hall_id, billCount: r.bills, amountFen: r.amount, oldestDueDate: r.oldest,
  }));
  return {
    lines,
    accountCount: rows.length,
    billCount: rows.reduce((n, r) => n + r.bills, 0),
    amountFen: rows.reduce((n, r) => n + r.amount, 0),
    truncated: rows.length > limit,
  };
}

export async function bankRuns(pool: Pool, scope: Scope, from: string, to: string): Promise<BankRunsReport> {
  const { rows } = await pool.query<{ row_key: string; row: Record<string, unknown> }>(
    `SELECT row_key, row FROM rows
      WHERE table_name = 'bank_runs' AND ($1::text IS NULL OR company_id = $1) AND row->>'business_date' BETWEEN $2 AND $3
      ORDER BY row->>'business_date', row_key`,
    [scope.companyId, from, to],
  );
  const num = (v: unknown): number => (typeof v === 'number' && Number.isSafeInteger(v) ? v : 0);
  const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);
  const runs = rows.map(({ row_key, row }) => ({
    id: row_key,
    bankName: String(row['bank_name'] ?? ''),
    businessDate: String(row['business_date'] ?? ''),
    status: String(row['status'] ?? ''),
    itemCount: num(row['item_count']),
    totalFen: num(row['total_fen']),
    okCount: numOrNull(row['ok_count']),
    okFen: numOrNull(row['ok_fen']),
  }));
  return { runs, totalFen: runs.reduce((n, r) => n + r.totalFen, 0), okFen: runs.reduce((n, r) => n + (r.okFen ?? 0), 0) };
}
