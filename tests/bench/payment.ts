/**
 * Issue 13 #3: durable cash posting (`payBills`, one immediate transaction, WAL, synchronous=FULL) beside a raw
 * single-row durable commit on the same connection in the same run (BEGIN IMMEDIATE; one INSERT; COMMIT), so
 * the ratio holds whatever the disk does today. Samples alternate between the two so both see the same disk.
 */
import { performance } from 'node:perf_hooks';
import { openStore } from '../../db/open.js';
import { migrationsDir } from '../../main/paths.js';
import { unpaidList } from '../../main/services/billing.js';
import { defaultSettings, type Actor, type ServiceDeps } from '../../main/services/context.js';
import { payBills } from '../../main/services/payments.js';
import type { AccountId } from '../../main/domain/ids.js';
import { addFen, fen } from '../../preload/kernel/money.js';
import { percentile, type BenchFigures } from './figures.js';
import { accountsStore, BENCH_TODAY, removeStore, workCopy } from './stores.js';

const ms = (v: number) => `${v.toFixed(2)} ms`;

export const BENCH_ACTOR: Actor = {
  staffId: 'staff-clerk01',
  staffName: '王丽',
  role: 'clerk',
  hallId: 'hall-lc',
  hallName: '鹿城营业厅',
  counterId: 'counter-lc01',
  counterCode: 'LC01',
  counterName: '1号窗口',
};

export async function benchPayment(accounts: number, payments: number): Promise<BenchFigures> {
  const work = workCopy(accountsStore(accounts), 'payment-work.db');
  const store = openStore(work, { migrationsDir });
  try {
    const deps: ServiceDeps = { db: store.db, clock: { now: () => new Date(`${BENCH_TODAY}T02:00:00Z`) }, settings: defaultSettings };
    // the raw baseline: one row, one durable commit, on the same connection and file
    store.sqlite.exec('CREATE TABLE bench_raw_commit (id INTEGER PRIMARY KEY, at TEXT NOT NULL, amount INTEGER NOT NULL)');
    const begin = store.sqlite.prepare('BEGIN IMMEDIATE');
    const insert = store.sqlite.prepare('INSERT INTO bench_raw_commit (at, amount) VALUES (?, ?)');
    const commit = store.sqlite.prepare('COMMIT');
    const rawCommit = (i: number) => {
      begin.run();
      insert.run(`${BENCH_TODAY}T02:00:00Z`, i);
      commit.run();
    };
    const payable = store.sqlite
      .prepare("SELECT DISTINCT account_id FROM bills WHERE status = '未缴' LIMIT ?")
      .pluck()
      .all(payments) as AccountId[];
    const posting: number[] = [];
    const raw: number[] = [];
    const pay = (accountId: AccountId) => {
      const list = unpaidList(deps, accountId);
      const t0 = performance.now();
      payBills(deps, BENCH_ACTOR, { accountId, billIds: list.bills.map((b) => b.id), tenderedFen: addFen(list.totalFen, fen(1000)), expectedTotalFen: list.totalFen });
      return performance.now() - t0;
    };
    // warm up: the first calls prepare statements and fill the cache
    for (let i = 0; i < 10; i++) rawCommit(-i);
    for (const accountId of payable.splice(0, Math.min(10, Math.floor(payable.length / 10)))) pay(accountId);
    for (const [i, accountId] of payable.entries()) {
      // back to the event loop between payments, as the app's calls come: the idle/size checkpoints run there
      await new Promise((resolve) => setImmediate(resolve));
      posting.push(pay(accountId));
      const t0 = performance.now();
      rawCommit(i);
      raw.push(performance.now() - t0);
    }
    const p95 = percentile(posting, 95);
    const rawP95 = percentile(raw, 95);
    console.log(`\nCash payment posting on ${accounts.toLocaleString('en')} accounts, ${posting.length} payments, one durable transaction each (WAL, synchronous=FULL)`);
    console.log(`payBills           p50 ${ms(percentile(posting, 50))}   p95 ${ms(p95)}   max ${ms(Math.max(...posting))}`);
    console.log(`raw 1-row commit   p50 ${ms(percentile(raw, 50))}   p95 ${ms(rawP95)}   max ${ms(Math.max(...raw))}`);
    console.log(`payBills p95 / raw commit p95: ${(p95 / rawP95).toFixed(2)}x (goal ≤ 5x)`);
    return { payment_p95_over_raw_commit: p95 / rawP95, payment_p95_ms: p95 };
  } finally {
    store.close();
    removeStore(work);
  }
}
