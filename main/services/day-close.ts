/**
 * 营业厅日结 by the hall manager, offline (issue 6): every clerk who took money that day has a reviewed
 * 日收银报表; the totals per clerk, counter and tender are computed once, numbered and stored with the
 * day; from then on the database refuses new slips, payments, invoices and reports for it. A month-end
 * report for finance sums the closed days.
 */
import { and, between, eq, isNotNull, sql } from 'drizzle-orm';
import { businessDays, halls } from '../../db/schema.js';
import { businessDateOf, isValidDate } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { addFen, fen, ZERO_FEN, type Fen } from '../../preload/kernel/money.js';
import type { ChainHead } from '../../preload/kernel/chain-head.js';
import { appendAudit, recordHead } from './audit.js';
import { counterCashFen, takenAtCounter } from './counter-cash.js';
import type { Actor, ServiceDeps } from './context.js';
import { hallDay, type CounterDay } from '../sync/hall-day.js';

export interface CloseTotals {
  count: number;
  totalFen: Fen;
  cashFen: Fen;
}

export interface CloseSummary {
  closeNo: string;
  hallName: string;
  businessDate: string;
  closedAt: string;
  closedBy: string;
  all: CloseTotals;
  byClerk: (CloseTotals & { name: string })[];
  byCounter: (CloseTotals & { code: string })[];
  byMethod: (CloseTotals & { method: string })[];
  byCharge: (CloseTotals & { chargeType: string })[];
  /** Issue 10 #20: the audit chain's head with the close's own row, printed on the report (absent before). */
  head?: ChainHead;
  /** Issue 14 #4: the hall's other counters and their end-of-day markers (absent on a PC that does not sync). */
  counters?: CounterDay[];
}

interface Cell {
  clerk: string;
  counter: string;
  method: string;
  charge: string;
  count: number;
  totalFen: Fen;
  cashFen: Fen;
}

/**
 * The day's kept totals (issue 13 #2: day_totals, kept by the payments trigger), grouped finely; the report's
 * four views are rolled up from it. Cash is only what was taken at the counter (issue 10 #2), so 其中现金
 * equals the clerks' 日收银报表.
 */
function dayCells(deps: ServiceDeps, hallId: string, date: string): Cell[] {
  return deps.db.all<Omit<Cell, 'totalFen' | 'cashFen'> & { totalFen: number; cashFen: number }>(sql`
    SELECT s.name AS clerk, c.code AS counter, g.method, g.charge, g.count, g.totalFen, g.cashFen
    FROM (SELECT clerk_id, counter_id, method, charge_type AS charge, sum(count) AS count, sum(total_fen) AS totalFen,
                 sum(${counterCashFen()}) AS cashFen
          FROM day_totals WHERE hall_id = ${hallId} AND business_date = ${date}
          GROUP BY clerk_id, counter_id, method, charge_type) g
    JOIN staff s ON s.id = g.clerk_id JOIN counters c ON c.id = g.counter_id`).map((c) => ({ ...c, totalFen: fen(c.totalFen), cashFen: fen(c.cashFen) }));
}

const NO_TOTALS: CloseTotals = { count: 0, totalFen: ZERO_FEN, cashFen: ZERO_FEN };

function plus(a: CloseTotals, b: CloseTotals): CloseTotals {
  return { count: a.count + b.count, totalFen: addFen(a.totalFen, b.totalFen), cashFen: addFen(a.cashFen, b.cashFen) };
}

function rollUp(cells: readonly Cell[], key: 'clerk' | 'counter' | 'method' | 'charge'): (CloseTotals & { k: string })[] {
  const by = new Map<string, CloseTotals & { k: string }>();
  for (const c of cells) {
    const cur = by.get(c[key]) ?? { k: c[key], ...NO_TOTALS };
    by.set(c[key], { k: c[key], ...plus(cur, c) });
  }
  return [...by.values()].sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
}

/** Issue 10 #3: a manager sees and closes only the days of their own hall. */
function ownHall(actor: Actor, hallId: string | undefined): void {
  if (hallId !== undefined && hallId !== actor.hallId) throw new DomainError('FORBIDDEN', '只能查看和日结本营业厅的营业日', 'hallId');
}

function counterDays(deps: ServiceDeps, actor: Actor, date: string): { counters: CounterDay[]; missingCounters: string[] } {
  const hall = hallDay(deps, actor.hallId, date, actor.counterId);
  return { counters: hall.counters, missingCounters: hall.missing };
}

