/**
 * Issue 14 #1: applies the central server's change feed to the local SQLite store.
 *
 * A page is one transaction, applied in feed order with the cursor stored in the same transaction. Every
 * change is an upsert by primary key: a row already present and equal is skipped (so a page applied twice
 * changes nothing); a changed row is updated in the columns that differ only (so a column guard such as
 * `bills_paid_only_by_payment` judges exactly the change); a new row is inserted. No trigger is switched off:
 * the ledger's guards (append-only, closed day, balanced totals, bill paid only by a covering item) and the
 * per-day totals' triggers see a foreign payment exactly as they see a local one. Only the outbox capture is
 * switched off meanwhile (`withApplying`, the upstream side's switch), so nothing that came down goes up again.
 *
 * A change the local guards refuse runs in its own savepoint, is rolled back alone and listed in
 * sync_problems with the reason (never dropped silently); the page goes on.
 *
 * Money rules kept here (DOMAIN R-PAY: a bill is paid once; both real payments stand):
 *  - a foreign payment item marks its bill 收讫 when it is still 未缴 (through the same trigger-checked update a
 *    local payment makes), whether or not the bill's own row comes in the feed;
 *  - a foreign 冲正 puts the bills its original paid back to 未缴;
 *  - a bill already 收讫 here by another payment stays as it is: the second payment stands, the conflict goes
 *    on the 异常 list (double_payment; the server's report takes the row over when it comes);
 *  - a bill 收讫 here by a payment not yet known to the server is not put back to 未缴 by an older central row.
 */
import type Database from 'better-sqlite3';
import { ZodError } from 'zod';
import { withApplying } from './apply-switch.js';
import { recordLocalDoublePayment, upsertServerAnomaly } from './anomaly-store.js';
import { ANOMALY_FEED_TABLE, DAY_MARKER_FEED_TABLE, anomalyRecord, dayMarkerRecord, feedPage, type DayMarkerRecord, type FeedChange, type SqliteRow } from './feed-schema.js';
import { ident, tableMeta, type TableMeta } from './tables.js';

export type ChangeOutcome = 'applied' | 'skipped' | 'problem';

export interface ApplyTally {
  applied: number;
  skipped: number;
  problems: number;
}

/** Tables that come down but are not this PC's to hold: other counters' audit chains are anchored centrally. */
const NOT_HELD = new Set(['audit_log', 'audit_heads', 'sync_outbox', 'sync_apply_state', 'sync_push_state', 'sync_cursors', 'sync_problems']);

/** Where a change came from, for the problem list. */
export interface Position {
  source: 'feed' | 'snapshot' | 'day-file';
  position: string;
}

/** A page the server sent that does not match the contract: nothing of it is applied. */
export class FeedInputError extends Error {
  readonly code = 'SYNC_INPUT';
  constructor(message: string) {
    super(message);
  }
}

const MAX_ROW_TEXT = 4000;

function reasonOf(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  if (/business day closed/.test(msg)) return `该营业日本机已日结，拒收（${msg}）`;
  if (/FOREIGN KEY/.test(msg)) return `缺少关联的主数据（${msg}）`;
  if (/UNIQUE/.test(msg)) return `与本机已有记录冲突（${msg}）`;
  if (/NOT NULL/.test(msg)) return `缺少必填列（${msg}）`;
  if (/CHECK|RAISE|ABORT|only|never|refuse/i.test(msg)) return `本机数据校验拒绝（${msg}）`;
  return `本机拒收（${msg}）`;
}

export function recordProblem(db: Database.Database, at: Position, change: Pick<FeedChange, 'table' | 'op' | 'rowId' | 'originDeviceId'> & { row: unknown }, reason: string, now: Date): void {
  let row: string;
  try {
    row = JSON.stringify(change.row) ?? 'null';
  } catch {
    row = String(change.row);
  }
  db.prepare(
    // Listed once: a page applied again lists nothing new. Not ON CONFLICT DO NOTHING: sync_problems is append-only,
    // and its INSERT OR REPLACE guard (issue 13 #4, BEFORE INSERT) refuses a taken key before any conflict clause.
    `INSERT INTO sync_problems (source, position, table_name, op, row_id, origin_device_id, reason, row, created_at)
     SELECT @source, @position, @table, @op, @rowId, @origin, @reason, @row, @at
      WHERE NOT EXISTS (SELECT 1 FROM sync_problems WHERE source = @source AND position = @position AND table_name = @table AND row_id = @rowId)`,
  ).run({
    source: at.source,
    position: at.position,
    table: String(change.table).slice(0, 64),
    op: String(change.op).slice(0, 16),
    rowId: String(change.rowId).slice(0, 400),
    origin: change.originDeviceId ?? null,
    reason: reason.slice(0, 1000),
    row: row.slice(0, MAX_ROW_TEXT),
    at: now.toISOString(),
  });
}

type Value = string | number | null;

