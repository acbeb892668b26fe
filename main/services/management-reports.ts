/**
 * Issue 15 #6: management reports, each a typed table (main/domain/report-table.ts) for the window, the .xlsx and the
 * CSV, all run on the read worker (main/services/read-jobs.ts), never on the back end's thread:
 * - 气量销售汇总表 per day (R-SEC-26): payments, m³ sold, gas fee, late fee, total, net of 冲正;
 * - ticket reconciliation (R-TKT-14, R-CASH-02/03): the ticket count of 收银统计 (kept per-day ticket totals) beside the
 *   m³ settled by tickets per 抄表收费 record, per day and clerk (收讫人), the difference flagged;
 * - the KPI page (R-SEC-29, R-SEC-11): each figure from the store's own records or 无数据 with the reason;
 * - the bank-withholding report with 制表人 / 出纳 / 会计 signature lines (R-FIN-03);
 * - the public-building (公建) collection list (R-INV-10) and the month's public-building income per hall (R-FIN-05).
 * Money is integer fen, volumes integer 0.01 m³. Nothing here writes.
 */
import { sql } from 'drizzle-orm';
import { totalsRow, type ReportCell, type ReportTable } from '../domain/report-table.js';
import { cycleReadsIn, formatRate, kpiFigure, KPI_TARGETS, ticketDifferenceCenti, type KpiFigure, type KpiKey, type KpiSource } from '../domain/kpi.js';
import { isValidDate } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import type { Actor, ServiceDeps } from './context.js';

export interface Range {
  from: string;
  to: string;
}

function checkRange(r: Range): void {
  if (!isValidDate(r.from)) throw new DomainError('VALIDATION', '起始日期不正确', 'from');
  if (!isValidDate(r.to)) throw new DomainError('VALIDATION', '截止日期不正确', 'to');
  if (r.from > r.to) throw new DomainError('VALIDATION', '起始日期晚于截止日期', 'from');
}

function checkMonth(month: string): { year: number; month: number; from: string; to: string } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const mm = m ? Number(m[2]) : 0;
  if (!m || mm < 1 || mm > 12) throw new DomainError('VALIDATION', '月份格式应为 YYYY-MM', 'month');
  return { year: Number(m[1]), month: mm, from: `${month}-01`, to: `${month}-31` };
}

const SIGN = sql.raw('CASE WHEN p.reverses_payment_id IS NULL THEN 1 ELSE -1 END');

// ——— 气量销售汇总表 (R-SEC-26) ———

export interface GasSalesRow {
  date: string;
  payments: number;
  volumeCenti: number;
  gasFen: number;
  lateFeeFen: number;
  totalFen: number;
}

/** R-SEC-26: the day's gas sales of the hall: 燃气费 payments (a 冲正 counts −1 with its m³ and money negated). */
export function gasSalesRows(deps: ServiceDeps, actor: Actor, r: Range): GasSalesRow[] {
  checkRange(r);
  return deps.db.all<GasSalesRow>(sql`
    SELECT p.business_date AS date, sum(${SIGN}) AS payments,
           sum(${SIGN} * (SELECT coalesce(sum(b.consumption_centi), 0) FROM payment_items i JOIN bills b ON b.id = i.bill_id
                          WHERE i.payment_id = coalesce(p.reverses_payment_id, p.id))) AS volumeCenti,
           sum(p.gas_fen) AS gasFen, sum(p.late_fee_fen) AS lateFeeFen, sum(p.gas_fen + p.late_fee_fen) AS totalFen
    FROM payments p
    WHERE p.hall_id = ${actor.hallId} AND p.business_date BETWEEN ${r.from} AND ${r.to} AND p.charge_type = '燃气费'
    GROUP BY p.business_date ORDER BY p.business_date`);
}

export function gasSalesTable(r: Range, rows: readonly GasSalesRow[]): ReportTable {
  const columns = [
    { header: '日期', kind: 'date', width: 12 },
    { header: '缴费笔数', kind: 'int', width: 10 },
    { header: '售气量(方)', kind: 'volume', width: 14 },
    { header: '气费(元)', kind: 'yuan', width: 14 },
    { header: '滞纳金(元)', kind: 'yuan', width: 12 },
    { header: '合计金额(元)', kind: 'yuan', width: 14 },
  ] as const;
  const data = rows.map((x) => [x.date, x.payments, x.volumeCenti, x.gasFen, x.lateFeeFen, x.totalFen]);
  return { title: '气量销售汇总表', sheet: '气量销售汇总', period: `${r.from} 至 ${r.to}`, columns: [...columns], rows: data, totals: totalsRow(columns, data) };
}

