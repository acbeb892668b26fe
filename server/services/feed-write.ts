/**
 * Issue 14: appending to the change feed. The row's position is (txid, id): txid is the writing transaction's
 * id (column default pg_current_xact_id()), so readers (feed-read.ts) serve a position only once no transaction
 * that could still write a lower one is running.
 */
import type { Client } from '../db/pool.js';

export interface FeedEntry {
  companyId: string;
  /** null: company-wide (master data). */
  hallId: string | null;
  table: string;
  op: 'insert' | 'update';
  rowId: string;
  /** JSON text of the row (already serialised, stored as jsonb). */
  rowJson: string;
  originDeviceId: string | null;
}

export async function appendFeed(client: Client, entry: FeedEntry): Promise<void> {
  await client.query(
    `INSERT INTO feed (company_id, hall_id, table_name, op, row_id, row, origin_device_id) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)`,
    [entry.companyId, entry.hallId, entry.table, entry.op, entry.rowId, entry.rowJson, entry.originDeviceId],
  );
}
