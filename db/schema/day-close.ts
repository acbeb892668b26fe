/** Business days (closed by 日结) and the clerks' cash reports (R-CASH-01..05). */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { halls, staff } from './reference.js';

/** A closed business day refuses new payments (trigger in the custom migration). */
export const businessDays = sqliteTable(
  'business_days',
  {
    hallId: text('hall_id').notNull().references(() => halls.id),
    businessDate: text('business_date').notNull(),
    closedAt: text('closed_at'),
    closedBy: text('closed_by'),
    /** The numbered close report (日结报告) and its totals as closed. */
    closeNo: text('close_no'),
    summary: text('summary'),
  },
  (t) => [primaryKey({ columns: [t.hallId, t.businessDate] })],
);

/** 日收银报表 (R-CASH-01..05): one per clerk and business day, prepared and signed by the clerk, reviewed by another. */
export const cashReports = sqliteTable(
  'cash_reports',
  {
    id: text('id').primaryKey(),
    clerkId: text('clerk_id').notNull().references(() => staff.id),
    hallId: text('hall_id').notNull().references(() => halls.id),
    businessDate: text('business_date').notNull(),
    previousBalanceFen: integer('previous_balance_fen').notNull(), // 前日现金结余 (A-33 carried forward)
    incomeFen: integer('income_fen').notNull(), // 本日营业收入 (cash)
    depositedFen: integer('deposited_fen').notNull(), // 存入银行或财务金额
    balanceFen: integer('balance_fen').notNull(), // 当日现金结余 = previous + income − deposited
    countedFen: integer('counted_fen').notNull(), // cash counted by denomination
    denominations: text('denominations').notNull(), // JSON {fen: count}
    differenceFen: integer('difference_fen').notNull(), // counted − balance, never forced to 0
    differenceReason: text('difference_reason').notNull().default(''),
    lines: text('lines').notNull(), // JSON snapshot of the categories as signed
    reviewerId: text('reviewer_id').references(() => staff.id),
    reviewedAt: text('reviewed_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('cash_reports_clerk_day').on(t.clerkId, t.businessDate)],
);

/**
 * Issue 13 #2: the ledger summed per business day, so 日结, 日收银报表, 收银统计报表, the month-end report and
 * the day's status read a few rows instead of every payment. Kept only by AFTER INSERT triggers on the
 * append-only ledger (payments, ticket_tenders, invoices; a 冲正 is a negated row, so inserts are all there
 * is), back-filled by the migration that made them; guard triggers refuse every other write (the cell's
 * `last_*` column names the ledger row that moved it last, which must be the latest ledger row, and the
 * change must be exactly that row's share). `verifyDayTotals` recomputes them from the ledger.
 */
export const dayTotals = sqliteTable(
  'day_totals',
  {
    hallId: text('hall_id').notNull(),
    businessDate: text('business_date').notNull(),
    clerkId: text('clerk_id').notNull(),
    counterId: text('counter_id').notNull(),
    method: text('method').notNull(),
    chargeType: text('charge_type').notNull(),
    invoiceCategory: text('invoice_category').notNull(),
    count: integer('count').notNull(),
    gasFen: integer('gas_fen').notNull(),
    lateFeeFen: integer('late_fee_fen').notNull(),
    feeFen: integer('fee_fen').notNull(),
    totalFen: integer('total_fen').notNull(),
    tenderedFen: integer('tendered_fen').notNull(),
    changeFen: integer('change_fen').notNull(),
    ticketFen: integer('ticket_fen').notNull(),
    ticketCashFen: integer('ticket_cash_fen').notNull(),
    /** The payment that moved this cell last (null: back-filled). */
    lastPaymentId: text('last_payment_id'),
  },
  (t) => [
    primaryKey({ columns: [t.hallId, t.businessDate, t.clerkId, t.counterId, t.method, t.chargeType, t.invoiceCategory] }),
    index('day_totals_clerk_day').on(t.clerkId, t.businessDate),
  ],
);

/** Tickets taken (and handed back by 冲正) per clerk, day and kind, as the 日收银报表 counts them. */
export const dayTicketTotals = sqliteTable(
  'day_ticket_totals',
  {
    hallId: text('hall_id').notNull(),
    businessDate: text('business_date').notNull(),
    clerkId: text('clerk_id').notNull(),
    kind: text('kind').notNull(),
    count: integer('count').notNull(),
    volumeCenti: integer('volume_centi').notNull(),
    valueFen: integer('value_fen').notNull(),
    /** 'p:<payment id>' or 't:<ticket_tenders id>': the ledger row that moved this cell last (null: back-filled). */
    lastRef: text('last_ref'),
  },
  (t) => [primaryKey({ columns: [t.clerkId, t.businessDate, t.kind, t.hallId] })],
);

/** Invoices issued for check slips per clerk, day and category (日收银报表's 已开 lines). */
export const dayInvoiceTotals = sqliteTable(
  'day_invoice_totals',
  {
    clerkId: text('clerk_id').notNull(),
    businessDate: text('business_date').notNull(),
    category: text('category').notNull(),
    count: integer('count').notNull(),
    amountFen: integer('amount_fen').notNull(),
    /** The invoice that moved this cell last (null: back-filled). */
    lastInvoiceId: text('last_invoice_id'),
  },
  (t) => [primaryKey({ columns: [t.clerkId, t.businessDate, t.category] })],
);
