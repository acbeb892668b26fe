/**
 * Issue 13 #6: a counter's payments while a heavy read runs on the read worker, beside the same payments
 * with no read, on one hall-day of 5,000,000 payments. The reports read the kept per-day totals and answer in
 * milliseconds, so the read is the one that still scans the 5M payments: the totals' check (day.verifyTotals,
 * the day's totals recomputed from the ledger, issue 13 #2). It is asked again as soon as it answers, so the
 * payments are all taken while one runs.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '../../db/open.js';
import { seedReferenceData } from '../../main/seed/generate.js';
import { withCaptureOff } from '../../main/sync/apply-switch.js';
import { createHost } from '../../main/host.js';
import { migrationsDir, repoRoot } from '../../main/paths.js';
import { addRoute, FixedClock, signIn, TEST_NOW } from '../fixtures/host.js';
import { migrateCache } from './stores.js';

const DATE = '2026-11-23';
/** The heavy read: it scans the day's 5M payments (the reports read the kept totals). */
const HEAVY_READ = 'day.verifyTotals';

/** The day's payments (cash and bank, two clerks at two counters) on one account, in batches. */
function generate(file: string, payments: number): void {
  const store = openStore(file, { migrationsDir });
  const db = store.sqlite;
  // issue 14: generated data, not facts of this PC: not captured into the outbox
  withCaptureOff(db, () => {
    seedReferenceData(db);
    addRouteless(db);
    const batch = 250_000;
    for (let start = 0; start < payments; start += batch) {
      const last = Math.min(payments, start + batch);
      db.transaction(() => {
        db.exec(`CREATE TEMP TABLE IF NOT EXISTS n(i INTEGER PRIMARY KEY); DELETE FROM temp.n;
          WITH RECURSIVE s(i) AS (SELECT ${start + 1} UNION ALL SELECT i + 1 FROM s WHERE i < ${last}) INSERT INTO temp.n SELECT i FROM s;
          INSERT INTO check_slips (slip_no, counter_id, seq, hall_id, business_date)
            SELECT 'R' || (i % 2) || '-' || printf('%09d', i), CASE i % 2 WHEN 0 THEN 'counter-lc01' ELSE 'counter-lc02' END, i, 'hall-lc', '${DATE}' FROM temp.n;
          INSERT INTO payments (id, slip_no, account_id, hall_id, counter_id, clerk_id, business_date, method, charge_type, invoice_category, gas_fen, late_fee_fen, total_fen, tendered_fen, change_fen)
            SELECT 'r' || i, 'R' || (i % 2) || '-' || printf('%09d', i), 'acc-report', 'hall-lc', CASE i % 2 WHEN 0 THEN 'counter-lc01' ELSE 'counter-lc02' END,
              CASE i % 2 WHEN 0 THEN 'staff-clerk01' ELSE 'staff-clerk02' END, '${DATE}', CASE WHEN i % 10 = 0 THEN '银行代缴' ELSE '现金' END, '燃气费', '核对单',
              1000 + i % 9000, 0, 1000 + i % 9000, 1000 + i % 9000, 0 FROM temp.n;`);
      })();
      process.stdout.write(`\rgenerating ${last.toLocaleString('en')}/${payments.toLocaleString('en')} payments`);
    }
    // the counters' slip numbers go on after the generated ones
    db.prepare("INSERT INTO counter_sequences (counter_id, kind, last_value) VALUES ('counter-lc01', 'check_slip', ?), ('counter-lc02', 'check_slip', ?)").run(payments, payments);
  });
  db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  process.stdout.write('\n');
}

function addRouteless(db: ReturnType<typeof openStore>['sqlite']): void {
  db.exec(`INSERT INTO accounts (id, account_no, name, address, community, customer_type, payment_method, application_nature, application_date, invoice_date,
      seq_book, seq_building, seq_unit, seq_room, seq_no, area_type, building_type, connection_fee_fen, area, meter_reader, home_hall_id)
    VALUES ('acc-report', '99999998', '报表', '温州市鹿城区报表路1号', '报表小区', '抄表', '现金', '散户', '2020-01-01', '2020-01-01', '0001', '01', '1', '102', '0001010102', '老', '多层', 240000, '鹿城区', '陈建国', 'hall-lc')`);
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))] ?? Number.NaN;
}

