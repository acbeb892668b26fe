/**
 * 日收银报表 per clerk and day (R-CASH-01..05): income by category from the ledger (local-tax, quota and
 * national-tax invoices, check slips, tickets by count and volume, late fees apart), the cash counted
 * by denomination, 前日现金结余 + 本日营业收入 − 存入银行或财务金额 = 当日现金结余 carried forward,
 * any difference recorded with its reason, and the review by a different person.
 */
import { and, desc, eq, like, lt, sql } from 'drizzle-orm';
import type { ReadTx } from '../../db/open.js';
import { auditHeads, auditLog, cashReports, staff } from '../../db/schema.js';
import { checkDifference, type ReportLine } from '../domain/cash-report.js';
import { cashBalance } from '../../preload/kernel/cash-balance.js';
import { countedTotal } from '../../preload/kernel/denominations.js';
import { businessDateOf } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { OFF_COUNTER_METHODS } from '../domain/payment-channels.js';
import { fen, ZERO_FEN, type Fen } from '../../preload/kernel/money.js';
import { centiM3 } from '../../preload/kernel/volume.js';
import { uuidv7 } from '../ids.js';
import { recordDayMarker } from '../sync/day-marker.js';
import { appendAudit, recordHead } from './audit.js';
import type { Actor, ServiceDeps } from './context.js';
import { isDayClosed } from './payments.js';

const notCash = sql.join(OFF_COUNTER_METHODS.map((m) => sql`${m}`), sql`, `);

/** The clerk's ledger of the day in the report's categories, read from the kept per-day totals (issue 13 #2). */
export function reportLines(db: ReadTx, clerkId: string, date: string): { lines: ReportLine[]; incomeFen: Fen } {
  const byCharge = db.all<{ chargeType: string; category: string; count: number; amountFen: number; gasFen: number; lateFeeFen: number }>(sql`
    SELECT charge_type AS chargeType, invoice_category AS category, sum(count) AS count, sum(total_fen - ticket_fen) AS amountFen,
           sum(gas_fen) AS gasFen, sum(late_fee_fen) AS lateFeeFen
    FROM day_totals WHERE clerk_id = ${clerkId} AND business_date = ${date} AND method NOT IN (${notCash})
    GROUP BY charge_type, invoice_category ORDER BY charge_type, invoice_category`);
  // a payment's tickets, and negated for its 冲正 (day_ticket_totals)
  const tickets = db.all<{ kind: string; count: number; volume: number; value: number }>(sql`
    SELECT kind, sum(count) AS count, sum(volume_centi) AS volume, sum(value_fen) AS value
    FROM day_ticket_totals WHERE clerk_id = ${clerkId} AND business_date = ${date} GROUP BY kind ORDER BY kind`);
  const invoices = db.all<{ category: string; count: number; amountFen: number }>(sql`
    SELECT category, sum(count) AS count, sum(amount_fen) AS amountFen FROM day_invoice_totals WHERE clerk_id = ${clerkId} AND business_date = ${date}
    GROUP BY category ORDER BY category`);
  const income = db.all<{ cash: number }>(sql`
    SELECT coalesce(sum(tendered_fen - change_fen), 0) AS cash FROM day_totals WHERE clerk_id = ${clerkId} AND business_date = ${date} AND method NOT IN (${notCash})`);
  const lines: ReportLine[] = [];
  for (const r of byCharge) {
    const group = r.category === '核对单' ? '核对单' : r.category === '收据' ? '收据' : `${r.category}发票`;
    if (r.chargeType === '燃气费') {
      lines.push({ group, item: '气费', count: r.count, amountFen: fen(r.gasFen) });
      lines.push({ group: '滞纳金', item: '滞纳金', count: r.count, amountFen: fen(r.lateFeeFen) }); // R-LATE-06: its own charge type
    } else lines.push({ group, item: r.chargeType, count: r.count, amountFen: fen(r.amountFen) });
  }
  for (const t of tickets) lines.push({ group: '燃气票', item: t.kind, count: t.count, amountFen: fen(t.value), volumeCenti: centiM3(t.volume) });
  for (const i of invoices) lines.push({ group: `${i.category}发票（已开）`, item: '核对单换发票', count: i.count, amountFen: fen(i.amountFen) });
  return { lines, incomeFen: fen(income[0]?.cash ?? 0) };
}

/**
 * yesterday's 当日现金结余; on a clerk's first report, the cash float they counted when opening
 * the counter that day (R-GEN-01), else 0.
 */
function previousBalance(db: ReadTx, clerkId: string, date: string): Fen {
  const last = db
    .select({ balance: cashReports.balanceFen })
    .from(cashReports)
    .where(and(eq(cashReports.clerkId, clerkId), lt(cashReports.businessDate, date)))
    .orderBy(desc(cashReports.businessDate))
    .limit(1)
    .get();
  if (last) return fen(last.balance);
  const opened = db
    .select({ detail: auditLog.detail })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'counter.open'), eq(auditLog.actorId, clerkId), like(auditLog.detail, `%"businessDate":"${date}"%`)))
    .orderBy(desc(auditLog.seq))
    .limit(1)
    .get();
  return opened ? fen((JSON.parse(opened.detail) as { floatFen?: number }).floatFen ?? 0) : ZERO_FEN;
}

export function draftCashReport(deps: ServiceDeps, actor: Actor) {
  const date = businessDateOf(deps.clock.now());
  const { lines, incomeFen } = reportLines(deps.db, actor.staffId, date);
  const existing = deps.db.select().from(cashReports).where(and(eq(cashReports.clerkId, actor.staffId), eq(cashReports.businessDate, date))).get();
  const head = existing
    ? (deps.db.select({ seq: auditHeads.seq, hash: auditHeads.hash }).from(auditHeads).where(and(eq(auditHeads.kind, 'cash_report'), eq(auditHeads.ref, existing.id))).get() ?? null)
    : null;
  return { businessDate: date, previousBalanceFen: previousBalance(deps.db, actor.staffId, date), incomeFen, lines, submitted: existing ? viewOf(existing, head) : null };
}

