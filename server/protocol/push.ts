/**
 * Issue 14: upstream. A counter's outbox events, in order, in batches.
 *
 * Rules the server keeps (and the counter may rely on):
 *  - `seq` is the device's own outbox sequence: 1, 2, 3 … without holes, never reused. The server stores an
 *    event only if every lower seq of that device is stored; `ackSeq` is the highest contiguous seq stored.
 *    Events at or below the stored ackSeq are duplicates and change nothing (a repeated or overlapping push is
 *    harmless); events after a gap are NOT stored (send them again from ackSeq + 1). A duplicate seq whose
 *    content differs from what was stored is a `seq_reuse` anomaly (a restored backup re-numbering its outbox).
 *  - A batch is applied in ONE PostgreSQL transaction: all of its contiguous events or none.
 *  - `table`/`rowId` name the SQLite row (a composite primary key: its columns' values joined by '|' in key
 *    order, e.g. business_days `H1|2026-12-01`; audit_log: its seq as a decimal string); `row` is the whole row after the change (column names as in
 *    SQLite). For MASTER tables (tables.ts) the row replaces the central current row in server order, except
 *    where a money rule refuses it (it is then an anomaly in `conflicts`, still acked: do not resend it).
 *  - `hallId` defaults to the device's hall; a device may only name its own hall (else 403 for the whole batch).
 *  - The device is the one of the credential: there is no device id in the body, so no device can push in
 *    another's name.
 *  - `auditHead` is the device's audit-chain head after the last event of the batch (or null before the first
 *    audit row); the server anchors it (anomalies `audit_rollback` / `audit_rehash`).
 */
import { z } from 'zod';
import { anomaly } from './anomalies.js';
import { auditHead, businessDate, isoInstant, sqliteRow, syncId, tableName } from './common.js';

export const MAX_PUSH_EVENTS = 1000;

export const SYNC_OPS = ['insert', 'update'] as const;
export type SyncOp = (typeof SYNC_OPS)[number];

export const syncEvent = z
  .object({
    seq: z.number().int().min(1).refine(Number.isSafeInteger),
    table: tableName,
    op: z.enum(SYNC_OPS),
    rowId: syncId,
    row: sqliteRow,
    /** When the fact was made at the counter. */
    at: isoInstant,
    hallId: syncId.optional(),
    businessDate: businessDate.optional(),
    /**
     * For an `update` of a MASTER row (tables.ts): the row as it was before this change (SQLite's OLD). The server
     * then applies only the columns this change touched onto the central row, so two counters that changed
     * different columns of one account while offline (过户 here, 缴费方式变更 there) both stand; where both changed
     * the same column, server order decides (the later push wins). When the merged row differs from `row`, it flows
     * down to every counter, the pushing one included. Without `base` the row replaces the central one whole.
     */
    base: sqliteRow.optional(),
  })
  .strict();
export type SyncEvent = z.infer<typeof syncEvent>;

/** POST ROUTES.push (device). */
export const pushRequest = z
  .object({
    events: z.array(syncEvent).max(MAX_PUSH_EVENTS),
    auditHead: auditHead.nullable(),
  })
  .strict();
export type PushRequest = z.infer<typeof pushRequest>;

export const pushResponse = z.object({
  /** Highest contiguous seq stored for this device (0 before the first). Delete/mark outbox rows up to it. */
  ackSeq: z.number().int().nonnegative(),
  /** Anomalies this batch raised (money conflicts, refused changes, audit anchoring). They are also in the feed. */
  conflicts: z.array(anomaly),
});
export type PushResponse = z.infer<typeof pushResponse>;

/** GET ROUTES.pushState (device): where the server stands for this device (after a restore, before pushing). */
export const pushState = z.object({
  ackSeq: z.number().int().nonnegative(),
  /** The highest audit head anchored for this device, or null. */
  auditHead: auditHead.nullable(),
});
export type PushState = z.infer<typeof pushState>;