export function dayStatus(deps: ServiceDeps, actor: Actor, date: string, hallId?: string) {
  if (!isValidDate(date)) throw new DomainError('VALIDATION', '日期格式为 YYYY-MM-DD', 'date');
  ownHall(actor, hallId);
  const clerks = deps.db.all<{ clerkId: string; name: string; count: number; reportId: string | null; reviewed: number }>(sql`
    SELECT s.id AS clerkId, s.name AS name, g.count AS count, r.id AS reportId, (r.reviewer_id IS NOT NULL) AS reviewed
    FROM (SELECT clerk_id, sum(count) AS count FROM day_totals WHERE hall_id = ${actor.hallId} AND business_date = ${date} AND ${takenAtCounter()} GROUP BY clerk_id) g
    JOIN staff s ON s.id = g.clerk_id
    LEFT JOIN cash_reports r ON r.clerk_id = s.id AND r.business_date = ${date}
    ORDER BY s.name`);
  const day = deps.db.select().from(businessDays).where(and(eq(businessDays.hallId, actor.hallId), eq(businessDays.businessDate, date))).get();
  return {
    businessDate: date,
    closed: Boolean(day?.closedAt),
    closeNo: day?.closeNo ?? null,
    // issue 14 #4: the hall's other counters and whether their end-of-day marker has come (feed or USB day file)
    ...counterDays(deps, actor, date),
    clerks: clerks.map((c) => ({ name: c.name, payments: c.count, report: c.reportId === null ? '未提交' : c.reviewed ? '已复核' : '待复核' })),
  };
}

/**
 * Closes the hall's day (manager only); refused while a clerk who took money at the counter has no reviewed
 * cash report (one who only entered bank or electronic-channel payments took no cash and owes none).
 */
export function closeDay(deps: ServiceDeps, actor: Actor, date: string, hallId?: string): CloseSummary {
  if (!['manager', 'admin'].includes(actor.role)) throw new DomainError('FORBIDDEN', '日结须由营业厅主任操作', 'date');
  const status = dayStatus(deps, actor, date, hallId);
  // issue 10 #3: a close is final, so a day that has not begun can never be closed (it would refuse its payments)
  const today = businessDateOf(deps.clock.now());
  if (date > today) throw new DomainError('VALIDATION', `${date} 是未来的日期，只能日结今天（${today}）或之前的营业日`, 'date');
  if (status.closed) throw new DomainError('DAY_CLOSED', `${date} 已日结（${status.closeNo ?? ''}）`, 'date');
  const pending = status.clerks.filter((c) => c.report !== '已复核');
  if (pending.length > 0) {
    throw new DomainError('VALIDATION', `以下营业员的日收银报表未提交或未复核：${pending.map((c) => `${c.name}（${c.report}）`).join('、')}`, 'date');
  }
  // issue 14 #4: every counter of the hall has sent its end-of-day marker (from the server or a USB day file)
  if (status.missingCounters.length > 0) {
    throw new DomainError('VALIDATION', `以下柜台尚未报送日终（请等待同步，或导入该柜台U盘中的日终文件）：${status.missingCounters.join('、')}`, 'date');
  }
  const now = deps.clock.now();
  return deps.db.transaction(
    (tx) => {
      const hall = tx.select({ name: halls.name, code: halls.code }).from(halls).where(eq(halls.id, actor.hallId)).get();
      const seq = Number(tx.select({ n: sql<number>`count(*)` }).from(businessDays).where(and(eq(businessDays.hallId, actor.hallId), isNotNull(businessDays.closedAt))).get()?.n ?? 0) + 1;
      const closeNo = `RJ-${hall?.code ?? ''}-${String(seq).padStart(5, '0')}`;
      const cells = dayCells(deps, actor.hallId, date);
      const map = (by: 'clerk' | 'counter' | 'method' | 'charge') => rollUp(cells, by);
      const all = map('charge').reduce<CloseTotals>((a, r) => plus(a, r), NO_TOTALS);
      const summary: CloseSummary = {
        closeNo,
        hallName: hall?.name ?? '',
        businessDate: date,
        closedAt: now.toISOString(),
        closedBy: actor.staffName,
        all,
        byClerk: map('clerk').map(({ k, ...t }) => ({ name: k, ...t })),
        byCounter: map('counter').map(({ k, ...t }) => ({ code: k, ...t })),
        byMethod: map('method').map(({ k, ...t }) => ({ method: k, ...t })),
        byCharge: map('charge').map(({ k, ...t }) => ({ chargeType: k, ...t })),
        ...(status.counters.length > 0 ? { counters: status.counters } : {}),
      };
      appendAudit(tx, { actorId: actor.staffId, action: 'day.close', entity: 'business_day', entityId: `${actor.hallId}/${date}`, detail: { closeNo, all } }, now);
      summary.head = recordHead(tx, { hallId: actor.hallId, businessDate: date, kind: 'day.close', ref: closeNo });
      tx.insert(businessDays)
        .values({ hallId: actor.hallId, businessDate: date, closedAt: now.toISOString(), closedBy: actor.staffId, closeNo, summary: JSON.stringify(summary) })
        .onConflictDoUpdate({
          target: [businessDays.hallId, businessDays.businessDate],
          set: { closedAt: now.toISOString(), closedBy: actor.staffId, closeNo, summary: JSON.stringify(summary) },
        })
        .run();
      return summary;
    },
    { behavior: 'immediate' },
  );
}

