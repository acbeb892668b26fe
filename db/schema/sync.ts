/**
 * Issue 14 (upstream): the outbox every fact made at this counter PC is captured into (triggers generated from the
 * schema, db/sync-capture.ts + scripts/gen-outbox-triggers.ts), the switch the feed applier sets so rows that came
 * down from the server are not captured again, the pusher's acknowledged position, and the counter's end-of-day
 * markers (a fact, captured like the others).
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { halls } from './reference.js';

/** Issue 13 #4: the tables whose bulk events may hold their row lazily and whose rows change later (db/sync-capture.ts LAZY_ROW). */
export const LAZY_MUTABLE_TABLES = ['accounts', 'bills'] as const;
/** The WHERE of the partial index the fill triggers find pending lazy events by; the triggers repeat it term for term. */
export const LAZY_PENDING_WHERE = `"row" = '' AND "tbl" IN (${LAZY_MUTABLE_TABLES.map((t) => `'${t}'`).join(', ')})`;

/**
 * One event per row written at this PC, in commit order: `seq` is AUTOINCREMENT and written in the fact's own
 * transaction, so a rolled-back fact leaves no event and the sequence has no gaps (a rollback also rolls back
 * sqlite_sequence). `row` is the whole row as JSON with SQLite's column names.
 * Append-only: guard triggers refuse every UPDATE (but the one filling a lazy row) and every DELETE of an event the
 * server has not acknowledged.
 */
export const syncOutbox = sqliteTable(
  'sync_outbox',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    table: text('tbl').notNull(),
    op: text('op', { enum: ['insert', 'update'] }).notNull(),
    /** The row's primary key; a composite key as a JSON array of its columns' values. */
    rowId: text('row_id').notNull(),
    row: text('row').notNull(),
    /** When it was written (the PC's clock, UTC). */
    at: text('at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    /** The row's hall_id when it has one (else null: the device's hall). */
    hallId: text('hall_id'),
    /** The row's business_date when it has one, else the hall's business date when it was written (gas_business_date()). */
    businessDate: text('business_date').notNull(),
  },
  (t) => [
    index('sync_outbox_day').on(t.businessDate, t.table),
    // issue 13 #4: the pending lazy events of the mutable lazy tables, for their fill triggers (db/sync-capture.ts LAZY_PENDING_WHERE)
    index('sync_outbox_lazy').on(t.table, t.rowId).where(sql.raw(LAZY_PENDING_WHERE)),
  ],
);

/**
 * One row (id 1). `applying` = 1 only inside the feed applier's transaction (main/sync/apply-switch.ts): the capture
 * triggers' WHEN clause skips rows written while it is set, so a row that came from the server never goes back up.
 */
export const syncApplyState = sqliteTable('sync_apply_state', {
  id: integer('id').primaryKey(),
  applying: integer('applying').notNull().default(0),
});

/**
 * One row (id 1): the highest contiguous outbox seq the server acknowledged, and what the status shows (last
 * successful push, last error in Chinese). Events up to `ackedSeq` may be pruned after the retention period.
 */
export const syncPushState = sqliteTable('sync_push_state', {
  id: integer('id').primaryKey(),
  ackedSeq: integer('acked_seq').notNull().default(0),
  lastPushAt: text('last_push_at'),
  lastError: text('last_error'),
  lastErrorAt: text('last_error_at'),
});

/**
 * 柜台日终 (issue 14 #4): a counter PC finished its business day (a cash report signed, or 本机日终 chosen). The
 * count and total of the payments this PC made that day (from its own outbox: rows applied from the feed are not
 * in it), the outbox position the day is complete through, and the audit chain's head. Captured like every fact;
 * a later marker of the same day supersedes an earlier one (the hall close uses the latest). Append-only.
 */
export const counterDayMarkers = sqliteTable(
  'counter_day_markers',
  {
    id: text('id').primaryKey(),
    hallId: text('hall_id').notNull().references(() => halls.id),
    businessDate: text('business_date').notNull(),
    /** The enrolled device's id (null before enrolment: the server knows the device by its credential). */
    deviceId: text('device_id'),
    /** The counter whose day this is: the enrolled counter, or before enrolment the signed-in clerk's. */
    counterId: text('counter_id').notNull(),
    paymentCount: integer('payment_count').notNull(),
    totalFen: integer('total_fen').notNull(),
    /** Every event of the day has an outbox seq up to this one (the marker's own event follows it). */
    throughSeq: integer('through_seq').notNull(),
    headSeq: integer('head_seq').notNull(),
    headHash: text('head_hash').notNull(),
    /** 'cash_report' (a clerk signed the 日收银报表) | 'counter_end' (本机日终). */
    reason: text('reason', { enum: ['cash_report', 'counter_end'] }).notNull(),
    ref: text('ref').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('counter_day_markers_day').on(t.hallId, t.businessDate)],
);

/** Which of this PC's day markers the server has taken (POST /v1/day-markers), and whether its figures differed. */
export const syncMarkerDeliveries = sqliteTable('sync_marker_deliveries', {
  markerId: text('marker_id').primaryKey(),
  deliveredAt: text('delivered_at').notNull(),
  /** 1 when the server's count or total for the counter and day differed (a day_marker_mismatch anomaly). */
  mismatch: integer('mismatch').notNull(),
});

/**
 * Issue 14 #5: the Ed25519 public keys of enrolled counter PCs (PEM, spki). A fact: this PC's own row is written at
 * enrolment and goes up through the outbox; the hall's other PCs get it from the feed and check a day file's
 * signature against it. The private key never leaves the PC (main/sync/credentials.ts).
 */
export const deviceKeys = sqliteTable('device_keys', {
  deviceId: text('device_id').primaryKey(),
  hallId: text('hall_id').notNull(),
  counterId: text('counter_id').notNull(),
  algorithm: text('algorithm', { enum: ['ed25519'] }).notNull(),
  publicKeyPem: text('public_key_pem').notNull(),
  createdAt: createdAt(),
});
