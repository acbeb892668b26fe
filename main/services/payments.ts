/**
 * Payment of unpaid bills in cash, tickets or both, or recorded from an electronic channel (P-PAY,
 * R-PAY-02..09, R-TKT-08..12, R-INV-02), and counter fees. One immediate transaction: bills move 未缴 → 收讫,
 * the payment with its items, its gap-free check-slip number and the audit row commit together or not at
 * all. The slip is printed afterwards (no device IO inside a transaction).
 */
import type { ReadTx, Tx } from '../../db/open.js';
import { statementOf } from '../../db/statements.js';
import {
  lateFeeWaivers,
  PAYMENT_METHOD_CASH,
  type ChargeType,
  type InvoiceCategory,
  payments,
} from '../../db/schema.js';
import { businessDateOf } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { checkWaiver } from '../domain/late-fee.js';
import { confirmLargeTender, type LargeTenderRule } from '../domain/confirmations.js';
import { addFen, changeFor, formatYuan, subFen, sumFen, ZERO_FEN, type Fen } from '../../preload/kernel/money.js';
import type { CentiM3 } from '../../preload/kernel/volume.js';
import { quoteTender, settleTender, typedWaiverFen, type TenderQuote, type TicketDraft } from '../domain/tender.js';
import { uuidv7 } from '../ids.js';
import { appendAudit } from './audit.js';
import { assertCustomerNotInBankRun, assertNotInBankRun } from './bank-lock.js';
import type { ElectronicChannel } from '../../preload/kernel/enums.js';
import { planTenders, recordTenders, type RuleOverride, type TicketLine } from './tenders.js';
import { formatCounterNo, nextCounterNumber } from './sequences.js';
import { restoreAfterPayment, type RestoreIssued } from './arrears-collection.js';
import { loadOpenAccount, priceBill, unpaidBillRows, unpaidList } from './billing.js';
import type { Actor, ServiceDeps } from './context.js';
import { asAccountId, asPaymentId, type AccountId, type BillId, type PaymentId } from '../domain/ids.js';


export interface CashPaymentInput {
  accountId: AccountId;
  billIds: readonly BillId[];
  tenderedFen: Fen;
  /** The total the clerk saw and called out; if the server's total differs, nothing is posted. */
  expectedTotalFen: Fen;
  /** R-LATE-05: late fees waived on some of the bills. */
  waivers?: readonly { billId: BillId; waiveFen: Fen; reason: string }[];
  /** The hall director who approved the waivers by signing in, when needed. */
  approver?: { staffId: string; role: string } | null;
  /** Tickets, coupons or vouchers given with (or instead of) cash (§6.2). */
  tickets?: readonly TicketLine[];
  overrides?: readonly RuleOverride[];
  /** R-INV-02: a payment made through an electronic channel, recorded from the channel's record. */
  channel?: { name: ElectronicChannel; ref: string };
  /** issue 10 #5: the clerk confirmed a tender far above the cash due (Settings.largeTender). */
  confirmLargeTender?: boolean;
}

export { ELECTRONIC_CHANNELS, type ElectronicChannel } from '../../preload/kernel/enums.js';

export interface PostedPayment {
  paymentId: PaymentId;
  slipNo: string;
  businessDate: string;
  gasFen: Fen;
  lateFeeFen: Fen;
  totalFen: Fen;
  tenderedFen: Fen;
  changeFen: Fen;
  ticketFen: Fen;
  ticketCashFen: Fen;
  method: string;
  /** R-SEC-02: the 启封 this payment issued (a stopped account's arrears paid off), for the clerk to tell the customer. */
  restore?: RestoreIssued | null;
}

export const CHECK_SLIP_SEQUENCE = 'check_slip';

export function isDayClosed(tx: ReadTx, hallId: string, businessDate: string): boolean {
  const day = statementOf(tx, DAY_CLOSED_SQL).get(hallId, businessDate) as { closedAt: string | null } | undefined;
  return Boolean(day?.closedAt);
}

