/**
 * Issue 14: rows written by the applier came from the server and must not be captured into the outbox again.
 * The upstream side (i14-up) owns the switch: one row `sync_apply_state(id 1, applying)` whose flag the capture
 * triggers' WHEN clause reads. This sets it for the duration of `fn`, inside the caller's transaction, and
 * clears it again even when `fn` throws (the transaction then rolls back anyway). A store without the outbox
 * (before the upstream migration) has nothing to switch.
 */
import type Database from 'better-sqlite3';

const present = new WeakMap<Database.Database, boolean>();

function hasSwitch(db: Database.Database): boolean {
  let has = present.get(db);
  if (has === undefined) {
    has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_apply_state'").get() !== undefined;
    present.set(db, has);
  }
  return has;
}

export function withCaptureOff<T>(db: Database.Database, fn: () => T): T {
  if (!db.inTransaction) throw new Error('withCaptureOff runs inside the applier transaction');
  if (!hasSwitch(db)) return fn();
  db.prepare('INSERT INTO sync_apply_state (id, applying) VALUES (1, 1) ON CONFLICT(id) DO UPDATE SET applying = 1').run();
  try {
    return fn();
  } finally {
    db.prepare('UPDATE sync_apply_state SET applying = 0 WHERE id = 1').run();
  }
}
