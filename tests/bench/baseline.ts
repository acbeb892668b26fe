/**
 * Issue 13 #1/#4: the bank write-off and the handheld 入库 as they were before issue 13, kept only so the
 * bench measures them beside the new code in the same run on a copy of the same store: the return's lines
 * read through drizzle for each check and again in the transaction, the return checked once by 校对 and
 * again by 核销, one statement per row per table with every id drawn at random within the run's one
 * millisecond (the old uuidv7 under a fixed clock), SQLite's default page cache; 入库 reading by reading
 * through insertBill (a billingStart scan per reading).
 */
import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/open.js';
import { accounts, bankRunItems, bankRuns, bills, counterSequences, handheldBatches, handheldReadings, handheldRouteItems, meters } from '../../db/schema.js';
import { runReturnJob } from '../../main/services/bank-return-job.js';
import { billingStart, insertBill } from '../../main/services/billing.js';
import type { Actor, ServiceDeps } from '../../main/services/context.js';
import { BANK_METHODS } from '../../main/domain/registration.js';
import { businessDateOf } from '../../preload/kernel/dates.js';
import { fen } from '../../preload/kernel/money.js';
import { centiM3, formatVolume } from '../../preload/kernel/volume.js';
import { CHECK_SLIP_SEQUENCE } from '../../main/services/payments.js';
import { formatCounterNo } from '../../main/services/sequences.js';
import type { WithholdingBank } from '../../preload/kernel/enums.js';