// The posting path's statements, prepared once per connection (issue 13 #3): the same rows as the drizzle
// builders wrote (every column named; SQL defaults where the row leaves a column out).
const DAY_CLOSED_SQL = 'SELECT closed_at AS closedAt FROM business_days WHERE hall_id = ? AND business_date = ?';
const INSERT_SLIP_SQL = `INSERT INTO check_slips (slip_no, counter_id, seq, hall_id, business_date, late_card_write_id)
  VALUES (?, ?, ?, ?, ?, ?)`;
const INSERT_PAYMENT_SQL = `INSERT INTO payments (id, slip_no, account_id, hall_id, counter_id, clerk_id, business_date, method, charge_type,
    invoice_category, business_ref, fee_fen, gas_fen, late_fee_fen, total_fen, tendered_fen, change_fen, ticket_fen, ticket_cash_fen,
    reverses_payment_id, prepaid_delta_centi, channel_ref, late_card_write_id, confirmation, created_at)
  VALUES (@id, @slipNo, @accountId, @hallId, @counterId, @clerkId, @businessDate, @method, coalesce(@chargeType, '燃气费'),
    coalesce(@invoiceCategory, '核对单'), @businessRef, coalesce(@feeFen, 0), @gasFen, @lateFeeFen, @totalFen, @tenderedFen, @changeFen,
    coalesce(@ticketFen, 0), coalesce(@ticketCashFen, 0), @reversesPaymentId, coalesce(@prepaidDeltaCenti, 0), @channelRef,
    @lateCardWriteId, @confirmation, coalesce(@createdAt, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))`;
const INSERT_ITEM_SQL = 'INSERT INTO payment_items (id, payment_id, bill_id, gas_fen, late_fee_fen, overdue_days) VALUES (?, ?, ?, ?, ?, ?)';
const SETTLE_BILL_SQL = "UPDATE bills SET status = '收讫', paid_payment_id = ? WHERE id = ? AND status = '未缴'";
const SETTLED_READING_SQL = 'UPDATE accounts SET settled_reading_centi = max(settled_reading_centi, ?) WHERE id = ?';

/** Every column of a payment row, null where the caller left it out (the statement applies the SQL defaults). */
function paymentParams(row: typeof payments.$inferInsert): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const key of PAYMENT_KEYS) params[key] = row[key] ?? null;
  return params;
}
const PAYMENT_KEYS = [
  'id', 'slipNo', 'accountId', 'hallId', 'counterId', 'clerkId', 'businessDate', 'method', 'chargeType', 'invoiceCategory', 'businessRef',
  'feeFen', 'gasFen', 'lateFeeFen', 'totalFen', 'tenderedFen', 'changeFen', 'ticketFen', 'ticketCashFen', 'reversesPaymentId',
  'prepaidDeltaCenti', 'channelRef', 'lateCardWriteId', 'confirmation', 'createdAt',
] as const satisfies readonly (keyof typeof payments.$inferInsert)[];

export function assertDayOpen(tx: Tx, hallId: string, businessDate: string): void {
  if (isDayClosed(tx, hallId, businessDate)) throw new DomainError('DAY_CLOSED', `${businessDate} 已日结，不能再收费`);
}

/** `createdAt` is the payment's own 收费时间 from the service clock (issue 10 #6: every reprint shows it). */
type LedgerRow = Omit<typeof payments.$inferInsert, 'slipNo' | 'hallId' | 'counterId' | 'clerkId' | 'businessDate'>;

/**
 * Appends one row to the payment ledger with the counter's next gap-free slip number, inside the
 * caller's transaction (R-PAY-09: method, 收讫人, 收讫日期, hall). Returns the slip number.
 */
