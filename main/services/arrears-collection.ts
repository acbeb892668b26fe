/**
 * Issue 15 #1: arrears collection and supply stop/restore (R-SEC-01..05) on the work-order machinery, the stop
 * carried out as a 封表 and the restore as a 启封 (A-46: off by default, the thresholds configurable):
 * the daily arrears list by threshold (R-SEC-01) → 催缴通知单 printed and recorded per account with its date
 * (R-SEC-04/05) → after the notice period a stop approved by the hall director who signs in (R-SEC-04) → a 封表
 * business → after full payment a 启封 issued in the same transaction as the payment, promised within 24 hours
 * (R-SEC-02), or after a repayment agreement approved by a senior (R-SEC-03) → re-checks of the stopped
 * customers for self-reconnection (R-SEC-03).
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { ReadTx, Tx } from '../../db/open.js';
import {
  accountPhones,
  accounts,
  arrearsNotices,
  arrearsSettings,
  bills,
  businesses,
  halls,
  repaymentAgreements,
  stopRechecks,
  supplyStops,
  type StaffRole,
} from '../../db/schema.js';
import { statementOf } from '../../db/statements.js';
import type { ReceiptPrinter } from '../../hardware/printer/printer.js';
import { businessDateOf, localDateTime } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { addFen, fen, ZERO_FEN, type Fen } from '../../preload/kernel/money.js';
import {
  arrearsMonths,
  assertEnabled,
  checkAgreement,
  checkArrearsSettings,
  checkStopRequest,
  DEFAULT_ARREARS_SETTINGS,
  onArrearsList,
  restoreDueAt,
  restoreOverdue,
  isWithdrawn,
  stopStage,
  thresholdMonths,
  type ArrearsSettings,
  type CustomerCategory,
  type ReadingCycle,
} from '../domain/arrears-collection.js';
import { layoutArrearsNotice, type ArrearsNotice } from '../domain/arrears-notice.js';
import { LEAD_TIME_WORKING_DAYS } from '../domain/work-order.js';
import { promisedDate } from '../domain/working-days.js';
import { uuidv7 } from '../ids.js';
import { appendAudit } from './audit.js';
import { loadOpenAccount, priceBill } from './billing.js';
import { insertBusiness, loadCalendar } from './businesses.js';
import type { Actor, ServiceDeps } from './context.js';
import { printLayout } from './print-layout.js';

/** R-SEC-04: residential stops are approved by the station head, here the hall director (营业厅主任) signing in. */
export const STOP_APPROVER_ROLES: readonly StaffRole[] = ['manager'];
/**
 * R-SEC-03: the repayment agreement needs the senior (分管副总经理); the app has no such role, so the hall director
 * signs in for the company (ASSUMPTION, stated in the issue 15 report).
 */
export const AGREEMENT_APPROVER_ROLES: readonly StaffRole[] = ['manager'];

export function loadArrearsSettings(tx: ReadTx): ArrearsSettings {
  const row = tx.select().from(arrearsSettings).where(eq(arrearsSettings.key, 'arrears')).get();
  if (!row) return DEFAULT_ARREARS_SETTINGS;
  return { enabled: row.enabled, individualMonths: row.individualMonths, organisationMonths: row.organisationMonths, noticeDays: row.noticeDays, restoreHours: row.restoreHours };
}

/** §10 / A-46: a hall director switches stopping for arrears on or off and sets the thresholds; audited. */
export function saveArrearsSettings(deps: ServiceDeps, actor: Actor, input: ArrearsSettings): ArrearsSettings {
  const s = checkArrearsSettings(input);
  const now = deps.clock.now();
  return deps.db.transaction(
    (tx) => {
      const before = loadArrearsSettings(tx);
      const row = { ...s, updatedBy: actor.staffId, updatedAt: now.toISOString() };
      tx.insert(arrearsSettings).values({ key: 'arrears', ...row }).onConflictDoUpdate({ target: arrearsSettings.key, set: row }).run();
      appendAudit(tx, { actorId: actor.staffId, action: 'arrears.settings', entity: 'arrears_settings', entityId: 'arrears', detail: { before, after: s } }, now);
      return loadArrearsSettings(tx);
    },
    { behavior: 'immediate' },
  );
}

