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
 * Money rules kept here (DOMAIN R-PAY: a bill is paid once; both real payments stand; the SERVER decides which
 * payment holds a bill — the first in server order — and the later one is a credit 预存 on the 异常 list):
 *  - a foreign payment item marks its bill 收讫 when it is still 未缴 (through the same trigger-checked update a
 *    local payment makes), whether or not the bill's own row comes in the feed: a clerk does not collect it again;
 *  - a foreign 冲正 puts the bills its original paid back to 未缴;
 *  - a central bill row is the server's decision: a 收讫 bill moves to the payment the row names (the guard allows
 *    that only to a payment whose item covers the bill and that stands), except
 *      · while the bill is held here by this PC's own payment and the server has not reported that payment as the
 *        credit (double_payment naming it): the server has not decided on it yet (not pushed, or the row is older
 *        than the push); its refusal comes back as the central row after the report;
 *      · a row naming a payment this store knows as reversed is older than the 冲正: the bill stays as it is;
 *      · a row naming a payment whose item is not here yet (a snapshot page read after its start, or a feed
 *        position written before the payment's own) waits (sync_bill_waits, listed under 同步问题: never silent):
 *        when the payment's item comes the row is applied and the wait removed; one that stays names a payment
 *        this PC will not get by the feed (paid before its snapshot began) and is the manager's to check;
 *      · a central 未缴 never un-pays a bill whose payment stands here (only its 冲正 does);
 *  - a local 异常 (double_payment, found before the server's report arrives) is flagged only for this counter's
 *    OWN hall, for a payment of another counter that covers a bill the central row gives to another payment: the
 *    server reports exactly that conflict to this hall, and its report takes the row over. Another hall's
 *    conflicts are that hall's (the server's 异常 is their record); this PC's own payment is the server's to judge.
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

/** This PC, for the money rules (null where unknown: no local 异常 is flagged then). */
export interface Own {
  deviceId: string | null;
  hallId: string | null;
}

export const NO_OWN: Own = { deviceId: null, hallId: null };

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

const isReversed = (db: Database.Database, paymentId: string): boolean => prepared(db, 'SELECT 1 FROM payments WHERE reverses_payment_id = ?').get(paymentId) !== undefined;

/** A standing payment (not a 冲正) whose item covers the bill is here. */
const covers = (db: Database.Database, paymentId: string, billId: string): boolean =>
  prepared(db, 'SELECT 1 FROM payment_items i JOIN payments p ON p.id = i.payment_id WHERE i.payment_id = ? AND i.bill_id = ? AND p.reverses_payment_id IS NULL').get(paymentId, billId) !== undefined;

/** Made at this PC (captured to its outbox; what came down is never captured). */
const isOwn = (db: Database.Database, paymentId: string): boolean => prepared(db, "SELECT 1 FROM sync_outbox WHERE tbl = 'payments' AND row_id = ? LIMIT 1").get(paymentId) !== undefined;

/** The server has reported this payment of the bill as the credit (the later of two payments). */
const reportedAsCredit = (db: Database.Database, billId: string, paymentId: string): boolean =>
  prepared(db, "SELECT 1 FROM sync_anomalies WHERE kind = 'double_payment' AND server_id IS NOT NULL AND bill_id = ? AND payment_id = ?").get(billId, paymentId) !== undefined;

/** The payment a bill row gives the bill to (null: not 收讫 by a payment). */
function holderOf(status: unknown, paid: unknown): string | null {
  return status === '收讫' && typeof paid === 'string' && paid !== '' ? paid : null;
}

/** A central bill row waits for the payment item it names (sync_bill_waits; 同步问题 lists the waits). */
function waitForPayment(db: Database.Database, billId: string, paymentId: string | null, at: Position, now: Date): void {
  if (paymentId === null) {
    prepared(db, 'DELETE FROM sync_bill_waits WHERE bill_id = ?').run(billId);
    return;
  }
  prepared(
    db,
    `INSERT INTO sync_bill_waits (bill_id, payment_id, source, position, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (bill_id) DO UPDATE SET payment_id = excluded.payment_id, source = excluded.source, position = excluded.position, created_at = excluded.created_at
     WHERE sync_bill_waits.payment_id IS NOT excluded.payment_id`,
  ).run(billId, paymentId, at.source, at.position.slice(0, 400), now.toISOString());
}

/**
 * The bill rules above, applied to the columns that differ: returns the columns still to write, and the payment
 * the row names whose item is not here yet (the row waits for it).
 */
function billDiff(db: Database.Database, existing: Record<string, unknown>, diff: Map<string, Value>): { diff: Map<string, Value>; waitFor: string | null } {
  if (!diff.has('status') && !diff.has('paid_payment_id')) return { diff, waitFor: null };
  const billId = String(existing.id);
  const central = holderOf(diff.has('status') ? diff.get('status') : existing.status, diff.has('paid_payment_id') ? diff.get('paid_payment_id') : existing.paid_payment_id);
  const local = holderOf(existing.status, existing.paid_payment_id);
  const keep = (waitFor: string | null = null) => {
    diff.delete('status');
    diff.delete('paid_payment_id');
    return { diff, waitFor };
  };
  if (local && !isReversed(db, local)) {
    // a central 未缴 (or another state) never un-pays a bill whose payment stands here: only its 冲正 does
    if (!central) return keep();
    // this PC's own payment: moved only once the server has reported it as the credit
    if (central !== local && isOwn(db, local) && !reportedAsCredit(db, billId, local)) return keep();
  }
  if (central && central !== local) {
    // older than a 冲正 known here
    if (isReversed(db, central)) return keep();
    // the payment's item is not here yet: it follows in the feed (with the payment's own bill row)
    if (!covers(db, central, billId)) return keep(central);
  }
  return { diff, waitFor: null };
}

/**
 * After a central bill row: the payments of this counter's OWN hall, made at another counter, that cover the bill
 * and stand although the server gave the bill to another payment, are double payments the server has reported to
 * this hall; listed at once (the report takes the row over when it comes).
 */
function flagDoubles(db: Database.Database, billId: string, row: SqliteRow, own: Own, now: Date): void {
  const central = holderOf(row.status, row.paid_payment_id);
  if (!central || !own.hallId || isReversed(db, central)) return;
  const others = prepared(
    db,
    `SELECT DISTINCT p.id FROM payment_items i JOIN payments p ON p.id = i.payment_id
      WHERE i.bill_id = ? AND p.id <> ? AND p.hall_id = ? AND p.reverses_payment_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM payments r WHERE r.reverses_payment_id = p.id)`,
  ).pluck().all(billId, central, own.hallId) as string[];
  for (const later of others) {
    if (!isOwn(db, later)) recordLocalDoublePayment(db, { billId, laterPaymentId: later, firstPaymentId: central, now });
  }
}

/**
 * After a foreign payment item: a central bill row that waited for this payment is applied now (the wait
 * removed); otherwise the bill becomes 收讫 when still 未缴 (which payment holds it is the server's to say).
 */
function afterPaymentItem(db: Database.Database, item: Record<string, unknown>): void {
  const payment = prepared(db, 'SELECT reverses_payment_id AS r FROM payments WHERE id = ?').get(item.payment_id) as { r: string | null } | undefined;
  if (!payment || payment.r !== null || isReversed(db, String(item.payment_id))) return;
  const waited = (prepared(db, 'SELECT payment_id FROM sync_bill_waits WHERE bill_id = ?').pluck().get(item.bill_id) as string | undefined) === item.payment_id;
  if (waited) prepared(db, 'DELETE FROM sync_bill_waits WHERE bill_id = ?').run(item.bill_id);
  const bill = prepared(db, 'SELECT * FROM bills WHERE id = ?').get(item.bill_id) as Record<string, unknown> | undefined;
  if (!bill) return;
  if (!waited) {
    if (bill.status === '未缴') prepared(db, "UPDATE bills SET status = '收讫', paid_payment_id = ? WHERE id = ?").run(item.payment_id, item.bill_id);
    return;
  }
  // the waiting central row, through the same rules (a bill held here by this PC's own payment still waits for its verdict)
  const wanted = new Map<string, Value>();
  if (bill.status !== '收讫') wanted.set('status', '收讫');
  if (bill.paid_payment_id !== item.payment_id) wanted.set('paid_payment_id', String(item.payment_id));
  const { diff } = billDiff(db, bill, wanted);
  if (diff.size === 0) return;
  const set = [...diff.keys()];
  prepared(db, `UPDATE bills SET ${set.map((c) => `${ident(c)} = ?`).join(', ')} WHERE id = ?`).run(...set.map((c) => diff.get(c) as Value), item.bill_id);
}

/** After a foreign 冲正: the bills its original paid are unpaid again (the guard checks the reversal exists). */
function afterPayment(db: Database.Database, payment: Record<string, unknown>): void {
  if (typeof payment.reverses_payment_id !== 'string') return;
  prepared(db, "UPDATE bills SET status = '未缴', paid_payment_id = NULL WHERE paid_payment_id = ? AND status = '收讫'").run(payment.reverses_payment_id);
}

function upsertRow(db: Database.Database, meta: TableMeta, row: SqliteRow, now: Date, own: Own, at: Position): 'applied' | 'skipped' {
  const cols = known(meta, row);
  const byCol = new Map(cols);
  const keyVals = meta.pk.map((c) => byCol.get(c));
  if (meta.pk.length === 0 || keyVals.some((v) => v === undefined || v === null)) throw new Error(`缺少主键列 ${meta.pk.join(', ')}`);
  const existing = prepared(db, `SELECT * FROM ${ident(meta.name)} WHERE ${pkWhere(meta)}`).get(...keyVals) as Record<string, unknown> | undefined;
  if (!existing) {
    prepared(db, `INSERT INTO ${ident(meta.name)} (${cols.map(([c]) => ident(c)).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map(([, v]) => v));
    if (meta.name === 'payment_items') afterPaymentItem(db, row);
    if (meta.name === 'payments') afterPayment(db, row);
    return 'applied';
  }
  let diff = new Map<string, Value>();
  for (const [c, v] of cols) if (!meta.pk.includes(c) && existing[c] !== v) diff.set(c, v);
  if (meta.name === 'bills') {
    const decided = billDiff(db, existing, diff);
    diff = decided.diff;
    waitForPayment(db, String(existing.id), decided.waitFor, at, now);
  }
  if (diff.size > 0) {
    const set = [...diff.keys()];
    prepared(db, `UPDATE ${ident(meta.name)} SET ${set.map((c) => `${ident(c)} = ?`).join(', ')} WHERE ${pkWhere(meta)}`).run(...set.map((c) => diff.get(c) as Value), ...keyVals);
  }
  if (meta.name === 'bills') flagDoubles(db, String(existing.id), row, own, now);
  return diff.size > 0 ? 'applied' : 'skipped';
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
export function applyChange(db: Database.Database, change: FeedChange, at: Position, now: Date, own: Own = NO_OWN): ChangeOutcome {
  return tryChange(db, change, at, now, own, false) as ChangeOutcome;
}

/** SQLite's extended code for a row whose foreign key names a row that is not (yet) there. */
const FOREIGN_KEY = 'SQLITE_CONSTRAINT_FOREIGNKEY';

/** applyChange; with `laterOnForeignKey`, a change refused only for a missing referenced row is rolled back and answered 'later' (no problem listed). */
function tryChange(db: Database.Database, change: FeedChange, at: Position, now: Date, own: Own, laterOnForeignKey: boolean): ChangeOutcome | 'later' {
  if (own.deviceId !== null && change.originDeviceId === own.deviceId) return 'skipped';
  if (NOT_HELD.has(change.table)) return 'skipped';
  try {
    return db.transaction((): ChangeOutcome => {
      if (change.table === ANOMALY_FEED_TABLE) {
        return upsertServerAnomaly(db, anomalyRecord.parse(change.row)) === 'unchanged' ? 'skipped' : 'applied';
      }
      if (change.table === DAY_MARKER_FEED_TABLE) return storeDayMarker(db, dayMarkerRecord.parse(change.row), at.source === 'day-file' ? 'day-file' : 'feed');
      const meta = tableMeta(db, change.table);
      if (!meta) throw new Error(`本机没有表 ${change.table}，或不接收该表的同步数据`);
      return upsertRow(db, meta, change.row, now, own, at);
    })();
  } catch (err) {
    if (laterOnForeignKey && (err as { code?: unknown }).code === FOREIGN_KEY) return 'later';
    const reason = err instanceof ZodError ? `数据格式不符（${err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('；').slice(0, 300)}）` : reasonOf(err);
    recordProblem(db, at, change, reason, now);
    return 'problem';
  }
}

/**
 * A page's (or a day file's) changes, each row once (latestPerRow), applied in order inside the caller's transaction.
 * A row changed twice stands at its last place, after rows the page made in between that point at it (a business
 * accepted, its work order, the business completed); and the feed runs in transaction order, not commit order. So a
 * change refused only because a row it names is missing is tried again after the rest of the page (again while that
 * helps), and only then listed as a problem.
 */
export function applyChanges<T>(db: Database.Database, changes: readonly T[], as: (c: T) => { change: FeedChange; at: Position }, now: Date, own: Own, tally: ApplyTally): void {
  type Pending = { table: string; rowId: string; change: FeedChange; at: Position };
  const pending: Pending[] = changes.map((item) => {
    const { change, at } = as(item);
    return { table: change.table, rowId: change.rowId, change, at };
  });
  const later: Pending[] = [];
  for (const c of latestPerRow(pending)) {
    const outcome = tryChange(db, c.change, c.at, now, own, true);
    if (outcome === 'later') later.push(c);
    else tally[outcome === 'problem' ? 'problems' : outcome]++;
  }
  // what the rest of the page brought may be what they named: again while that helps, then the rest are problems
  for (let progress = true; later.length > 0; ) {
    const again = later.splice(0);
    const last = !progress;
    progress = false;
    for (const c of again) {
      const outcome = tryChange(db, c.change, c.at, now, own, !last);
      if (outcome === 'later') later.push(c);
      else {
        progress = true;
        tally[outcome === 'problem' ? 'problems' : outcome]++;
      }
    }
  }
}

/**
 * Each row once, at its last place in the page: a row changed twice in a page (a business accepted, then completed) is
 * applied once as it ended, so applying the page or a day file again never offers an older version of a row over its
 * newer one (which the guards would rightly refuse). Rows the page made in between that point at it are applied after
 * it (applyChanges tries them again).
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
export function applyFeedPage(db: Database.Database, raw: unknown, opts: { feed?: string; now: Date; ownDeviceId?: string | null; ownHallId?: string | null }): PageResult {
  const parsed = feedPage.safeParse(raw);
  if (!parsed.success) throw new FeedInputError(`服务器返回的同步数据格式不符，未应用：${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('；')}`);
  const page = parsed.data;
  const feed = opts.feed ?? 'main';
  const tally: ApplyTally = { applied: 0, skipped: 0, problems: 0 };
  withApplying(db, () => {
    applyChanges(db, page.changes, (change) => ({ change, at: { source: 'feed', position: change.cursor } }), opts.now, { deviceId: opts.ownDeviceId ?? null, hallId: opts.ownHallId ?? null }, tally);
    writeCursor(db, feed, page.cursor, opts.now);
  });
  return { ...tally, cursor: page.cursor, more: page.more };
}
