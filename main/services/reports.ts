/**
 * Queries and reports of DOMAIN §7 (issue 6): 收银统计报表 (by 收款项目, per clerk or hall, with the
 * daily takings for the chart), 抄表收费统计查询 with paid/unpaid filters, the arrears list with the
 * monthly trend, each also as CSV for Excel; and the audit log for auditors with its verification.
 * Issue 15 #8: each report is also one typed table (main/domain/report-table.ts), the source of its CSV and
 * of its .xlsx (reportTable, written by main/services/report-xlsx.ts).
 */
import { sql } from 'drizzle-orm';
import { parseHead } from '../domain/chain-head.js';
import { tableCsv, totalsRow, type ReportTable } from '../domain/report-table.js';
import { businessDateOf } from '../../preload/kernel/dates.js';
import type { CentiM3 } from '../../preload/kernel/volume.js';
import { verifyAuditChain } from './audit.js';
import { counterCashFen } from './counter-cash.js';
import type { Actor, ServiceDeps } from './context.js';

export interface CashStatsFilter {
  from: string;
  to: string;
  /** 收讫人: one clerk's login, or the whole hall when absent. */
  clerkLogin?: string | undefined;
}

/**
 * 收银统计报表; 其中现金 is the money taken at the counter, as in 日结 and 日收银报表 (issue 10 #2). Read from the
 * kept per-day totals (issue 13 #2), not the payments.
 */
export function cashStatistics(deps: ServiceDeps, actor: Actor, f: CashStatsFilter) {
  const { byCharge, daily } = cashRows(deps, actor, f);
  return { byCharge, daily, csv: tableCsv(cashTable(f, byCharge)) };
}

function cashRows(deps: ServiceDeps, actor: Actor, f: CashStatsFilter) {
  const clerk = f.clerkLogin ? sql`AND s.login = ${f.clerkLogin}` : sql``;
  const byCharge = deps.db.all<{ chargeType: string; count: number; totalFen: number; cashFen: number; lateFeeFen: number; ticketFen: number }>(sql`
    SELECT p.charge_type AS chargeType, sum(p.count) AS count, sum(p.total_fen) AS totalFen, sum(${counterCashFen('p')}) AS cashFen,
           sum(p.late_fee_fen) AS lateFeeFen, sum(p.ticket_fen) AS ticketFen
    FROM day_totals p JOIN staff s ON s.id = p.clerk_id
    WHERE p.hall_id = ${actor.hallId} AND p.business_date BETWEEN ${f.from} AND ${f.to} ${clerk}
    GROUP BY p.charge_type ORDER BY p.charge_type`);
  const daily = deps.db.all<{ date: string; totalFen: number }>(sql`
    SELECT p.business_date AS date, sum(p.total_fen) AS totalFen FROM day_totals p JOIN staff s ON s.id = p.clerk_id
    WHERE p.hall_id = ${actor.hallId} AND p.business_date BETWEEN ${f.from} AND ${f.to} ${clerk}
    GROUP BY p.business_date ORDER BY p.business_date`);
  return { byCharge, daily };
}

function cashTable(f: CashStatsFilter, byCharge: ReturnType<typeof cashRows>['byCharge']): ReportTable {
  const columns = [
    { header: '收款项目', kind: 'text', width: 18 },
    { header: '笔数', kind: 'int', width: 8 },
    { header: '金额(元)', kind: 'yuan', width: 14 },
    { header: '其中现金(元)', kind: 'yuan', width: 14 },
    { header: '其中滞纳金(元)', kind: 'yuan', width: 16 },
    { header: '其中票证(元)', kind: 'yuan', width: 14 },
  ] as const;
  const rows = byCharge.map((r) => [r.chargeType, r.count, r.totalFen, r.cashFen, r.lateFeeFen, r.ticketFen]);
  return {
    title: '收银统计报表',
    sheet: '收银统计',
    period: `${f.from} 至 ${f.to}${f.clerkLogin ? `（收讫人 ${f.clerkLogin}）` : ''}`,
    columns: [...columns],
    rows,
    totals: totalsRow(columns, rows),
  };
}

export interface ReadingFilter {
  from: string;
  to: string;
  status?: '收讫' | '未缴' | undefined;
  method?: string | undefined;
  /** R-BANK-06/09 (A-48): only records above this consumption (0.01 m³). */
  minConsumptionCenti?: CentiM3 | undefined;
  area?: string | undefined;
}

