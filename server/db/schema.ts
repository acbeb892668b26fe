/**
 * Issue 14: the central PostgreSQL store (drizzle pg-core; migrations in server/migrations, generated with
 * `npx drizzle-kit generate --config drizzle.server.config.ts`).
 *
 *  devices / enrolment_codes   who may sync (secrets and codes stored hashed only)
 *  events                      the append-only log of every pushed outbox event, unique (device_id, seq)
 *  rows                        the current row of every (company, table, row key): what the snapshot serves
 *  payments, bill_claims       the money projection the conflict rules and finance reports read
 *  anomalies                   the 异常 list (double payments as credits, duplicate businesses, audit anchoring …)
 *  audit_anchors, day_markers  the devices' audit-chain heads and end-of-day markers
 *  feed                        the change feed, stamped with the writing transaction's id (xid8) so a reader
 *                              never passes a position an uncommitted transaction could still fill
 */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** A transaction id (PostgreSQL 13+ xid8), read as a decimal string. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

/** Text compared byte-wise, so keyset pages by row id are the same order everywhere (no locale rules). */
const textC = customType<{ data: string; driverData: string }>({ dataType: () => 'text COLLATE "C"' });

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const money = (name: string) => bigint(name, { mode: 'number' });

export const devices = pgTable(
  'devices',
  {
    id: text('id').primaryKey(),
    companyId: text('company_id').notNull(),
    hallId: text('hall_id').notNull(),
    counterId: text('counter_id').notNull(),
    label: text('label'),
    secretSalt: text('secret_salt').notNull(),
    secretHash: text('secret_hash').notNull(),
    enrolledAt: ts('enrolled_at').notNull().defaultNow(),
    revokedAt: ts('revoked_at'),
    ackSeq: bigint('ack_seq', { mode: 'number' }).notNull().default(0),
    lastSeenAt: ts('last_seen_at'),
  },
  (t) => [index('devices_hall').on(t.companyId, t.hallId)],
);

export const enrolmentCodes = pgTable('enrolment_codes', {
  codeHash: text('code_hash').primaryKey(),
  companyId: text('company_id').notNull(),
  hallId: text('hall_id').notNull(),
  counterId: text('counter_id').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
  deviceId: text('device_id'),
});

