/**
 * Issue 14 #1: the switch the feed applier (i14-down) sets inside its own transaction so rows that came from the
 * server are not captured into the outbox again. The capture triggers' WHEN clause reads
 * `sync_apply_state.applying` (one row, id 1): 1 only between `UPDATE … SET applying = 1` and `… = 0` of one
 * transaction; a crash or a throw rolls the switch back with the rows.
 */
import type Database from 'better-sqlite3';

const SET_SQL = 'UPDATE sync_apply_state SET applying = ? WHERE id = 1';

/** Sets the switch inside the caller's transaction (turn it off again before the commit). */
export function setApplying(sqlite: Database.Database, on: boolean): void {
  if (!sqlite.inTransaction) throw new Error('setApplying: only inside a transaction');
  sqlite.prepare(SET_SQL).run(on ? 1 : 0);
}

/**
 * Runs `apply` in an IMMEDIATE transaction (a savepoint when one is open already) with the switch on, and turns
 * it off before the commit: whatever `apply` writes is not captured.
 */
export function withApplying<T>(sqlite: Database.Database, apply: () => T): T {
  const run = sqlite.transaction(() => {
    sqlite.prepare(SET_SQL).run(1);
    const result = apply();
    sqlite.prepare(SET_SQL).run(0);
    return result;
  });
  return sqlite.inTransaction ? run() : run.immediate();
}

/** Whether the switch is on (a committed 1 would mean an applier forgot to turn it off: the host resets it at start). */
export function isApplying(sqlite: Database.Database): boolean {
  return sqlite.prepare('SELECT applying FROM sync_apply_state WHERE id = 1').pluck().get() === 1;
}

/** At start: a switch left on (it cannot be, as the applier turns it off in its transaction) is turned off. */
export function resetApplying(sqlite: Database.Database): void {
  sqlite.prepare(SET_SQL).run(0);
}

/**
 * Bench and seed tools that generate a store no one else writes yet: the generated rows are not facts of this PC,
 * so they are written with capture off (a generated 5,000,000-payment day would otherwise add ten million outbox
 * events). The switch is set in autocommit and always turned off again before returning.
 */
export function withCaptureOff<T>(sqlite: Database.Database, generate: () => T): T {
  sqlite.prepare(SET_SQL).run(1);
  try {
    return generate();
  } finally {
    sqlite.prepare(SET_SQL).run(0);
  }
}
