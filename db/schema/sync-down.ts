/**
 * Issue 14 (downstream): what the counter keeps about the central server's change feed: the cursor of each
 * feed applied, the rows the local guards refused (never dropped silently), and the conflicts (异常) the
 * server or the applier found, with the hall manager's decision. Local bookkeeping of this PC: never pushed
 * as facts of their own (a decision is audited, and the audit row is the fact that goes up).
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';

/** The position in a feed up to which every entry has been applied (written in the same transaction as the rows). */
export const syncCursors = sqliteTable('sync_cursors', {
  feed: text('feed').primaryKey(),
  cursor: text('cursor').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** 同步问题: a row from the server (feed, snapshot or USB day file) that the local store refused, with the reason. */
export const syncProblems = sqliteTable(
  'sync_problems',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 'feed' | 'snapshot' | 'day-file' */
    source: text('source').notNull(),
    /** The feed position (or file and index) of the refused entry. */
    position: text('position').notNull(),
    tableName: text('table_name').notNull(),
    op: text('op').notNull(),
    rowId: text('row_id').notNull(),
    originDeviceId: text('origin_device_id'),
    /** Why it was refused (the guard's message), in Chinese first. */
    reason: text('reason').notNull(),
    /** The row as received (JSON, cut to 4,000 characters). */
    row: text('row').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sync_problems_created').on(t.createdAt)],
);

/**
 * Issue 14 (conflicts): a central bill row naming the payment the server chose, whose payment item this store does
 * not hold yet (a snapshot page read after the snapshot began, or a feed position written before the payment's
 * own). The bill waits: when the item comes the row is applied and the wait removed. A wait that stays names a
 * payment this PC will not get by the feed (paid before its snapshot began); 同步问题 lists it for the manager.
 */
export const syncBillWaits = sqliteTable(
  'sync_bill_waits',
  {
    billId: text('bill_id').primaryKey(),
    paymentId: text('payment_id').notNull(),
    /** 'feed' | 'snapshot' | 'day-file', and the position there. */
    source: text('source').notNull(),
    position: text('position').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('sync_bill_waits_payment').on(t.paymentId)],
);

/** The server's anomaly kinds (server/protocol/anomalies.ts), kept here as a closed list of the store. */
export const ANOMALY_KINDS = ['double_payment', 'duplicate_business', 'refused_change', 'audit_rollback', 'audit_rehash', 'seq_reuse', 'day_marker_mismatch'] as const;

export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

/** refund 退款 / keep 保留预存 (a credit), acknowledged 已知悉 (the other kinds). */
export const ANOMALY_RESOLUTIONS = ['refund', 'keep', 'acknowledged'] as const;

export type AnomalyResolution = (typeof ANOMALY_RESOLUTIONS)[number];

/**
 * 异常 list (issue 14 #3): a bill paid twice while offline (both payments stand, the later is a credit 预存 on
 * the account), a business accepted twice for one meter (the later flagged), a master-data change the server
 * refused (its reason shown at the counter where it was made), audit anchoring findings. The server's report
 * (`serverId`) and the applier's own finding for the same bill are one row: a local finding is taken over by
 * the server's report when it comes. Never deleted; resolved once (退款 / 保留预存 / 已知悉) with who and when.
 */
export const syncAnomalies = sqliteTable(
  'sync_anomalies',
  {
    id: text('id').primaryKey(),
    /** The central anomaly id; null while only the applier has found it. */
    serverId: text('server_id').unique(),
    kind: text('kind', { enum: ANOMALY_KINDS }).notNull(),
    hallId: text('hall_id'),
    /** Where the flagged row (the later payment, the later business, the refused change) was made. */
    counterId: text('counter_id'),
    deviceId: text('device_id'),
    tableName: text('table_name'),
    rowId: text('row_id'),
    otherRowId: text('other_row_id'),
    accountId: text('account_id'),
    billId: text('bill_id'),
    /** The later payment (the credit). */
    paymentId: text('payment_id'),
    /** The payment that paid the bill first. */
    otherPaymentId: text('other_payment_id'),
    /** The credit (预存) of a double payment. */
    amountFen: integer('amount_fen'),
    businessDate: text('business_date'),
    /** What happened, in Chinese, for the 异常 list. */
    detail: text('detail').notNull(),
    createdAt: text('created_at').notNull(),
    /** 'server' | 'local' */
    reportedBy: text('reported_by').notNull(),
    resolution: text('resolution', { enum: ANOMALY_RESOLUTIONS }),
    resolvedBy: text('resolved_by'),
    resolvedAt: text('resolved_at'),
    note: text('note'),
    /** When this PC's decision reached the server (null: not yet sent, or decided elsewhere). */
    sentAt: text('sent_at'),
  },
  (t) => [index('sync_anomalies_open').on(t.resolution, t.createdAt), index('sync_anomalies_bill').on(t.billId)],
);

/**
 * Other counters' end-of-day markers of the hall as the server received them (feed table sync_day_markers,
 * server/protocol/day.ts dayMarkerRecord) or as a USB day file carried them: the hall's 日结 waits for one per
 * counter of the hall (issue 14 #4). The latest (highest throughSeq) per counter and day stands.
 */
export const hallDayMarkers = sqliteTable(
  'hall_day_markers',
  {
    hallId: text('hall_id').notNull(),
    counterId: text('counter_id').notNull(),
    businessDate: text('business_date').notNull(),
    deviceId: text('device_id').notNull(),
    paymentCount: integer('payment_count').notNull(),
    totalFen: integer('total_fen').notNull(),
    throughSeq: integer('through_seq').notNull(),
    headSeq: integer('head_seq'),
    headHash: text('head_hash'),
    /** 'feed' | 'day-file' */
    source: text('source').notNull(),
    receivedAt: text('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.hallId, t.counterId, t.businessDate] })],
);
