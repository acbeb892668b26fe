/**
 * Posting a bank return's debits in bulk (R-BANK-05): the same rows a counter payment writes (check slip
 * with its gap-free number, payment, item, bill 收讫, 已结算至方数) and the bank's answer on each line.
 * Runs inside the write-off's transaction, so a 200,000-line return commits whole or not at all.
 *
 * Issue 13 #4: set-based. The run's debited lines are gathered once into a temporary table in line order
 * with time-ordered ids (a block of the uuidv7 sequence spelled in SQL, main/services/bulk.ts); each ledger table then
 * takes one INSERT…SELECT or UPDATE…FROM. The database triggers and foreign keys still check every row as
 * usual (payments_total_balances, payments_day_open, check_slips_day_open, bills_paid_only_by_payment,
 * bank_run_items_answer_once …): no guard is replaced.
 */
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/open.js';
import { counterSequences } from '../../db/schema.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { BANK_METHODS } from '../domain/registration.js';
import type { Actor } from './context.js';
import { bulkFunctions, uuidv7Sql } from './bulk.js';
import { withBulkCapture } from './bulk-capture.js';
import { reserveUuidv7Block } from '../ids.js';
import { assertDayOpen, CHECK_SLIP_SEQUENCE } from './payments.js';
import { restoreAfterBulkDebits } from './arrears-collection.js';
import { assertCounterOpen } from './service-timing.js';

/** The connection the transaction runs on: raw statements on it are part of the transaction. */
type Client = Db['$client'];

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

const METHOD_LIST = BANK_METHODS.map(() => '?').join(', ');

/**
 * Answers the run's lines: `failed` as failed with the bank's reason, every other unanswered line of the
 * run as debited, each with its own check slip (numbers in line order) and payment. Returns the debits.
 */
