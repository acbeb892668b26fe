/**
 * Issue 14: anomalies (异常), decided by money rules and never silent. Each is stored centrally, answered in the
 * push that raised it (push.ts `conflicts`) and sent down the feed to the counters of its hall under the table
 * ANOMALY_FEED_TABLE (row = this object, rowId = id; an `update` when the manager resolves it).
 *
 * Kinds:
 *  - double_payment: a bill paid by two payments (two counters, both offline). Both payments stand (real money);
 *    the later one in server order is kept on the account as a credit (预存) of `amountFen` until the hall
 *    manager resolves it: `refund` (退款) or `keep` (留作预存). `paymentId` is the later payment,
 *    `otherPaymentId` the one that paid the bill first (the bill keeps that one as its paid payment).
 *  - duplicate_business: a business (业务) of the same type accepted twice for one account/meter while still open;
 *    the later one is flagged (`rowId` the later business, `otherRowId` the first).
 *  - refused_change: a master-data change the server refused (e.g. an unpaid state over a bill paid centrally);
 *    `detail` says why. The central row stays as it was and flows down again.
 *  - audit_rollback: the device reported an audit head with a lower seq than one anchored before (a restored old
 *    backup or a cut tail).
 *  - audit_rehash: the device reported another hash at a seq already anchored (rows rewritten and re-hashed).
 *  - seq_reuse: an outbox seq already stored came again with other content (a restored backup re-numbering).
 *  - day_marker_mismatch: a counter's end-of-day marker does not match what the server holds for that counter
 *    and day (count or total fen).
 */
import { z } from 'zod';
import { businessDate, fenAmount, isoInstant, syncId, tableName } from './common.js';

export const ANOMALY_KINDS = [
  'double_payment',
  'duplicate_business',
  'refused_change',
  'audit_rollback',
  'audit_rehash',
  'seq_reuse',
  'day_marker_mismatch',
] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

/** What the hall manager decided: refund the credit, keep it as 预存, or (non-money kinds) acknowledged. */
export const ANOMALY_RESOLUTIONS = ['refund', 'keep', 'acknowledged'] as const;
export type AnomalyResolution = (typeof ANOMALY_RESOLUTIONS)[number];

export const anomaly = z.object({
  id: syncId,
  kind: z.enum(ANOMALY_KINDS),
  companyId: syncId,
  hallId: syncId,
  /** The device whose push raised it. */
  deviceId: syncId,
  counterId: syncId.nullable(),
  table: tableName.nullable(),
  rowId: syncId.nullable(),
  otherRowId: syncId.nullable(),
  accountId: syncId.nullable(),
  billId: syncId.nullable(),
  paymentId: syncId.nullable(),
  otherPaymentId: syncId.nullable(),
  /** The credit (预存) for double_payment; null for the other kinds. */
  amountFen: fenAmount.nullable(),
  businessDate: businessDate.nullable(),
  /** zh-CN text for the 异常 list. */
  detail: z.string(),
  createdAt: isoInstant,
  resolution: z.enum(ANOMALY_RESOLUTIONS).nullable(),
  resolvedAt: isoInstant.nullable(),
  resolvedBy: z.string().nullable(),
  note: z.string().nullable(),
});
export type Anomaly = z.infer<typeof anomaly>;

/** GET ROUTES.anomalies?hallId=&open=1 (device: its hall only; admin: any). */
export const anomalyList = z.object({ anomalies: z.array(anomaly) });

/** POST ROUTES.resolveAnomaly(id) (device of the anomaly's hall, or admin). Resolving twice → the first stands (200, unchanged). */
export const resolveAnomalyRequest = z
  .object({
    resolution: z.enum(ANOMALY_RESOLUTIONS),
    /** The staff member (login or id) who decided. */
    resolvedBy: z.string().min(1).max(64),
    note: z.string().max(500).optional(),
  })
  .strict();
export type ResolveAnomalyRequest = z.infer<typeof resolveAnomalyRequest>;
