/**
 * Worker thread (issue 13 #6): runs the heavy reads (services/read-jobs.ts) on its own read-only
 * connection per store file, so a long report never holds up the back end's thread, where the counters'
 * payments are posted. Each job reads in one read transaction with the caller's clock and settings.
 */
import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../../db/schema.js';
import { spacedChars, type Db } from '../../db/open.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { READ_JOBS, isReadJob } from '../services/read-jobs.js';
import type { ReadWorkerMessage, ReadWorkerReply } from '../services/read-worker.js';

/** Page cache of a reading connection (KiB): reports walk many pages. */
const READ_CACHE_KIB = 65_536;

const stores = new Map<string, { sqlite: Database.Database; db: Db }>();

function storeOf(file: string) {
  const known = stores.get(file);
  if (known) return known;
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma(`cache_size = -${READ_CACHE_KIB}`);
  sqlite.function('gas_spaced_chars', { deterministic: true }, spacedChars);
  const store = { sqlite, db: drizzle(sqlite, { schema }) as Db };
  stores.set(file, store);
  return store;
}

parentPort?.on('message', (message: ReadWorkerMessage) => {
  if (message.type === 'close') {
    stores.get(message.dbFile)?.sqlite.close();
    stores.delete(message.dbFile);
    return;
  }
  if (message.fault?.crash) process.exit(70); // in a worker thread this ends the thread only
  if (message.fault?.delayMs) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, message.fault.delayMs);
  if (message.fault?.gate) Atomics.wait(new Int32Array(message.fault.gate), 0, 0, 60_000);
  let reply: ReadWorkerReply;
  try {
    if (!isReadJob(message.job)) throw new Error(`unknown read job ${String(message.job)}`);
    const run = READ_JOBS[message.job] as (deps: unknown, actor: unknown, input: unknown) => unknown;
    const { sqlite, db } = storeOf(message.dbFile);
    const deps = { db, clock: { now: () => new Date(message.nowMs) }, settings: message.settings };
    const value = sqlite.transaction(() => run(deps, message.actor, message.input))();
    reply = { id: message.id, ok: true, value };
  } catch (error) {
    reply =
      error instanceof DomainError
        ? { id: message.id, ok: false, domain: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } }
        : { id: message.id, ok: false, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply);
});