/**
 * Issue 10 #3: the days the manager may close, offered as a list instead of a typed date: today and every
 * earlier day of the hall with takings or a cash report that is not closed yet (newest first), and the
 * latest closed days for viewing or reprinting their report.
 */
export function openDays(deps: ServiceDeps, actor: Actor) {
  const today = businessDateOf(deps.clock.now());
  const rows = deps.db.all<{ date: string; payments: number }>(sql`
    SELECT d.date AS date, (SELECT coalesce(sum(p.count), 0) FROM day_totals p WHERE p.hall_id = ${actor.hallId} AND p.business_date = d.date AND ${takenAtCounter('p')}) AS payments
    FROM (SELECT business_date AS date FROM day_totals WHERE hall_id = ${actor.hallId} AND business_date <= ${today}
          UNION SELECT business_date FROM cash_reports WHERE hall_id = ${actor.hallId} AND business_date <= ${today}
          UNION SELECT ${today}) d
    WHERE d.date NOT IN (SELECT business_date FROM business_days WHERE hall_id = ${actor.hallId} AND closed_at IS NOT NULL)
    ORDER BY d.date DESC LIMIT 366`);
  const closed = deps.db.all<{ date: string; closeNo: string }>(sql`
    SELECT business_date AS date, close_no AS closeNo FROM business_days WHERE hall_id = ${actor.hallId} AND closed_at IS NOT NULL
    ORDER BY business_date DESC LIMIT 31`);
  return { today, open: rows, closed };
}

/** A card write settled after its day's close, posted onto that closed day (R-IC-07, issue 10 #1): 日结后补记. */
export interface LateRow {
  businessDate: string;
  slipNo: string;
  chargeType: string;
  method: string;
  /** recharge or reversal (冲正) */
  kind: string;
  totalFen: Fen;
  cashFen: Fen;
  cardNo: string;
  accountNo: string;
  name: string;
  clerkName: string;
  postedAt: string;
}

/**
 * The late rows of the hall's closed days from `from` to `to`: rows only a card write settled after the
 * close can put there (payments.late_card_write_id, admitted by the closed-day triggers), so they are not in
 * the stored close summary. Cash as in the summary (issue 10 #2). Read through the index of the few flagged
 * rows (issue 13: through payments_day it visited every payment of the hall in the range: 8 s at 5M rows).
 */
function lateRows(deps: ServiceDeps, hallId: string, from: string, to: string): LateRow[] {
  return deps.db.all<LateRow>(sql`
    SELECT p.business_date AS businessDate, p.slip_no AS slipNo, p.charge_type AS chargeType, p.method AS method, w.kind AS kind,
           p.total_fen AS totalFen, ${counterCashFen('p')} AS cashFen, w.card_no AS cardNo, a.account_no AS accountNo, a.name AS name,
           s.name AS clerkName, p.created_at AS postedAt
    FROM payments p INDEXED BY payments_late_card_write_id_unique
    JOIN business_days d ON d.hall_id = p.hall_id AND d.business_date = p.business_date AND d.closed_at IS NOT NULL
    JOIN card_writes w ON w.id = p.late_card_write_id
    JOIN accounts a ON a.id = p.account_id
    JOIN staff s ON s.id = p.clerk_id
    WHERE p.hall_id = ${hallId} AND p.business_date BETWEEN ${from} AND ${to} AND p.late_card_write_id IS NOT NULL
    ORDER BY p.business_date, p.created_at, p.slip_no`);
}

