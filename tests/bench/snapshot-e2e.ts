/**
 * Issue 14 #2 bench, end to end (prints figures, asserts nothing): a new counter's initial snapshot of N accounts
 * (1,000,000) from a throwaway PostgreSQL cluster through one sync server process (`npm run server`'s entry, as
 * deployed: its CPU beside the counter's, not on the counter's thread) over loopback HTTP into a fresh counter
 * store, the way the counter's puller does it (main/sync/puller.ts snapshot): 20,000-row pages keyset by row id,
 * the next page asked for while the current one is written, each page parsed and checked and written by
 * loadSnapshotPage, then finishSnapshot builds the deferred search index. Loading the accounts into PostgreSQL is
 * setup (not measured). Prints wall seconds and CPU seconds (the counter, the server process, the cluster's
 * PostgreSQL processes), and where the counter's main thread spent the wall time (on a CPU, waiting for a CPU that
 * other processes had, blocked), as the machine is shared.
 *
 *   npx tsx tests/bench/snapshot-e2e.ts [--accounts 1000000]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../../db/open.js';
import { migrationsDir } from '../../main/paths.js';
import { seedReferenceData } from '../../main/seed/generate.js';
import { finishSnapshot, loadSnapshotPage, withSnapshotCache } from '../../main/sync/snapshot.js';
import { createPool } from '../../server/db/pool.js';
import { deviceAuthorization, MAX_SNAPSHOT_LIMIT, ROUTES, type EnrolResponse } from '../../server/protocol/index.js';
import { startCentral, type Central } from '../sim/cluster.js';
import type { BenchFigures } from './figures.js';
import { describeSince, procTimes } from './proc-times.js';

/** CPU seconds of one process (/proc/<pid>/stat utime + stime, USER_HZ 100), 0 when gone. */
function processCpu(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds used so far by this process (the counter), the server process and the cluster's PostgreSQL processes. */
function cpuSeconds(h: Central): { node: number; server: number; pg: number } {
  const usage = process.cpuUsage();
  const postmaster = readFileSync(`${h.cluster.dataDir}/postmaster.pid`, 'utf8').split('\n')[0]!.trim();
  let pg = 0;
  for (const pid of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (pid !== postmaster && fields[1] !== postmaster) continue;
      pg += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100;
    } catch {
      // the process ended meanwhile
    }
  }
  return { node: (usage.user + usage.system) / 1e6, server: processCpu(h.servers[0]?.child?.pid), pg };
}

/** The accounts of tests/bench/snapshot.ts accountRow, generated in PostgreSQL (same columns and values). */
const ACCOUNTS_SQL = `
INSERT INTO rows (company_id, table_name, row_key, hall_id, row)
SELECT 'BC', 'accounts', 'acc-' || lpad(i::text, 9, '0'), NULL,
  jsonb_build_object('id', 'acc-' || lpad(i::text, 9, '0'), 'account_no', (10000000 + i)::text, 'name', '用户' || i,
    'address', '温州市鹿城区快照路' || (i % 997) || '号' || (i % 30 + 1) || '幢' || (i % 6 + 1) || '单元' || (i % 28 + 1) || '0' || (i % 4 + 1) || '室',
    'community', '小区' || (i % 500), 'customer_type', CASE WHEN i % 7 = 0 THEN 'IC卡' ELSE '抄表' END,
    'payment_method', CASE WHEN i % 7 = 0 THEN '充值' ELSE '现金' END, 'bank_card_no', NULL, 'bank_name', NULL, 'card_holder', NULL,
    'sms_number', NULL, 'sms_company', NULL, 'application_nature', '散户', 'application_date', '2020-05-01', 'invoice_date', '2020-05-01',
    'install_requirements', '', 'seq_book', lpad((i % 10000)::text, 4, '0'), 'seq_building', '01', 'seq_unit', '1', 'seq_room', '101',
    'seq_no', lpad(i::text, 10, '0'), 'area_type', '老', 'building_type', '多层', 'connection_fee_fen', 240000, 'area', '鹿城区',
    'meter_reader', '抄表员' || (i % 40), 'reading_cycle', '每月', 'home_hall_id', CASE WHEN i % 2 = 1 THEN 'hall-lc' ELSE 'hall-hl' END,
    'category', '普通用户', 'hose_info', '', 'connection_invoice_no', NULL, 'settled_reading_centi', 0, 'prepaid_volume_centi', 0,
    'created_at', '2026-01-01T00:00:00.000Z')
FROM generate_series(0, $1::int - 1) AS i`;