// ——— 票证核对 (R-TKT-14) ———

export interface TicketReconRow {
  date: string;
  clerk: string;
  /** 收银统计: tickets taken (燃气票 and 免费供应券), from the kept per-day ticket totals. */
  cashCount: number;
  /** Their m³ (5 m³ each, R-TKT-03). */
  cashVolumeCenti: number;
  /** 抄表收费统计, 缴费方式 燃气票: 实收气票 entered per bill (R-TKT-08). */
  billCount: number;
  /** m³ of the bills settled by those tickets. */
  billVolumeCenti: number;
  /** 预存 added (+) or used (−) by the day's ticket payments (R-TKT-09). */
  prepaidDeltaCenti: number;
  countDifference: number;
  volumeDifferenceCenti: number;
  differs: boolean;
}

/** R-TKT-14: count and m³ side by side per day and 收讫人 (R-CASH-03: one clerk, or the whole hall). */
export function ticketReconRows(deps: ServiceDeps, actor: Actor, r: Range & { clerkLogin?: string | undefined }): TicketReconRow[] {
  checkRange(r);
  const clerk = r.clerkLogin ? sql`AND s.login = ${r.clerkLogin}` : sql``;
  const kept = deps.db.all<{ date: string; clerk: string; count: number; volume: number }>(sql`
    SELECT t.business_date AS date, s.login AS clerk, sum(t.count) AS count, sum(t.volume_centi) AS volume
    FROM day_ticket_totals t JOIN staff s ON s.id = t.clerk_id
    WHERE t.hall_id = ${actor.hallId} AND t.business_date BETWEEN ${r.from} AND ${r.to} AND t.kind IN ('燃气票', '免费供应券') ${clerk}
    GROUP BY t.business_date, s.login`);
  const billed = deps.db.all<{ date: string; clerk: string; count: number; volume: number; prepaid: number }>(sql`
    SELECT p.business_date AS date, s.login AS clerk,
           sum(${SIGN} * (SELECT coalesce(sum(i.ticket_count), 0) FROM ticket_bill_items i WHERE i.payment_id = coalesce(p.reverses_payment_id, p.id))) AS count,
           sum(${SIGN} * (SELECT coalesce(sum(i.volume_centi), 0) FROM ticket_bill_items i WHERE i.payment_id = coalesce(p.reverses_payment_id, p.id))) AS volume,
           sum(p.prepaid_delta_centi) AS prepaid
    FROM payments p JOIN staff s ON s.id = p.clerk_id
    WHERE p.hall_id = ${actor.hallId} AND p.business_date BETWEEN ${r.from} AND ${r.to} ${clerk}
      AND EXISTS (SELECT 1 FROM ticket_tenders t WHERE t.payment_id = coalesce(p.reverses_payment_id, p.id) AND t.kind IN ('燃气票', '免费供应券'))
    GROUP BY p.business_date, s.login`);
  const key = (x: { date: string; clerk: string }) => `${x.date}\u0000${x.clerk}`;
  const rows = new Map<string, TicketReconRow>();
  const rowOf = (x: { date: string; clerk: string }) => {
    const k = key(x);
    let row = rows.get(k);
    if (!row) {
      row = { date: x.date, clerk: x.clerk, cashCount: 0, cashVolumeCenti: 0, billCount: 0, billVolumeCenti: 0, prepaidDeltaCenti: 0, countDifference: 0, volumeDifferenceCenti: 0, differs: false };
      rows.set(k, row);
    }
    return row;
  };
  for (const k of kept) Object.assign(rowOf(k), { cashCount: k.count, cashVolumeCenti: k.volume });
  for (const b of billed) Object.assign(rowOf(b), { billCount: b.count, billVolumeCenti: b.volume, prepaidDeltaCenti: b.prepaid });
  return [...rows.values()]
    .map((row) => {
      const countDifference = row.cashCount - row.billCount;
      const volumeDifferenceCenti = ticketDifferenceCenti(row.cashVolumeCenti, row.billVolumeCenti, row.prepaidDeltaCenti);
      return { ...row, countDifference, volumeDifferenceCenti, differs: countDifference !== 0 || volumeDifferenceCenti !== 0 };
    })
    .sort((a, b) => (a.date === b.date ? a.clerk.localeCompare(b.clerk) : a.date < b.date ? -1 : 1));
}

