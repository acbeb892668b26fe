/** 抄表机 batches, their routes and the readings held until 入库 (R-HH-03..05). */
import { integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { staff } from './reference.js';
import { accounts, meters } from './accounts.js';
import { bills } from './bills.js';

/** 抄表机 batches (R-HH-03/04): a route exported to one reader's handheld and the readings that came back. */
export const handheldBatches = sqliteTable('handheld_batches', {
  id: text('id').primaryKey(), // also the batch id on the device (16 ASCII)
  meterReader: text('meter_reader').notNull(),
  months: integer('months').notNull(), // 1 单月 | 2 双月
  accountCount: integer('account_count').notNull(),
  status: text('status', { enum: ['exporting', 'exported', 'imported', 'committed'] }).notNull(),
  readingsCrc: integer('readings_crc'),
  deviceCommitted: integer('device_committed', { mode: 'boolean' }).notNull().default(false),
  clerkId: text('clerk_id').notNull().references(() => staff.id),
  createdAt: createdAt(),
  committedAt: text('committed_at'),
});

/** What the route carried per account: the baseline for the anomaly checks. */
export const handheldRouteItems = sqliteTable(
  'handheld_route_items',
  {
    batchId: text('batch_id').notNull().references(() => handheldBatches.id),
    accountId: text('account_id').notNull().references(() => accounts.id),
    meterId: text('meter_id').notNull().references(() => meters.id),
    lastReadingCenti: integer('last_reading_centi').notNull(),
    monthlyAverageCenti: integer('monthly_average_centi').notNull(),
    /** Months this reading covers: 1 for a monthly account, 2 for one read every other month. */
    months: integer('months').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.accountId] })],
);

export const HANDHELD_READING_STATES = ['pending', 'returned', 'committed', 'skipped'] as const;

/** 已抄表记录 from a handheld, held until 入库 (R-HH-04/05): never in 未缴费用清单 before that. */
export const handheldReadings = sqliteTable(
  'handheld_readings',
  {
    id: text('id').primaryKey(),
    batchId: text('batch_id').notNull().references(() => handheldBatches.id),
    accountId: text('account_id').notNull().references(() => accounts.id),
    readingCenti: integer('reading_centi').notNull(),
    readAt: text('read_at').notNull(),
    status: integer('status').notNull(), // 0 正常, 1 估抄, 2 未抄, 3 换表
    meterNo: text('meter_no').notNull(),
    consumptionCenti: integer('consumption_centi').notNull(),
    /** Anomaly codes, comma separated: large, below_last, meter_changed, estimated, not_read. */
    anomalies: text('anomalies').notNull(),
    state: text('state', { enum: HANDHELD_READING_STATES }).notNull(),
    billId: text('bill_id').references(() => bills.id),
    note: text('note').notNull().default(''),
  },
  (t) => [uniqueIndex('handheld_readings_batch_account').on(t.batchId, t.accountId)],
);