/** 抄表收费统计查询: reading records by reading date, paid or unpaid, with the method that paid them. */
export function readingChargeQuery(deps: ServiceDeps, actor: Actor, f: ReadingFilter) {
  const rows = readingRows(deps, actor, f);
  const totals = rows.reduce((t, r) => ({ count: t.count + 1, consumption: t.consumption + r.consumption, amountFen: t.amountFen + r.amountFen }), { count: 0, consumption: 0, amountFen: 0 });
  return { rows: rows.slice(0, 500), totals, truncated: rows.length === 5000, csv: tableCsv(readingTable(f, rows)) };
}

function readingRows(deps: ServiceDeps, actor: Actor, f: ReadingFilter) {
  const where = [
    sql`a.home_hall_id = ${actor.hallId}`,
    sql`b.reading_date BETWEEN ${f.from} AND ${f.to}`,
    sql`b.status NOT IN ('已拆分', '已更正')`,
    f.status ? sql`b.status = ${f.status}` : sql`1 = 1`,
    f.method ? sql`p.method = ${f.method}` : sql`1 = 1`,
    f.minConsumptionCenti !== undefined ? sql`b.consumption_centi > ${f.minConsumptionCenti}` : sql`1 = 1`,
    f.area ? sql`a.area = ${f.area}` : sql`1 = 1`,
  ];
  const rows = deps.db.all<{ accountNo: string; name: string; area: string; readingDate: string; consumption: number; amountFen: number; status: string; method: string | null; paidOn: string | null }>(sql`
    SELECT a.account_no AS accountNo, a.name AS name, a.area AS area, b.reading_date AS readingDate, b.consumption_centi AS consumption,
           b.amount_fen AS amountFen, b.status AS status, p.method AS method, p.business_date AS paidOn
    FROM bills b JOIN accounts a ON a.id = b.account_id LEFT JOIN payments p ON p.id = b.paid_payment_id
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY b.reading_date, a.account_no LIMIT 5000`);
  return rows;
}

function readingTable(f: ReadingFilter, readings: ReturnType<typeof readingRows>): ReportTable {
  const columns = [
    { header: '用户编号', kind: 'code', width: 12 },
    { header: '姓名', kind: 'text', width: 12 },
    { header: '区域', kind: 'text', width: 14 },
    { header: '抄表日期', kind: 'date', width: 12 },
    { header: '用气量(方)', kind: 'volume', width: 12 },
    { header: '气费(元)', kind: 'yuan', width: 12 },
    { header: '缴费情况', kind: 'text', width: 10 },
    { header: '缴费方式', kind: 'text', width: 10 },
    { header: '收讫日期', kind: 'date', width: 12 },
  ] as const;
  const rows = readings.map((r) => [r.accountNo, r.name, r.area, r.readingDate, r.consumption, r.amountFen, r.status, r.method, r.paidOn]);
  const filters = [f.status, f.method, f.area].filter((x) => x).join('，');
  return {
    title: '抄表收费统计',
    sheet: '抄表收费统计',
    period: `${f.from} 至 ${f.to}${filters ? `（${filters}）` : ''}`,
    columns: [...columns],
    rows,
    totals: totalsRow(columns, rows, `合计 ${rows.length} 条`),
  };
}

/** Arrears list by account (oldest first) and the month-by-month arrears trend for the chart. */
export function arrearsReport(deps: ServiceDeps, actor: Actor, f: ArrearsFilter) {
  const { rows, trend } = arrearsRows(deps, actor, f);
  return { rows: rows.slice(0, 500), totalFen: rows.reduce((a, r) => a + r.amountFen, 0), accounts: rows.length, trend, csv: tableCsv(arrearsTable(deps, rows)) };
}

export interface ArrearsFilter {
  area?: string | undefined;
  meterReader?: string | undefined;
}

function arrearsRows(deps: ServiceDeps, actor: Actor, f: ArrearsFilter) {
  const where = [sql`a.home_hall_id = ${actor.hallId}`, sql`b.status = '未缴'`, f.area ? sql`a.area = ${f.area}` : sql`1 = 1`, f.meterReader ? sql`a.meter_reader = ${f.meterReader}` : sql`1 = 1`];
  const rows = deps.db.all<{ accountNo: string; name: string; address: string; meterReader: string; bills: number; amountFen: number; earliest: string }>(sql`
    SELECT a.account_no AS accountNo, a.name AS name, a.address AS address, a.meter_reader AS meterReader, count(*) AS bills,
           sum(b.amount_fen) AS amountFen, min(b.reading_date) AS earliest
    FROM bills b JOIN accounts a ON a.id = b.account_id WHERE ${sql.join(where, sql` AND `)}
    GROUP BY a.id ORDER BY earliest, a.account_no LIMIT 5000`);
  const trend = deps.db.all<{ month: string; amountFen: number; accounts: number }>(sql`
    SELECT substr(b.reading_date, 1, 7) AS month, sum(b.amount_fen) AS amountFen, count(DISTINCT b.account_id) AS accounts
    FROM bills b JOIN accounts a ON a.id = b.account_id WHERE ${sql.join(where, sql` AND `)}
    GROUP BY month ORDER BY month`);
  return { rows, trend };
}