export const events = pgTable(
  'events',
  {
    deviceId: text('device_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    companyId: text('company_id').notNull(),
    hallId: text('hall_id').notNull(),
    tableName: text('table_name').notNull(),
    op: text('op').notNull(),
    rowId: text('row_id').notNull(),
    row: jsonb('row').notNull(),
    at: text('at').notNull(),
    businessDate: text('business_date'),
    /** sha256 of the event as sent: a seq sent again with other content is a seq_reuse anomaly. */
    payloadHash: text('payload_hash').notNull(),
    receivedAt: ts('received_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.seq] })],
);

export const rows = pgTable(
  'rows',
  {
    companyId: text('company_id').notNull(),
    tableName: text('table_name').notNull(),
    /** The row id; for upstream-only tables `<deviceId>/<rowId>` (their keys are per device). */
    rowKey: textC('row_key').notNull(),
    /** null: company-wide master data; else the hall whose fact it is. */
    hallId: text('hall_id'),
    row: jsonb('row').notNull(),
    originDeviceId: text('origin_device_id'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.tableName, t.rowKey] }),
    index('rows_unpaid_bills')
      .on(t.companyId, sql`(${t.row}->>'account_id')`)
      .where(sql`${t.tableName} = 'bills' and ${t.row}->>'status' = '未缴'`),
    index('rows_businesses_account')
      .on(t.companyId, sql`(${t.row}->>'account_id')`)
      .where(sql`${t.tableName} = 'businesses'`),
  ],
);

export const payments = pgTable(
  'payments',
  {
    companyId: text('company_id').notNull(),
    id: text('id').notNull(),
    deviceId: text('device_id').notNull(),
    hallId: text('hall_id').notNull(),
    counterId: text('counter_id').notNull(),
    accountId: text('account_id').notNull(),
    businessDate: text('business_date').notNull(),
    method: text('method').notNull(),
    chargeType: text('charge_type').notNull(),
    gasFen: money('gas_fen').notNull(),
    lateFeeFen: money('late_fee_fen').notNull(),
    feeFen: money('fee_fen').notNull(),
    totalFen: money('total_fen').notNull(),
    reversesPaymentId: text('reverses_payment_id'),
    receivedAt: ts('received_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index('payments_hall_day').on(t.companyId, t.hallId, t.businessDate),
    index('payments_counter_day').on(t.companyId, t.counterId, t.businessDate),
  ],
);

/** The first payment (in server order) that paid a bill holds it; a second is a double payment (a credit). */
export const billClaims = pgTable(
  'bill_claims',
  {
    companyId: text('company_id').notNull(),
    billId: text('bill_id').notNull(),
    paymentId: text('payment_id').notNull(),
    deviceId: text('device_id').notNull(),
    claimedAt: ts('claimed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.billId] }), index('bill_claims_payment').on(t.companyId, t.paymentId)],
);

export const anomalies = pgTable(
  'anomalies',
  {
    id: text('id').primaryKey(),
    /** The same conflict found again (a re-push, a retried transaction) is one anomaly. */
    dedupeKey: text('dedupe_key').notNull(),
    kind: text('kind').notNull(),
    companyId: text('company_id').notNull(),
    hallId: text('hall_id').notNull(),
    deviceId: text('device_id').notNull(),
    counterId: text('counter_id'),
    tableName: text('table_name'),
    rowId: text('row_id'),
    otherRowId: text('other_row_id'),
    accountId: text('account_id'),
    billId: text('bill_id'),
    paymentId: text('payment_id'),
    otherPaymentId: text('other_payment_id'),
    amountFen: money('amount_fen'),
    businessDate: text('business_date'),
    detail: text('detail').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    resolution: text('resolution'),
    resolvedAt: ts('resolved_at'),
    resolvedBy: text('resolved_by'),
    note: text('note'),
  },
  (t) => [uniqueIndex('anomalies_dedupe').on(t.companyId, t.dedupeKey), index('anomalies_hall').on(t.companyId, t.hallId, t.createdAt)],
);

export const auditAnchors = pgTable(
  'audit_anchors',
  {
    deviceId: text('device_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
    reportedAt: ts('reported_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.seq] })],
);

export const dayMarkers = pgTable(
  'day_markers',
  {
    companyId: text('company_id').notNull(),
    hallId: text('hall_id').notNull(),
    counterId: text('counter_id').notNull(),
    businessDate: text('business_date').notNull(),
    deviceId: text('device_id').notNull(),
    paymentCount: integer('payment_count').notNull(),
    totalFen: money('total_fen').notNull(),
    auditSeq: bigint('audit_seq', { mode: 'number' }),
    auditHash: text('audit_hash'),
    throughSeq: bigint('through_seq', { mode: 'number' }).notNull(),
    serverPaymentCount: integer('server_payment_count').notNull(),
    serverTotalFen: money('server_total_fen').notNull(),
    receivedAt: ts('received_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.counterId, t.businessDate] }), index('day_markers_hall').on(t.companyId, t.hallId, t.businessDate)],
);

export const feed = pgTable(
  'feed',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    txid: xid8('txid').notNull().default(sql`pg_current_xact_id()`),
    companyId: text('company_id').notNull(),
    hallId: text('hall_id'),
    tableName: text('table_name').notNull(),
    op: text('op').notNull(),
    rowId: text('row_id').notNull(),
    row: jsonb('row').notNull(),
    originDeviceId: text('origin_device_id'),
  },
  (t) => [index('feed_position').on(t.companyId, t.txid, t.id)],
);
