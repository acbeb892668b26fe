/**
 * 冲正 (reversal) of a payment at the counter: only on its own business day, in its own hall, with a
 * second person's approval (a hall manager signs in) and a reason, as a negative ledger row that mirrors
 * the original exactly (the database checks the mirror). Bank-paid rows are never reversed here
 * (R-PAY-06, issue 5). Bills go back to 未缴, tickets are handed back, prepaid ticket volume is undone.
 * An IC-card recharge is reversed through the card first (ic-cards.ts).
 */
import { and, eq, inArray, max, min } from 'drizzle-orm';
import type { Tx } from '../../db/open.js';
import { accounts, bills, invoices, paymentItems, payments, reversals, type StaffRole } from '../../db/schema.js';
import { businessDateOf } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { fen, negFen, subFen, ZERO_FEN } from '../../preload/kernel/money.js';
import { centiM3 } from '../../preload/kernel/volume.js';
import { uuidv7 } from '../ids.js';
import { asAccountId, asPaymentId } from '../domain/ids.js';
import { appendAudit } from './audit.js';
import type { Actor, ServiceDeps } from './context.js';
import { ELECTRONIC_CHANNELS, insertLedgerRow, type PostedPayment } from './payments.js';
import { BANK_METHODS } from '../domain/registration.js';
import { adjustPrepaid } from './tenders.js';
import { withdrawRestoreAfterReversal } from './arrears-collection.js';

type PaymentRow = typeof payments.$inferSelect;

export const APPROVER_ROLES: readonly StaffRole[] = ['manager', 'admin'];
export const REVERSIBLE_CHARGES = ['燃气费', '充值费'] as const;

export interface Approver {
  staffId: string;
  role: string;
}

/** Every refusal a reversal can meet, before anything is written or any card is touched. */
export function checkReversible(tx: Tx, actor: Actor, input: { slipNo: string; reason: string; approver: Approver }, businessDate: string): PaymentRow {
  const original = checkReversibleSlip(tx, actor, input.slipNo, businessDate);
  if (input.reason.trim().length < 2) throw new DomainError('VALIDATION', '请填写冲正原因', 'reason');
  if (!APPROVER_ROLES.includes(input.approver.role as StaffRole)) {
    throw new DomainError('FORBIDDEN', '冲正须由营业厅主任审批（主任登录确认）', 'approver');
  }
  if (input.approver.staffId === actor.staffId) throw new DomainError('FORBIDDEN', '冲正须由另一人审批，不能自己审批自己', 'approver');
  return original;
}

/** The refusals that depend on the slip alone (also used when a method correction is requested, R-PAY-10). */
export function checkReversibleSlip(tx: Tx, actor: Pick<Actor, 'hallId'>, slipNo: string, businessDate: string): PaymentRow {
  const input = { slipNo };
  const original = tx.select().from(payments).where(eq(payments.slipNo, input.slipNo)).get();
  if (!original) throw new DomainError('NOT_FOUND', `核对单 ${input.slipNo} 不存在`, 'slipNo');
  if (original.reversesPaymentId) throw new DomainError('NOT_REVERSIBLE', '这是一张冲正凭证，不能再冲正', 'slipNo');
  const done = tx.select({ id: payments.id }).from(payments).where(eq(payments.reversesPaymentId, original.id)).get();
  if (done) throw new DomainError('NOT_REVERSIBLE', `核对单 ${input.slipNo} 已冲正`, 'slipNo');
  if ((BANK_METHODS as readonly string[]).includes(original.method)) {
    throw new DomainError('NOT_REVERSIBLE', '银行代扣的收费不能在柜台冲正，请通过银行对账处理', 'slipNo');
  }
  // electronic-channel payments are settled with the channel, not handed back in cash at the counter
  if ((ELECTRONIC_CHANNELS as readonly string[]).includes(original.method)) {
    throw new DomainError('NOT_REVERSIBLE', `${original.method}缴费不能在柜台冲正，请与渠道对账处理`, 'slipNo');
  }
  if (original.businessDate !== businessDate || original.hallId !== actor.hallId) {
    throw new DomainError('NOT_REVERSIBLE', `只能冲正本营业厅当日（${businessDate}）的收费；该单收费日期 ${original.businessDate}`, 'slipNo');
  }
  if (!(REVERSIBLE_CHARGES as readonly string[]).includes(original.chargeType)) {
    throw new DomainError('NOT_REVERSIBLE', `${original.chargeType}随业务收取，请通过作废该业务处理`, 'slipNo');
  }
  const invoiced = tx.select({ invoiceNo: invoices.invoiceNo }).from(invoices).where(eq(invoices.slipNo, original.slipNo)).get();
  if (invoiced) throw new DomainError('NOT_REVERSIBLE', `该核对单已换发票 ${invoiced.invoiceNo}，请先收回作废发票`, 'slipNo');
  return original;
}