function arrearsTable(deps: ServiceDeps, arrears: ReturnType<typeof arrearsRows>['rows']): ReportTable {
  const columns = [
    { header: '用户编号', kind: 'code', width: 12 },
    { header: '姓名', kind: 'text', width: 12 },
    { header: '地址', kind: 'text', width: 36 },
    { header: '抄表员', kind: 'text', width: 10 },
    { header: '欠费笔数', kind: 'int', width: 10 },
    { header: '欠费金额(元，不含滞纳金)', kind: 'yuan', width: 24 },
    { header: '最早欠费', kind: 'date', width: 12 },
  ] as const;
  const rows = arrears.map((r) => [r.accountNo, r.name, r.address, r.meterReader, r.bills, r.amountFen, r.earliest]);
  return {
    title: '欠费清单',
    sheet: '欠费清单',
    period: `截至 ${businessDateOf(deps.clock.now())}`,
    columns: [...columns],
    rows,
    totals: totalsRow(columns, rows, `合计 ${rows.length} 户`),
  };
}

/** The audit log for auditors: every row with its hashes, and whether the chain verifies. */
export function auditExport(deps: ServiceDeps, f: { from: string; to: string; heads?: readonly string[] | undefined }) {
  // issue 10 #20: also against every recorded head and the heads typed from paper
  const check = verifyAuditChain(deps.db, (f.heads ?? []).filter((h) => h.trim() !== '').map(parseHead));
  const rows = auditRows(deps, f);
  return { verified: check.ok, rows: check.rows, brokenAtSeq: check.brokenAtSeq, head: check.head, mismatches: check.mismatches, exported: rows.length, csv: tableCsv(auditTable(f, rows)) };
}

function auditRows(deps: ServiceDeps, f: { from: string; to: string }) {
  return deps.db.all<{ seq: number; at: string; actorId: string | null; action: string; entity: string; entityId: string; detail: string; prevHash: string; hash: string }>(sql`
    SELECT seq, at, actor_id AS actorId, action, entity, entity_id AS entityId, detail, prev_hash AS prevHash, hash
    FROM audit_log WHERE substr(at, 1, 10) BETWEEN ${f.from} AND ${f.to} ORDER BY seq`);
}

function auditTable(f: { from: string; to: string }, audit: ReturnType<typeof auditRows>): ReportTable {
  const columns = [
    { header: '序号', kind: 'int', width: 8 },
    { header: '时间', kind: 'datetime', width: 26 },
    { header: '操作人', kind: 'code', width: 14 },
    { header: '操作', kind: 'text', width: 22 },
    { header: '对象', kind: 'text', width: 14 },
    { header: '对象编号', kind: 'code', width: 22 },
    { header: '内容', kind: 'text', width: 60 },
    { header: '前一哈希', kind: 'code', width: 20 },
    { header: '哈希', kind: 'code', width: 20 },
  ] as const;
  return {
    title: '审计日志',
    sheet: '审计日志',
    period: `${f.from} 至 ${f.to}`,
    columns: [...columns],
    rows: audit.map((r) => [r.seq, r.at, r.actorId, r.action, r.entity, r.entityId, r.detail, r.prevHash, r.hash]),
    totals: null,
  };
}

export type ReportKind = 'cash' | 'readings' | 'arrears' | 'audit';
export type ReportTableInput =
  | ({ report: 'cash' } & CashStatsFilter)
  | ({ report: 'readings' } & ReadingFilter)
  | ({ report: 'arrears' } & ArrearsFilter)
  | { report: 'audit'; from: string; to: string };

/** Issue 15 #8: a report's whole table (every row the report reads, not the first 500 a window shows) for its files. */
export function reportTable(deps: ServiceDeps, actor: Actor, input: ReportTableInput): ReportTable {
  switch (input.report) {
    case 'cash':
      return cashTable(input, cashRows(deps, actor, input).byCharge);
    case 'readings':
      return readingTable(input, readingRows(deps, actor, input));
    case 'arrears':
      return arrearsTable(deps, arrearsRows(deps, actor, input).rows);
    case 'audit':
      return auditTable(input, auditRows(deps, input));
  }
}