export function ticketReconTable(r: Range & { clerkLogin?: string | undefined }, rows: readonly TicketReconRow[]): ReportTable {
  const columns = [
    { header: '日期', kind: 'date', width: 12 },
    { header: '收讫人', kind: 'code', width: 10 },
    { header: '收银统计 票数(张)', kind: 'int', width: 16 },
    { header: '收银统计 票面气量(方)', kind: 'volume', width: 20 },
    { header: '抄表收费 实收气票(张)', kind: 'int', width: 20 },
    { header: '抄表收费 核销气量(方)', kind: 'volume', width: 20 },
    { header: '预存变动(方)', kind: 'volume', width: 14 },
    { header: '张数差', kind: 'int', width: 8 },
    { header: '气量差(方)', kind: 'volume', width: 12 },
    { header: '核对结果', kind: 'text', width: 10 },
  ] as const;
  const data: ReportCell[][] = rows.map((x) => [x.date, x.clerk, x.cashCount, x.cashVolumeCenti, x.billCount, x.billVolumeCenti, x.prepaidDeltaCenti, x.countDifference, x.volumeDifferenceCenti, x.differs ? '不符' : '相符']);
  return {
    title: '票证核对表',
    sheet: '票证核对',
    period: `${r.from} 至 ${r.to}${r.clerkLogin ? `（收讫人 ${r.clerkLogin}）` : ''}`,
    columns: [...columns],
    rows: data,
    totals: totalsRow(columns, data),
  };
}

// ——— KPI (R-SEC-29, R-SEC-11) ———

function ratio(deps: ServiceDeps, query: ReturnType<typeof sql>): { n: number; d: number } {
  const row = deps.db.get<{ n: number | null; d: number | null }>(query);
  return { n: Number(row?.n ?? 0), d: Number(row?.d ?? 0) };
}

