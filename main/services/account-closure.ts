/**
 * Issue 15 #2: account closure 销户 and temporary removal 临时拆表 (R-SEC-06) on the work-order machinery:
 * application with the arrears settled first (R-SEC-06, R-SEC-08) → site check (其它, 2 working days) → removal
 * (拆表, 5 working days) whose form carries the final reading → the final bill → settled at 前台收费 → approval by
 * the hall director who signs in → closed: every later business is refused (loadOpenAccount, and the database).
 * A temporary removal is re-fitted within 6 months, else it is a new installation.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ReadTx, Tx } from '../../db/open.js';
import { accountClosures, accountPhones, accounts, businesses, meters, PAYMENT_METHOD_CASH, payments, sealRecords, type StaffRole } from '../../db/schema.js';
import { addFen, changeFor, fen, formatYuan, negFen, subFen, sumFen, ZERO_FEN, type Fen } from '../../preload/kernel/money.js';
import { confirmLargeTender } from '../domain/confirmations.js';
import { asAccountId, asPaymentId } from '../domain/ids.js';
import { assertCustomerNotInBankRun } from './bank-lock.js';
import { insertLedgerRow, settleBills } from './payments.js';
import { businessDateOf } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { centiM3 } from '../../preload/kernel/volume.js';
import { refuseWhileArrears } from '../domain/arrears.js';
import { checkClosureReason, checkRefit, CLOSURE_REMOVAL_DAYS, CLOSURE_SITE_CHECK_DAYS, type ClosureKind } from '../domain/account-closure.js';
import { nextMeterStatus } from '../domain/meter-status.js';
import { promisedDate } from '../domain/working-days.js';
import { LEAD_TIME_WORKING_DAYS } from '../domain/work-order.js';
import { uuidv7 } from '../ids.js';
import { appendAudit } from './audit.js';
import { activeMeter, billingStart, insertBill, loadOpenAccount, priceBill, unpaidBillRows, unpaidLines } from './billing.js';
import { archiveWithAudit, insertBusiness, loadBusiness, loadCalendar } from './businesses.js';
import type { Actor, ServiceDeps } from './context.js';

/** R-SEC-06: closure after "senior approval": the hall director signs in (the app has no 分管副总经理 role). */
export const CLOSURE_APPROVER_ROLES: readonly StaffRole[] = ['manager'];

type Closure = typeof accountClosures.$inferSelect;

function loadClosure(tx: ReadTx, closureId: string): Closure {
  const row = tx.select().from(accountClosures).where(eq(accountClosures.id, closureId)).get();
  if (!row) throw new DomainError('NOT_FOUND', '未找到该销户申请', 'closureId');
  return row;
}

function businessState(tx: ReadTx, id: string | null) {
  return id ? (tx.select({ state: businesses.state, businessNo: businesses.businessNo, promisedOn: businesses.promisedOn }).from(businesses).where(eq(businesses.id, id)).get() ?? null) : null;
}

const phoneOf = (tx: ReadTx, accountId: string) =>
  tx.select({ phone: accountPhones.phone }).from(accountPhones).where(eq(accountPhones.accountId, accountId)).orderBy(desc(accountPhones.createdAt)).limit(1).get()?.phone ?? '';

