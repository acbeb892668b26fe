/**
 * Issue 14 BENCH, end to end with real processes (tests/sim/cluster.ts): a throwaway PostgreSQL cluster, ONE server
 * process (`npm run server`'s entry) and counter host processes (tests/sim/counter-process.ts) with their own SQLite
 * stores, outboxes, pushers and feed pullers.
 *  - push: 12 counters make payments while cut off, then all links come back at once: outbox events acknowledged
 *    per second until every outbox is empty (sync_push_events_per_s), beside the raw INSERT rate of single rows into
 *    PostgreSQL in the same run (sync_pg_insert_rows_per_s: the same events as plain rows in 1-row INSERTs, batches
 *    of 200 per transaction);
 *  - a-to-b: a payment at counter A until its bill shows 收讫 at counter B of the same hall, online (p50/p95);
 *  - catch-up: counter B offline while the hall's other counters take N payments (2,000), then back: seconds until
 *    B holds all of them;
 *  - snapshot: is the counter side's (i14-down, tests/bench/snapshot.ts), not here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { businessDateOf } from '../../preload/kernel/dates.js';
import { openStore } from '../../db/open.js';
import { migrationsDir } from '../../main/paths.js';
import { bundle, CounterProc, enrolAll, prepareCompany, removeBundles, sleep, startCentral } from '../sim/cluster.js';
import { simHalls } from '../sim/seed.js';
import { percentile, type BenchFigures } from './figures.js';

export interface SyncBenchSizes {
  /** Payments per counter for the push figure (12 counters). */
  pushPayments: number;
  latencySamples: number;
  catchupPayments: number;
}

export const SYNC_BENCH_FULL: SyncBenchSizes = { pushPayments: 100, latencySamples: 40, catchupPayments: 2000 };
export const SYNC_BENCH_QUICK: SyncBenchSizes = { pushPayments: 10, latencySamples: 10, catchupPayments: 100 };