export interface ArrearsRow {
  accountId: string;
  accountNo: string;
  name: string;
  address: string;
  category: CustomerCategory;
  area: string;
  meterReader: string;
  overdueBills: number;
  months: number;
  threshold: number;
  owedFen: Fen;
  earliestReading: string;
  lastNoticeDate: string | null;
  /** R-SEC-05: the day from which the stop may be requested (notice + noticeDays); null without a notice. */
  stopFrom: string | null;
  stopStage: string | null;
}

/**
 * R-SEC-01: the hall's daily arrears list: every account of the hall with bills past their due date
 * (A-27) amounting to its category's threshold or more, most months first.
 */
export function arrearsList(deps: ServiceDeps, actor: Actor): { settings: ArrearsSettings; today: string; rows: ArrearsRow[] } {
  const today = businessDateOf(deps.clock.now());
  return deps.db.transaction((tx) => {
    const settings = loadArrearsSettings(tx);
    const grouped = statementOf(
      tx,
      `SELECT a.id AS accountId, a.account_no AS accountNo, a.name, a.address, a.category, a.reading_cycle AS cycle, a.area,
         a.meter_reader AS meterReader, COUNT(*) AS overdueBills, SUM(b.amount_fen) AS owedFen, MIN(b.reading_date) AS earliestReading,
         (SELECT MAX(n.notice_date) FROM arrears_notices n WHERE n.account_id = a.id) AS lastNoticeDate
       FROM bills b JOIN accounts a ON a.id = b.account_id
       WHERE b.status = '未缴' AND b.due_date < ? AND a.home_hall_id = ?
       GROUP BY a.id`,
    ).all(today, actor.hallId) as {
      accountId: string; accountNo: string; name: string; address: string; category: CustomerCategory; cycle: ReadingCycle; area: string;
      meterReader: string; overdueBills: number; owedFen: number; earliestReading: string; lastNoticeDate: string | null;
    }[];
    const rows: ArrearsRow[] = [];
    for (const { cycle, ...r } of grouped) {
      const months = arrearsMonths(Array.from({ length: r.overdueBills }, () => ({ dueDate: '' })), cycle, today);
      if (!onArrearsList(r.category, months, settings)) continue;
      const stop = openStopOf(tx, r.accountId);
      rows.push({
        ...r,
        owedFen: fen(r.owedFen),
        months,
        threshold: thresholdMonths(r.category, settings),
        stopFrom: r.lastNoticeDate ? addDaysIso(r.lastNoticeDate, settings.noticeDays) : null,
        stopStage: stop ? stopStage(stop.seal, stop.restore) : null,
      });
    }
    rows.sort((x, y) => y.months - x.months || x.area.localeCompare(y.area) || x.accountNo.localeCompare(y.accountNo));
    return { settings, today, rows };
  });
}