export async function benchSnapshotEndToEnd(accounts: number): Promise<BenchFigures> {
  const h = await startCentral(1);
  const dir = mkdtempSync(join(tmpdir(), 'gas-snapshot-e2e-'));
  const url = h.servers[0]?.url ?? '';
  try {
    const t0 = performance.now();
    const pool = createPool(h.databaseUrl, 1);
    try {
      await pool.query(ACCOUNTS_SQL, [accounts]);
      await pool.query('VACUUM ANALYZE rows');
    } finally {
      await pool.end();
    }
    console.log(`snapshot setup: ${accounts} accounts in PostgreSQL in ${((performance.now() - t0) / 1000).toFixed(1)} s (not measured)`);
    const { code } = await h.admin<{ code: string }>('POST', ROUTES.adminCodes, { companyId: 'BC', hallId: 'hall-lc', counterId: 'BK-new' });
    const enrol = await fetch(`${url}${ROUTES.enrol}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, label: 'BK-new' }) });
    if (!enrol.ok) throw new Error(`enrol: ${enrol.status}`);
    const enrolled = (await enrol.json()) as EnrolResponse;
    const device = { auth: deviceAuthorization(enrolled.deviceId, enrolled.secret) };
    const store = openStore(join(dir, 'counter.db'), { migrationsDir });
    seedReferenceData(store.sqlite);
    const db = store.sqlite;
    const get = async (after: string, retry = true): Promise<unknown> => {
      let r: Response;
      try {
        r = await fetch(`${url}${ROUTES.snapshot}?table=accounts&limit=${MAX_SNAPSHOT_LIMIT}${after ? `&after=${encodeURIComponent(after)}` : ''}`, { headers: { authorization: device.auth } });
      } catch (error) {
        // a connection the server closed as the request left (the puller would retry at its next cycle)
        if (retry) return get(after, false);
        throw error;
      }
      if (r.status !== 200) throw new Error(`snapshot page: HTTP ${r.status}`);
      return JSON.parse(await r.text()) as unknown;
    };
    const c0 = cpuSeconds(h);
    const p0 = procTimes();
    const t1 = performance.now();
    let rows = 0;
    let indexSeconds = 0;
    await withSnapshotCache(db, async () => {
      const start = await fetch(`${url}${ROUTES.snapshotStart}`, { headers: { authorization: device.auth } });
      if (start.status !== 200) throw new Error('snapshot start refused');
      await start.text();
      let fetching: Promise<unknown> | null = get('');
      const now = new Date();
      while (fetching) {
        const raw: unknown = await fetching;
        const next = (raw as { next?: unknown }).next;
        fetching = typeof next === 'string' ? get(next) : null;
        fetching?.catch(() => {});
        const r = loadSnapshotPage(db, raw, now);
        if (r.problems > 0) throw new Error(`snapshot bench: ${r.problems} problems`);
        rows += r.inserted;
      }
      const ti = performance.now();
      finishSnapshot(db);
      indexSeconds = (performance.now() - ti) / 1000;
    });
    const seconds = (performance.now() - t1) / 1000;
    const where = describeSince(p0, seconds);
    const c1 = cpuSeconds(h);
    const found = db.prepare("SELECT count(*) FROM accounts_fts WHERE accounts_fts MATCH '快照路'").pluck().get() as number;
    store.close();
    if (rows !== accounts || found !== accounts) throw new Error(`snapshot bench: ${rows} written, ${found} found of ${accounts}`);
    const counterCpu = c1.node - c0.node;
    const serverCpu = c1.server - c0.server;
    const pgCpu = c1.pg - c0.pg;
    console.log(
      `snapshot end to end: ${rows} accounts PostgreSQL → server process → counter store in ${seconds.toFixed(1)} s wall; CPU ${counterCpu.toFixed(1)} s counter + ${serverCpu.toFixed(1)} s server + ${pgCpu.toFixed(1)} s PostgreSQL; search index built at the end in ${indexSeconds.toFixed(1)} s; counter ${where}; load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (2 cores)`,
    );
    const tag = accounts === 1_000_000 ? '1m' : `${accounts}`;
    return { [`sync_snapshot_${tag}_s`]: Number(seconds.toFixed(1)), [`sync_snapshot_${tag}_cpu_s`]: Number((counterCpu + serverCpu + pgCpu).toFixed(1)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await h.stop();
  }
}

if (process.argv[1]?.endsWith('snapshot-e2e.ts')) {
  const { values } = parseArgs({ options: { accounts: { type: 'string', default: '1000000' } } });
  const figures = await benchSnapshotEndToEnd(Number(values.accounts));
  for (const [name, value] of Object.entries(figures)) console.log(`BENCH ${name} ${value}`);
}
