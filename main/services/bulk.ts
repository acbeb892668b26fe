/**
 * Issue 13 #4: what set-based bulk posting (the bank write-off, the handheld 入库) needs on the store's
 * connection: time-ordered ids made inside SQL (`gas_uuidv7(ms)`, the monotonic uuidv7 of main/ids.ts, so an
 * INSERT…SELECT appends to the key's B-tree), and a larger page cache while the bulk transaction runs.
 * Every trigger and foreign key stays on: the rows go through the same per-row guards as a counter payment.
 */
import type Database from 'better-sqlite3';
import { uuidv7 } from '../ids.js';

/** Page cache while a bulk transaction runs (negative: KiB): 128 MiB instead of SQLite's 2 MB. */
export const BULK_CACHE_KIB = 131_072;

const registered = new WeakSet<Database.Database>();

/** Registers the SQL functions bulk statements use (once per connection). */
export function bulkFunctions(client: Database.Database): void {
  if (registered.has(client)) return;
  client.function('gas_uuidv7', { deterministic: false, varargs: false }, (ms: unknown) => uuidv7(Number(ms)));
  // the bulk code's temporary tables live in memory (SQLite takes this outside a transaction only, and drops
  // the connection's temporary tables then: none exist before the first bulk call, which withBulkCache makes)
  if (!client.inTransaction) client.pragma('temp_store = MEMORY');
  registered.add(client);
}

/** Runs `fn` with a larger page cache on the connection, then gives the cache back its old size. */
export function withBulkCache<T>(client: Database.Database, fn: () => T): T {
  bulkFunctions(client);
  const before = client.pragma('cache_size', { simple: true }) as number;
  if (before >= 0 || -before < BULK_CACHE_KIB) client.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  try {
    return fn();
  } finally {
    client.pragma(`cache_size = ${before}`);
  }
}