export function insertLedgerRow(tx: Tx, actor: Actor, businessDate: string, row: LedgerRow, late?: { cardWriteId: string }): string {
  // R-IC-07 (issue 10 #1): only the settlement of a card write begun before the close may land on a
  // closed day; the closed-day triggers check that the write predates the close and is unsettled.
  if (!late) assertDayOpen(tx, actor.hallId, businessDate);
  const lateCardWriteId = late?.cardWriteId ?? null;
  const seq = nextCounterNumber(tx, actor.counterId, CHECK_SLIP_SEQUENCE);
  const slipNo = formatCounterNo(actor.counterCode, seq);
  statementOf(tx, INSERT_SLIP_SQL).run(slipNo, actor.counterId, seq, actor.hallId, businessDate, lateCardWriteId);
  statementOf(tx, INSERT_PAYMENT_SQL).run(
    paymentParams({ ...row, slipNo, hallId: actor.hallId, counterId: actor.counterId, clerkId: actor.staffId, businessDate, lateCardWriteId }),
  );
  return slipNo;
}

export interface FeeInput {
  accountId: AccountId;
  chargeType: ChargeType;
  invoiceCategory: InvoiceCategory;
  feeFen: Fen;
  tenderedFen: Fen;
  businessRef: string | null;
}

/** issue 10 #5: the large-tender rule (Settings.largeTender) and whether the clerk confirmed; `field` where the UI shows it. */
export interface LargeTenderCheck {
  rule: LargeTenderRule;
  confirmed: boolean;
  field?: string;
}

/**
 * A counter fee (报装费, 过户费, …) in cash on the same ledger as gas payments (§6.4, R-INV-04/07). A tender
 * far above the fee needs the clerk's confirmation, stored on the row and in the audit (issue 10 #5).
 */
export function postFee(tx: Tx, actor: Actor, input: FeeInput, now: Date, largeTender: LargeTenderCheck): PostedPayment {
  const businessDate = businessDateOf(now);
  const changeFen = changeFor(input.tenderedFen, input.feeFen);
  const confirmation = confirmLargeTender({ tenderedFen: input.tenderedFen, cashDueFen: input.feeFen, ...largeTender });
  const paymentId = asPaymentId(uuidv7(now.getTime()));
  const slipNo = insertLedgerRow(tx, actor, businessDate, {
    id: paymentId,
    accountId: input.accountId,
    method: PAYMENT_METHOD_CASH,
    chargeType: input.chargeType,
    invoiceCategory: input.invoiceCategory,
    businessRef: input.businessRef,
    feeFen: input.feeFen,
    gasFen: 0,
    lateFeeFen: 0,
    totalFen: input.feeFen,
    tenderedFen: input.tenderedFen,
    changeFen,
    confirmation,
    createdAt: now.toISOString(),
  });
  appendAudit(
    tx,
    { actorId: actor.staffId, action: 'payment.fee', entity: 'payment', entityId: paymentId, detail: { slipNo, ...input, changeFen, confirmation } },
    now,
  );
  return { paymentId, slipNo, businessDate, gasFen: ZERO_FEN, lateFeeFen: ZERO_FEN, totalFen: input.feeFen, tenderedFen: input.tenderedFen, changeFen, ticketFen: ZERO_FEN, ticketCashFen: ZERO_FEN, method: PAYMENT_METHOD_CASH };
}

export interface SettledBill {
  id: BillId;
  gasFen: Fen;
  lateFeeFen: Fen;
  overdueDays: number;
  thisReading: CentiM3;
}

/**
 * R-PAY-09: the payment's items, each bill 未缴 → 收讫 (exactly once, or the whole payment fails), and
 * 已结算至方数 moved on; R-SEC-02: a stopped account left with no unpaid bill gets its restore (启封) in the same
 * transaction (arrears-collection.ts, the rule the bank write-off applies set-wise too). Inside the caller's transaction.
 */
