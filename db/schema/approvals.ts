/**
 * Correction requests and their decisions (issue 15 #3; R-SEC-09, R-PAY-10, A-32): a clerk asks, the office
 * manager (another person) approves or refuses once; only an approved request changes a bill or a payment.
 * Both tables are append-only facts (triggers in the custom migration: decided once, never by the requester,
 * only by a manager or administrator).
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { counters, halls, staff } from './reference.js';
import { accounts } from './accounts.js';
import { bills } from './bills.js';
import { payments } from './payments.js';

/** reading: 更改指数 of an unpaid bill (R-SEC-09/R-SEC-10); method: the payment method of a committed payment (R-PAY-10). */
export const CORRECTION_KINDS = ['reading', 'method'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

export const CORRECTION_DECISIONS = ['approved', 'refused'] as const;

export const correctionRequests = sqliteTable(
  'correction_requests',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: CORRECTION_KINDS }).notNull(),
    accountId: text('account_id').notNull().references(() => accounts.id),
    /** reading: the unpaid bill to re-bill. */
    billId: text('bill_id').references(() => bills.id),
    /** reading: the corrected 本次立方数 (0.01 m³). */
    readingCenti: integer('reading_centi'),
    /** R-SEC-10: the corrected reading is an estimate because the meter is faulty (its reason in `reason`). */
    estimated: integer('estimated', { mode: 'boolean' }).notNull().default(false),
    /** method: the committed payment whose method was entered wrongly. */
    paymentId: text('payment_id').references(() => payments.id),
    fromMethod: text('from_method'),
    toMethod: text('to_method'),
    reason: text('reason').notNull(),
    requesterId: text('requester_id').notNull().references(() => staff.id),
    hallId: text('hall_id').notNull().references(() => halls.id),
    counterId: text('counter_id').notNull().references(() => counters.id),
    createdAt: createdAt(),
  },
  (t) => [index('correction_requests_hall').on(t.hallId, t.createdAt)],
);

export const correctionDecisions = sqliteTable('correction_decisions', {
  /** One decision per request (the key): a request is decided once. */
  requestId: text('request_id').primaryKey().references(() => correctionRequests.id),
  decision: text('decision', { enum: CORRECTION_DECISIONS }).notNull(),
  deciderId: text('decider_id').notNull().references(() => staff.id),
  note: text('note').notNull().default(''),
  /** reading: the new bill; method: the new payment (its reversal is in payment_method_corrections). */
  newBillId: text('new_bill_id').references(() => bills.id),
  createdAt: createdAt(),
});

/** R-PAY-10: an approved method correction = a reversal (冲正) plus a new payment, both linked to the request. */
export const paymentMethodCorrections = sqliteTable('payment_method_corrections', {
  requestId: text('request_id').primaryKey().references(() => correctionRequests.id),
  originalPaymentId: text('original_payment_id').notNull().unique().references(() => payments.id),
  reversalPaymentId: text('reversal_payment_id').notNull().unique().references(() => payments.id),
  newPaymentId: text('new_payment_id').notNull().unique().references(() => payments.id),
  createdAt: createdAt(),
});
