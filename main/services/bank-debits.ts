/**
 * Posting a bank return's debits in bulk (R-BANK-05): the same rows a counter payment writes (check slip
 * with its gap-free number, payment, item, bill 收讫, 已结算至方数) and the bank's answer on each line,
 * with statements prepared once for the whole return. Runs inside the write-off's transaction, so a
 * 200,000-line return commits whole or not at all; the database triggers check every row as usual.
 */
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/open.js';
import { counterSequences } from '../../db/schema.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { uuidv7 } from '../ids.js';
import type { Actor } from './context.js';
import { assertDayOpen, CHECK_SLIP_SEQUENCE } from './payments.js';
import { formatCounterNo } from './sequences.js';

/** The connection the transaction runs on: raw statements on it are part of the transaction. */
type Client = Db['$client'];

export interface Debit {
  itemId: string;
  runId: string;
  accountId: string;
  billId: string;
  amountFen: number;
  /** The account's 缴费方式 (银行代缴 or 银行托收). */
  method: string;
  thisReading: number;
}

/** Reserves `count` consecutive slip numbers of the counter; the caller's transaction uses all of them. */
function reserveSlipNumbers(tx: Tx, counterId: string, count: number): number {
  const row = tx
    .insert(counterSequences)
    .values({ counterId, kind: CHECK_SLIP_SEQUENCE, lastValue: count })
    .onConflictDoUpdate({ target: [counterSequences.counterId, counterSequences.kind], set: { lastValue: sql`${counterSequences.lastValue} + ${count}` } })
    .returning({ value: counterSequences.lastValue })
    .get();
  return row.value - count + 1;
}

export function postDebits(tx: Tx, db: Client, actor: Actor, debits: readonly Debit[], failed: readonly { itemId: string; reason: string }[], businessDate: string, now: Date): void {
  const fail = db.prepare("UPDATE bank_run_items SET result = 'failed', reason = ? WHERE id = ?");
  for (const f of failed) fail.run(f.reason, f.itemId);
  if (debits.length === 0) return;
  assertDayOpen(tx, actor.hallId, businessDate);
  const first = reserveSlipNumbers(tx, actor.counterId, debits.length);
  const slip = db.prepare('INSERT INTO check_slips (slip_no, counter_id, seq, hall_id, business_date) VALUES (?, ?, ?, ?, ?)');
  const payment = db.prepare(
    `INSERT INTO payments (id, slip_no, account_id, hall_id, counter_id, clerk_id, business_date, method, charge_type, invoice_category,
     business_ref, fee_fen, gas_fen, late_fee_fen, total_fen, tendered_fen, change_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '燃气费', '核对单', ?, 0, ?, 0, ?, ?, 0)`,
  );
  const item = db.prepare('INSERT INTO payment_items (id, payment_id, bill_id, gas_fen, late_fee_fen, overdue_days) VALUES (?, ?, ?, ?, 0, 0)');
  const paid = db.prepare("UPDATE bills SET status = '收讫', paid_payment_id = ? WHERE id = ? AND status = '未缴'");
  const settled = db.prepare('UPDATE accounts SET settled_reading_centi = max(settled_reading_centi, ?) WHERE id = ?');
  const answered = db.prepare("UPDATE bank_run_items SET result = 'ok', payment_id = ? WHERE id = ?");
  const ms = now.getTime();
  debits.forEach((d, i) => {
    const slipNo = formatCounterNo(actor.counterCode, first + i);
    const paymentId = uuidv7(ms);
    slip.run(slipNo, actor.counterId, first + i, actor.hallId, businessDate);
    payment.run(paymentId, slipNo, d.accountId, actor.hallId, actor.counterId, actor.staffId, businessDate, d.method, d.runId, d.amountFen, d.amountFen, d.amountFen);
    item.run(uuidv7(ms), paymentId, d.billId, d.amountFen);
    if (paid.run(paymentId, d.billId).changes !== 1) throw new DomainError('BILL_NOT_PAYABLE', `费用 ${d.billId} 已不是未缴，不能核销`, 'file');
    settled.run(d.thisReading, d.accountId);
    answered.run(paymentId, d.itemId);
  });
}