export function settleBills(tx: Tx, actor: Actor, accountId: AccountId, paymentId: PaymentId, paid: readonly SettledBill[], now: Date): RestoreIssued | null {
  let settled = 0;
  for (const bill of paid) {
    statementOf(tx, INSERT_ITEM_SQL).run(uuidv7(now.getTime()), paymentId, bill.id, bill.gasFen, bill.lateFeeFen, bill.overdueDays);
    const changed = statementOf(tx, SETTLE_BILL_SQL).run(paymentId, bill.id);
    if (changed.changes !== 1) throw new DomainError('BILL_NOT_PAYABLE', '费用状态已变化，请刷新后重试', 'billIds');
    settled = Math.max(settled, bill.thisReading);
  }
  statementOf(tx, SETTLED_READING_SQL).run(settled, accountId);
  return restoreAfterPayment(tx, actor, accountId, now);
}

/**
 * issue 10 #5: a tender far above the cash due (Settings.largeTender, an ASSUMPTION) is refused with
 * NEEDS_CONFIRMATION until the clerk confirms it; returns what is stored with the payment (null when usual).
 */
export function tenderConfirmation({ settings }: ServiceDeps, tenderedFen: Fen, cashDueFen: Fen, confirmed: boolean): string | null {
  return confirmLargeTender({ tenderedFen, cashDueFen, rule: settings.largeTender, confirmed });
}

/** What 前台收费 is about to take, as the clerk types (issue 11 #4): the window shows these figures. */
export interface PaymentQuoteInput {
  accountId: string;
  billIds: readonly string[];
  /** A late-fee waiver being typed for one of the selected bills. */
  waiver: { billId: string; amount: string } | null;
  tickets: TicketDraft | null;
  tendered: string;
}

/**
 * The due, the tickets' part, the cash due and the change for the selection on the unpaid list (the same
 * rule payBills posts with, main/domain/tender.ts). Reads only; bills no longer unpaid are left out.
 */
export function quotePayment(deps: ServiceDeps, input: PaymentQuoteInput): TenderQuote {
  const list = unpaidList(deps, asAccountId(input.accountId));
  const selected = list.bills.filter((b) => input.billIds.includes(b.id));
  const waiver = input.waiver;
  const waivedFen = waiver && selected.some((b) => b.id === waiver.billId) ? typedWaiverFen(waiver.amount) : ZERO_FEN;
  return quoteTender({ bills: selected, waivedFen, tickets: input.tickets, prepaidCenti: list.account.prepaid, tendered: input.tendered });
}

