/**
 * Issue 13 #3: statements prepared once per connection. The posting path (payBills and what it calls) runs the
 * same fixed SQL on every payment; building it with drizzle and preparing it again on each call was most of a
 * payment's CPU (drizzle's SQL building, `is()` checks and sqlite3_prepare). Here each SQL text is prepared the
 * first time a connection runs it and kept with the connection (a WeakMap, so a closed store's go with it).
 */
import type { Database, Statement } from 'better-sqlite3';
import type { Db, ReadTx } from './open.js';

const byConnection = new WeakMap<Database, Map<string, Statement>>();

/** The statement for `sqlText` on this connection, prepared on its first use and reused afterwards. */
export function cachedStatement(client: Database, sqlText: string): Statement {
  let statements = byConnection.get(client);
  if (!statements) {
    statements = new Map();
    byConnection.set(client, statements);
  }
  let stmt = statements.get(sqlText);
  if (!stmt) {
    stmt = client.prepare(sqlText);
    statements.set(sqlText, stmt);
  }
  return stmt;
}

/**
 * The better-sqlite3 connection behind the store or behind a drizzle transaction on it (a transaction runs on its
 * store's one connection, so a statement of that connection runs inside the transaction).
 */
export function clientOf(tx: ReadTx | Db): Database {
  const direct = (tx as { $client?: Database }).$client;
  if (direct) return direct;
  const viaSession = (tx as { session?: { client?: Database } }).session?.client;
  if (!viaSession || typeof viaSession.prepare !== 'function') throw new Error('clientOf: not a better-sqlite3 drizzle database or transaction');
  return viaSession;
}

/** `cachedStatement(clientOf(tx), sqlText)`. */
export function statementOf(tx: ReadTx | Db, sqlText: string): Statement {
  return cachedStatement(clientOf(tx), sqlText);
}