function viewOf(r: typeof cashReports.$inferSelect, head: { seq: number; hash: string } | null) {
  return {
    head,
    id: r.id,
    previousBalanceFen: r.previousBalanceFen,
    incomeFen: r.incomeFen,
    depositedFen: r.depositedFen,
    balanceFen: r.balanceFen,
    countedFen: r.countedFen,
    differenceFen: r.differenceFen,
    differenceReason: r.differenceReason,
    reviewed: r.reviewerId !== null,
  };
}

/** The clerk signs the report (R-CASH-05): figures frozen as of now; one report per clerk and day. */
export function submitCashReport(deps: ServiceDeps, actor: Actor, input: { depositedFen: Fen; denominations: Record<string, number>; differenceReason: string }) {
  const now = deps.clock.now();
  const date = businessDateOf(now);
  return deps.db.transaction(
    (tx) => {
      // the trigger cash_reports_day_open refuses it too; this says so in words (found by the IPC fuzzer and the odd-string sweep, issue 10 #12 #19)
      if (isDayClosed(tx, actor.hallId, date)) throw new DomainError('DAY_CLOSED', `${date} 已日结，不能再提交日收银报表`, 'report');
      const done = tx.select({ id: cashReports.id }).from(cashReports).where(and(eq(cashReports.clerkId, actor.staffId), eq(cashReports.businessDate, date))).get();
      if (done) throw new DomainError('VALIDATION', `${date} 的日收银报表已提交`, 'report');
      const { lines, incomeFen } = reportLines(tx, actor.staffId, date);
      const previousBalanceFen = previousBalance(tx, actor.staffId, date);
      const balanceFen = cashBalance(previousBalanceFen, incomeFen, input.depositedFen);
      const countedFen = countedTotal(input.denominations);
      const differenceFen = checkDifference(countedFen, balanceFen, input.differenceReason);
      const id = uuidv7(now.getTime());
      tx.insert(cashReports)
        .values({
          id,
          clerkId: actor.staffId,
          hallId: actor.hallId,
          businessDate: date,
          previousBalanceFen,
          incomeFen,
          depositedFen: input.depositedFen,
          balanceFen,
          countedFen,
          denominations: JSON.stringify(input.denominations),
          differenceFen,
          differenceReason: input.differenceReason.trim(),
          lines: JSON.stringify(lines),
        })
        .run();
      appendAudit(tx, { actorId: actor.staffId, action: 'cash_report.submit', entity: 'cash_report', entityId: id, detail: { date, incomeFen, balanceFen, countedFen, differenceFen } }, now);
      // issue 10 #20: the chain's head as signed, shown on the report and kept for later checks
      const head = recordHead(tx, { hallId: actor.hallId, businessDate: date, kind: 'cash_report', ref: id });
      // issue 14 #4: the counter's end-of-day marker (count, total, head) goes up through the outbox with the report
      recordDayMarker(tx, { hallId: actor.hallId, counterId: actor.counterId, businessDate: date, reason: 'cash_report', ref: id, deviceId: null }, now);
      return { head, id, previousBalanceFen, incomeFen, depositedFen: input.depositedFen, balanceFen, countedFen, differenceFen, differenceReason: input.differenceReason.trim(), reviewed: false };
    },
    { behavior: 'immediate' },
  );
}

/** R-CASH-05 (R-SEC-23 separation of duties): a different clerk or a manager reviews and signs (signing in here); never the preparer. */
/** R-CASH-05: who may review a clerk's cash report (a colleague at the counter). */
export const REVIEWER_ROLES = ['clerk', 'reviewer', 'manager', 'admin'] as const;

export function reviewCashReport(deps: ServiceDeps, actor: Actor, input: { clerkLogin: string; reviewer: { staffId: string; role: string } }) {
  const now = deps.clock.now();
  const date = businessDateOf(now);
  return deps.db.transaction(
    (tx) => {
      const clerk = tx.select({ id: staff.id }).from(staff).where(eq(staff.login, input.clerkLogin.trim())).get();
      const report = clerk ? tx.select().from(cashReports).where(and(eq(cashReports.clerkId, clerk.id), eq(cashReports.businessDate, date))).get() : undefined;
      if (!report) throw new DomainError('NOT_FOUND', `${input.clerkLogin} 今日还没有提交日收银报表`, 'clerkLogin');
      if (report.reviewerId) throw new DomainError('VALIDATION', '该报表已复核', 'clerkLogin');
      if (input.reviewer.staffId === report.clerkId) throw new DomainError('FORBIDDEN', '复核人不能是制表人本人 (R-CASH-05)', 'reviewer');
      if (!(REVIEWER_ROLES as readonly string[]).includes(input.reviewer.role)) throw new DomainError('FORBIDDEN', '复核人须为营业员、复核员或营业厅主任', 'reviewer');
      tx.update(cashReports).set({ reviewerId: input.reviewer.staffId, reviewedAt: now.toISOString() }).where(eq(cashReports.id, report.id)).run();
      appendAudit(tx, { actorId: input.reviewer.staffId, action: 'cash_report.review', entity: 'cash_report', entityId: report.id, detail: { clerkId: report.clerkId, date, by: actor.staffId } }, now);
      return { id: report.id, reviewed: true };
    },
    { behavior: 'immediate' },
  );
}
