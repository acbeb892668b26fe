/**
 * 日结 over one hall-day of 5,000,000 payments (issue 6 bench): the day's status, the close with its
 * totals per clerk, counter, tender and charge, the reports on the same data, and the cold start of the
 * host to its first query. The store is generated once into .bench-cache/ and copied for each run.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '../../db/open.js';
import { seedReferenceData } from '../../main/seed/generate.js';
import { createHost } from '../../main/host.js';
import { migrationsDir, repoRoot } from '../../main/paths.js';
import type { Result } from '../../preload/contract.js';
import { FixedClock, signIn, TEST_NOW } from '../fixtures/host.js';
import type { BenchFigures } from './figures.js';

const DATE = '2026-11-23';

function generate(file: string, payments: number): void {
  const started = performance.now();
  const store = openStore(file, { migrationsDir });
  const db = store.sqlite;
  seedReferenceData(db);
  db.exec(`INSERT INTO accounts (id, account_no, name, address, community, customer_type, payment_method, application_nature, application_date, invoice_date,
      seq_book, seq_building, seq_unit, seq_room, seq_no, area_type, building_type, connection_fee_fen, area, meter_reader, home_hall_id)
    VALUES ('acc-bench', '99999999', '基准', '温州市鹿城区基准路1号', '基准小区', '抄表', '现金', '散户', '2020-01-01', '2020-01-01', '0001', '01', '1', '101', '0001010101', '老', '多层', 240000, '鹿城区', '陈建国', 'hall-lc')`);
  // one hall-day: two clerks at two counters; cash, tickets and bank rows across the charge types
  const batch = 250_000;
  for (let start = 0; start < payments; start += batch) {
    const n = Math.min(batch, payments - start);
    db.transaction(() => {
      db.exec(`
        WITH RECURSIVE seq(i) AS (SELECT ${start + 1} UNION ALL SELECT i + 1 FROM seq WHERE i < ${start + n})
        INSERT INTO check_slips (slip_no, counter_id, seq, hall_id, business_date)
        SELECT CASE i % 2 WHEN 0 THEN 'LC01-' ELSE 'LC02-' END || printf('%09d', i), CASE i % 2 WHEN 0 THEN 'counter-lc01' ELSE 'counter-lc02' END, i, 'hall-lc', '${DATE}' FROM seq;
        WITH RECURSIVE seq(i) AS (SELECT ${start + 1} UNION ALL SELECT i + 1 FROM seq WHERE i < ${start + n})
        INSERT INTO payments (id, slip_no, account_id, hall_id, counter_id, clerk_id, business_date, method, charge_type, invoice_category, gas_fen, late_fee_fen, total_fen, tendered_fen, change_fen)
        SELECT 'p' || i, CASE i % 2 WHEN 0 THEN 'LC01-' ELSE 'LC02-' END || printf('%09d', i), 'acc-bench', 'hall-lc',
          CASE i % 2 WHEN 0 THEN 'counter-lc01' ELSE 'counter-lc02' END, CASE i % 2 WHEN 0 THEN 'staff-clerk01' ELSE 'staff-clerk02' END, '${DATE}',
          CASE WHEN i % 10 = 0 THEN '银行代缴' ELSE '现金' END, CASE WHEN i % 7 = 0 THEN '充值费' ELSE '燃气费' END, '核对单',
          1000 + i % 9000, (i % 3) * 50, 1000 + i % 9000 + (i % 3) * 50, 1000 + i % 9000 + (i % 3) * 50 + (i % 5) * 100, (i % 5) * 100
        FROM seq;`);
    })();
    process.stdout.write(`\rgenerating ${(start + n).toLocaleString('en')}/${payments.toLocaleString('en')} payments`);
  }
  for (const clerk of ['staff-clerk01', 'staff-clerk02']) {
    db.prepare(`INSERT INTO cash_reports (id, clerk_id, hall_id, business_date, previous_balance_fen, income_fen, deposited_fen, balance_fen, counted_fen, denominations, difference_fen, lines)
      VALUES (?, ?, 'hall-lc', '${DATE}', 0, 0, 0, 0, 0, '{}', 0, '[]')`).run(`cr-${clerk}`, clerk);
    db.prepare("UPDATE cash_reports SET reviewer_id = 'staff-manager01', reviewed_at = 'x' WHERE clerk_id = ?").run(clerk);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  console.log(`\ngenerated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** The cached day store of `payments` payments (generated into .bench-cache/ the first time). */
export function dayStore(payments: number): string {
  const cacheDir = join(repoRoot, '.bench-cache');
  mkdirSync(cacheDir, { recursive: true });
  const cached = join(cacheDir, `day-${payments}.db`);
  if (!existsSync(cached)) generate(cached, payments);
  return cached;
}

export async function benchDayClose(payments = 5_000_000): Promise<BenchFigures> {
  const cached = dayStore(payments);
  const cacheDir = join(repoRoot, '.bench-cache');
  const work = join(cacheDir, 'day-work.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(work + suffix, { force: true });
  copyFileSync(cached, work);
  try {
    let t0 = performance.now();
    const host = createHost({ demo: true, dbFile: work, migrationsDir, clock: new FixedClock(TEST_NOW) });
    const boss = await signIn(host, 'manager01', 'counter-lc02');
    const first = await boss.call('day.status', { date: DATE });
    const cold = performance.now() - t0;
    if (!first.ok) throw new Error(first.error.message);
    console.log(`\nDay close over ${payments.toLocaleString('en')} payments in one hall-day`);
    console.log(`cold start of the host (open, integrity check, migrations) to its first query: ${(cold / 1000).toFixed(2)} s`);
    const figures: BenchFigures = {};
    const time = async <R extends Result<unknown>>(name: string, run: () => Promise<R>, figure?: string): Promise<R> => {
      t0 = performance.now();
      const res = await run();
      if (!res.ok) throw new Error(`${name}: ${res.error.message}`);
      const elapsed = performance.now() - t0;
      if (figure) figures[figure] = elapsed;
      console.log(`${name.padEnd(34)} ${(elapsed / 1000).toFixed(2).padStart(7)} s`);
      return res;
    };
    await time('day status (clerks and reports)', () => boss.call('day.status', { date: DATE }));
    const closed = await time('close: totals per clerk/counter/tender', () => boss.call('day.close', { date: DATE }), 'day_close_ms');
    const all = closed.ok ? closed.value.report.all : undefined;
    console.log(`  closed ${all?.count.toLocaleString('en')} payments, ￥${((all?.totalFen ?? 0) / 100).toLocaleString('en', { minimumFractionDigits: 2 })}`);
    await time('收银统计报表 (hall, one day)', () => boss.call('reports.cash', { from: DATE, to: DATE }), 'cash_statistics_ms');
    await time('收银统计报表 (one clerk)', () => boss.call('reports.cash', { from: DATE, to: DATE, clerkLogin: 'clerk01' }));
    await time('month-end report', () => boss.call('day.month', { month: DATE.slice(0, 7) }));
    host.close();
    return figures;
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(work + suffix, { force: true });
  }
}
