/**
 * 日结 over one hall-day of 5,000,000 payments (issue 6 bench): the day's status, the close with its
 * totals per clerk, counter, tender and charge, the reports on the same data, and the cold start of the
 * host to its first query. The store is generated once into .bench-cache/ and copied for each run.
 * Issue 13 #2: the reports read the per-day totals kept by the ledger's insert triggers; each is printed
 * beside the ledger scan it replaced (the former queries, run in the same run on the same store), and the
 * cost the triggers add per payment is measured on a fresh store.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '../../db/open.js';
import { seedReferenceData } from '../../main/seed/generate.js';
import { withCaptureOff } from '../../main/sync/apply-switch.js';
import { OFF_COUNTER_METHODS } from '../../main/domain/payment-channels.js';
import { createHost } from '../../main/host.js';
import { migrationsDir, repoRoot } from '../../main/paths.js';
import type { Result } from '../../preload/contract.js';
import { FixedClock, signIn, TEST_NOW } from '../fixtures/host.js';
import type { BenchFigures } from './figures.js';
import { migrateCache } from './stores.js';

const DATE = '2026-11-23';

/** Inserts `payments` rows of the hall-day (slips first, then payments); returns the time spent on the payments (wall and CPU, µs). */
function fillDay(db: Database.Database, payments: number, progress: boolean): { wallUs: number; cpuUs: number } {
  let wallUs = 0;
  let cpuUs = 0;
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
        SELECT CASE i % 2 WHEN 0 THEN 'LC01-' ELSE 'LC02-' END || printf('%09d', i), CASE i % 2 WHEN 0 THEN 'counter-lc01' ELSE 'counter-lc02' END, i, 'hall-lc', '${DATE}' FROM seq;`);
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      db.exec(`
        WITH RECURSIVE seq(i) AS (SELECT ${start + 1} UNION ALL SELECT i + 1 FROM seq WHERE i < ${start + n})
        INSERT INTO payments (id, slip_no, account_id, hall_id, counter_id, clerk_id, business_date, method, charge_type, invoice_category, gas_fen, late_fee_fen, total_fen, tendered_fen, change_fen)
        SELECT 'p' || i, CASE i % 2 WHEN 0 THEN 'LC01-' ELSE 'LC02-' END || printf('%09d', i), 'acc-bench', 'hall-lc',
          CASE i % 2 WHEN 0 THEN 'counter-lc01' ELSE 'counter-lc02' END, CASE i % 2 WHEN 0 THEN 'staff-clerk01' ELSE 'staff-clerk02' END, '${DATE}',
          CASE WHEN i % 10 = 0 THEN '银行代缴' ELSE '现金' END, CASE WHEN i % 7 = 0 THEN '充值费' ELSE '燃气费' END, '核对单',
          1000 + i % 9000, (i % 3) * 50, 1000 + i % 9000 + (i % 3) * 50, 1000 + i % 9000 + (i % 3) * 50 + (i % 5) * 100, (i % 5) * 100
        FROM seq;`);
      const cpu = process.cpuUsage(c0);
      wallUs += (performance.now() - t0) * 1000;
      cpuUs += cpu.user + cpu.system;
    })();
    if (progress) process.stdout.write(`\rgenerating ${(start + n).toLocaleString('en')}/${payments.toLocaleString('en')} payments`);
  }
  return { wallUs, cpuUs };
}

function generate(file: string, payments: number): void {
  const started = performance.now();
  const store = openStore(file, { migrationsDir });
  const db = store.sqlite;
  // issue 14: generated data, not facts of this PC: not captured into the outbox
  withCaptureOff(db, () => {
    seedReferenceData(db);
    fillDay(db, payments, true);
    for (const clerk of ['staff-clerk01', 'staff-clerk02']) {
      db.prepare(`INSERT INTO cash_reports (id, clerk_id, hall_id, business_date, previous_balance_fen, income_fen, deposited_fen, balance_fen, counted_fen, denominations, difference_fen, lines)
        VALUES (?, ?, 'hall-lc', '${DATE}', 0, 0, 0, 0, 0, '{}', 0, '[]')`).run(`cr-${clerk}`, clerk);
      db.prepare("UPDATE cash_reports SET reviewer_id = 'staff-manager01', reviewed_at = 'x' WHERE clerk_id = ?").run(clerk);
    }
  });
  db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  console.log(`\ngenerated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}