export async function benchSync(sizes: SyncBenchSizes): Promise<BenchFigures> {
  const figures: BenchFigures = {};
  const dir = mkdtempSync(join(tmpdir(), 'gas-sync-bench-'));
  const halls = simHalls(3, 4);
  const today = businessDateOf(new Date());
  const accounts = Math.max(3000, Math.ceil((12 * sizes.pushPayments + sizes.catchupPayments + sizes.latencySamples) * 3));
  const central = await startCentral(1);
  const counters: CounterProc[] = [];
  try {
    const template = await prepareCompany(central, dir, halls, accounts, today);
    const tpl = openStore(template, { migrationsDir, readonly: true });
    const cash = tpl.sqlite.prepare("SELECT DISTINCT b.account_id FROM bills b JOIN accounts a ON a.id = b.account_id WHERE b.status = '未缴' AND a.customer_type = '抄表' ORDER BY 1").pluck().all() as string[];
    const firstBill = tpl.sqlite.prepare("SELECT id FROM bills WHERE account_id = ? AND status = '未缴' ORDER BY id LIMIT 1").pluck();
    const billOf = new Map(cash.map((a) => [a, firstBill.get(a) as string]));
    tpl.close();
    const script = await bundle('tests/sim/counter-process.ts', 'bench-counter');
    const targets = () => central.servers.map((s) => s.url);
    for (const h of halls) for (const c of h.counters) counters.push(new CounterProc(h, c, join(dir, c.code), script, targets, 100));
    await enrolAll(counters, central, template);
    const take = () => {
      const a = cash.shift();
      if (!a) throw new Error('bench: out of accounts with unpaid bills');
      return a;
    };
    const drained = async (list: CounterProc[]) => {
      for (;;) {
        const states = await Promise.all(list.map((c) => c.call('pushStatus')));
        if (states.every((s) => s.ok && s.value.pending === 0)) return;
        await sleep(20);
      }
    };

    // ---- push: 12 counters' outboxes at once
    for (const c of counters) c.link.cut();
    await Promise.all(counters.map(async (c) => {
      for (let i = 0; i < sizes.pushPayments; i++) await c.call('pay', { accountId: take() });
    }));
    const before = await Promise.all(counters.map((c) => c.call('pushStatus')));
    const events = before.reduce((s, r) => s + (r.value?.pending ?? 0), 0);
    const tPush = performance.now();
    for (const c of counters) c.link.restore();
    for (const c of counters) void c.call('pushNow');
    await drained(counters);
    const pushS = (performance.now() - tPush) / 1000;
    figures.sync_push_events_per_s = Math.round(events / pushS);
    console.log(`sync push: ${events} outbox events from 12 counters acknowledged in ${pushS.toFixed(2)} s`);

    // baseline: the same number of rows as single-row INSERTs into PostgreSQL, 200 per transaction
    const { createPool } = await import('../../server/db/pool.js');
    const pool = createPool(central.databaseUrl, 1);
    try {
      await pool.query('CREATE TABLE bench_raw (id text PRIMARY KEY, row jsonb NOT NULL)');
      const row = JSON.stringify({ id: 'x', total_fen: 1234, account_id: 'a', hall_id: 'hall-lc', business_date: today, method: '现金' });
      const client = await pool.connect();
      const tRaw = performance.now();
      try {
        for (let i = 0; i < events; i += 200) {
          await client.query('BEGIN');
          for (let k = i; k < Math.min(events, i + 200); k++) await client.query('INSERT INTO bench_raw (id, row) VALUES ($1, $2::jsonb)', [`r${k}`, row]);
          await client.query('COMMIT');
        }
      } finally {
        client.release();
      }
      figures.sync_pg_insert_rows_per_s = Math.round(events / ((performance.now() - tRaw) / 1000));
      console.log(`baseline: ${events} single-row INSERTs into PostgreSQL at ${figures.sync_pg_insert_rows_per_s}/s`);
    } finally {
      await pool.end();
    }

    // ---- a-to-b: a payment at A until its bill shows paid at B (same hall, online)
    const [a, b] = counters;
    if (!a || !b) throw new Error('bench: counters');
    await Promise.all(counters.map((c) => (c === a || c === b ? Promise.resolve() : c.stop())));
    const samples: number[] = [];
    for (let i = 0; i < sizes.latencySamples; i++) {
      const account = take();
      const bill = billOf.get(account) as string;
      const t = performance.now();
      const paid = await a.call('pay', { accountId: account, billIds: [bill] });
      if (!paid.ok || !paid.value?.paymentId) throw new Error(`bench pay: ${JSON.stringify(paid)}`);
      for (;;) {
        const s = await b.call('billStatus', { billId: bill });
        if (s.value === '收讫') break;
        await sleep(5);
      }
      samples.push(performance.now() - t);
      await sleep(50);
    }
    figures.sync_a_to_b_p50_ms = Math.round(percentile(samples, 50));
    figures.sync_a_to_b_p95_ms = Math.round(percentile(samples, 95));
    console.log(`sync a→b: ${samples.length} payments, p50 ${figures.sync_a_to_b_p50_ms} ms, p95 ${figures.sync_a_to_b_p95_ms} ms (pusher kicked at commit, B pulls every 100 ms)`);

    // ---- catch-up: B offline while the hall's other counters take N payments
    const others = counters.filter((c) => c.hall === a.hall && c !== b);
    for (const c of others) if (!c.alive) await c.start();
    await drained(others);
    b.link.cut();
    const base = Number((await b.call('paymentCount')).value);
    await Promise.all(others.map(async (c, k) => {
      for (let i = k; i < sizes.catchupPayments; i += others.length) await c.call('pay', { accountId: take() });
    }));
    await drained(others);
    const target = base + sizes.catchupPayments;
    const tCatch = performance.now();
    b.link.restore();
    for (;;) {
      const n = Number((await b.call('paymentCount')).value);
      if (n >= target) break;
      await sleep(20);
    }
    const catchS = (performance.now() - tCatch) / 1000;
    // the figure's name says 2,000: a smaller (--quick) day prints NA for it, as handheld_commit_5000_s does
    if (sizes.catchupPayments === 2000) figures.sync_catchup_2000_s = Number(catchS.toFixed(2));
    console.log(`sync catch-up: ${sizes.catchupPayments} payments of the hall's other counters applied at B in ${catchS.toFixed(2)} s`);
  } finally {
    await Promise.all(counters.map((c) => c.stop().catch(() => undefined)));
    await Promise.all(counters.map((c) => c.link.close().catch(() => undefined)));
    await central.stop();
    removeBundles();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