/** The month's KPI figures of the hall, from its own records; 无数据 where the app keeps no source. */
export function kpiFigures(deps: ServiceDeps, actor: Actor, input: { month: string }): KpiFigure[] {
  const m = checkMonth(input.month);
  const hall = actor.hallId;
  // accounts due a reading this month (reading cycle, R-HH-03), and those with a reading that is not an estimate (估抄)
  const due = deps.db.all<{ id: string; cycle: '每月' | '单月' | '双月'; read: number }>(sql`
    SELECT a.id AS id, a.reading_cycle AS cycle,
           EXISTS (SELECT 1 FROM bills b WHERE b.account_id = a.id AND b.reading_date BETWEEN ${m.from} AND ${m.to} AND b.estimated = 0 AND b.split_from IS NULL) AS read
    FROM accounts a WHERE a.home_hall_id = ${hall}`).filter((a) => cycleReadsIn(a.cycle, m.month));
  const readingRate: KpiSource = { numerator: due.filter((a) => a.read).length, denominator: due.length, basis: '应抄户数中本月有实抄记录（非估抄）的户数' };
  const accuracy = ratio(deps, sql`
    SELECT sum(CASE WHEN b.status = '已更正' THEN 0 ELSE 1 END) AS n, count(*) AS d FROM bills b JOIN accounts a ON a.id = b.account_id
    WHERE a.home_hall_id = ${hall} AND b.reading_date BETWEEN ${m.from} AND ${m.to} AND b.split_from IS NULL
      AND b.id NOT IN (SELECT new_bill_id FROM bill_corrections)`);
  // businesses finished this month: the receipt that finished them (合格) and its date against the promise (R-WO-03, 顺延)
  const done = deps.db.all<{ id: string; finishedOn: string; dueOn: string; orders: number; visits: number }>(sql`
    SELECT bz.id AS id, min(substr(coalesce(r.implemented_at, r.created_at), 1, 10)) AS finishedOn, coalesce(bz.deferred_to, bz.promised_on) AS dueOn,
           (SELECT count(*) FROM work_orders w2 WHERE w2.business_id = bz.id) AS orders,
           (SELECT count(*) FROM business_visits v WHERE v.business_id = bz.id) AS visits
    FROM businesses bz JOIN work_orders w ON w.business_id = bz.id JOIN work_order_receipts r ON r.work_order_id = w.id
    WHERE bz.hall_id = ${hall} AND r.result = '合格' AND bz.state IN ('已完成', '已归档')
    GROUP BY bz.id HAVING finishedOn BETWEEN ${m.from} AND ${m.to}`);
  const sat = ratio(deps, sql`
    SELECT sum(CASE WHEN r.score <= 2 THEN 1 ELSE 0 END) AS n, count(*) AS d FROM satisfaction_ratings r JOIN counters c ON c.id = r.counter_id
    WHERE c.hall_id = ${hall} AND substr(r.created_at, 1, 7) = ${input.month}`);
  const fee = ratio(deps, sql`
    SELECT sum(CASE WHEN b.status = '收讫' THEN b.amount_fen ELSE 0 END) AS n, sum(b.amount_fen) AS d FROM bills b JOIN accounts a ON a.id = b.account_id
    WHERE a.home_hall_id = ${hall} AND b.reading_date BETWEEN ${m.from} AND ${m.to} AND b.status IN ('收讫', '未缴')`);
  const sources: Record<KpiKey, KpiSource> = {
    readingRate,
    readingRateOutdoor: { nodata: '档案未记录表位（户外/户内），无法分开统计' },
    readingRateIndoor: { nodata: '档案未记录表位（户外/户内），无法分开统计' },
    readingAccuracy: { numerator: accuracy.n, denominator: accuracy.d, basis: '本月抄表记录中未经更正的条数' },
    repairOnTime: { numerator: done.filter((b) => b.finishedOn <= b.dueOn).length, denominator: done.length, basis: '本月完工的派工业务中在承诺（或顺延）日期前完工的件数' },
    repairFirstTime: { numerator: done.filter((b) => b.orders === 1).length, denominator: done.length, basis: '本月完工的派工业务中一次派工即完工的件数' },
    followUp: { numerator: done.filter((b) => b.visits > 0).length, denominator: done.length, basis: '本月完工的派工业务中已登记回访的件数' },
    satisfaction: { numerator: sat.n, denominator: sat.d, basis: '本月柜台评价中“非常满意”“满意”的次数' },
    feeRecovery: { numerator: fee.n, denominator: fee.d, basis: '本月抄表应收气费中已收讫的金额（分）' },
  };
  return KPI_TARGETS.map((t) => kpiFigure(t, sources[t.key]));
}

export function kpiTable(month: string, figures: readonly KpiFigure[]): ReportTable {
  const columns = [
    { header: '指标', kind: 'text', width: 18 },
    { header: '目标', kind: 'text', width: 10 },
    { header: '实际', kind: 'text', width: 10 },
    { header: '达标', kind: 'text', width: 8 },
    { header: '分子', kind: 'int', width: 12 },
    { header: '分母', kind: 'int', width: 12 },
    { header: '口径', kind: 'text', width: 44 },
    { header: '依据', kind: 'code', width: 10 },
  ] as const;
  const status = { met: '达标', missed: '未达标', nodata: '无数据' } as const;
  return {
    title: '服务指标考核表',
    sheet: '服务指标',
    period: `${month}`,
    columns: [...columns],
    rows: figures.map((f) => [f.label, formatRate(f.targetBp), formatRate(f.rateBp), status[f.status], f.numerator, f.denominator, f.basis, f.rule]),
    totals: null,
  };
}

// ——— 银行代扣报表 (R-FIN-03) ———

export interface BankWithholdingRow {
  bank: string;
  runs: number;
  sentCount: number;
  sentFen: number;
  okCount: number;
  okFen: number;
  failedCount: number;
  failedFen: number;
}

export const BANK_REPORT_SIGNATURES = ['制表人：', '出纳：', '会计：'] as const;