/** R-SEC-06 step 1–2: the application; arrears MUST be settled first; the site check is issued (2 working days). */
export function applyClosure(deps: ServiceDeps, actor: Actor, input: { accountId: string; kind: ClosureKind; reason: string }) {
  const now = deps.clock.now();
  const today = businessDateOf(now);
  const reason = checkClosureReason(input.reason);
  return deps.db.transaction(
    (tx) => {
      const account = loadOpenAccount(tx, input.accountId);
      refuseWhileArrears(unpaidLines(tx, input.accountId), `办理${input.kind}`, 'R-SEC-06, R-SEC-08', 'accountId');
      if (account.meterStatus !== '通气') throw new DomainError('VALIDATION', `表状态为「${account.meterStatus ?? '无表'}」，${input.kind}须在表状态为「通气」时受理`, 'accountId');
      const live = tx
        .select({ state: accountClosures.state })
        .from(accountClosures)
        .where(and(eq(accountClosures.accountId, input.accountId), inArray(accountClosures.state, ['待核实', '待拆表', '待结清'])))
        .get();
      if (live) throw new DomainError('VALIDATION', `该用户已有办理中的销户/拆表申请（${live.state}）`, 'accountId');
      const site = insertBusiness(tx, actor, now, {
        accountId: input.accountId,
        type: '其它',
        requirement: `${input.kind}现场核实：${reason}（2个工作日内，R-SEC-06）`,
        contactPhone: phoneOf(tx, input.accountId),
        priority: '等待安排',
        promisedOn: promisedDate(today, CLOSURE_SITE_CHECK_DAYS, loadCalendar(tx)),
        hallId: actor.hallId,
      });
      const id = uuidv7(now.getTime());
      tx.insert(accountClosures).values({ id, accountId: input.accountId, kind: input.kind, reason, state: '待核实', siteBusinessId: site.id, createdBy: actor.staffId, createdAt: now.toISOString() }).run();
      appendAudit(tx, { actorId: actor.staffId, action: 'closure.apply', entity: 'account_closure', entityId: id, detail: { ...input, reason, siteBusinessNo: site.businessNo } }, now);
      return { closureId: id, siteBusinessNo: site.businessNo, promisedOn: site.promisedOn };
    },
    { behavior: 'immediate' },
  );
}

/** What the closure holds of its deposit (销户押金): collected minus given back, to the fen. */
export function depositHeld(tx: ReadTx, closureId: string): Fen {
  const row = tx
    .select({ held: sql<number>`coalesce(sum(${payments.feeFen}), 0)` })
    .from(payments)
    .where(and(eq(payments.businessRef, closureId), eq(payments.chargeType, '销户押金')))
    .get();
  return fen(row?.held ?? 0);
}

export interface RemovalInput {
  closureId: string;
  depositFen: number;
  /** Cash the customer hands over for the removal fee and the deposit together (null when both are 0). */
  tenderedFen: Fen | null;
  confirmLargeTender?: boolean;
}

/**
 * R-SEC-06 step 3: after the site check (its receipt 合格), the customer pays the removal fee (拆表费,
 * Settings.closureRemovalFeeFen) and the deposit (销户押金) in cash, each on the ledger with its own slip (the deposit
 * slip takes the amount, the last slip the change); the removal (拆表) is issued, promised within 5 working days.
 */