function totalsOf(rows: readonly CloseTotals[]): CloseTotals {
  return rows.reduce<CloseTotals>((a, r) => plus(a, r), NO_TOTALS);
}

const one = (r: { totalFen: Fen; cashFen: Fen }): CloseTotals => ({ count: 1, totalFen: r.totalFen, cashFen: r.cashFen });

const perCharge = (m: Map<string, CloseTotals>) =>
  [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([chargeType, t]) => ({ chargeType, ...t }));

/**
 * The stored report of a closed day, and apart from it the rows posted onto the day after its close (日结后补记,
 * issue 10 #1) and the day's ledger, so that closed figures + late rows = ledger.
 */
export function closeReport(deps: ServiceDeps, actor: Actor, date: string): CloseSummary & { late: CloseTotals & { rows: LateRow[] }; ledger: CloseTotals } {
  const day = deps.db.select().from(businessDays).where(and(eq(businessDays.hallId, actor.hallId), eq(businessDays.businessDate, date))).get();
  if (!day?.summary) throw new DomainError('NOT_FOUND', `${date} 尚未日结`, 'date');
  const summary = JSON.parse(day.summary) as CloseSummary;
  const rows = lateRows(deps, actor.hallId, date, date);
  return { ...summary, late: { ...totalsOf(rows.map(one)), rows }, ledger: totalsOf(dayCells(deps, actor.hallId, date)) };
}

/** R-FIN-02: the month's closed days for finance, per charge type and tender, with the days still open. */
export function monthReport(deps: ServiceDeps, actor: Actor, month: string) {
  const rows = deps.db
    .select({ date: businessDays.businessDate, summary: businessDays.summary })
    .from(businessDays)
    .where(and(eq(businessDays.hallId, actor.hallId), between(businessDays.businessDate, `${month}-01`, `${month}-31`), isNotNull(businessDays.closedAt)))
    .all();
  const add = (into: Map<string, CloseTotals>, key: string, t: CloseTotals) => {
    into.set(key, plus(into.get(key) ?? NO_TOTALS, t));
  };
  const byCharge = new Map<string, CloseTotals>();
  const byMethod = new Map<string, CloseTotals>();
  for (const r of rows) {
    const s = JSON.parse(r.summary ?? '{}') as CloseSummary;
    for (const c of s.byCharge ?? []) add(byCharge, c.chargeType, c);
    for (const m of s.byMethod ?? []) add(byMethod, m.method, m);
  }
  // issue 10 #1: rows posted onto the month's closed days after their close, stated apart (日结后补记)
  const late = lateRows(deps, actor.hallId, `${month}-01`, `${month}-31`);
  const lateByCharge = new Map<string, CloseTotals>();
  for (const r of late) add(lateByCharge, r.chargeType, one(r));
  // the ledger of the closed days, read afresh: closed figures + late rows must equal it
  const ledgerByCharge = new Map<string, CloseTotals>();
  for (const r of rows) for (const c of dayCells(deps, actor.hallId, r.date)) add(ledgerByCharge, c.charge, c);
  const closedByCharge = [...byCharge].map(([chargeType, t]) => ({ chargeType, ...t }));
  const openDays = deps.db.all<{ d: string }>(sql`
    SELECT DISTINCT business_date AS d FROM day_totals WHERE hall_id = ${actor.hallId} AND business_date BETWEEN ${`${month}-01`} AND ${`${month}-31`}
      AND business_date NOT IN (SELECT business_date FROM business_days WHERE hall_id = ${actor.hallId} AND closed_at IS NOT NULL) ORDER BY d`);
  return {
    month,
    closedDays: rows.map((r) => r.date).sort(),
    openDays: openDays.map((d) => d.d),
    closedAll: totalsOf(closedByCharge),
    byCharge: closedByCharge,
    byMethod: [...byMethod].map(([method, t]) => ({ method, ...t })),
    late: { ...totalsOf(late.map(one)), byCharge: perCharge(lateByCharge), rows: late },
    ledger: { all: totalsOf([...ledgerByCharge.values()]), byCharge: perCharge(ledgerByCharge) },
  };
}

