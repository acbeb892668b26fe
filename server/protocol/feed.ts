/**
 * Issue 14: downstream. The change feed and the initial snapshot.
 *
 * FEED (GET ROUTES.feed?cursor=<opaque>&limit=<1..MAX_FEED_LIMIT>, device): the changes a device must apply, in
 * order: the company's MASTER rows (tables.ts; hallId null), its own hall's FACT rows made by OTHER devices,
 * and the hall's anomalies (ANOMALY_FEED_TABLE) and other counters' day markers (DAY_MARKER_FEED_TABLE). Never
 * the device's own events. Start with no cursor (or the snapshot's `feedCursor`); store the returned `cursor`
 * in the same SQLite transaction that applies the page; ask again at once while `more` is true.
 * Applying a change = upsert the row by (table, rowId) (an `insert` may arrive for a row the counter has: treat
 * both ops as upserts; for master rows the feed's row is the central current row).
 * The feed never skips a change: a position is served only once every transaction that could still add an
 * earlier position has ended (server/feed: transaction-id stamps below the snapshot's xmin), so a page may be
 * empty for a moment while a push commits.
 *
 * SNAPSHOT (GET ROUTES.snapshot?table=<SNAPSHOT_TABLES>&after=<rowId>&limit=<1..MAX_SNAPSHOT_LIMIT>, device):
 * the company's current master rows of one table, ordered by rowId, page after page (`next` = the `after` of
 * the next page, null at the end). Before the first page call ROUTES.snapshotStart: its `feedCursor` is where
 * the feed must start after the snapshot is loaded (changes during the snapshot come again through the feed;
 * upserts make that harmless).
 */
import { z } from 'zod';
import { SNAPSHOT_TABLES } from './tables.js';
import { sqliteRow, syncId, tableName } from './common.js';
import { SYNC_OPS } from './push.js';

export const MAX_FEED_LIMIT = 5000;
export const DEFAULT_FEED_LIMIT = 1000;
export const MAX_SNAPSHOT_LIMIT = 20000;
export const DEFAULT_SNAPSHOT_LIMIT = 5000;

/** Opaque: store and send back as is. */
export const feedCursor = z.string().max(64).regex(/^[0-9a-z.-]*$/, '游标无效');

export const feedQuery = z
  .object({
    cursor: feedCursor.optional(),
    limit: z.coerce.number().int().min(1).max(MAX_FEED_LIMIT).optional(),
  })
  .strict();
export type FeedQuery = z.infer<typeof feedQuery>;

export const feedChange = z.object({
  /** This change's position: a counter that stops mid-page may store it and resume after it. */
  cursor: feedCursor,
  table: tableName,
  op: z.enum(SYNC_OPS),
  rowId: syncId,
  row: sqliteRow,
  /** The device whose push made it; null for admin imports and server-made rows (anomalies). */
  originDeviceId: syncId.nullable(),
  /** null for company-wide master data. */
  hallId: syncId.nullable(),
});
export type FeedChange = z.infer<typeof feedChange>;

export const feedPage = z.object({
  changes: z.array(feedChange),
  /** Where to continue (equal to the last change's cursor, or the request's cursor when the page is empty). */
  cursor: feedCursor,
  more: z.boolean(),
});
export type FeedPage = z.infer<typeof feedPage>;

/** GET ROUTES.snapshotStart (device). */
export const snapshotStart = z.object({
  feedCursor,
  tables: z.array(z.enum(SNAPSHOT_TABLES)),
  /** Row counts per table at the start (for a progress bar; rows may be added while loading). */
  counts: z.record(z.string(), z.number().int().nonnegative()),
});
export type SnapshotStart = z.infer<typeof snapshotStart>;

export const snapshotQuery = z
  .object({
    table: z.enum(SNAPSHOT_TABLES),
    after: syncId.optional(),
    limit: z.coerce.number().int().min(1).max(MAX_SNAPSHOT_LIMIT).optional(),
  })
  .strict();
export type SnapshotQuery = z.infer<typeof snapshotQuery>;

export const snapshotPage = z.object({
  table: z.enum(SNAPSHOT_TABLES),
  rows: z.array(z.object({ rowId: syncId, row: sqliteRow })),
  next: syncId.nullable(),
});
export type SnapshotPage = z.infer<typeof snapshotPage>;

/**
 * POST ROUTES.adminRows (admin): the company's master data imported centrally (halls, staff, tariffs, accounts,
 * bills from the billing system …). Upserts, applied in one transaction, flowing down the feed to every counter.
 */
export const adminRowsRequest = z
  .object({
    companyId: syncId,
    rows: z
      .array(z.object({ table: tableName, rowId: syncId, row: sqliteRow }).strict())
      .min(1)
      .max(MAX_SNAPSHOT_LIMIT),
  })
  .strict();
export type AdminRowsRequest = z.infer<typeof adminRowsRequest>;
export const adminRowsResponse = z.object({ applied: z.number().int().nonnegative() });
