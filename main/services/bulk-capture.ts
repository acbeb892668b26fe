/**
 * Issue 13 #4 with issue 14 #1: the outbox events of a set-based bulk posting (the bank file and the bank write-off;
 * the handheld 入库's 5,000 bills are still captured row by row), written set-wise. Row by row, each of a bulk statement's rows fires its table's capture trigger, which
 * builds the row's JSON and asks JS for the business date: for a 200,000-line write-off (six captured rows per
 * debit) that was half the transaction's CPU. Here the triggers are switched off for the bulk statements (the
 * feed applier's switch, sync_apply_state.applying, inside the caller's transaction, so a throw rolls it back
 * with the rows) and each statement's rows are captured by one INSERT…SELECT made by the same generator as the
 * triggers (db/sync-capture.ts captureRowsSql): the same events, in the order the statements ran.
 * The switch also mutes what lets the feed's rows pass: the service-timing end triggers (a batch ends no customer's
 * transaction, rightly) and the paused-counter guard on payments (R-SEC-16), which the caller checks itself before
 * (bank-debits.ts: assertCounterOpen).
 */
import type Database from 'better-sqlite3';
import { captureRowsSql, type CaptureOp } from '../../db/sync-capture.js';
import { isApplying, setApplying } from '../sync/apply-switch.js';

/** The capture SQL made so far, by table, op and row choice (made from the schema once per process). */
const made = new Map<string, string | null>();

export interface BulkCapture {
  /** Captures the rows of a statement that just ran: `rows` follows `FROM <table> AS "NEW"` (joins, WHERE, ORDER BY). */
  rows(table: string, op: CaptureOp, rows: string, params?: Record<string, unknown>): number;
}

/**
 * Runs `post` (bulk statements on `client`, inside its open transaction) with the per-row capture off; `post`
 * captures each statement's rows with `capture.rows` right after it. The per-row capture is on again afterwards.
 */
export function withBulkCapture<T>(client: Database.Database, post: (capture: BulkCapture) => T): T {
  if (!client.inTransaction) throw new Error('withBulkCapture: only inside the posting transaction');
  // the day the triggers would have asked for, once (a bulk statement runs within one business day)
  const captureDay = client.prepare('SELECT gas_business_date()').pluck().get() as string;
  const capture: BulkCapture = {
    rows(table, op, rows, params = {}) {
      const key = `${table} ${op} ${rows}`;
      let sql = made.get(key);
      if (sql === undefined) made.set(key, (sql = captureRowsSql(table, op, rows)));
      return sql === null ? 0 : client.prepare(sql).run({ ...params, captureDay }).changes;
    },
  };
  // the feed applier's own transaction never posts in bulk: a switch already on would be turned off below
  if (isApplying(client)) throw new Error('withBulkCapture: the capture switch is on already');
  setApplying(client, true);
  const result = post(capture);
  setApplying(client, false);
  return result;
}