/**
 * The ledger scans the reports made before issue 13 #2 (the former dayStatus, dayCells, cashStatistics and
 * reportLines queries, verbatim but for parameters), run in the same run on the same store as the baseline.
 */
const OFF = `(${OFF_COUNTER_METHODS.map((m) => `'${m}'`).join(', ')})`;
const LEDGER_SCANS = {
  status: `SELECT s.id AS clerkId, s.name AS name, g.count AS count, r.id AS reportId, (r.reviewer_id IS NOT NULL) AS reviewed
    FROM (SELECT clerk_id, count(*) AS count FROM payments WHERE hall_id = @hall AND business_date = @date AND method NOT IN ${OFF} GROUP BY clerk_id) g
    JOIN staff s ON s.id = g.clerk_id LEFT JOIN cash_reports r ON r.clerk_id = s.id AND r.business_date = @date ORDER BY s.name`,
  cells: `SELECT s.name AS clerk, c.code AS counter, g.method, g.charge, g.count, g.totalFen, g.cashFen
    FROM (SELECT clerk_id, counter_id, method, charge_type AS charge, count(*) AS count, sum(total_fen) AS totalFen,
                 sum(CASE WHEN method NOT IN ${OFF} THEN tendered_fen - change_fen ELSE 0 END) AS cashFen
          FROM payments WHERE hall_id = @hall AND business_date = @date GROUP BY clerk_id, counter_id, method, charge_type) g
    JOIN staff s ON s.id = g.clerk_id JOIN counters c ON c.id = g.counter_id`,
  statsByCharge: `SELECT p.charge_type AS chargeType, count(*) AS count, sum(p.total_fen) AS totalFen,
      sum(CASE WHEN p.method NOT IN ${OFF} THEN p.tendered_fen - p.change_fen ELSE 0 END) AS cashFen, sum(p.late_fee_fen) AS lateFeeFen, sum(p.ticket_fen) AS ticketFen
    FROM payments p JOIN staff s ON s.id = p.clerk_id WHERE p.hall_id = @hall AND p.business_date BETWEEN @date AND @date GROUP BY p.charge_type ORDER BY p.charge_type`,
  clerkStatsByCharge: `SELECT p.charge_type AS chargeType, count(*) AS count, sum(p.total_fen) AS totalFen,
      sum(CASE WHEN p.method NOT IN ${OFF} THEN p.tendered_fen - p.change_fen ELSE 0 END) AS cashFen, sum(p.late_fee_fen) AS lateFeeFen, sum(p.ticket_fen) AS ticketFen
    FROM payments p JOIN staff s ON s.id = p.clerk_id WHERE p.hall_id = @hall AND p.business_date BETWEEN @date AND @date AND s.login = 'clerk01'
    GROUP BY p.charge_type ORDER BY p.charge_type`,
  clerkStatsDaily: `SELECT p.business_date AS date, sum(p.total_fen) AS totalFen FROM payments p JOIN staff s ON s.id = p.clerk_id
    WHERE p.hall_id = @hall AND p.business_date BETWEEN @date AND @date AND s.login = 'clerk01' GROUP BY p.business_date ORDER BY p.business_date`,
  monthOpenDays: `SELECT DISTINCT business_date AS d FROM payments WHERE hall_id = @hall AND substr(business_date, 1, 7) = substr(@date, 1, 7)
      AND business_date NOT IN (SELECT business_date FROM business_days WHERE hall_id = @hall AND closed_at IS NOT NULL) ORDER BY d`,
  monthLateRows: `SELECT p.business_date, p.slip_no, p.total_fen FROM payments p
    JOIN business_days d ON d.hall_id = p.hall_id AND d.business_date = p.business_date AND d.closed_at IS NOT NULL
    JOIN card_writes w ON w.id = p.late_card_write_id JOIN accounts a ON a.id = p.account_id JOIN staff s ON s.id = p.clerk_id
    WHERE p.hall_id = @hall AND p.business_date BETWEEN substr(@date, 1, 8) || '01' AND substr(@date, 1, 8) || '31' AND p.late_card_write_id IS NOT NULL
    ORDER BY p.business_date, p.created_at, p.slip_no`,
  statsDaily: `SELECT p.business_date AS date, sum(p.total_fen) AS totalFen FROM payments p JOIN staff s ON s.id = p.clerk_id
    WHERE p.hall_id = @hall AND p.business_date BETWEEN @date AND @date GROUP BY p.business_date ORDER BY p.business_date`,
  clerkByCharge: `SELECT charge_type AS chargeType, invoice_category AS category, count(*) AS count, sum(total_fen - ticket_fen) AS amountFen,
      sum(gas_fen) AS gasFen, sum(late_fee_fen) AS lateFeeFen
    FROM payments WHERE clerk_id = @clerk AND business_date = @date AND method NOT IN ${OFF} GROUP BY charge_type, invoice_category ORDER BY charge_type`,
  clerkTickets: `SELECT t.kind AS kind, sum(CASE WHEN p.reverses_payment_id IS NULL THEN t.count ELSE -t.count END) AS count,
      sum(CASE WHEN p.reverses_payment_id IS NULL THEN t.volume_centi ELSE -t.volume_centi END) AS volume,
      sum(CASE WHEN p.reverses_payment_id IS NULL THEN t.value_fen ELSE -t.value_fen END) AS value
    FROM payments p JOIN ticket_tenders t ON t.payment_id = coalesce(p.reverses_payment_id, p.id)
    WHERE p.clerk_id = @clerk AND p.business_date = @date GROUP BY t.kind ORDER BY t.kind`,
  clerkInvoices: `SELECT category, count(*) AS count, sum(amount_fen) AS amountFen FROM invoices WHERE clerk_id = @clerk AND business_date = @date GROUP BY category`,
  clerkIncome: `SELECT coalesce(sum(tendered_fen - change_fen), 0) AS cash FROM payments WHERE clerk_id = @clerk AND business_date = @date AND method NOT IN ${OFF}`,
} as const;