/** The cached report-day store of `payments` payments (generated into .bench-cache/ the first time). */
export function reportDayStore(payments: number): string {
  const cacheDir = join(repoRoot, '.bench-cache');
  mkdirSync(cacheDir, { recursive: true });
  const cached = join(cacheDir, `report-day-${payments}.db`);
  if (!existsSync(cached)) generate(cached, payments);
  else migrateCache(cached);
  return cached;
}

export async function benchPaymentDuringReport(payments = 5_000_000, samples = 400): Promise<Record<string, number>> {
  const cacheDir = join(repoRoot, '.bench-cache');
  const cached = reportDayStore(payments);
  const work = join(cacheDir, 'report-work.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(work + suffix, { force: true });
  copyFileSync(cached, work);
  const host = createHost({ demo: true, dbFile: work, migrationsDir, clock: new FixedClock(TEST_NOW) });
  try {
    // customers with one unpaid bill each, paid in cash at counter LC01
    addRoute(host, '报表抄表员', samples + 40);
    host.store.sqlite
      .prepare(
        `INSERT INTO bills (id, account_id, meter_id, reading_date, previous_reading_centi, this_reading_centi, consumption_centi, price_fen_per_m3, amount_fen, due_date, source, reader)
         SELECT 'rb-' || a.account_no, a.id, m.id, '2026-11-10', 10000, 11000, 1000, 345, 3450, '2026-12-10', 'handheld', '报表抄表员'
         FROM accounts a JOIN meters m ON m.account_id = a.id WHERE a.meter_reader = '报表抄表员'`,
      )
      .run();
    const bills = host.store.sqlite.prepare("SELECT account_id AS accountId, id FROM bills WHERE reader = '报表抄表员' ORDER BY id").all() as { accountId: string; id: string }[];
    const clerk = await signIn(host);
    const boss = await signIn(host, 'manager01', 'counter-lc02');
    const pay = async (bill: { accountId: string; id: string }) => {
      const t0 = performance.now();
      const res = await clerk.call('payments.payCash', { accountId: bill.accountId, billIds: [bill.id], tendered: '50', expectedTotalFen: 3450 });
      if (!res.ok) throw new Error(res.error.message);
      return performance.now() - t0;
    };
    for (const bill of bills.slice(0, 40)) await pay(bill); // warm up
    const half = Math.floor(samples / 2);
    const quiet: number[] = [];
    for (const bill of bills.slice(40, 40 + half)) quiet.push(await pay(bill));

    let reporting = true;
    let reports = 0;
    let reportMs = 0;
    const loop = (async () => {
      while (reporting) {
        const t0 = performance.now();
        const res = await boss.call(HEAVY_READ, { date: DATE });
        if (!res.ok) throw new Error(res.error.message);
        if (!res.value.ok) throw new Error(`${HEAVY_READ}: the kept totals differ from the ledger`);
        reportMs += performance.now() - t0;
        reports++;
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 50)); // the first report is under way
    const busy: number[] = [];
    for (const bill of bills.slice(40 + half, 40 + 2 * half)) busy.push(await pay(bill));
    const paidWhileBusy = reports === 0 ? 'all while the first one ran' : `${reports} answered meanwhile`;
    reporting = false;
    await loop;
    console.log(`\nPayments while ${HEAVY_READ} (the day's totals recomputed from the ledger) over ${payments.toLocaleString('en')} payments runs on the read worker (issue 13 #6)`);
    console.log(`${HEAVY_READ} on the worker: ${reports} runs, ${(reportMs / Math.max(1, reports) / 1000).toFixed(2)} s each (${paidWhileBusy})`);
    console.log(`payment p95 with no heavy read ${p95(quiet).toFixed(2)} ms, during ${HEAVY_READ} ${p95(busy).toFixed(2)} ms (${busy.length} payments each)`);
    return { payment_p95_during_report_ms: p95(busy) };
  } finally {
    host.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(work + suffix, { force: true });
  }
}