function sqlValue(v: string | number | boolean | null): Value {
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

/** The row's columns this store has (a column the server has and this store lacks is left out). */
function known(meta: TableMeta, row: SqliteRow): [string, Value][] {
  return Object.entries(row).filter(([c]) => meta.columns.has(c)).map(([c, v]) => [c, sqlValue(v)]);
}

const stmts = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function prepared(db: Database.Database, text: string): Database.Statement {
  let byText = stmts.get(db);
  if (!byText) stmts.set(db, (byText = new Map()));
  let s = byText.get(text);
  if (!s) byText.set(text, (s = db.prepare(text)));
  return s;
}

function pkWhere(meta: TableMeta): string {
  return meta.pk.map((c) => `${ident(c)} = ?`).join(' AND ');
}

/**
 * The bill rules above, applied to the columns that differ: returns the columns still to write.
 */
function billDiff(db: Database.Database, existing: Record<string, unknown>, diff: Map<string, Value>, now: Date): Map<string, Value> {
  const status = diff.has('status') ? diff.get('status') : existing.status;
  const paid = diff.has('paid_payment_id') ? diff.get('paid_payment_id') : existing.paid_payment_id;
  if (existing.status !== '收讫') return diff;
  const localPaid = existing.paid_payment_id as string | null;
  const keep = () => {
    diff.delete('status');
    diff.delete('paid_payment_id');
  };
  if (status === '收讫' && paid !== localPaid && typeof paid === 'string' && localPaid) {
    // paid here by one payment, centrally by another first: both stand, ours is the later (a credit)
    keep();
    recordLocalDoublePayment(db, { billId: String(existing.id), laterPaymentId: localPaid, firstPaymentId: paid, now });
  } else if (status === '未缴' && localPaid && !prepared(db, 'SELECT 1 FROM payments WHERE reverses_payment_id = ?').get(localPaid)) {
    // paid here by a payment the central row does not know yet (not pushed, or pushed after this row)
    keep();
  }
  return diff;
}

/** After a foreign payment item: its bill becomes 收讫 unless another payment paid it here (double payment). */
function afterPaymentItem(db: Database.Database, item: Record<string, unknown>, now: Date): void {
  const payment = prepared(db, 'SELECT reverses_payment_id AS r FROM payments WHERE id = ?').get(item.payment_id) as { r: string | null } | undefined;
  if (!payment || payment.r !== null) return;
  const bill = prepared(db, 'SELECT status, paid_payment_id AS paid FROM bills WHERE id = ?').get(item.bill_id) as { status: string; paid: string | null } | undefined;
  if (!bill) return;
  if (bill.status === '未缴') {
    prepared(db, "UPDATE bills SET status = '收讫', paid_payment_id = ? WHERE id = ?").run(item.payment_id, item.bill_id);
  } else if (bill.status === '收讫' && bill.paid !== item.payment_id && bill.paid) {
    recordLocalDoublePayment(db, { billId: String(item.bill_id), laterPaymentId: String(item.payment_id), firstPaymentId: bill.paid, now });
  }
}

/** After a foreign 冲正: the bills its original paid are unpaid again (the guard checks the reversal exists). */
function afterPayment(db: Database.Database, payment: Record<string, unknown>): void {
  if (typeof payment.reverses_payment_id !== 'string') return;
  prepared(db, "UPDATE bills SET status = '未缴', paid_payment_id = NULL WHERE paid_payment_id = ? AND status = '收讫'").run(payment.reverses_payment_id);
}

function upsertRow(db: Database.Database, meta: TableMeta, row: SqliteRow, now: Date): 'applied' | 'skipped' {
  const cols = known(meta, row);
  const byCol = new Map(cols);
  const keyVals = meta.pk.map((c) => byCol.get(c));
  if (meta.pk.length === 0 || keyVals.some((v) => v === undefined || v === null)) throw new Error(`缺少主键列 ${meta.pk.join(', ')}`);
  const existing = prepared(db, `SELECT * FROM ${ident(meta.name)} WHERE ${pkWhere(meta)}`).get(...keyVals) as Record<string, unknown> | undefined;
  if (!existing) {
    prepared(db, `INSERT INTO ${ident(meta.name)} (${cols.map(([c]) => ident(c)).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map(([, v]) => v));
    if (meta.name === 'payment_items') afterPaymentItem(db, row, now);
    if (meta.name === 'payments') afterPayment(db, row);
    return 'applied';
  }
  let diff = new Map<string, Value>();
  for (const [c, v] of cols) if (!meta.pk.includes(c) && existing[c] !== v) diff.set(c, v);
  if (meta.name === 'bills') diff = billDiff(db, existing, diff, now);
  if (diff.size === 0) return 'skipped';
  const set = [...diff.keys()];
  prepared(db, `UPDATE ${ident(meta.name)} SET ${set.map((c) => `${ident(c)} = ?`).join(', ')} WHERE ${pkWhere(meta)}`).run(...set.map((c) => diff.get(c) as Value), ...keyVals);
  return 'applied';
}

/** Another counter's end-of-day marker (feed or USB day file): the one with the highest throughSeq stands. */
export function storeDayMarker(db: Database.Database, m: DayMarkerRecord, source: 'feed' | 'day-file'): 'applied' | 'skipped' {
  const r = db
    .prepare(
      `INSERT INTO hall_day_markers (hall_id, counter_id, business_date, device_id, payment_count, total_fen, through_seq, head_seq, head_hash, source, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (hall_id, counter_id, business_date) DO UPDATE SET device_id = excluded.device_id, payment_count = excluded.payment_count,
         total_fen = excluded.total_fen, through_seq = excluded.through_seq, head_seq = excluded.head_seq, head_hash = excluded.head_hash,
         source = excluded.source, received_at = excluded.received_at
       WHERE excluded.through_seq > hall_day_markers.through_seq`,
    )
    .run(m.hallId, m.counterId, m.businessDate, m.deviceId, m.paymentCount, m.totalFen, m.throughSeq, m.auditHead?.seq ?? null, m.auditHead?.hash ?? null, source, m.receivedAt);
  return r.changes > 0 ? 'applied' : 'skipped';
}

/**
 * One change, inside the caller's transaction, in a savepoint of its own: applied, skipped (present and equal,
 * this PC's own, or a table this PC does not hold) or listed as a problem with the reason.
 */
export function applyChange(db: Database.Database, change: FeedChange, at: Position, now: Date, ownDeviceId: string | null = null): ChangeOutcome {
  if (ownDeviceId !== null && change.originDeviceId === ownDeviceId) return 'skipped';
  if (NOT_HELD.has(change.table)) return 'skipped';
  try {
    return db.transaction((): ChangeOutcome => {
      if (change.table === ANOMALY_FEED_TABLE) {
        return upsertServerAnomaly(db, anomalyRecord.parse(change.row)) === 'unchanged' ? 'skipped' : 'applied';
      }
      if (change.table === DAY_MARKER_FEED_TABLE) return storeDayMarker(db, dayMarkerRecord.parse(change.row), at.source === 'day-file' ? 'day-file' : 'feed');
      const meta = tableMeta(db, change.table);
      if (!meta) throw new Error(`本机没有表 ${change.table}，或不接收该表的同步数据`);
      return upsertRow(db, meta, change.row, now);
    })();
  } catch (err) {
    const reason = err instanceof ZodError ? `数据格式不符（${err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('；').slice(0, 300)}）` : reasonOf(err);
    recordProblem(db, at, change, reason, now);
    return 'problem';
  }
}

/**
 * The last version of each row, at the place of its last change: a row changed several times in one page (a
 * cash report submitted, then reviewed) is applied once as it ended, so applying the page or a day file again
 * never offers an older version of a row over its newer one (which the guards would rightly refuse).
 */
export function latestPerRow<T extends Pick<FeedChange, 'table' | 'rowId'>>(changes: readonly T[]): T[] {
  const last = new Map<string, number>();
  changes.forEach((c, i) => last.set(`${c.table}\u0000${c.rowId}`, i));
  return changes.filter((c, i) => last.get(`${c.table}\u0000${c.rowId}`) === i);
}

export function readCursor(db: Database.Database, feed: string): string | null {
  const r = db.prepare('SELECT cursor FROM sync_cursors WHERE feed = ?').get(feed) as { cursor: string } | undefined;
  return r?.cursor ?? null;
}

export function writeCursor(db: Database.Database, feed: string, cursor: string, now: Date): void {
  db.prepare('INSERT INTO sync_cursors (feed, cursor, updated_at) VALUES (?, ?, ?) ON CONFLICT (feed) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at').run(feed, cursor, now.toISOString());
}

export interface PageResult extends ApplyTally {
  cursor: string;
  more: boolean;
}

/**
 * Checks a page against the contract (a page that does not match changes nothing: FeedInputError), then applies
 * it in one IMMEDIATE transaction with the capture switched off, and stores its cursor in the same transaction.
 * A page whose changes start from a cursor other than the stored one is still safe: every change is an upsert.
 */
export function applyFeedPage(db: Database.Database, raw: unknown, opts: { feed?: string; now: Date; ownDeviceId?: string | null }): PageResult {
  const parsed = feedPage.safeParse(raw);
  if (!parsed.success) throw new FeedInputError(`服务器返回的同步数据格式不符，未应用：${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('；')}`);
  const page = parsed.data;
  const feed = opts.feed ?? 'main';
  const tally: ApplyTally = { applied: 0, skipped: 0, problems: 0 };
  withApplying(db, () => {
    for (const change of latestPerRow(page.changes)) {
      const outcome = applyChange(db, change, { source: 'feed', position: change.cursor }, opts.now, opts.ownDeviceId ?? null);
      tally[outcome === 'problem' ? 'problems' : outcome]++;
    }
    writeCursor(db, feed, page.cursor, opts.now);
  });
  return { ...tally, cursor: page.cursor, more: page.more };
}