function addDaysIso(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The account's arrears as of today: overdue bills, months (R-SEC-01), the notice's lines with late fees. */
function arrearsOf(tx: ReadTx, accountId: string, today: string) {
  const account = tx.select().from(accounts).where(eq(accounts.id, accountId)).get();
  if (!account) throw new DomainError('NOT_FOUND', '未找到该用户', 'accountId');
  const unpaid = tx
    .select()
    .from(bills)
    .where(and(eq(bills.accountId, accountId), eq(bills.status, '未缴')))
    .orderBy(asc(bills.readingDate), asc(bills.previousReadingCenti))
    .all();
  const months = arrearsMonths(unpaid, account.readingCycle, today);
  const notice: ArrearsNotice = {
    accountNo: account.accountNo, name: account.name, address: account.address, area: account.area, meterReader: account.meterReader, seqNo: account.seqNo,
    bills: [], gasFen: ZERO_FEN, lateFeeFen: ZERO_FEN, totalFen: ZERO_FEN,
  };
  for (const bill of unpaid) {
    const priced = priceBill(bill, today);
    notice.bills.push({ readingDate: priced.readingDate, consumption: priced.consumption, gasFen: priced.gasFen, lateFeeFen: priced.lateFeeFen });
    notice.gasFen = addFen(notice.gasFen, priced.gasFen);
    notice.lateFeeFen = addFen(notice.lateFeeFen, priced.lateFeeFen);
    notice.totalFen = addFen(notice.totalFen, priced.totalFen);
  }
  return { account, unpaid, months, notice };
}

export interface RecordedNotice extends ArrearsNotice {
  noticeDate: string;
  months: number;
}

/**
 * R-SEC-04/05: the written 催缴 notice of each chosen account, recorded with today's date (one transaction);
 * an account without arrears any more is skipped. Printing follows (A4 in the window, or `printNotices`).
 */
export function recordNotices(deps: ServiceDeps, actor: Actor, input: { accountIds: readonly string[]; output: 'receipt' | 'A4' }): RecordedNotice[] {
  if (input.accountIds.length === 0) throw new DomainError('VALIDATION', '请选择要催缴的用户', 'accountIds');
  const now = deps.clock.now();
  const today = businessDateOf(now);
  return deps.db.transaction(
    (tx) => {
      const out: RecordedNotice[] = [];
      for (const accountId of new Set(input.accountIds)) {
        const { account, notice, months } = arrearsOf(tx, accountId, today);
        if (account.homeHallId !== actor.hallId) throw new DomainError('FORBIDDEN', `用户 ${account.accountNo} 不属于本营业厅`, 'accountIds');
        if (notice.bills.length === 0) continue;
        const id = uuidv7(now.getTime());
        tx.insert(arrearsNotices).values({ id, accountId, noticeDate: today, months, totalFen: notice.totalFen, output: input.output, printedBy: actor.staffId, createdAt: now.toISOString() }).run();
        appendAudit(tx, { actorId: actor.staffId, action: 'arrears.notice', entity: 'account', entityId: accountId, detail: { noticeId: id, months, totalFen: notice.totalFen, output: input.output } }, now);
        out.push({ ...notice, noticeDate: today, months });
      }
      if (out.length === 0) throw new DomainError('VALIDATION', '所选用户已无欠费，未生成催缴通知', 'accountIds');
      return out;
    },
    { behavior: 'immediate' },
  );
}

/** R-SEC-05: the recorded notices on the receipt printer, one job each (titled 气费催缴通知单); a fault is reported. */
export async function printNotices(deps: ServiceDeps, printer: ReceiptPrinter, actor: Actor, notices: readonly RecordedNotice[]): Promise<{ printed: number; failed: number; firstError: string | null }> {
  const hall = deps.db.select({ name: halls.name }).from(halls).where(eq(halls.id, actor.hallId)).get();
  let printed = 0;
  let failed = 0;
  let firstError: string | null = null;
  for (const n of notices) {
    const layout = layoutArrearsNotice(n, hall?.name ?? '', n.noticeDate, deps.settings.receiptColumns, '气费催缴通知单');
    const out = await printLayout(printer, layout, deps.settings.receiptColumns);
    if (out.printed) printed++;
    else {
      failed++;
      firstError ??= out.message;
    }
  }
  return { printed, failed, firstError };
}

interface OpenStop {
  id: string;
  sealBusinessId: string;
  seal: { state: string; hallId: string };
  /** Its 启封 in force (a withdrawn one is none: the stop stands and may be restored again). */
  restore: { id: string; businessNo: string; state: string } | null;
  restoreReason: string | null;
}

/** A stop's 启封 business, unless a 冲正 withdrew it (R-SEC-02): a withdrawn one is none, the stop stands. */
function restoreInForce(tx: ReadTx, restoreBusinessId: string | null) {
  const issued = restoreBusinessId ? (tx.select().from(businesses).where(eq(businesses.id, restoreBusinessId)).get() ?? null) : null;
  return issued && !isWithdrawn(issued) ? issued : null;
}

/** The account's stop that is not finished (not restored and not withdrawn), if any. */
function openStopOf(tx: ReadTx, accountId: string): OpenStop | null {
  const rows = tx
    .select({ id: supplyStops.id, sealBusinessId: supplyStops.sealBusinessId, restoreBusinessId: supplyStops.restoreBusinessId, restoreReason: supplyStops.restoreReason })
    .from(supplyStops)
    .where(eq(supplyStops.accountId, accountId))
    .orderBy(desc(supplyStops.createdAt))
    .all();
  for (const r of rows) {
    const seal = tx.select({ state: businesses.state, hallId: businesses.hallId }).from(businesses).where(eq(businesses.id, r.sealBusinessId)).get();
    const restore = restoreInForce(tx, r.restoreBusinessId);
    if (!seal) continue;
    const stage = stopStage(seal, restore);
    if (stage !== '已复气' && stage !== '已撤销') return { id: r.id, sealBusinessId: r.sealBusinessId, seal, restore, restoreReason: restore ? r.restoreReason : null };
  }
  return null;
}

function contactPhoneOf(tx: ReadTx, accountId: string): string {
  return tx.select({ phone: accountPhones.phone }).from(accountPhones).where(eq(accountPhones.accountId, accountId)).orderBy(desc(accountPhones.createdAt)).limit(1).get()?.phone ?? '';
}

/**
 * R-SEC-04 (A-46): the stop after the notice period, approved by the hall director who signed in (never the
 * requesting clerk), written as a 封表 business with its 3-working-day promise (R-SEAL-03) and the stop record.
 * R-SEAL-02 (arrears settled before a seal) is the customer's own request; this seal is the hall's, for arrears.
 */
export function requestStop(
  deps: ServiceDeps,
  actor: Actor,
  input: { accountId: string; remark: string; approver: { staffId: string; role: string } },
): { stopId: string; businessNo: string; promisedOn: string } {
  const now = deps.clock.now();
  const today = businessDateOf(now);
  if (!STOP_APPROVER_ROLES.includes(input.approver.role as StaffRole)) throw new DomainError('FORBIDDEN', '停气须由营业厅主任（站长）审批签字 (R-SEC-04)', 'approver');
  if (input.approver.staffId === actor.staffId) throw new DomainError('FORBIDDEN', '停气须由另一人审批，不能自己审批自己 (R-SEC-04)', 'approver');
  return deps.db.transaction(
    (tx) => {
      const settings = loadArrearsSettings(tx);
      assertEnabled(settings);
      const account = loadOpenAccount(tx, input.accountId);
      if (account.homeHallId !== actor.hallId) throw new DomainError('FORBIDDEN', `用户 ${account.accountNo} 不属于本营业厅`, 'accountId');
      const { months, notice } = arrearsOf(tx, input.accountId, today);
      const lastNotice = tx.select().from(arrearsNotices).where(eq(arrearsNotices.accountId, input.accountId)).orderBy(desc(arrearsNotices.noticeDate), desc(arrearsNotices.createdAt)).limit(1).get();
      checkStopRequest(
        { noticeDate: lastNotice?.noticeDate ?? null, months, threshold: thresholdMonths(account.category as CustomerCategory, settings), today, openStop: openStopOf(tx, input.accountId) !== null },
        settings,
      );
      if (!lastNotice) throw new DomainError('VALIDATION', '停气前须先书面催缴通知用户 (R-SEC-04)', 'accountId');
      if (account.meterStatus !== '通气') throw new DomainError('VALIDATION', `表状态为「${account.meterStatus ?? '无表'}」，只有通气的表可以停气封表 (R-SEAL-01)`, 'accountId');
      const seal = insertBusiness(tx, actor, now, {
        accountId: input.accountId,
        type: '封表',
        requirement: `欠费停气：欠费 ${months} 个月共 ${(notice.totalFen / 100).toFixed(2)} 元，催缴通知 ${lastNotice.noticeDate}${input.remark.trim() ? `；${input.remark.trim()}` : ''} (R-SEC-04)`,
        contactPhone: contactPhoneOf(tx, input.accountId),
        priority: '尽快安排',
        promisedOn: promisedDate(today, LEAD_TIME_WORKING_DAYS['封表'], loadCalendar(tx)),
        hallId: actor.hallId,
      });
      const stopId = uuidv7(now.getTime());
      tx.insert(supplyStops)
        .values({
          id: stopId, accountId: input.accountId, noticeId: lastNotice.id, months, owedFen: notice.totalFen,
          requestedBy: actor.staffId, approvedBy: input.approver.staffId, sealBusinessId: seal.id, createdAt: now.toISOString(),
        })
        .run();
      appendAudit(tx, { actorId: actor.staffId, action: 'arrears.stop', entity: 'supply_stop', entityId: stopId, detail: { accountId: input.accountId, months, owedFen: notice.totalFen, approverId: input.approver.staffId, sealBusinessNo: seal.businessNo } }, now);
      return { stopId, businessNo: seal.businessNo, promisedOn: seal.promisedOn };
    },
    { behavior: 'immediate' },
  );
}

/** A 启封 issued by a payment (R-SEC-02): its number and the promise (ISO instant), for the clerk to tell the customer. */
export interface RestoreIssued {
  businessNo: string;
  dueAt: string;
}

/**
 * R-SEC-02, the one rule for every path that makes bills 收讫 (前台收费 in cash or tickets, the electronic
 * channels, 手工核对单 write-off and 缴费方式更正 through `settleBills`; the bank withholding write-off set-wise
 * through `restoreAfterBulkDebits`): inside the paying transaction, each of the paid accounts that has a stop
 * without a restore (its seal not withdrawn) and no unpaid bill left gets `issueRestore` — a seal not yet done is
 * withdrawn (已取消, the field team no longer goes), a done seal gets its 启封 issued at once, 加急, promised within
 * `restoreHours` (default 24). One set-wise statement finds those accounts (few: only stopped ones), so a
 * 200,000-line write-off does no per-line work here. Nothing happens for any other account.
 */
function restoreSettledStops(tx: Tx, actor: Actor, now: Date, paidAccountsSql: string, params: readonly unknown[]): (RestoreIssued | null)[] {
  const due = statementOf(
    tx,
    `SELECT DISTINCT s.account_id AS accountId FROM supply_stops s JOIN businesses seal ON seal.id = s.seal_business_id
     WHERE (s.restore_business_id IS NULL OR EXISTS (SELECT 1 FROM businesses r WHERE r.id = s.restore_business_id AND r.state IN ('已取消', '已作废')))
       AND seal.state <> '已取消' AND s.account_id IN (${paidAccountsSql})
       AND NOT EXISTS (SELECT 1 FROM bills b WHERE b.account_id = s.account_id AND b.status = '未缴')
     ORDER BY s.account_id`,
  ).all(...params) as { accountId: string }[];
  return due.map(({ accountId }) => issueRestore(tx, actor, accountId, now, '结清欠费'));
}

/** R-SEC-02 after one account's payment (called by `settleBills`, so by every per-payment path): the 启封 issued, if any. */
export function restoreAfterPayment(tx: Tx, actor: Actor, accountId: string, now: Date): RestoreIssued | null {
  return restoreSettledStops(tx, actor, now, '?', [accountId])[0] ?? null;
}

/** R-SEC-02 after the bank write-off: the accounts of the debits gathered in `temp.bulk_debits` (bank-debits.ts). */
export function restoreAfterBulkDebits(tx: Tx, actor: Actor, now: Date): number {
  return restoreSettledStops(tx, actor, now, 'SELECT account_id FROM temp.bulk_debits', []).length;
}

/**
 * R-SEC-02 after a 冲正 of a payment (reversals.ts; not the 缴费方式更正, which pays the same bills again at once): when
 * the account owes again and its stop's 启封 was issued because the arrears were paid (结清欠费), the 启封 is withdrawn
 * (已取消, with the reason) while no one has restored the supply yet; the stop stands (已停气) and the next full payment
 * issues a new 启封. Once the 启封 is done (已完成/已归档: the gas is on again) the 冲正 is refused: changing the
 * money back would leave a restored customer in arrears unseen. Returns the withdrawn 启封's number, or null.
 */
export function withdrawRestoreAfterReversal(tx: Tx, actor: Actor, accountId: string, now: Date): string | null {
  const stop = openStopOf(tx, accountId);
  if (!stop?.restore || stop.restoreReason !== '结清欠费') return null;
  if (!owesAny(tx, accountId)) return null;
  if (stop.restore.state === '已完成' || stop.restore.state === '已归档') {
    throw new DomainError('NOT_REVERSIBLE', `该用户结清欠费后已启封复气（启封工单 ${stop.restore.businessNo} 已完工），不能冲正；请联系营业厅主任处理`, 'slipNo');
  }
  tx.update(businesses).set({ state: '已取消', voidReason: '结清欠费的收费已冲正，欠费未结清，撤销启封 (R-SEC-02)' }).where(eq(businesses.id, stop.restore.id)).run();
  appendAudit(tx, { actorId: actor.staffId, action: 'arrears.restoreWithdrawn', entity: 'supply_stop', entityId: stop.id, detail: { businessNo: stop.restore.businessNo, reason: '冲正' } }, now);
  return stop.restore.businessNo;
}

function issueRestore(tx: Tx, actor: Actor, accountId: string, now: Date, reason: '结清欠费' | '还欠协议'): RestoreIssued | null {
  const stop = openStopOf(tx, accountId);
  if (!stop || stop.restore) return null;
  if (stop.seal.state !== '已完成' && stop.seal.state !== '已归档') {
    tx.update(businesses).set({ state: '已取消', voidReason: `欠费已${reason === '结清欠费' ? '结清' : '签还欠协议'}，撤销停气 (R-SEC-02)` }).where(eq(businesses.id, stop.sealBusinessId)).run();
    appendAudit(tx, { actorId: actor.staffId, action: 'arrears.stopWithdrawn', entity: 'supply_stop', entityId: stop.id, detail: { reason } }, now);
    return null;
  }
  const settings = loadArrearsSettings(tx);
  const dueAt = restoreDueAt(now, settings);
  const restore = insertBusiness(tx, actor, now, {
    accountId,
    type: '启封',
    requirement: `${reason === '结清欠费' ? '欠费已结清' : '还欠协议已审批'}，复气：${settings.restoreHours} 小时内（${localDateTime(new Date(dueAt)).slice(0, 16)} 前）启封通气 (R-SEC-02)`,
    contactPhone: contactPhoneOf(tx, accountId),
    priority: '加急安排',
    promisedOn: businessDateOf(new Date(dueAt)),
    hallId: stop.seal.hallId,
  });
  tx.update(supplyStops).set({ restoreBusinessId: restore.id, restoreIssuedAt: now.toISOString(), restoreDueAt: dueAt, restoreReason: reason }).where(eq(supplyStops.id, stop.id)).run();
  appendAudit(tx, { actorId: actor.staffId, action: 'arrears.restore', entity: 'supply_stop', entityId: stop.id, detail: { reason, businessNo: restore.businessNo, dueAt } }, now);
  return { businessNo: restore.businessNo, dueAt };
}

/**
 * R-SEC-03: a customer who cannot pay at once signs a repayment agreement; with the senior's approval (signed in)
 * the restore is issued although arrears remain.
 */
export function signAgreement(
  deps: ServiceDeps,
  actor: Actor,
  input: { accountId: string; terms: string; payBy: string; approver: { staffId: string; role: string } },
): { businessNo: string | null; dueAt: string | null } {
  const now = deps.clock.now();
  const today = businessDateOf(now);
  checkAgreement({ terms: input.terms, payBy: input.payBy, today });
  if (!AGREEMENT_APPROVER_ROLES.includes(input.approver.role as StaffRole)) throw new DomainError('FORBIDDEN', '还欠协议须经领导审批（主任登录确认）(R-SEC-03)', 'approver');
  if (input.approver.staffId === actor.staffId) throw new DomainError('FORBIDDEN', '还欠协议须由另一人审批，不能自己审批自己 (R-SEC-03)', 'approver');
  return deps.db.transaction(
    (tx) => {
      loadOpenAccount(tx, input.accountId);
      const stop = openStopOf(tx, input.accountId);
      if (!stop) throw new DomainError('VALIDATION', '该用户没有停气记录，无需还欠协议', 'accountId');
      if (stop.restore) throw new DomainError('VALIDATION', '该用户已派发复气工单', 'accountId');
      const { notice } = arrearsOf(tx, input.accountId, today);
      if (notice.bills.length === 0) throw new DomainError('VALIDATION', '该用户已无欠费，无需还欠协议', 'accountId');
      const id = uuidv7(now.getTime());
      tx.insert(repaymentAgreements).values({ id, stopId: stop.id, owedFen: notice.totalFen, terms: input.terms.trim(), payBy: input.payBy, clerkId: actor.staffId, approvedBy: input.approver.staffId, createdAt: now.toISOString() }).run();
      appendAudit(tx, { actorId: actor.staffId, action: 'arrears.agreement', entity: 'supply_stop', entityId: stop.id, detail: { agreementId: id, owedFen: notice.totalFen, payBy: input.payBy, approverId: input.approver.staffId } }, now);
      const issued = issueRestore(tx, actor, input.accountId, now, '还欠协议');
      return { businessNo: issued?.businessNo ?? null, dueAt: issued?.dueAt ?? null };
    },
    { behavior: 'immediate' },
  );
}

/**
 * R-SEC-02 when the arrears were paid where the stop is not known: the bills of a customer stopped at this hall were
 * paid at another hall (bills and payments travel company-wide, a stop only within its hall), so no paying
 * transaction here issued the 启封. The stop list marks such a stop `paidOff`, and the clerk or manager issues the
 * 启封 here with one key (the same issueRestore as a payment: a seal not yet done is withdrawn instead). Refused while
 * anything is still owed, or when the stop already has its 启封.
 */
export function settleStop(deps: ServiceDeps, actor: Actor, input: { stopId: string }): { businessNo: string | null; dueAt: string | null; sealWithdrawn: boolean } {
  const now = deps.clock.now();
  return deps.db.transaction(
    (tx) => {
      const row = tx.select({ accountId: supplyStops.accountId, hallId: businesses.hallId }).from(supplyStops).innerJoin(businesses, eq(businesses.id, supplyStops.sealBusinessId)).where(eq(supplyStops.id, input.stopId)).get();
      if (!row || row.hallId !== actor.hallId) throw new DomainError('NOT_FOUND', '未找到本营业厅的该停气记录', 'stopId');
      const stop = openStopOf(tx, row.accountId);
      if (!stop || stop.id !== input.stopId) throw new DomainError('VALIDATION', '该停气记录已复气或已撤销', 'stopId');
      if (stop.restore) throw new DomainError('VALIDATION', `该用户已派发启封工单 ${stop.restore.businessNo}`, 'stopId');
      if (owesAny(tx, row.accountId)) throw new DomainError('VALIDATION', '该用户仍有未缴费用，欠费结清后才能复气 (R-SEC-02)', 'stopId');
      const issued = issueRestore(tx, actor, row.accountId, now, '结清欠费');
      return { businessNo: issued?.businessNo ?? null, dueAt: issued?.dueAt ?? null, sealWithdrawn: issued === null };
    },
    { behavior: 'immediate' },
  );
}

const owesAny = (tx: ReadTx, accountId: string): boolean => statementOf(tx, "SELECT 1 FROM bills WHERE account_id = ? AND status = '未缴' LIMIT 1").get(accountId) !== undefined;

export interface StopRow {
  stopId: string;
  accountId: string;
  accountNo: string;
  name: string;
  address: string;
  meterReader: string;
  stoppedOn: string;
  sealBusinessNo: string;
  stage: string;
  restoreBusinessNo: string | null;
  restoreReason: string | null;
  restoreDueAt: string | null;
  /** R-SEC-02: not restored by the promise. */
  restoreOverdue: boolean;
  /** R-SEC-02: nothing owed any more but no 启封 yet (paid at another hall): settleStop issues it. */
  paidOff: boolean;
  lastRecheck: { checkedOn: string; result: string } | null;
}

/** R-SEC-04: the hall's stop/restore record (停复气记录), newest first, with the 24-hour promise tracked (R-SEC-02). */
export function stopList(deps: ServiceDeps, actor: Actor): StopRow[] {
  const now = deps.clock.now();
  return deps.db.transaction((tx) => {
    const rows = tx
      .select({ stop: supplyStops, account: accounts, seal: businesses })
      .from(supplyStops)
      .innerJoin(accounts, eq(accounts.id, supplyStops.accountId))
      .innerJoin(businesses, eq(businesses.id, supplyStops.sealBusinessId))
      .where(eq(businesses.hallId, actor.hallId))
      .orderBy(desc(supplyStops.createdAt))
      .all();
    return rows.map(({ stop, account, seal }) => {
      const restore = restoreInForce(tx, stop.restoreBusinessId);
      const restoredAt = restore?.state === '已归档' ? restoredAtOf(tx, restore.id) : null;
      const check = tx.select({ checkedOn: stopRechecks.checkedOn, result: stopRechecks.result }).from(stopRechecks).where(eq(stopRechecks.stopId, stop.id)).orderBy(desc(stopRechecks.createdAt)).limit(1).get() ?? null;
      return {
        stopId: stop.id, accountId: account.id, accountNo: account.accountNo, name: account.name, address: account.address, meterReader: account.meterReader,
        stoppedOn: stop.createdAt.slice(0, 10), sealBusinessNo: seal.businessNo, stage: stopStage(seal, restore),
        restoreBusinessNo: restore?.businessNo ?? null, restoreReason: restore ? stop.restoreReason : null, restoreDueAt: restore ? stop.restoreDueAt : null,
        restoreOverdue: restore !== null && stop.restoreDueAt !== null && restoreOverdue(stop.restoreDueAt, restoredAt, now),
        paidOff: restore === null && !isWithdrawn(seal) && !owesAny(tx, account.id),
        lastRecheck: check,
      };
    });
  });
}

/** When the 启封 form was saved (the audit row of its follow-up): supply restored. */
function restoredAtOf(tx: ReadTx, businessId: string): string | null {
  const row = statementOf(tx, "SELECT created_at AS at FROM seal_records WHERE business_id = ?").get(businessId) as { at: string } | undefined;
  return row?.at ?? null;
}

/** R-SEC-03: the stopped customers (seal done, not restored) for the field team's re-check, longest stopped first. */
export function recheckList(deps: ServiceDeps, actor: Actor): StopRow[] {
  return stopList(deps, actor)
    .filter((s) => s.stage === '已停气')
    .sort((a, b) => a.stoppedOn.localeCompare(b.stoppedOn));
}

/** R-SEC-03: the field team's re-check result; a self-reconnection (私自接气) is recorded for the inspection unit. */
export function recordRecheck(deps: ServiceDeps, actor: Actor, input: { stopId: string; result: '仍封表' | '私自接气'; note: string }): { checkedOn: string } {
  const now = deps.clock.now();
  if (input.result === '私自接气' && input.note.trim() === '') throw new DomainError('VALIDATION', '发现私自接气须填写情况，交稽查处理 (R-SEC-03)', 'note');
  return deps.db.transaction(
    (tx) => {
      const stop = tx.select().from(supplyStops).where(eq(supplyStops.id, input.stopId)).get();
      if (!stop) throw new DomainError('NOT_FOUND', '未找到该停气记录', 'stopId');
      const seal = tx.select({ state: businesses.state, hallId: businesses.hallId }).from(businesses).where(eq(businesses.id, stop.sealBusinessId)).get();
      if (!seal || seal.hallId !== actor.hallId) throw new DomainError('FORBIDDEN', '该停气记录不属于本营业厅', 'stopId');
      const restore = stop.restoreBusinessId ? (tx.select({ state: businesses.state }).from(businesses).where(eq(businesses.id, stop.restoreBusinessId)).get() ?? null) : null;
      if (stopStage(seal, restore) !== '已停气') throw new DomainError('VALIDATION', '只有已停气的用户需要复查', 'stopId');
      const checkedOn = businessDateOf(now);
      tx.insert(stopRechecks).values({ id: uuidv7(now.getTime()), stopId: stop.id, checkedOn, result: input.result, note: input.note.trim(), enteredBy: actor.staffId, createdAt: now.toISOString() }).run();
      appendAudit(tx, { actorId: actor.staffId, action: 'arrears.recheck', entity: 'supply_stop', entityId: stop.id, detail: input }, now);
      return { checkedOn };
    },
    { behavior: 'immediate' },
  );
}