/** The pre-issue-13 uuidv7: the given millisecond and 74 random bits (random order within a millisecond). */
function randomOrderUuidv7(ms: number): string {
  const bytes = randomBytes(16);
  let rest = ms;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = rest & 0xff;
    rest = Math.floor(rest / 256);
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function runLines(tx: Pick<Tx, 'select'>, runId: string) {
  const run = tx.select().from(bankRuns).where(eq(bankRuns.id, runId)).get();
  if (!run) throw new Error(`no run ${runId}`);
  const items = tx
    .select({ item: bankRunItems, accountNo: accounts.accountNo, method: accounts.paymentMethod, thisReading: bills.thisReadingCenti })
    .from(bankRunItems)
    .innerJoin(accounts, eq(accounts.id, bankRunItems.accountId))
    .innerJoin(bills, eq(bills.id, bankRunItems.billId))
    .where(eq(bankRunItems.runId, runId))
    .orderBy(asc(bankRunItems.lineNo))
    .all();
  return { run, items };
}

async function oldCheck(deps: ServiceDeps, runId: string, file: Uint8Array) {
  const { run, items } = runLines(deps.db, runId);
  return runReturnJob({ bank: run.bankName as WithholdingBank, runId, file, sent: items.map((i) => ({ accountNo: i.accountNo, amountFen: fen(i.item.amountFen) })) });
}

/** 校对 then 核销 of one return, as before issue 13 (the check twice, per-row posting). */
export async function baselineCheckAndWriteOff(deps: ServiceDeps, actor: Actor, runId: string, file: Uint8Array): Promise<{ checkS: number; writeOffS: number; debits: number }> {
  let t0 = performance.now();
  await oldCheck(deps, runId, file);
  const checkS = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const { check, failures } = await oldCheck(deps, runId, file);
  if (check.problems.length > 0) throw new Error(check.problems.join('；'));
  const now = deps.clock.now();
  const businessDate = businessDateOf(now);
  const db = deps.db.$client;
  const debits = deps.db.transaction(
    (tx) => {
      const { items } = runLines(tx, runId);
      const failedAt = new Map((failures ?? []).map((f) => [f.line, f.reason]));
      const fail = db.prepare("UPDATE bank_run_items SET result = 'failed', reason = ? WHERE id = ?");
      const ok = items.filter((row, i) => {
        const reason = failedAt.get(i);
        if (reason !== undefined) fail.run(reason || '扣款失败', row.item.id);
        return reason === undefined;
      });
      const seq = tx
        .insert(counterSequences)
        .values({ counterId: actor.counterId, kind: CHECK_SLIP_SEQUENCE, lastValue: ok.length })
        .onConflictDoUpdate({ target: [counterSequences.counterId, counterSequences.kind], set: { lastValue: sql`${counterSequences.lastValue} + ${ok.length}` } })
        .returning({ value: counterSequences.lastValue })
        .get();
      const first = seq.value - ok.length + 1;
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
      ok.forEach((row, i) => {
        const slipNo = formatCounterNo(actor.counterCode, first + i);
        const paymentId = randomOrderUuidv7(ms);
        const method = (BANK_METHODS as readonly string[]).includes(row.method) ? row.method : '银行代缴';
        slip.run(slipNo, actor.counterId, first + i, actor.hallId, businessDate);
        payment.run(paymentId, slipNo, row.item.accountId, actor.hallId, actor.counterId, actor.staffId, businessDate, method, runId, row.item.amountFen, row.item.amountFen, row.item.amountFen);
        item.run(randomOrderUuidv7(ms), paymentId, row.item.billId, row.item.amountFen);
        if (paid.run(paymentId, row.item.billId).changes !== 1) throw new Error(`bill ${row.item.billId} not payable`);
        settled.run(row.thisReading, row.item.accountId);
        answered.run(paymentId, row.item.id);
      });
      tx.update(bankRuns).set({ status: 'returned', okCount: check.okCount, okFen: check.okFen, returnedAt: now.toISOString() }).where(eq(bankRuns.id, runId)).run();
      return ok.length;
    },
    { behavior: 'immediate' },
  );
  return { checkS, writeOffS: (performance.now() - t0) / 1000, debits };
}

/** 入库 of an imported batch reading by reading, as before issue 13. Returns the bills made. */
export function baselineHandheldCommit(deps: ServiceDeps, actor: Actor, batchId: string): number {
  const now = deps.clock.now();
  const db: Db = deps.db;
  return db.transaction(
    (tx) => {
      const batch = tx.select().from(handheldBatches).where(eq(handheldBatches.id, batchId)).get();
      if (!batch) throw new Error(`no batch ${batchId}`);
      const rows = tx
        .select({ r: handheldReadings, account: accounts, meter: meters })
        .from(handheldReadings)
        .innerJoin(accounts, eq(accounts.id, handheldReadings.accountId))
        .innerJoin(handheldRouteItems, and(eq(handheldRouteItems.batchId, handheldReadings.batchId), eq(handheldRouteItems.accountId, handheldReadings.accountId)))
        .innerJoin(meters, eq(meters.id, handheldRouteItems.meterId))
        .where(eq(handheldReadings.batchId, batch.id))
        .all();
      const large = rows.filter(({ r }) => r.state === 'pending' && r.anomalies.split(',').includes('large'));
      if (large.length > 0) tx.update(handheldReadings).set({ note: '大额方数已确认' }).where(inArray(handheldReadings.id, large.map(({ r }) => r.id))).run();
      let billed = 0;
      for (const { r, account, meter } of rows) {
        if (r.state !== 'pending') continue;
        const skip = (note: string) => tx.update(handheldReadings).set({ state: 'skipped', note }).where(eq(handheldReadings.id, r.id)).run();
        if (r.status === 2) skip('未抄');
        else if (r.status === 3 || r.meterNo !== meter.meterNo) skip('表已更换：请录入换表单');
        else if (!meter.active || meter.accountId !== account.id) skip('表已不在用');
        else if (r.readingCenti <= billingStart(tx, meter)) skip(`读数 ${formatVolume(r.readingCenti)} 未超过已结算读数，不生成费用`);
        else {
          const { row } = insertBill(tx, deps, actor, now, { accountId: account.id, category: account.category, meter, reading: centiM3(r.readingCenti), source: 'handheld', readingDate: r.readAt.slice(0, 10), estimated: r.status === 1, reader: batch.meterReader });
          tx.update(handheldReadings).set({ state: 'committed', billId: row.id }).where(eq(handheldReadings.id, r.id)).run();
          billed++;
        }
      }
      tx.update(handheldBatches).set({ status: 'committed', committedAt: now.toISOString() }).where(eq(handheldBatches.id, batch.id)).run();
      return billed;
    },
    { behavior: 'immediate' },
  );
}