export function scheduleRemoval(deps: ServiceDeps, actor: Actor, input: RemovalInput) {
  const now = deps.clock.now();
  const today = businessDateOf(now);
  if (!Number.isSafeInteger(input.depositFen) || input.depositFen < 0) throw new DomainError('INVALID_AMOUNT', '押金金额不正确', 'deposit');
  const depositFen = fen(input.depositFen);
  const feeFen = deps.settings.closureRemovalFeeFen;
  const dueFen = addFen(depositFen, feeFen);
  if (dueFen > 0 && input.tenderedFen === null) throw new DomainError('VALIDATION', `请输入实收（拆表费 ${formatYuan(feeFen)} 元 + 押金 ${formatYuan(depositFen)} 元）`, 'tendered');
  const tenderedFen = input.tenderedFen ?? ZERO_FEN;
  const changeFen = changeFor(tenderedFen, dueFen);
  const confirmation = dueFen > 0 ? confirmLargeTender({ tenderedFen, cashDueFen: dueFen, rule: deps.settings.largeTender, confirmed: input.confirmLargeTender === true }) : null;
  return deps.db.transaction(
    (tx) => {
      const c = loadClosure(tx, input.closureId);
      if (c.state !== '待核实') throw new DomainError('VALIDATION', `申请状态为「${c.state}」，不能派发拆表`, 'closureId');
      const site = businessState(tx, c.siteBusinessId);
      if (site?.state !== '已完成' && site?.state !== '已归档') throw new DomainError('VALIDATION', `现场核实 ${site?.businessNo ?? ''} 尚未完成（回执合格后才能拆表，R-SEC-06）`, 'closureId');
      loadOpenAccount(tx, c.accountId);
      // the site check's follow-up is this step: it leaves 派工/回执 (已完成 → 已归档) instead of waiting for a 波纹管 form
      if (site.state === '已完成' && c.siteBusinessId) archiveWithAudit(tx, actor, now, loadBusiness(tx, c.siteBusinessId), 'closure.siteChecked', { closureId: c.id });
      const removal = insertBusiness(tx, actor, now, {
        accountId: c.accountId,
        type: '拆表',
        requirement: `${c.kind}拆表：${c.reason}（5个工作日内，须用户签字确认，R-SEC-06）`,
        contactPhone: phoneOf(tx, c.accountId),
        priority: '等待安排',
        promisedOn: promisedDate(today, Math.max(CLOSURE_REMOVAL_DAYS, LEAD_TIME_WORKING_DAYS['拆表']), loadCalendar(tx)),
        hallId: actor.hallId,
      });
      // the deposit slip takes exactly the deposit; the last slip takes the rest of the cash and the change
      const rows = [
        { chargeType: '销户押金' as const, invoiceCategory: '收据' as const, amountFen: depositFen },
        { chargeType: '拆表费' as const, invoiceCategory: '地税' as const, amountFen: feeFen },
      ].filter((r) => r.amountFen > 0);
      const slips: { chargeType: string; slipNo: string; amountFen: Fen; tenderedFen: Fen; changeFen: Fen }[] = [];
      let cashLeft = tenderedFen;
      rows.forEach((r, i) => {
        const last = i === rows.length - 1;
        const rowTendered = last ? cashLeft : r.amountFen;
        const rowChange = last ? changeFen : ZERO_FEN;
        cashLeft = subFen(cashLeft, rowTendered);
        const slipNo = insertLedgerRow(tx, actor, today, {
          id: uuidv7(now.getTime()),
          accountId: c.accountId,
          method: PAYMENT_METHOD_CASH,
          chargeType: r.chargeType,
          invoiceCategory: r.invoiceCategory,
          businessRef: c.id,
          feeFen: r.amountFen,
          gasFen: 0,
          lateFeeFen: 0,
          totalFen: r.amountFen,
          tenderedFen: rowTendered,
          changeFen: rowChange,
          confirmation: last ? confirmation : null,
          createdAt: now.toISOString(),
        });
        slips.push({ chargeType: r.chargeType, slipNo, amountFen: r.amountFen, tenderedFen: rowTendered, changeFen: rowChange });
      });
      tx.update(accountClosures).set({ state: '待拆表', removalBusinessId: removal.id, depositFen }).where(eq(accountClosures.id, c.id)).run();
      appendAudit(tx, { actorId: actor.staffId, action: 'closure.removal', entity: 'account_closure', entityId: c.id, detail: { removalBusinessNo: removal.businessNo, depositFen, removalFeeFen: feeFen, tenderedFen, changeFen, slips, confirmation } }, now);
      return { removalBusinessNo: removal.businessNo, promisedOn: removal.promisedOn, depositFen, removalFeeFen: feeFen, changeFen, slips };
    },
    { behavior: 'immediate' },
  );
}

/**
 * R-SEC-06 step 3–4: once the removal form is saved (meter 拆表, its settled reading), the final reading is billed
 * (nothing when no gas was used since the last bill); the customer settles it at 前台收费.
 */
