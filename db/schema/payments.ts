/**
 * Check slips, payments and their items, slip prints, late-fee waivers, rule overrides and satisfaction ratings.
 * Ledger tables: append-only (triggers in the custom migrations).
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { halls, counters, staff } from './reference.js';
import { accounts } from './accounts.js';
import { bills } from './bills.js';

/** Check slips (核对单), R-INV-06. Append-only. */
export const checkSlips = sqliteTable(
  'check_slips',
  {
    slipNo: text('slip_no').primaryKey(),
    counterId: text('counter_id').notNull().references(() => counters.id),
    seq: integer('seq').notNull(),
    hallId: text('hall_id').notNull().references(() => halls.id),
    businessDate: text('business_date').notNull(),
    handwritten: integer('handwritten', { mode: 'boolean' }).notNull().default(false),
    /** The card write a late-posted slip settles (see payments.lateCardWriteId). */
    lateCardWriteId: text('late_card_write_id').unique(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('check_slips_counter_seq').on(t.counterId, t.seq)],
);

export const PAYMENT_METHOD_CASH = '现金';

/** 收款项目 (§3.5) and invoice categories (§6.4). */
export const CHARGE_TYPES = ['燃气费', '报装费', '安改装费', 'IC卡安装费', '过户费', '补卡费', '充值费', '检测押金', '校表费', '气费退补', '拆表费', '销户押金'] as const;

export type ChargeType = (typeof CHARGE_TYPES)[number];

export const INVOICE_CATEGORIES = ['核对单', '地税', '国税', '定额', '收据'] as const;

export type InvoiceCategory = (typeof INVOICE_CATEGORIES)[number];

/** Payments (append-only). R-PAY-09: method, 收讫人 (clerk), 收讫日期 (business date), hall. */
export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    slipNo: text('slip_no').notNull().unique().references(() => checkSlips.slipNo),
    accountId: text('account_id').notNull().references(() => accounts.id),
    hallId: text('hall_id').notNull().references(() => halls.id),
    counterId: text('counter_id').notNull().references(() => counters.id),
    clerkId: text('clerk_id').notNull().references(() => staff.id),
    businessDate: text('business_date').notNull(),
    method: text('method').notNull(),
    chargeType: text('charge_type', { enum: CHARGE_TYPES }).notNull().default('燃气费'),
    invoiceCategory: text('invoice_category', { enum: INVOICE_CATEGORIES }).notNull().default('核对单'),
    /** The business or account change a fee belongs to (报装, 过户, …); null for gas payments. */
    businessRef: text('business_ref'),
    feeFen: integer('fee_fen').notNull().default(0),
    gasFen: integer('gas_fen').notNull(),
    lateFeeFen: integer('late_fee_fen').notNull(),
    totalFen: integer('total_fen').notNull(),
    tenderedFen: integer('tendered_fen').notNull(),
    changeFen: integer('change_fen').notNull(),
    /** Gas paid by tickets or coupons (R-TKT-08/12): a tender besides cash. */
    ticketFen: integer('ticket_fen').notNull().default(0),
    /** Cash due with face-value tickets (R-TKT-04, A-18): part of the total. */
    ticketCashFen: integer('ticket_cash_fen').notNull().default(0),
    /** 冲正: the payment this row reverses, with every amount negated (trigger-checked). */
    reversesPaymentId: text('reverses_payment_id').unique(),
    /** R-TKT-09: change of the account's prepaid ticket volume by this payment (0.01 m³). */
    prepaidDeltaCenti: integer('prepaid_delta_centi').notNull().default(0),
    /** R-INV-02: the payment's reference in an electronic channel (信息亭, ATM, 自助终端, 网站). */
    channelRef: text('channel_ref').unique(),
    /**
     * R-IC-07 (issue 10 #1): a card write begun before its business day was closed and settled after
     * the close is posted onto that day, flagged for the manager; the closed-day triggers let only
     * such a row in (the write must predate the close and be unsettled).
     */
    lateCardWriteId: text('late_card_write_id').unique(),
    /** What the clerk confirmed when the tender was far above the amount due (issue 10 #5); null otherwise. */
    confirmation: text('confirmation'),
    createdAt: createdAt(),
  },
  (t) => [
    index('payments_day').on(t.hallId, t.businessDate),
    index('payments_account').on(t.accountId),
    // issue 13: the clerk's day (日收银报表's ledger check, verifyDayTotals) without a scan of the table
    index('payments_clerk_day').on(t.clerkId, t.businessDate),
  ],
);

export const paymentItems = sqliteTable(
  'payment_items',
  {
    id: text('id').primaryKey(),
    paymentId: text('payment_id').notNull().references(() => payments.id),
    billId: text('bill_id').notNull().references(() => bills.id),
    gasFen: integer('gas_fen').notNull(),
    lateFeeFen: integer('late_fee_fen').notNull(),
    overdueDays: integer('overdue_days').notNull(),
  },
  (t) => [index('payment_items_payment').on(t.paymentId), index('payment_items_bill').on(t.billId)],
);

/** Every print of a slip: the original and each 副本. Append-only. */
export const slipPrints = sqliteTable(
  'slip_prints',
  {
    id: text('id').primaryKey(),
    slipNo: text('slip_no').notNull().references(() => checkSlips.slipNo),
    copy: integer('copy', { mode: 'boolean' }).notNull(),
    clerkId: text('clerk_id').notNull().references(() => staff.id),
    outcome: text('outcome', { enum: ['printed', 'failed'] }).notNull(),
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [index('slip_prints_slip').on(t.slipNo)],
);

/** Late-fee waivers (R-LATE-05, A-28) with who waived, who approved and why. Append-only. */
export const lateFeeWaivers = sqliteTable('late_fee_waivers', {
  id: text('id').primaryKey(),
  paymentId: text('payment_id').notNull().references(() => payments.id),
  billId: text('bill_id').notNull().references(() => bills.id),
  lateFeeFen: integer('late_fee_fen').notNull(),
  waivedFen: integer('waived_fen').notNull(),
  reason: text('reason').notNull(),
  clerkId: text('clerk_id').notNull().references(() => staff.id),
  approverId: text('approver_id').references(() => staff.id),
  createdAt: createdAt(),
});

/** 满意度评价 (R-GEN-02, A-07): the key the customer pressed after a transaction, per clerk and counter. Append-only. */
export const satisfactionRatings = sqliteTable('satisfaction_ratings', {
  id: text('id').primaryKey(),
  slipNo: text('slip_no').references(() => checkSlips.slipNo),
  counterId: text('counter_id').notNull().references(() => counters.id),
  clerkId: text('clerk_id').notNull().references(() => staff.id),
  score: integer('score').notNull(), // 1 非常满意 … 4 不满意
  createdAt: createdAt(),
});

/** Soft-rule overrides: which rule the clerk overrode and why. Append-only. */
export const ruleOverrides = sqliteTable('rule_overrides', {
  id: text('id').primaryKey(),
  paymentId: text('payment_id').references(() => payments.id),
  rule: text('rule').notNull(),
  reason: text('reason').notNull(),
  clerkId: text('clerk_id').notNull().references(() => staff.id),
  createdAt: createdAt(),
});
