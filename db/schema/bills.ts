/** Tariffs with their tier bands, and the reading / bill records with their corrections, DOMAIN §3.4. */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { staff } from './reference.js';
import { CUSTOMER_CATEGORIES, accounts, meters } from './accounts.js';

/** one unit price per customer category, versioned by effective date. */
export const tariffs = sqliteTable(
  'tariffs',
  {
    id: text('id').primaryKey(),
    category: text('category', { enum: CUSTOMER_CATEGORIES }).notNull(),
    priceFenPerM3: integer('price_fen_per_m3').notNull(),
    effectiveFrom: text('effective_from').notNull(),
  },
  (t) => [uniqueIndex('tariffs_category_from').on(t.category, t.effectiveFrom)],
);

/** 已更正: an unpaid counter-read bill replaced by a corrected reading (issue 10 #5); its figures are kept. */
export const BILL_STATUSES = ['未缴', '收讫', '已拆分', '已更正'] as const;

export const READING_SOURCES = ['handheld', 'notice', 'reader_phone', 'self_reported', 'estimated', 'meter_change'] as const;

export type ReadingSource = (typeof READING_SOURCES)[number];

/** Reading / bill records (已抄表信息, shown in 未缴费用清单), DOMAIN §3.4. */
export const bills = sqliteTable(
  'bills',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull().references(() => accounts.id),
    meterId: text('meter_id').notNull().references(() => meters.id),
    readingDate: text('reading_date').notNull(),
    previousReadingCenti: integer('previous_reading_centi').notNull(),
    thisReadingCenti: integer('this_reading_centi').notNull(), // 本次立方数 (A-04: a meter reading)
    consumptionCenti: integer('consumption_centi').notNull(),
    priceFenPerM3: integer('price_fen_per_m3').notNull(),
    amountFen: integer('amount_fen').notNull(),
    dueDate: text('due_date').notNull(),
    source: text('source', { enum: READING_SOURCES }).notNull(),
    estimated: integer('estimated', { mode: 'boolean' }).notNull().default(false), // 估抄
    reader: text('reader').notNull(),
    status: text('status', { enum: BILL_STATUSES }).notNull().default('未缴'),
    paidPaymentId: text('paid_payment_id'),
    /** R-TKT-10: a record split off an unpaid bill (拆分立方数); the parent becomes 已拆分. */
    splitFrom: text('split_from'),
    /** how the amount was computed (tiers, volumes, prices), shown with the bill. */
    pricing: text('pricing').notNull().default(''),
    /** what the clerk confirmed when the reading was far outside the history (issue 10 #5); null when nothing was unusual. */
    confirmation: text('confirmation'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('bills_account_status').on(t.accountId, t.status, t.readingDate),
    // issue 13 #5: the reading a new bill continues from (billingStart, the handheld 入库's start readings, a
    // correction's later-bill check) is looked up by meter, newest first, instead of a scan of all bills
    index('bills_meter_date').on(t.meterId, t.readingDate),
  ],
);

/**
 * A counter reading corrected before payment (issue 10 #5): the old bill stays as it was, marked 已更正, and
 * the new bill replaces it. Append-only.
 */
export const billCorrections = sqliteTable('bill_corrections', {
  oldBillId: text('old_bill_id').primaryKey().references(() => bills.id),
  newBillId: text('new_bill_id').notNull().unique().references(() => bills.id),
  reason: text('reason').notNull(),
  clerkId: text('clerk_id').notNull().references(() => staff.id),
  createdAt: createdAt(),
  /** issue 15 #3 (R-SEC-09, A-32): the approved correction request behind it; null only for rows made before approvals. */
  requestId: text('request_id'),
});

/** optional tier bands of a tariff by annual volume: from `fromCenti` of the year on, this price. */
export const tariffTiers = sqliteTable(
  'tariff_tiers',
  {
    tariffId: text('tariff_id').notNull().references(() => tariffs.id),
    fromCenti: integer('from_centi').notNull(),
    priceFenPerM3: integer('price_fen_per_m3').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tariffId, t.fromCenti] })],
);

/**
 * Issue 13 #1: each account's unpaid bills (status 未缴) counted and summed, kept by triggers on bills
 * (a bill inserted unpaid, a bill leaving or re-entering 未缴), so the front-desk search reads one row a hit
 * instead of walking the hit's bills. An account without a row has no unpaid bill. Recomputed in the tests.
 */
export const accountUnpaid = sqliteTable('account_unpaid', {
  accountId: text('account_id')
    .primaryKey()
    .references(() => accounts.id),
  unpaidCount: integer('unpaid_count').notNull(),
  unpaidFen: integer('unpaid_fen').notNull(),
});