/**
 * Issue 13 #5: what the totals triggers (and the index payments(clerk_id, business_date)) add per payment:
 * the same rows inserted set-wise into fresh stores with and without them, in wall time and in this
 * process's CPU time (the machine is shared: CPU time is the steadier figure).
 */
function triggerCost(cacheDir: string, payments: number) {
  const spent: Record<'kept' | 'noTriggers' | 'neither', { wallUs: number; cpuUs: number }> = { kept: { wallUs: 0, cpuUs: 0 }, noTriggers: { wallUs: 0, cpuUs: 0 }, neither: { wallUs: 0, cpuUs: 0 } };
  for (const variant of ['neither', 'noTriggers', 'kept', 'neither', 'noTriggers', 'kept'] as const) {
    const file = join(cacheDir, `trigger-cost-${variant}.db`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    const store = openStore(file, { migrationsDir });
    seedReferenceData(store.sqlite);
    if (variant !== 'kept') store.sqlite.exec('DROP TRIGGER payments_day_totals');
    if (variant === 'neither') store.sqlite.exec('DROP INDEX payments_clerk_day');
    const t = fillDay(store.sqlite, payments, false);
    spent[variant] = { wallUs: spent[variant].wallUs + t.wallUs / 2, cpuUs: spent[variant].cpuUs + t.cpuUs / 2 };
    store.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  }
  const per = (a: number, b: number) => (a - b) / payments;
  return {
    triggerWallUs: per(spent.kept.wallUs, spent.noTriggers.wallUs),
    triggerCpuUs: per(spent.kept.cpuUs, spent.noTriggers.cpuUs),
    indexWallUs: per(spent.noTriggers.wallUs, spent.neither.wallUs),
    indexCpuUs: per(spent.noTriggers.cpuUs, spent.neither.cpuUs),
    baseCpuUs: spent.neither.cpuUs / payments,
  };
}

/** The cached day store of `payments` payments (generated into .bench-cache/ the first time). */
export function dayStore(payments: number): string {
  const cacheDir = join(repoRoot, '.bench-cache');
  mkdirSync(cacheDir, { recursive: true });
  const cached = join(cacheDir, `day-${payments}.db`);
  if (!existsSync(cached)) generate(cached, payments);
  else migrateCache(cached);
  return cached;
}

/** Runs the day-close bench; returns the figures for the BENCH lines (ms, the kept-totals path). */
export async function benchDayClose(payments = 5_000_000, costPayments = Math.min(payments, 200_000)): Promise<BenchFigures> {
  const cached = dayStore(payments);
  const cacheDir = join(repoRoot, '.bench-cache');
  const work = join(cacheDir, 'day-work.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(work + suffix, { force: true });
  copyFileSync(cached, work);
  try {
    let t0 = performance.now();
    const host = createHost({ demo: true, dbFile: work, migrationsDir, clock: new FixedClock(TEST_NOW) });
    const boss = await signIn(host, 'manager01', 'counter-lc02');
    const clerk = await signIn(host, 'clerk01', 'counter-lc01');
    const first = await boss.call('day.status', { date: DATE });
    const cold = performance.now() - t0;
    if (!first.ok) throw new Error(first.error.message);
    const ledger = new Database(work, { readonly: true });
    const scan = (...names: (keyof typeof LEDGER_SCANS)[]): number => {
      const started = performance.now();
      for (const name of names) ledger.prepare(LEDGER_SCANS[name]).all({ hall: 'hall-lc', date: DATE, clerk: 'staff-clerk01' });
      return performance.now() - started;
    };
    console.log(`\nDay close over ${payments.toLocaleString('en')} payments in one hall-day (kept per-day totals vs the former ledger scan, same run)`);
    console.log(`cold start of the host (open, integrity check, migrations) to its first query: ${(cold / 1000).toFixed(2)} s`);
    const row = (name: string, kept: number, scanned: number) =>
      console.log(`${name.padEnd(36)} ${kept.toFixed(2).padStart(9)} ms   ledger scan ${scanned.toFixed(1).padStart(9)} ms   ${(scanned / kept).toFixed(0).padStart(6)}x faster`);
    const time = async <R extends Result<unknown>>(name: string, run: () => Promise<R>): Promise<{ res: R; ms: number }> => {
      t0 = performance.now();
      const res = await run();
      if (!res.ok) throw new Error(`${name}: ${res.error.message}`);
      return { res, ms: performance.now() - t0 };
    };
    const status = await time('day status', () => boss.call('day.status', { date: DATE }));
    row('day status (clerks and reports)', status.ms, scan('status'));
    const clerkReport = await time('日收银报表', () => clerk.call('cashReport.draft', {}));
    row("clerk's 日收银报表 (draft)", clerkReport.ms, scan('clerkByCharge', 'clerkTickets', 'clerkInvoices', 'clerkIncome'));
    const stats = await time('收银统计报表', () => boss.call('reports.cash', { from: DATE, to: DATE }));
    row('收银统计报表 (hall, one day)', stats.ms, scan('statsByCharge', 'statsDaily'));
    const clerkStats = await time('收银统计报表 clerk', () => boss.call('reports.cash', { from: DATE, to: DATE, clerkLogin: 'clerk01' }));
    row('收银统计报表 (one clerk)', clerkStats.ms, scan('clerkStatsByCharge', 'clerkStatsDaily'));
    const scanClose = scan('status', 'cells');
    const closed = await time('day close', () => boss.call('day.close', { date: DATE }));
    row('日结: status + totals per clerk/counter/…', closed.ms, scanClose);
    const all = closed.res.ok ? closed.res.value.report.all : undefined;
    console.log(`  closed ${all?.count.toLocaleString('en')} payments, ￥${((all?.totalFen ?? 0) / 100).toLocaleString('en', { minimumFractionDigits: 2 })}`);
    const month = await time('month-end report', () => boss.call('day.month', { month: DATE.slice(0, 7) }));
    // the former month-end report over one closed day: its ledger read afresh, open days by substr(), late rows via payments_day
    row('month-end report', month.ms, scan('cells', 'monthOpenDays', 'monthLateRows'));
    const check = await time('verify totals', () => boss.call('day.verifyTotals', { date: DATE }));
    console.log(`on-demand check totals = ledger (${DATE}): ${check.res.ok && check.res.value.ok ? 'equal' : 'DIFFER'} in ${(check.ms / 1000).toFixed(2)} s`);
    ledger.close();
    host.close();
    const cost = triggerCost(cacheDir, costPayments);
    console.log(
      `cost per payment (set-wise insert of ${costPayments.toLocaleString('en')}, ${cost.baseCpuUs.toFixed(1)} µs CPU without either): ` +
        `totals triggers +${cost.triggerCpuUs.toFixed(1)} µs CPU (+${cost.triggerWallUs.toFixed(1)} µs wall), ` +
        `index payments(clerk_id, business_date) +${cost.indexCpuUs.toFixed(1)} µs CPU (+${cost.indexWallUs.toFixed(1)} µs wall)`,
    );
    return { day_close_ms: closed.ms, cash_statistics_ms: stats.ms, clerk_cash_report_ms: clerkReport.ms };
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(work + suffix, { force: true });
  }
}
