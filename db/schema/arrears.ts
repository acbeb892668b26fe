/**
 * Issue 15 #1/#2: arrears collection with supply stop/restore (R-SEC-01..05, A-46) and account closure 销户 /
 * temporary removal (R-SEC-06).
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { staff } from './reference.js';
import { accounts } from './accounts.js';
import { bills } from './bills.js';
import { businesses } from './businesses.js';

/** §10 "MUST be configurable": one row ('arrears') once a manager saved the settings; none = the defaults (off, A-46). */
export const arrearsSettings = sqliteTable('arrears_settings', {
  key: text('key', { enum: ['arrears'] }).primaryKey(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull(),
  individualMonths: integer('individual_months').notNull(),
  organisationMonths: integer('organisation_months').notNull(),
  noticeDays: integer('notice_days').notNull(),
  restoreHours: integer('restore_hours').notNull(),
  updatedBy: text('updated_by').notNull().references(() => staff.id),
  updatedAt: text('updated_at').notNull(),
});

/** R-SEC-04/05: each 催缴通知单 printed for an account, with its date. Append-only. */
export const arrearsNotices = sqliteTable(
  'arrears_notices',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull().references(() => accounts.id),
    noticeDate: text('notice_date').notNull(),
    months: integer('months').notNull(),
    totalFen: integer('total_fen').notNull(),
    output: text('output', { enum: ['receipt', 'A4'] }).notNull(),
    printedBy: text('printed_by').notNull().references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [index('arrears_notices_account').on(t.accountId, t.noticeDate)],
);

/**
 * R-SEC-04: the stop/restore record (停复气记录): the approved stop carried out as a 封表 business, and the
 * restore (启封) issued after payment (R-SEC-02) or an approved repayment agreement (R-SEC-03).
 */
export const supplyStops = sqliteTable(
  'supply_stops',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull().references(() => accounts.id),
    noticeId: text('notice_id').notNull().references(() => arrearsNotices.id),
    months: integer('months').notNull(),
    owedFen: integer('owed_fen').notNull(),
    requestedBy: text('requested_by').notNull().references(() => staff.id),
    approvedBy: text('approved_by').notNull().references(() => staff.id),
    sealBusinessId: text('seal_business_id').notNull().unique().references(() => businesses.id),
    restoreBusinessId: text('restore_business_id').unique().references(() => businesses.id),
    restoreIssuedAt: text('restore_issued_at'),
    restoreDueAt: text('restore_due_at'),
    restoreReason: text('restore_reason', { enum: ['结清欠费', '还欠协议'] }),
    createdAt: createdAt(),
  },
  (t) => [index('supply_stops_account').on(t.accountId)],
);

/** R-SEC-03: 还欠协议, approved by a senior before supply is restored. Append-only. */
export const repaymentAgreements = sqliteTable('repayment_agreements', {
  id: text('id').primaryKey(),
  stopId: text('stop_id').notNull().unique().references(() => supplyStops.id),
  owedFen: integer('owed_fen').notNull(),
  terms: text('terms').notNull(),
  payBy: text('pay_by').notNull(),
  clerkId: text('clerk_id').notNull().references(() => staff.id),
  approvedBy: text('approved_by').notNull().references(() => staff.id),
  createdAt: createdAt(),
});

/** R-SEC-03: re-checks of stopped customers for self-reconnection (私自接气). Append-only. */
export const stopRechecks = sqliteTable('stop_rechecks', {
  id: text('id').primaryKey(),
  stopId: text('stop_id').notNull().references(() => supplyStops.id),
  checkedOn: text('checked_on').notNull(),
  result: text('result', { enum: ['仍封表', '私自接气'] }).notNull(),
  note: text('note').notNull(),
  enteredBy: text('entered_by').notNull().references(() => staff.id),
  createdAt: createdAt(),
});

export const CLOSURE_KINDS = ['销户', '临时拆表'] as const;
export const CLOSURE_STATES = ['待核实', '待拆表', '待结清', '已销户', '已临时拆表', '已撤销'] as const;

/** R-SEC-06: 销户 and temporary removal, step by step; a 已销户 row is final (a trigger refuses every change). */
export const accountClosures = sqliteTable(
  'account_closures',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull().references(() => accounts.id),
    kind: text('kind', { enum: CLOSURE_KINDS }).notNull(),
    reason: text('reason').notNull(),
    state: text('state', { enum: CLOSURE_STATES }).notNull(),
    siteBusinessId: text('site_business_id').notNull().references(() => businesses.id),
    removalBusinessId: text('removal_business_id').references(() => businesses.id),
    depositFen: integer('deposit_fen').notNull().default(0),
    finalBillId: text('final_bill_id').references(() => bills.id),
    removedOn: text('removed_on'),
    approvedBy: text('approved_by').references(() => staff.id),
    closedOn: text('closed_on'),
    createdBy: text('created_by').notNull().references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [index('account_closures_account').on(t.accountId)],
);
