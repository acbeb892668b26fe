/**
 * Issue 14 #3: the 异常 rows of this PC (sync_anomalies), written by the applier inside its transaction: the
 * server's reports from the feed, and the applier's own finding of a bill paid twice in this counter's OWN hall
 * (applier.ts flagDoubles: only once the central row shows which payment the server chose, so the finding is
 * exactly the conflict the server reports to this hall; the report then takes the row over).
 */
import type Database from 'better-sqlite3';
import { uuidv7 } from '../ids.js';
import type { AnomalyRecord } from './feed-schema.js';

const yuan = (fen: number): string => (fen / 100).toFixed(2);

/** A bill found paid by a second payment of this hall while applying the feed: both payments stand, the later is a credit. */
export function recordLocalDoublePayment(db: Database.Database, at: { billId: string; laterPaymentId: string; firstPaymentId: string; now: Date }): void {
  const known = db
    .prepare("SELECT 1 FROM sync_anomalies WHERE kind = 'double_payment' AND bill_id = ? AND (payment_id IN (?, ?) OR other_payment_id IN (?, ?))")
    .get(at.billId, at.laterPaymentId, at.firstPaymentId, at.laterPaymentId, at.firstPaymentId);
  if (known) return;
  const later = db
    .prepare(
      `SELECT p.hall_id AS hallId, p.counter_id AS counterId, p.account_id AS accountId, p.business_date AS businessDate,
              i.gas_fen + i.late_fee_fen AS amountFen, b.reading_date AS readingDate, a.account_no AS accountNo
       FROM payment_items i JOIN payments p ON p.id = i.payment_id JOIN bills b ON b.id = i.bill_id JOIN accounts a ON a.id = p.account_id
       WHERE i.payment_id = ? AND i.bill_id = ?`,
    )
    .get(at.laterPaymentId, at.billId) as { hallId: string; counterId: string; accountId: string; businessDate: string; amountFen: number; readingDate: string; accountNo: string } | undefined;
  if (!later) return;
  const detail = `用户 ${later.accountNo} 抄表日期 ${later.readingDate} 的账单在两个柜台各收一次（离线期间）：两笔收费都有效，后一笔 ${yuan(later.amountFen)} 元转为账户预存，请决定退款或保留预存`;
  db.prepare(
    `INSERT INTO sync_anomalies (id, server_id, kind, hall_id, counter_id, device_id, table_name, row_id, other_row_id, account_id, bill_id,
       payment_id, other_payment_id, amount_fen, business_date, detail, created_at, reported_by)
     VALUES (?, NULL, 'double_payment', ?, ?, NULL, 'payments', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'local')`,
  ).run(uuidv7(), later.hallId, later.counterId, at.laterPaymentId, at.firstPaymentId, later.accountId, at.billId, at.laterPaymentId, at.firstPaymentId, later.amountFen, later.businessDate, detail, at.now.toISOString());
}

/**
 * The server's report: new, the same again (its resolution taken over when this PC has none), or the server's
 * version of a conflict the applier found first (same bill, no server id yet).
 */
export function upsertServerAnomaly(db: Database.Database, a: AnomalyRecord): 'inserted' | 'updated' | 'unchanged' {
  const cols = {
    server_id: a.id, kind: a.kind, hall_id: a.hallId, counter_id: a.counterId, device_id: a.deviceId, table_name: a.table, row_id: a.rowId,
    other_row_id: a.otherRowId, account_id: a.accountId, bill_id: a.billId, payment_id: a.paymentId, other_payment_id: a.otherPaymentId,
    amount_fen: a.amountFen, business_date: a.businessDate, detail: a.detail, created_at: a.createdAt,
  };
  const mine = db.prepare('SELECT id, resolution FROM sync_anomalies WHERE server_id = ?').get(a.id) as { id: string; resolution: string | null } | undefined;
  if (mine) {
    // decided elsewhere (the hall manager at another PC, or centrally): shown decided here too; a decision of this PC stands
    if (mine.resolution === null && a.resolution !== null) {
      db.prepare('UPDATE sync_anomalies SET resolution = ?, resolved_by = ?, resolved_at = ?, note = ? WHERE id = ?').run(a.resolution, a.resolvedBy ?? '总部', a.resolvedAt ?? a.createdAt, a.note, mine.id);
      return 'updated';
    }
    return 'unchanged';
  }
  const found = a.kind === 'double_payment' && a.billId
    ? (db.prepare("SELECT id FROM sync_anomalies WHERE kind = 'double_payment' AND bill_id = ? AND server_id IS NULL AND reported_by = 'local' ORDER BY created_at LIMIT 1").get(a.billId) as { id: string } | undefined)
    : undefined;
  if (found) {
    const set = Object.keys(cols).map((c) => `${c} = @${c}`).join(', ');
    db.prepare(`UPDATE sync_anomalies SET ${set}, reported_by = 'server' WHERE id = @id`).run({ ...cols, id: found.id });
    return 'updated';
  }
  const names = Object.keys(cols);
  db.prepare(
    `INSERT INTO sync_anomalies (id, ${names.join(', ')}, reported_by, resolution, resolved_by, resolved_at, note)
     VALUES (@id, ${names.map((c) => `@${c}`).join(', ')}, 'server', @resolution, @resolved_by, @resolved_at, @note)`,
  ).run({ ...cols, id: uuidv7(), resolution: a.resolution, resolved_by: a.resolution ? (a.resolvedBy ?? '总部') : null, resolved_at: a.resolution ? (a.resolvedAt ?? a.createdAt) : null, note: a.note });
  return 'inserted';
}