export function postDebits(tx: Tx, db: Client, actor: Actor, runId: string, failed: readonly { itemId: string; reason: string }[], businessDate: string, now: Date): number {
  const fail = db.prepare("UPDATE bank_run_items SET result = 'failed', reason = ? WHERE id = ?");
  for (const f of failed) fail.run(f.reason, f.itemId);
  bulkFunctions(db);
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS bulk_debits (
    k INTEGER PRIMARY KEY, item_id TEXT NOT NULL, account_id TEXT NOT NULL, bill_id TEXT NOT NULL, amount_fen INTEGER NOT NULL,
    method TEXT NOT NULL, this_reading INTEGER NOT NULL, payment_id TEXT, payment_item_id TEXT, slip_no TEXT)`);
  db.prepare('DELETE FROM temp.bulk_debits').run();
  // k counts the debits in line order
  const count = db
    .prepare(
      `INSERT INTO temp.bulk_debits (item_id, account_id, bill_id, amount_fen, method, this_reading)
       SELECT i.id, i.account_id, i.bill_id, i.amount_fen, CASE WHEN a.payment_method IN (${METHOD_LIST}) THEN a.payment_method ELSE ? END, b.this_reading_centi
       FROM bank_run_items i JOIN accounts a ON a.id = i.account_id JOIN bills b ON b.id = i.bill_id
       WHERE i.run_id = ? AND i.result IS NULL ORDER BY i.line_no`,
    )
    .run(...BANK_METHODS, BANK_METHODS[0], runId).changes;
  if (count === 0) return 0;
  assertDayOpen(tx, actor.hallId, businessDate);
  const first = reserveSlipNumbers(tx, actor.counterId, count);
  // time-ordered ids in line order: the k-th debit's payment is counter 2(k-1), its item 2(k-1)+1 of the block
  const ids = reserveUuidv7Block(now.getTime(), 2 * count);
  db.prepare(
    `UPDATE temp.bulk_debits SET payment_id = ${uuidv7Sql('@first + 2 * (k - 1)', '@msHex')}, payment_item_id = ${uuidv7Sql('@first + 2 * (k - 1) + 1', '@msHex')},
     slip_no = @code || '-' || printf('%08d', @slipFirst + k - 1)`,
  ).run({ ...ids, code: actor.counterCode, slipFirst: first });
  const slip = { first, counter: actor.counterId, hall: actor.hallId, date: businessDate };
  // R-SEC-16: the switch below also mutes the paused-counter trigger on payments (it lets the feed's rows pass), so
  // the write-off asks here what that trigger would have answered for each of its payments
  assertCounterOpen(tx, actor.counterId);
  // issue 14 #1: each statement's rows go to the outbox set-wise, in the order the statements run (bulk-capture.ts)
  withBulkCapture(db, (capture) => {
    db.prepare('INSERT INTO check_slips (slip_no, counter_id, seq, hall_id, business_date) SELECT slip_no, @counter, @first + k - 1, @hall, @date FROM temp.bulk_debits ORDER BY k').run(slip);
    capture.rows('check_slips', 'insert', 'JOIN temp.bulk_debits d ON d.slip_no = "NEW".slip_no ORDER BY d.k');
    db.prepare(
      `INSERT INTO payments (id, slip_no, account_id, hall_id, counter_id, clerk_id, business_date, method, charge_type, invoice_category,
       business_ref, fee_fen, gas_fen, late_fee_fen, total_fen, tendered_fen, change_fen)
       SELECT payment_id, slip_no, account_id, @hall, @counter, @clerk, @date, method, '燃气费', '核对单', @runId, 0, amount_fen, 0, amount_fen, amount_fen, 0
       FROM temp.bulk_debits ORDER BY k`,
    ).run({ hall: slip.hall, counter: slip.counter, date: slip.date, clerk: actor.staffId, runId });
    capture.rows('payments', 'insert', 'JOIN temp.bulk_debits d ON d.payment_id = "NEW".id ORDER BY d.k');
    db.prepare('INSERT INTO payment_items (id, payment_id, bill_id, gas_fen, late_fee_fen, overdue_days) SELECT payment_item_id, payment_id, bill_id, amount_fen, 0, 0 FROM temp.bulk_debits ORDER BY k').run();
    capture.rows('payment_items', 'insert', 'JOIN temp.bulk_debits d ON d.payment_item_id = "NEW".id ORDER BY d.k');
    const paid = db.prepare("UPDATE bills SET status = '收讫', paid_payment_id = d.payment_id FROM temp.bulk_debits d WHERE bills.id = d.bill_id AND bills.status = '未缴'").run().changes;
    if (paid !== count) {
      const stale = db.prepare('SELECT d.bill_id FROM temp.bulk_debits d JOIN bills b ON b.id = d.bill_id WHERE b.paid_payment_id IS NOT d.payment_id ORDER BY d.k LIMIT 1').pluck().get() as string | undefined;
      throw new DomainError('BILL_NOT_PAYABLE', `费用 ${stale ?? ''} 已不是未缴，不能核销`, 'file');
    }
    capture.rows('bills', 'update', 'JOIN temp.bulk_debits d ON d.bill_id = "NEW".id ORDER BY d.k');
    const settled = db
      .prepare(
        `UPDATE accounts SET settled_reading_centi = max(settled_reading_centi, d.reading)
         FROM (SELECT account_id, max(this_reading) AS reading FROM temp.bulk_debits GROUP BY account_id) d WHERE accounts.id = d.account_id`,
      )
      .run().changes;
    // an account with two debited bills is one update, as the trigger would have written it once
    const accountRows = 'JOIN (SELECT account_id, min(k) AS k FROM temp.bulk_debits GROUP BY account_id) d ON d.account_id = "NEW".id ORDER BY d.k';
    if (capture.rows('accounts', 'update', accountRows) !== settled) throw new Error('bulk capture: accounts rows differ from the update');
    db.prepare("UPDATE bank_run_items SET result = 'ok', payment_id = d.payment_id FROM temp.bulk_debits d WHERE bank_run_items.id = d.item_id").run();
    capture.rows('bank_run_items', 'update', 'JOIN temp.bulk_debits d ON d.item_id = "NEW".id ORDER BY d.k');
  });
  // R-SEC-02: the stopped accounts this write-off paid off get their restore (启封), one set-wise look-up (captured as usual)
  restoreAfterBulkDebits(tx, actor, now);
  db.prepare('DELETE FROM temp.bulk_debits').run();
  return count;
}