export function billFinalReading(deps: ServiceDeps, actor: Actor, input: { closureId: string }) {
  const now = deps.clock.now();
  return deps.db.transaction(
    (tx) => {
      const c = loadClosure(tx, input.closureId);
      if (c.state !== '待拆表') throw new DomainError('VALIDATION', `申请状态为「${c.state}」，不能出最终账单`, 'closureId');
      const removal = businessState(tx, c.removalBusinessId);
      const form = c.removalBusinessId ? tx.select().from(sealRecords).where(eq(sealRecords.businessId, c.removalBusinessId)).get() : undefined;
      if (removal?.state !== '已归档' || !form) throw new DomainError('VALIDATION', '拆表单（结算方数）录入后才能出最终账单 (R-RCPT-11, R-SEC-06)', 'closureId');
      const account = loadOpenAccount(tx, c.accountId);
      const meter = activeMeter(tx, c.accountId);
      if (!meter) throw new DomainError('VALIDATION', '该用户没有气表', 'closureId');
      const start = billingStart(tx, meter);
      let finalBillId: string | null = null;
      if (form.settledReadingCenti > start) {
        const { row } = insertBill(tx, deps, actor, now, { accountId: c.accountId, category: account.category, meter, reading: centiM3(form.settledReadingCenti), source: 'meter_change' });
        finalBillId = row.id;
      }
      tx.update(accountClosures).set({ state: '待结清', finalBillId }).where(eq(accountClosures.id, c.id)).run();
      appendAudit(tx, { actorId: actor.staffId, action: 'closure.finalBill', entity: 'account_closure', entityId: c.id, detail: { finalBillId, settledReadingCenti: form.settledReadingCenti } }, now);
      return { finalBillId };
    },
    { behavior: 'immediate' },
  );
}

export interface DepositSettlement {
  depositFen: Fen;
  /** The part of the deposit that paid the final bill(s). */
  offsetFen: Fen;
  /** The part handed back in cash. */
  refundFen: Fen;
  /** The gas (and late fee) of the bills paid at this step. */
  billsFen: Fen;
  /** Cash the customer added when the bills exceeded the deposit. */
  cashFen: Fen;
  changeFen: Fen;
  refundSlipNo: string | null;
  paymentSlipNo: string | null;
}

/**
 * R-SEC-06 step 4: the deposit is settled against the final bill before the approval: the whole deposit goes back
 * as one negative 销户押金 row (its cash out), and the account's unpaid bills are paid by a 燃气费 row whose tender is
 * that deposit plus any cash the customer adds: what the customer gets back (or pays) is deposit − bills, to the fen.
 * Without unpaid bills it is a plain refund. The day's totals follow the rows as any payment (day.verifyTotals).
 */
