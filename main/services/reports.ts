/**
 * Queries and reports of DOMAIN §7 (issue 6): 收银统计报表 (by 收款项目, per clerk or hall, with the
 * daily takings for the chart), 抄表收费统计查询 with paid/unpaid filters, the arrears list with the
 * monthly trend, each also as CSV for Excel; and the audit log for auditors with its verification.
 */
import { sql } from 'drizzle-orm';
import { parseHead } from '../domain/chain-head.js';
import { toCsv } from '../domain/csv.js';
import { formatYuan } from '../../preload/kernel/money.js';
import { formatVolume, type CentiM3 } from '../../preload/kernel/volume.js';
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
  const csv = toCsv(
    ['收款项目', '笔数', '金额(元)', '其中现金(元)', '其中滞纳金(元)', '其中票证(元)'],
    byCharge.map((r) => [r.chargeType, r.count, formatYuan(r.totalFen), formatYuan(r.cashFen), formatYuan(r.lateFeeFen), formatYuan(r.ticketFen)]),
  );
  return { byCharge, daily, csv };
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
  const totals = rows.reduce((t, r) => ({ count: t.count + 1, consumption: t.consumption + r.consumption, amountFen: t.amountFen + r.amountFen }), { count: 0, consumption: 0, amountFen: 0 });
  const csv = toCsv(
    ['用户编号', '姓名', '区域', '抄表日期', '用气量(方)', '气费(元)', '缴费情况', '缴费方式', '收讫日期'],
    rows.map((r) => [r.accountNo, r.name, r.area, r.readingDate, formatVolume(r.consumption), formatYuan(r.amountFen), r.status, r.method, r.paidOn]),
  );
  return { rows: rows.slice(0, 500), totals, truncated: rows.length === 5000, csv };
}

/** Arrears list by account (oldest first) and the month-by-month arrears trend for the chart. */
export function arrearsReport(deps: ServiceDeps, actor: Actor, f: { area?: string | undefined; meterReader?: string | undefined }) {
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
  const csv = toCsv(['用户编号', '姓名', '地址', '抄表员', '欠费笔数', '欠费金额(元，不含滞纳金)', '最早欠费'], rows.map((r) => [r.accountNo, r.name, r.address, r.meterReader, r.bills, formatYuan(r.amountFen), r.earliest]));
  return { rows: rows.slice(0, 500), totalFen: rows.reduce((a, r) => a + r.amountFen, 0), accounts: rows.length, trend, csv };
}

/** The audit log for auditors: every row with its hashes, and whether the chain verifies. */
export function auditExport(deps: ServiceDeps, f: { from: string; to: string; heads?: readonly string[] | undefined }) {
  // issue 10 #20: also against every recorded head and the heads typed from paper
  const check = verifyAuditChain(deps.db, (f.heads ?? []).filter((h) => h.trim() !== '').map(parseHead));
  const rows = deps.db.all<{ seq: number; at: string; actorId: string | null; action: string; entity: string; entityId: string; detail: string; prevHash: string; hash: string }>(sql`
    SELECT seq, at, actor_id AS actorId, action, entity, entity_id AS entityId, detail, prev_hash AS prevHash, hash
    FROM audit_log WHERE substr(at, 1, 10) BETWEEN ${f.from} AND ${f.to} ORDER BY seq`);
  const csv = toCsv(['序号', '时间', '操作人', '操作', '对象', '对象编号', '内容', '前一哈希', '哈希'], rows.map((r) => [r.seq, r.at, r.actorId, r.action, r.entity, r.entityId, r.detail, r.prevHash, r.hash]));
  return { verified: check.ok, rows: check.rows, brokenAtSeq: check.brokenAtSeq, head: check.head, mismatches: check.mismatches, exported: rows.length, csv };
}
