/**
 * Issue 14 #3: reading the outbox for the pusher and keeping its acknowledged position. Every read is one cheap
 * indexed statement outside any counter transaction (the pusher never holds a transaction across an await).
 */
import type Database from 'better-sqlite3';
import { cachedStatement } from '../../db/statements.js';
import { LAZY_ROW, lazyRowSql } from '../../db/sync-capture.js';
import type { AuditHeadWire, SyncEvent } from '../../server/protocol/index.js';

export interface OutboxRow {
  seq: number;
  tbl: string;
  op: 'insert' | 'update';
  row_id: string;
  row: string;
  at: string;
  hall_id: string | null;
  business_date: string;
}

export interface PushPosition {
  ackedSeq: number;
  lastSeq: number;
  lastPushAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

/**
 * The wire form of an outbox row (server/protocol/push.ts syncEvent), numbered from the enrolment's seqBase. The hall
 * is left to the server (the device's): a master row's hall_id is the row's, not the event's.
 */
export function toEvent(r: OutboxRow, seqBase = 0): SyncEvent {
  return { seq: r.seq - seqBase, table: r.tbl, op: r.op, rowId: r.row_id, row: JSON.parse(r.row) as SyncEvent['row'], at: r.at, businessDate: r.business_date };
}

/**
 * Issue 13 #4: gives each lazy event (row = LAZY_ROW, a bulk posting's) its row's JSON as it stands in its table, made
 * by the same generator as the capture triggers' (db/sync-capture.ts). Call it in the transaction that read the events,
 * so the rows are read as of the same moment (a fill trigger cannot run in between). Changes `rows` in place.
 */
export function materializeLazyRows(sqlite: Database.Database, rows: OutboxRow[]): OutboxRow[] {
  for (const r of rows) {
    if (r.row !== LAZY_ROW) continue;
    const row = cachedStatement(sqlite, lazyRowSql(r.tbl)).pluck().get(r.row_id) as string | undefined;
    // a lazy event's row is never gone: the fill triggers write it before a row is deleted
    if (row === undefined) throw new Error(`outbox event ${r.seq}: ${r.tbl} ${r.row_id} is gone and its event was never filled`);
    r.row = row;
  }
  return rows;
}

export function readBatch(sqlite: Database.Database, afterSeq: number, limit: number): OutboxRow[] {
  return sqlite.transaction(() => materializeLazyRows(sqlite, sqlite.prepare('SELECT seq, tbl, op, row_id, row, at, hall_id, business_date FROM sync_outbox WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit) as OutboxRow[])).deferred();
}

export function pushPosition(sqlite: Database.Database): PushPosition {
  const state = sqlite.prepare('SELECT acked_seq AS ackedSeq, last_push_at AS lastPushAt, last_error AS lastError, last_error_at AS lastErrorAt FROM sync_push_state WHERE id = 1').get() as Omit<PushPosition, 'lastSeq'>;
  return { ...state, lastSeq: lastSeq(sqlite) };
}

/** The last seq the outbox ever gave (sqlite_sequence survives pruning). */
export function lastSeq(sqlite: Database.Database): number {
  return Number(sqlite.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'").pluck().get() ?? 0);
}

export function pendingCount(sqlite: Database.Database): number {
  const p = pushPosition(sqlite);
  return Math.max(0, p.lastSeq - p.ackedSeq);
}

/** Payments among the unacknowledged events (a range scan of the pending tail only). */
export function pendingPayments(sqlite: Database.Database): number {
  return Number(sqlite.prepare("SELECT count(*) FROM sync_outbox WHERE seq > (SELECT acked_seq FROM sync_push_state WHERE id = 1) AND tbl = 'payments' AND op = 'insert'").pluck().get());
}

/** Records the server's acknowledgement (never backwards: the guard trigger refuses that too). */
export function markAcked(sqlite: Database.Database, ackSeq: number, at: Date): void {
  sqlite.prepare('UPDATE sync_push_state SET acked_seq = max(acked_seq, ?), last_push_at = ?, last_error = NULL, last_error_at = NULL WHERE id = 1').run(Math.min(ackSeq, lastSeq(sqlite)), at.toISOString());
}

export function recordPushError(sqlite: Database.Database, message: string, at: Date): void {
  sqlite.prepare('UPDATE sync_push_state SET last_error = ?, last_error_at = ? WHERE id = 1').run(message.slice(0, 500), at.toISOString());
}

/** Deletes acknowledged events older than the retention period (kept that long for the USB day file). */
export function pruneAcked(sqlite: Database.Database, olderThan: Date): number {
  return sqlite.prepare('DELETE FROM sync_outbox WHERE seq <= (SELECT acked_seq FROM sync_push_state WHERE id = 1) AND at < ?').run(olderThan.toISOString()).changes;
}

/**
 * The audit chain's head as of the last event of a batch (server/protocol/push.ts `auditHead`): the last audit_log
 * row captured at or before `throughSeq`; when the outbox no longer holds one (pruned), the chain's row at the
 * highest seq the outbox has not passed yet; null before the first audit row.
 */
export function auditHeadThrough(sqlite: Database.Database, throughSeq: number): AuditHeadWire | null {
  const captured = sqlite.prepare("SELECT row FROM sync_outbox WHERE tbl = 'audit_log' AND seq <= ? ORDER BY seq DESC LIMIT 1").pluck().get(throughSeq) as string | undefined;
  if (captured) {
    const row = JSON.parse(captured) as { seq: number; hash: string };
    return { seq: row.seq, hash: row.hash };
  }
  const later = sqlite.prepare("SELECT min(json_extract(row, '$.seq')) FROM sync_outbox WHERE tbl = 'audit_log' AND seq > ?").pluck().get(throughSeq) as number | null;
  const head = sqlite
    .prepare(later === null ? 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1' : 'SELECT seq, hash FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT 1')
    .get(...(later === null ? [] : [later])) as AuditHeadWire | undefined;
  return head ?? null;
}
