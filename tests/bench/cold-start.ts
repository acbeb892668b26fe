/**
 * Issue 13 #5/#7: the host's cold start — open, migrate, first query answered — on a realistic hall store (years of
 * monthly bills, each paid at the counter with its slip, items and audit row) and on the 5M-payment day store.
 * Measured warm (the file just copied, in the page cache) and after dropping the file's page cache
 * (posix_fadvise DONTNEED on the file: `dd iflag=nocache count=0`, else python3's os.posix_fadvise; if neither
 * works the figure is NA, never a warm figure under the cold name).
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openStore } from '../../db/open.js';
import { createHost } from '../../main/host.js';
import { migrationsDir } from '../../main/paths.js';
import { seedAccounts, seedReferenceData } from '../../main/seed/generate.js';
import { withCaptureOff } from '../../main/sync/apply-switch.js';
import { clientOn, FixedClock, TEST_NOW } from '../fixtures/host.js';
import type { BenchFigures } from './figures.js';
import { BENCH_TODAY, cachedStore, removeStore, workCopy } from './stores.js';

/**
 * A hall store of `accounts` accounts with `months` months of history: each month a paid bill per account, its
 * payment, check slip, payment item and an audit row (720,000 of each for 20,000 accounts over 3 years).
 * Set-based inserts (triggers on). The audit rows carry a placeholder hash: start-up does not walk the chain.
 */
