/**
 * Issue 14 (downstream): what the counter accepts from the central server, checked with zod before anything
 * is written (no input from the server may crash the back end). Mirrors server/protocol/feed.ts (the wire
 * contract owned by the server side); the feed's synthetic tables carry anomalies and day markers.
 */
import { z } from 'zod';

const printable = z.string().min(1).max(128).regex(/^[^\u0000-\u001f\u007f]+$/);

export const feedCursor = z.string().max(64).regex(/^[0-9a-z.-]*$/);

/** A SQLite row as JSON: column names as in SQLite (checked against the store's own columns before use). */
export const sqliteRow = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

export type SqliteRow = z.infer<typeof sqliteRow>;

export const feedChange = z.object({
  cursor: feedCursor,
  table: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/),
  op: z.enum(['insert', 'update']),
  rowId: printable,
  row: sqliteRow,
  originDeviceId: printable.nullable(),
  hallId: printable.nullable(),
});

export type FeedChange = z.infer<typeof feedChange>;

export const feedPage = z.object({ changes: z.array(feedChange), cursor: feedCursor, more: z.boolean() });

export type FeedPage = z.infer<typeof feedPage>;

export const ANOMALY_FEED_TABLE = 'sync_anomalies';
export const DAY_MARKER_FEED_TABLE = 'sync_day_markers';

const nullableId = printable.nullable();
const instant = z.string().max(40).refine((s) => !Number.isNaN(Date.parse(s)));

/** server/protocol/anomalies.ts `anomaly`: the row of the feed's sync_anomalies table. */
export const anomalyRecord = z.object({
  id: printable,
  kind: z.enum(['double_payment', 'duplicate_business', 'refused_change', 'audit_rollback', 'audit_rehash', 'seq_reuse', 'day_marker_mismatch']),
  companyId: printable,
  hallId: printable,
  deviceId: printable,
  counterId: nullableId,
  table: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/).nullable(),
  rowId: nullableId,
  otherRowId: nullableId,
  accountId: nullableId,
  billId: nullableId,
  paymentId: nullableId,
  otherPaymentId: nullableId,
  amountFen: z.number().int().refine(Number.isSafeInteger).nullable(),
  businessDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  detail: z.string().max(4000),
  createdAt: instant,
  resolution: z.enum(['refund', 'keep', 'acknowledged']).nullable(),
  resolvedAt: instant.nullable(),
  resolvedBy: z.string().max(200).nullable(),
  note: z.string().max(2000).nullable(),
});

export type AnomalyRecord = z.infer<typeof anomalyRecord>;

/** server/protocol/day.ts `dayMarkerRecord`: the row of the feed's sync_day_markers table. */
export const dayMarkerRecord = z.object({
  hallId: printable,
  counterId: printable,
  businessDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  paymentCount: z.number().int().nonnegative(),
  totalFen: z.number().int().refine(Number.isSafeInteger),
  auditHead: z.object({ seq: z.number().int().nonnegative(), hash: z.string().regex(/^[0-9a-f]{8,128}$/) }).nullable(),
  throughSeq: z.number().int().nonnegative(),
  deviceId: printable,
  receivedAt: instant,
  serverPaymentCount: z.number().int().nonnegative(),
  serverTotalFen: z.number().int(),
});

export type DayMarkerRecord = z.infer<typeof dayMarkerRecord>;
