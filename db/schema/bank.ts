/** 银行代扣 runs, their lines and the manual slips of locked bills (R-BANK-01..09, R-BANK-11, R-PAY-06). */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { staff } from './reference.js';
import { accounts } from './accounts.js';
import { bills } from './bills.js';
import { payments } from './payments.js';

/** 银行代扣 runs (R-BANK-01..09, R-BANK-11): the file sent to one bank and, later, its return. */
export const bankRuns = sqliteTable('bank_runs', {
  id: text('id').primaryKey(),
  bankName: text('bank_name').notNull(),
  businessDate: text('business_date').notNull(),
  status: text('status', { enum: ['sent', 'returned'] }).notNull(),
  itemCount: integer('item_count').notNull(),
  totalFen: integer('total_fen').notNull(),
  fileName: text('file_name').notNull(),
  returnSha256: text('return_sha256'),
  okCount: integer('ok_count'),
  okFen: integer('ok_fen'),
  clerkId: text('clerk_id').notNull().references(() => staff.id),
  createdAt: createdAt(),
  returnedAt: text('returned_at'),
});

/** One line of a bank file: the account's earliest unpaid bill, and the bank's answer. */
export const bankRunItems = sqliteTable(
  'bank_run_items',
  {
    id: text('id').primaryKey(),
    runId: text('run_id').notNull().references(() => bankRuns.id),
    lineNo: integer('line_no').notNull(),
    accountId: text('account_id').notNull().references(() => accounts.id),
    billId: text('bill_id').notNull().references(() => bills.id),
    cardNo: text('card_no').notNull(),
    amountFen: integer('amount_fen').notNull(),
    result: text('result', { enum: ['ok', 'failed'] }),
    reason: text('reason'),
    paymentId: text('payment_id').references(() => payments.id),
  },
  (t) => [index('bank_run_items_run').on(t.runId), index('bank_run_items_bill').on(t.billId)],
);

/** R-PAY-06: cash taken on a handwritten slip while the bill was locked in a bank run; written off later. */
export const manualSlips = sqliteTable('manual_slips', {
  id: text('id').primaryKey(),
  manualSlipNo: text('manual_slip_no').notNull().unique(),
  accountId: text('account_id').notNull().references(() => accounts.id),
  billId: text('bill_id').notNull().references(() => bills.id),
  amountFen: integer('amount_fen').notNull(),
  clerkId: text('clerk_id').notNull().references(() => staff.id),
  paymentId: text('payment_id').references(() => payments.id),
  createdAt: createdAt(),
});