export function hallStore(accounts: number, months: number): string {
  return cachedStore(`hall-${accounts}x${months}.db`, (file) => {
    const store = openStore(file, { migrationsDir });
    const db = store.sqlite;
    // issue 14: generated data, not facts of this PC: not captured into the outbox
    withCaptureOff(db, () => {
      seedReferenceData(db);
      seedAccounts(db, { accounts, today: BENCH_TODAY, seed: 9090, onProgress: (d, t) => process.stdout.write(`\rgenerating hall store: ${d}/${t} accounts`) });
      const auditStart = Number(db.prepare('SELECT coalesce(max(seq), 0) FROM audit_log').pluck().get());
      for (let m = 0; m < months; m++) {
        const month = new Date(Date.UTC(2026, 10 - months + m, 20));
        const date = month.toISOString().slice(0, 10);
        const due = new Date(month.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
        const paidOn = new Date(month.getTime() + 10 * 86_400_000).toISOString().slice(0, 10);
        const tag = String(m).padStart(2, '0');
        db.transaction(() => {
          db.exec(`
            CREATE TEMP TABLE IF NOT EXISTS hall_month AS SELECT 0 AS n, '' AS account_id, '' AS meter_id WHERE 0;
            DELETE FROM hall_month;
            INSERT INTO hall_month SELECT a.rowid, a.id, m.id FROM accounts a JOIN meters m ON m.account_id = a.id AND m.active = 1;
            INSERT INTO check_slips (slip_no, counter_id, seq, hall_id, business_date)
              SELECT 'LC01-H${tag}' || printf('%07d', n), 'counter-lc01', ${m + 1}000000 + n, 'hall-lc', '${paidOn}' FROM hall_month;
            INSERT INTO payments (id, slip_no, account_id, hall_id, counter_id, clerk_id, business_date, method, gas_fen, late_fee_fen, total_fen, tendered_fen, change_fen, created_at)
              SELECT 'hp${tag}-' || n, 'LC01-H${tag}' || printf('%07d', n), account_id, 'hall-lc', 'counter-lc01', 'staff-clerk01', '${paidOn}', '现金',
                3000 + n % 9000, 0, 3000 + n % 9000, 20000, 17000 - n % 9000, '${paidOn}T02:00:00.000Z' FROM hall_month;
            INSERT INTO bills (id, account_id, meter_id, reading_date, previous_reading_centi, this_reading_centi, consumption_centi, price_fen_per_m3, amount_fen, due_date, source, reader, status, paid_payment_id, pricing)
              SELECT 'hb${tag}-' || n, account_id, meter_id, '${date}', ${m} * 1000, ${m + 1} * 1000, 1000, 345, 3000 + n % 9000, '${due}', 'handheld', '陈建国', '收讫', 'hp${tag}-' || n,
                '10.00 m³ × 3.45 = 34.50（${date} 抄表，抄表员 陈建国）' FROM hall_month;
            INSERT INTO payment_items (id, payment_id, bill_id, gas_fen, late_fee_fen, overdue_days)
              SELECT 'hi${tag}-' || n, 'hp${tag}-' || n, 'hb${tag}-' || n, 3000 + n % 9000, 0, 0 FROM hall_month;
            INSERT INTO audit_log (seq, at, actor_id, action, entity, entity_id, detail, prev_hash, hash)
              SELECT ${auditStart} + ${m} * ${accounts} + row_number() OVER (ORDER BY n), '${paidOn}T02:00:00.000Z', 'staff-clerk01', 'payment.cash', 'payment', 'hp${tag}-' || n,
                json_object('slipNo', 'LC01-H${tag}' || printf('%07d', n), 'accountId', account_id, 'billIds', json_array('hb${tag}-' || n), 'totalFen', 3000 + n % 9000,
                  'tenderedFen', 20000, 'changeFen', 17000 - n % 9000, 'method', '现金', 'ticketFen', 0, 'ticketCashFen', 0, 'tickets', json_array(), 'prepaidDeltaCenti', 0),
                printf('%064d', 0), printf('%064x', n) FROM hall_month;`);
        })();
        process.stdout.write(`\rgenerating hall store: month ${m + 1}/${months}        `);
      }
    });
    db.pragma('wal_checkpoint(TRUNCATE)');
    store.close();
  });
}

/** Drops the file's pages from the page cache; returns how, or null when no way worked here. */
export function dropPageCache(file: string): string | null {
  const dd = spawnSync('dd', [`if=${file}`, 'iflag=nocache', 'count=0', 'status=none'], { stdio: 'ignore' });
  if (dd.status === 0 && residentPages(file) !== false) return 'dd iflag=nocache (posix_fadvise DONTNEED)';
  const py = spawnSync('python3', ['-c', 'import os,sys; fd=os.open(sys.argv[1], os.O_RDONLY); os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)', file], { stdio: 'ignore' });
  if (py.status === 0 && residentPages(file) !== false) return "python3 os.posix_fadvise(POSIX_FADV_DONTNEED)";
  return null;
}

/** Whether the file is now out of the page cache (fincore, util-linux): false if pages stayed, null if unknown. */
function residentPages(file: string): boolean | null {
  const out = spawnSync('fincore', ['--bytes', '--noheadings', '--output', 'RES', file], { encoding: 'utf8' });
  if (out.status !== 0) return null;
  const resident = Number(out.stdout.trim());
  // more than 1 % of the file still resident means the drop did not happen
  return Number.isFinite(resident) ? resident <= statSync(file).size / 100 : null;
}

type Mode = 'at-open' | 'background';

async function startToFirstQuery(file: string, mode: Mode): Promise<{ firstQueryMs: number; writableMs: number }> {
  const t0 = performance.now();
  const host = createHost({ demo: true, dbFile: file, migrationsDir, clock: new FixedClock(TEST_NOW), storeCheck: mode });
  const first = await clientOn(host, 'bench-cold').call('auth.counters', {});
  const firstQueryMs = performance.now() - t0;
  if (!first.ok) throw new Error(first.error.message);
  const checked = await host.storeCheck;
  const writableMs = performance.now() - t0;
  host.close();
  if (checked !== 'ok') throw new Error(`integrity check: ${checked}`);
  return { firstQueryMs, writableMs };
}

/**
 * Per store: the start as the app does it (issue 13 #5: the check in the background, the figure) and, beside it,
 * the old start with quick_check before the first query ('at-open', what tools and tests still use).
 */
export async function benchColdStart(stores: readonly { label: string; file: string }[]): Promise<BenchFigures> {
  console.log('\nCold start of the host: open, migrations, first query answered (auth.counters); writes allowed once the integrity check passed');
  console.log('store                                        check      page cache   first query   writes allowed');
  let warm = Number.NaN;
  let dropped = Number.NaN;
  const max = (a: number, b: number) => (Number.isNaN(a) ? b : Math.max(a, b));
  for (const { label, file } of stores) {
    const work = workCopy(file, 'cold-work.db');
    try {
      for (const mode of ['at-open', 'background'] as const) {
        const w = await startToFirstQuery(work, mode);
        const how = dropPageCache(work);
        const d = how ? await startToFirstQuery(work, mode) : null;
        const row = (cache: string, r: { firstQueryMs: number; writableMs: number } | null) =>
          console.log(`${label.padEnd(44)} ${mode.padEnd(10)} ${cache.padEnd(12)} ${r ? `${r.firstQueryMs.toFixed(1)} ms`.padStart(11) : 'NA'.padStart(11)}   ${r ? `${r.writableMs.toFixed(1)} ms`.padStart(11) : ''}`);
        row('warm', w);
        row('dropped', d);
        if (mode === 'background') {
          warm = max(warm, w.firstQueryMs);
          if (d) dropped = max(dropped, d.firstQueryMs);
        }
        if (!how) console.log('  (the page cache could not be dropped here: neither dd iflag=nocache nor python3 os.posix_fadvise worked)');
      }
      console.log(`  page cache dropped with: ${dropPageCache(work) ?? 'nothing (NA)'}`);
    } finally {
      removeStore(work);
    }
  }
  return { cold_start_ms: warm, cold_start_dropped_cache_ms: dropped };
}