export function bankWithholdingRows(deps: ServiceDeps, input: { month: string }): BankWithholdingRow[] {
  checkMonth(input.month);
  return deps.db
    .all<Omit<BankWithholdingRow, 'failedCount' | 'failedFen'>>(sql`
      SELECT bank_name AS bank, count(*) AS runs, sum(item_count) AS sentCount, sum(total_fen) AS sentFen,
             coalesce(sum(ok_count), 0) AS okCount, coalesce(sum(ok_fen), 0) AS okFen
      FROM bank_runs WHERE substr(business_date, 1, 7) = ${input.month} GROUP BY bank_name ORDER BY bank_name`)
    .map((r) => ({ ...r, failedCount: r.sentCount - r.okCount, failedFen: r.sentFen - r.okFen }));
}

/** R-FIN-03: the report finance signs: 制表人 (who printed it), 出纳 (checked against the system), 会计 (against the bank slips). */
export function bankWithholdingTable(month: string, rows: readonly BankWithholdingRow[]): ReportTable {
  const columns = [
    { header: '银行', kind: 'text', width: 14 },
    { header: '批次', kind: 'int', width: 8 },
    { header: '送盘笔数', kind: 'int', width: 10 },
    { header: '送盘金额(元)', kind: 'yuan', width: 14 },
    { header: '成功笔数', kind: 'int', width: 10 },
    { header: '成功金额(元)', kind: 'yuan', width: 14 },
    { header: '失败笔数', kind: 'int', width: 10 },
    { header: '失败金额(元)', kind: 'yuan', width: 14 },
  ] as const;
  const data = rows.map((r) => [r.bank, r.runs, r.sentCount, r.sentFen, r.okCount, r.okFen, r.failedCount, r.failedFen]);
  return { title: '银行代扣报表', sheet: '银行代扣', period: month, columns: [...columns], rows: data, totals: totalsRow(columns, data), signatures: [...BANK_REPORT_SIGNATURES] };
}

// ——— 公建 (R-INV-10, R-FIN-05) ———

export interface PublicBuildingRow {
  date: string;
  accountNo: string;
  name: string;
  address: string;
  slipNo: string;
  clerk: string;
  method: string;
  volumeCenti: number;
  totalFen: number;
}

/** R-INV-10: each public-building (公建用户) gas payment of the hall, for the OA list 公建用户气费资金回笼清单. */
export function publicBuildingRows(deps: ServiceDeps, actor: Actor, r: Range): PublicBuildingRow[] {
  checkRange(r);
  return deps.db.all<PublicBuildingRow>(sql`
    SELECT p.business_date AS date, a.account_no AS accountNo, a.name AS name, a.address AS address, p.slip_no AS slipNo, s.login AS clerk,
           CASE WHEN p.reverses_payment_id IS NULL THEN p.method ELSE '冲正' END AS method,
           ${SIGN} * (SELECT coalesce(sum(b.consumption_centi), 0) FROM payment_items i JOIN bills b ON b.id = i.bill_id
                      WHERE i.payment_id = coalesce(p.reverses_payment_id, p.id)) AS volumeCenti,
           p.total_fen AS totalFen
    FROM payments p JOIN accounts a ON a.id = p.account_id JOIN staff s ON s.id = p.clerk_id
    WHERE p.hall_id = ${actor.hallId} AND p.business_date BETWEEN ${r.from} AND ${r.to} AND a.category = '公建用户' AND p.charge_type = '燃气费'
    ORDER BY p.business_date, p.slip_no`);
}

export function publicBuildingTable(r: Range, rows: readonly PublicBuildingRow[]): ReportTable {
  const columns = [
    { header: '收费日期', kind: 'date', width: 12 },
    { header: '用户编号', kind: 'code', width: 12 },
    { header: '用户名称', kind: 'text', width: 20 },
    { header: '地址', kind: 'text', width: 30 },
    { header: '核对单号', kind: 'code', width: 18 },
    { header: '收讫人', kind: 'code', width: 10 },
    { header: '缴费方式', kind: 'text', width: 10 },
    { header: '气量(方)', kind: 'volume', width: 12 },
    { header: '金额(元)', kind: 'yuan', width: 14 },
  ] as const;
  const data = rows.map((x) => [x.date, x.accountNo, x.name, x.address, x.slipNo, x.clerk, x.method, x.volumeCenti, x.totalFen]);
  return { title: '公建用户气费资金回笼清单', sheet: '公建回笼清单', period: `${r.from} 至 ${r.to}`, columns: [...columns], rows: data, totals: totalsRow(columns, data, `合计 ${rows.length} 笔`) };
}