/** A gas payment of unpaid bills in cash, tickets or both (R-PAY-02..09, R-TKT-08..12). */
export function payBills(deps: ServiceDeps, actor: Actor, input: CashPaymentInput): PostedPayment {
  const { db, clock } = deps;
  const now = clock.now();
  const businessDate = businessDateOf(now);
  return db.transaction(
    (tx) => {
      loadOpenAccount(tx, input.accountId); // R-SEC-06
      // R-PAY-06 / A-50 (issue 10 #7): the whole bank-card customer is locked while a file is out
      assertCustomerNotInBankRun(tx, input.accountId);
      assertNotInBankRun(tx, input.billIds);
      const rows = unpaidBillRows(tx, input.accountId, input.billIds);
      if (rows.length !== input.billIds.length) {
        throw new DomainError('BILL_NOT_PAYABLE', '所选费用已缴或不属于该用户，请刷新未缴费用清单', 'billIds');
      }
      const waivers = input.waivers ?? [];
      for (const w of waivers) {
        if (!input.billIds.includes(w.billId)) throw new DomainError('VALIDATION', '减免的费用不在本次缴费中', 'waiver');
      }
      const approver = input.approver ?? null;
      const priced = rows.map((b) => {
        const bill = priceBill(b, businessDate);
        const waiver = waivers.find((w) => w.billId === bill.id);
        if (!waiver) return { ...bill, waivedFen: ZERO_FEN, waiverReason: '' };
        checkWaiver({
          estimated: bill.estimated,
          lateFeeFen: bill.lateFeeFen,
          waiveFen: waiver.waiveFen,
          reason: waiver.reason,
          approverRole: approver?.role ?? null,
          sameAsClerk: approver?.staffId === actor.staffId,
        });
        return { ...bill, lateFeeFen: subFen(bill.lateFeeFen, waiver.waiveFen), waivedFen: waiver.waiveFen, waiverReason: waiver.reason.trim() };
      });
      const gasFen = sumFen(priced.map((b) => b.gasFen));
      const lateFeeFen = sumFen(priced.map((b) => b.lateFeeFen));
      const dueFen = addFen(gasFen, lateFeeFen);
      if (dueFen !== input.expectedTotalFen) {
        throw new DomainError(
          'AMOUNT_CHANGED',
          `应收金额已变为 ${formatYuan(dueFen)} 元（原显示 ${formatYuan(input.expectedTotalFen)} 元），请重新确认`,
          'tendered',
        );
      }
      const planned = planTenders(tx, { accountId: input.accountId, bills: priced, lines: input.tickets ?? [], overrides: input.overrides ?? [], businessDate });
      const plan = input.channel ? { ...planned, method: input.channel.name } : planned;
      const { totalFen, cashDueFen, changeFen } = settleTender(dueFen, plan, input.tenderedFen);
      const confirmation = tenderConfirmation(deps, input.tenderedFen, cashDueFen, input.confirmLargeTender === true);
      const paymentId = asPaymentId(uuidv7(now.getTime()));
      const slipNo = insertLedgerRow(tx, actor, businessDate, {
        id: paymentId,
        accountId: input.accountId,
        method: plan.method,
        channelRef: input.channel?.ref ?? null,
        ticketFen: plan.ticketFen,
        ticketCashFen: plan.ticketCashFen,
        prepaidDeltaCenti: plan.prepaidDeltaCenti,
        chargeType: '燃气费',
        invoiceCategory: '核对单',
        businessRef: null,
        feeFen: 0,
        gasFen,
        lateFeeFen,
        totalFen,
        tenderedFen: input.tenderedFen,
        changeFen,
        confirmation,
        createdAt: now.toISOString(),
      });
      const restore = settleBills(tx, actor, input.accountId, paymentId, priced, now); // R-SEC-02: with the restore order when the stop is paid off
      for (const bill of priced.filter((b) => b.waivedFen > 0)) {
        tx.insert(lateFeeWaivers)
          .values({
            id: uuidv7(now.getTime()),
            paymentId,
            billId: bill.id,
            lateFeeFen: bill.lateFeeFen + bill.waivedFen,
            waivedFen: bill.waivedFen,
            reason: bill.waiverReason,
            clerkId: actor.staffId,
            approverId: approver?.staffId ?? null,
            createdAt: now.toISOString(),
          })
          .run();
      }
      recordTenders(tx, plan, { paymentId, accountId: input.accountId, clerkId: actor.staffId });
      appendAudit(
        tx,
        {
          actorId: actor.staffId,
          action: plan.lines.length > 0 ? 'payment.tickets' : 'payment.cash',
          entity: 'payment',
          entityId: paymentId,
          detail: {
            slipNo,
            accountId: input.accountId,
            billIds: priced.map((b) => b.id),
            totalFen,
            tenderedFen: input.tenderedFen,
            changeFen,
            method: plan.method,
            ticketFen: plan.ticketFen,
            ticketCashFen: plan.ticketCashFen,
            tickets: plan.lines.map((l) => ({ kind: l.kind, year: l.year, quarter: l.quarter, count: l.count })),
            prepaidDeltaCenti: plan.prepaidDeltaCenti,
            overrides: plan.overrides,
            waivedFen: sumFen(priced.map((b) => b.waivedFen)),
            approverId: approver?.staffId ?? null,
            confirmation,
          },
        },
        now,
      );
      return {
        paymentId,
        slipNo,
        businessDate,
        gasFen,
        lateFeeFen,
        totalFen,
        tenderedFen: input.tenderedFen,
        changeFen,
        ticketFen: plan.ticketFen,
        ticketCashFen: plan.ticketCashFen,
        method: plan.method,
        restore,
      };
    },
    { behavior: 'immediate' },
  );
}