/** Writes the mirrored negative row and undoes what the original did, inside the caller's transaction. */
export function postReversal(
  tx: Tx,
  actor: Actor,
  original: PaymentRow,
  input: { reason: string; approverId: string; cardWriteId: string | null; late?: boolean },
  now: Date,
): PostedPayment {
  // A reversal belongs to its original's business day (the database checks it). A card reversal
  // confirmed after midnight by a recovery still lands on that day while it is open.
  const businessDate = original.businessDate;
  const paymentId = asPaymentId(uuidv7(now.getTime()));
  const totalFen = negFen(fen(original.totalFen));
  const ticketFen = negFen(fen(original.ticketFen));
  const changeFen = subFen(ticketFen, totalFen); // nothing tendered: the cash handed back is the change
  const slipNo = insertLedgerRow(tx, actor, businessDate, {
    id: paymentId,
    accountId: original.accountId,
    method: original.method,
    chargeType: original.chargeType,
    invoiceCategory: original.invoiceCategory,
    businessRef: original.businessRef,
    feeFen: -original.feeFen,
    gasFen: -original.gasFen,
    lateFeeFen: -original.lateFeeFen,
    ticketFen,
    ticketCashFen: -original.ticketCashFen,
    prepaidDeltaCenti: -original.prepaidDeltaCenti,
    totalFen,
    tenderedFen: 0,
    changeFen,
    reversesPaymentId: original.id,
    createdAt: now.toISOString(),
  }, input.late && input.cardWriteId ? { cardWriteId: input.cardWriteId } : undefined);
  tx.insert(reversals)
    .values({ paymentId, originalPaymentId: original.id, reason: input.reason.trim(), clerkId: actor.staffId, approverId: input.approverId, cardWriteId: input.cardWriteId })
    .run();
  const billIds = tx.select({ id: paymentItems.billId }).from(paymentItems).where(eq(paymentItems.paymentId, original.id)).all().map((r) => r.id);
  if (billIds.length > 0) {
    tx.update(bills).set({ status: '未缴', paidPaymentId: null }).where(and(inArray(bills.id, billIds), eq(bills.paidPaymentId, original.id))).run();
    restoreSettledReading(tx, original.accountId, billIds);
  }
  if (original.prepaidDeltaCenti !== 0) adjustPrepaid(tx, asAccountId(original.accountId), centiM3(-original.prepaidDeltaCenti));
  appendAudit(
    tx,
    {
      actorId: actor.staffId,
      action: 'payment.reverse',
      entity: 'payment',
      entityId: paymentId,
      detail: { slipNo, originalSlipNo: original.slipNo, totalFen, changeFen, reason: input.reason.trim(), approverId: input.approverId, cardWriteId: input.cardWriteId },
    },
    now,
  );
  return { paymentId, slipNo, businessDate, gasFen: negFen(fen(original.gasFen)), lateFeeFen: negFen(fen(original.lateFeeFen)), totalFen, tenderedFen: ZERO_FEN, changeFen, ticketFen, ticketCashFen: negFen(fen(original.ticketCashFen)), method: original.method };
}

/** 已结算至方数 goes back to where the reversed bills started, unless other paid bills reach further. */
function restoreSettledReading(tx: Tx, accountId: string, billIds: string[]): void {
  const reversed = tx.select({ from: min(bills.previousReadingCenti) }).from(bills).where(inArray(bills.id, billIds)).get();
  const others = tx
    .select({ to: max(bills.thisReadingCenti) })
    .from(bills)
    .where(and(eq(bills.accountId, accountId), eq(bills.status, '收讫')))
    .get();
  const settled = Math.max(reversed?.from ?? 0, others?.to ?? 0);
  tx.update(accounts).set({ settledReadingCenti: settled }).where(eq(accounts.id, accountId)).run();
}

/** Reverses a cash or ticket gas payment (no card involved). */
export function reversePayment(deps: ServiceDeps, actor: Actor, input: { slipNo: string; reason: string; approver: Approver }): PostedPayment & { restoreWithdrawn: string | null } {
  const now = deps.clock.now();
  return deps.db.transaction(
    (tx) => {
      const original = checkReversible(tx, actor, input, businessDateOf(now));
      if (original.chargeType === '充值费') throw new DomainError('NOT_REVERSIBLE', 'IC卡充值须先读卡并写回气量，请在卡务窗口冲正', 'slipNo');
      const posted = postReversal(tx, actor, original, { reason: input.reason, approverId: input.approver.staffId, cardWriteId: null }, now);
      // R-SEC-02: the arrears are back, so is the stop (a 启封 already done refuses the whole 冲正)
      return { ...posted, restoreWithdrawn: withdrawRestoreAfterReversal(tx, actor, original.accountId, now) };
    },
    { behavior: 'immediate' },
  );
}

/** A recharge is reversed through the card (ic-cards.ts), everything else here. */
export function isCardRecharge(deps: ServiceDeps, slipNo: string): boolean {
  const row = deps.db.select({ chargeType: payments.chargeType }).from(payments).where(eq(payments.slipNo, slipNo)).get();
  return row?.chargeType === '充值费';
}