export interface PublicBuildingMonthRow {
  hall: string;
  payments: number;
  accounts: number;
  volumeCenti: number;
  totalFen: number;
}

/** R-FIN-05: the month's public-building income per hall (every hall: finance totals the company). */
export function publicBuildingMonthRows(deps: ServiceDeps, input: { month: string }): PublicBuildingMonthRow[] {
  const m = checkMonth(input.month);
  return deps.db.all<PublicBuildingMonthRow>(sql`
    SELECT h.name AS hall, sum(${SIGN}) AS payments, count(DISTINCT p.account_id) AS accounts,
           sum(${SIGN} * (SELECT coalesce(sum(b.consumption_centi), 0) FROM payment_items i JOIN bills b ON b.id = i.bill_id
                          WHERE i.payment_id = coalesce(p.reverses_payment_id, p.id))) AS volumeCenti,
           sum(p.total_fen) AS totalFen
    FROM payments p JOIN accounts a ON a.id = p.account_id JOIN halls h ON h.id = p.hall_id
    WHERE p.business_date BETWEEN ${m.from} AND ${m.to} AND a.category = '公建用户' AND p.charge_type = '燃气费'
    GROUP BY h.id ORDER BY h.name`);
}

export const PUBLIC_BUILDING_SIGNATURES = ['统计人：', '管理员审核：', '公建组：', '财务确认：'] as const;

export function publicBuildingMonthTable(month: string, rows: readonly PublicBuildingMonthRow[]): ReportTable {
  const columns = [
    { header: '营业厅', kind: 'text', width: 16 },
    { header: '笔数', kind: 'int', width: 8 },
    { header: '户数', kind: 'int', width: 8 },
    { header: '气量(方)', kind: 'volume', width: 14 },
    { header: '实收金额(元)', kind: 'yuan', width: 16 },
  ] as const;
  const data = rows.map((x) => [x.hall, x.payments, x.accounts, x.volumeCenti, x.totalFen]);
  return { title: '公建用户月报表', sheet: '公建月报', period: month, columns: [...columns], rows: data, totals: totalsRow(columns, data), signatures: [...PUBLIC_BUILDING_SIGNATURES] };
}

// ——— one entry for the worker and the files ———

export type ManagementReportInput =
  | ({ report: 'gasSales' } & Range)
  | ({ report: 'tickets'; clerkLogin?: string | undefined } & Range)
  | { report: 'kpi'; month: string }
  | { report: 'bankWithholding'; month: string }
  | ({ report: 'publicBuilding' } & Range)
  | { report: 'publicBuildingMonth'; month: string };

export interface ManagementReport {
  table: ReportTable;
  /** R-TKT-14: which rows differ (indexes into table.rows), for the window to highlight. */
  flagged: number[];
  /** The KPI figures for the chart (R-SEC-29); empty for the other reports. */
  kpi: KpiFigure[];
}

export function managementReport(deps: ServiceDeps, actor: Actor, input: ManagementReportInput): ManagementReport {
  switch (input.report) {
    case 'gasSales':
      return { table: gasSalesTable(input, gasSalesRows(deps, actor, input)), flagged: [], kpi: [] };
    case 'tickets': {
      const rows = ticketReconRows(deps, actor, input);
      return { table: ticketReconTable(input, rows), flagged: rows.flatMap((r, i) => (r.differs ? [i] : [])), kpi: [] };
    }
    case 'kpi': {
      const kpi = kpiFigures(deps, actor, input);
      return { table: kpiTable(input.month, kpi), flagged: kpi.flatMap((f, i) => (f.status === 'missed' ? [i] : [])), kpi };
    }
    case 'bankWithholding':
      return { table: bankWithholdingTable(input.month, bankWithholdingRows(deps, input)), flagged: [], kpi: [] };
    case 'publicBuilding':
      return { table: publicBuildingTable(input, publicBuildingRows(deps, actor, input)), flagged: [], kpi: [] };
    case 'publicBuildingMonth':
      return { table: publicBuildingMonthTable(input.month, publicBuildingMonthRows(deps, input)), flagged: [], kpi: [] };
  }
}