export function settleClosureDeposit(deps: ServiceDeps, actor: Actor, input: { closureId: string; tenderedFen: Fen | null; confirmLargeTender?: boolean }): DepositSettlement {
  const now = deps.clock.now();
  const today = businessDateOf(now);
  return deps.db.transaction(
    (tx) => {
      const c = loadClosure(tx, input.closureId);
      if (c.state !== '待结清') throw new DomainError('VALIDATION', `申请状态为「${c.state}」，最终账单出具后才能结算押金`, 'closureId');
      loadOpenAccount(tx, c.accountId);
      const held = depositHeld(tx, c.id);
      const priced = unpaidBillRows(tx, asAccountId(c.accountId)).map((b) => priceBill(b, today));
      const billsFen = sumFen(priced.map((b) => b.totalFen));
      if (held <= 0 && billsFen === 0) throw new DomainError('VALIDATION', '押金已结算，且没有未缴费用', 'closureId');
      const offsetFen = held < billsFen ? held : billsFen;
      const cashDue = subFen(billsFen, offsetFen);
      const cashFen = input.tenderedFen ?? ZERO_FEN;
      if (cashDue > 0 && input.tenderedFen === null) throw new DomainError('VALIDATION', `押金不足抵扣，须补交 ${formatYuan(cashDue)} 元，请输入实收`, 'tendered');
      if (cashFen < cashDue) throw new DomainError('INSUFFICIENT_TENDER', `实收 ${formatYuan(cashFen)} 元不足应补交 ${formatYuan(cashDue)} 元`, 'tendered');
      if (cashDue === 0 && cashFen > 0) throw new DomainError('VALIDATION', '押金足以抵扣，无须收取现金', 'tendered');
      const confirmation = cashDue > 0 ? confirmLargeTender({ tenderedFen: cashFen, cashDueFen: cashDue, rule: deps.settings.largeTender, confirmed: input.confirmLargeTender === true }) : null;
      assertCustomerNotInBankRun(tx, asAccountId(c.accountId));
      let refundSlipNo: string | null = null;
      if (held > 0) {
        refundSlipNo = insertLedgerRow(tx, actor, today, {
          id: uuidv7(now.getTime()),
          accountId: c.accountId,
          method: PAYMENT_METHOD_CASH,
          chargeType: '销户押金',
          invoiceCategory: '收据',
          businessRef: c.id,
          feeFen: negFen(held),
          gasFen: 0,
          lateFeeFen: 0,
          totalFen: negFen(held),
          tenderedFen: 0,
          changeFen: held,
          createdAt: now.toISOString(),
        });
      }
      let paymentSlipNo: string | null = null;
      let changeFen = subFen(held, offsetFen);
      if (billsFen > 0) {
        const tendered = addFen(held, cashFen);
        changeFen = subFen(tendered, billsFen);
        const paymentId = asPaymentId(uuidv7(now.getTime()));
        paymentSlipNo = insertLedgerRow(tx, actor, today, {
          id: paymentId,
          accountId: c.accountId,
          method: PAYMENT_METHOD_CASH,
          chargeType: '燃气费',
          invoiceCategory: '核对单',
          businessRef: c.id,
          feeFen: 0,
          gasFen: sumFen(priced.map((b) => b.gasFen)),
          lateFeeFen: sumFen(priced.map((b) => b.lateFeeFen)),
          totalFen: billsFen,
          tenderedFen: tendered,
          changeFen,
          confirmation,
          createdAt: now.toISOString(),
        });
        settleBills(tx, actor, asAccountId(c.accountId), paymentId, priced, now);
      }
      const result: DepositSettlement = { depositFen: held, offsetFen, refundFen: subFen(held, offsetFen), billsFen, cashFen, changeFen, refundSlipNo, paymentSlipNo };
      appendAudit(tx, { actorId: actor.staffId, action: 'closure.deposit', entity: 'account_closure', entityId: c.id, detail: { ...result, billIds: priced.map((b) => b.id), confirmation } }, now);
      return result;
    },
    { behavior: 'immediate' },
  );
}

/**
 * R-SEC-06 step 4: after settlement, the senior's approval (the hall director signs in, never the clerk): 销户 closes
 * the account for good; a temporary removal is recorded with its date (re-fit within 6 months).
 */
export function approveClosure(deps: ServiceDeps, actor: Actor, input: { closureId: string; approver: { staffId: string; role: string } }) {
  const now = deps.clock.now();
  const today = businessDateOf(now);
  if (!CLOSURE_APPROVER_ROLES.includes(input.approver.role as StaffRole)) throw new DomainError('FORBIDDEN', '销户须经领导审批（主任登录确认）(R-SEC-06)', 'approver');
  if (input.approver.staffId === actor.staffId) throw new DomainError('FORBIDDEN', '销户须由另一人审批，不能自己审批自己', 'approver');
  return deps.db.transaction(
    (tx) => {
      const c = loadClosure(tx, input.closureId);
      if (c.state !== '待结清') throw new DomainError('VALIDATION', `申请状态为「${c.state}」，不能审批`, 'closureId');
      refuseWhileArrears(unpaidLines(tx, c.accountId), c.kind === '销户' ? '销户' : '完成临时拆表', 'R-SEC-06', 'closureId');
      const held = depositHeld(tx, c.id);
      if (held > 0) throw new DomainError('VALIDATION', `押金 ${formatYuan(held)} 元尚未结算（退还或抵扣最终账单）后才能审批 (R-SEC-06)`, 'closureId');
      const set = c.kind === '销户' ? { state: '已销户' as const, closedOn: today, approvedBy: input.approver.staffId } : { state: '已临时拆表' as const, removedOn: today, approvedBy: input.approver.staffId };
      tx.update(accountClosures).set(set).where(eq(accountClosures.id, c.id)).run();
      appendAudit(tx, { actorId: actor.staffId, action: c.kind === '销户' ? 'closure.closed' : 'closure.temporaryRemoval', entity: 'account_closure', entityId: c.id, detail: { approverId: input.approver.staffId, depositFen: c.depositFen } }, now);
      return { state: set.state, date: today };
    },
    { behavior: 'immediate' },
  );
}

