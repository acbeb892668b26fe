/**
 * Issue 13 #4: what set-based bulk posting (the bank file and write-off, the handheld 入库) needs on the store's
 * connection: time-ordered ids spelled inside SQL from a block of the monotonic uuidv7 sequence (main/ids.ts,
 * so an INSERT…SELECT appends to the key's B-tree without a call into JS per row), temporary tables in memory,
 * and a larger page cache while the bulk transaction runs.
 * Every trigger and foreign key stays on: the rows go through the same per-row guards as a counter payment.
 */
import type Database from 'better-sqlite3';

/** Page cache while a bulk transaction runs (negative: KiB): 128 MiB instead of SQLite's 2 MB. */
export const BULK_CACHE_KIB = 131_072;

const registered = new WeakSet<Database.Database>();

/**
 * SQL spelling the uuidv7 of counter `counter` (an SQL integer expression) in the block `msHex` (a bound
 * text parameter) reserved with reserveUuidv7Block: the same layout as main/ids.ts (version 7, the 42-bit
 * counter in rand_a and the top of rand_b, 32 random bits), made inside SQLite without a call into JS per row.
 */
export function uuidv7Sql(counter: string, msHex: string): string {
  return `(substr(${msHex}, 1, 8) || '-' || substr(${msHex}, 9, 4) || '-' || printf('%04x-%04x-%04x%08x', 28672 | ((${counter}) >> 30), 32768 | (((${counter}) >> 16) & 16383), (${counter}) & 65535, random() & 4294967295))`;
}

/** Prepares a connection for bulk statements (once per connection). */
export function bulkFunctions(client: Database.Database): void {
  if (registered.has(client)) return;
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