/**
 * R-SEC-06: a temporary removal re-fitted within 6 months: the meter back to 报装 and an 安装 business issued;
 * after 6 months refused (a new installation through 用户报装).
 */
export function requestRefit(deps: ServiceDeps, actor: Actor, input: { accountId: string }) {
  const now = deps.clock.now();
  const today = businessDateOf(now);
  return deps.db.transaction(
    (tx) => {
      loadOpenAccount(tx, input.accountId);
      const c = tx
        .select()
        .from(accountClosures)
        .where(and(eq(accountClosures.accountId, input.accountId), eq(accountClosures.state, '已临时拆表')))
        .orderBy(desc(accountClosures.createdAt))
        .get();
      if (!c?.removedOn) throw new DomainError('VALIDATION', '该用户没有临时拆表记录', 'accountId');
      checkRefit(c.removedOn, today);
      const meter = activeMeter(tx, input.accountId);
      if (!meter) throw new DomainError('VALIDATION', '该用户没有气表', 'accountId');
      tx.update(meters).set({ status: nextMeterStatus(meter.status, 'refit_accepted') }).where(eq(meters.id, meter.id)).run();
      const b = insertBusiness(tx, actor, now, {
        accountId: input.accountId,
        type: '安装',
        requirement: `临时拆表复装（拆表日期 ${c.removedOn}，6个月内，R-SEC-06）`,
        contactPhone: phoneOf(tx, input.accountId),
        priority: '等待安排',
        promisedOn: promisedDate(today, LEAD_TIME_WORKING_DAYS['安装'], loadCalendar(tx)),
        hallId: actor.hallId,
      });
      tx.update(accountClosures).set({ state: '已撤销' }).where(eq(accountClosures.id, c.id)).run();
      appendAudit(tx, { actorId: actor.staffId, action: 'closure.refit', entity: 'account_closure', entityId: c.id, detail: { businessNo: b.businessNo } }, now);
      return { businessNo: b.businessNo };
    },
    { behavior: 'immediate' },
  );
}

/** The hall's closures in progress and done, newest first, with their work orders. */
export function closureList(deps: ServiceDeps, actor: Actor) {
  return deps.db.transaction((tx) =>
    tx
      .select({ closure: accountClosures, accountNo: accounts.accountNo, name: accounts.name, address: accounts.address })
      .from(accountClosures)
      .innerJoin(accounts, eq(accounts.id, accountClosures.accountId))
      .innerJoin(businesses, eq(businesses.id, accountClosures.siteBusinessId))
      .where(eq(businesses.hallId, actor.hallId))
      .orderBy(desc(accountClosures.createdAt))
      .all()
      .map(({ closure: c, ...a }) => ({
        closureId: c.id, accountId: c.accountId, ...a, kind: c.kind, reason: c.reason, state: c.state, depositFen: c.depositFen,
        site: businessState(tx, c.siteBusinessId), removal: businessState(tx, c.removalBusinessId), finalBillId: c.finalBillId, closedOn: c.closedOn, removedOn: c.removedOn,
        depositHeldFen: depositHeld(tx, c.id),
        removalFeeFen: deps.settings.closureRemovalFeeFen,
        unpaidFen: sumFen(unpaidBillRows(tx as Tx, asAccountId(c.accountId)).map((b) => priceBill(b, businessDateOf(deps.clock.now())).totalFen)),
      })),
  );
}
