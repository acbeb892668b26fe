/**
 * Issue 14 #2 bench: the initial snapshot of a new counter. A generated snapshot of N accounts (every column of
 * `accounts`, the shape the server's snapshot pages carry) is loaded page by page into a fresh migrated store with
 * the demo halls: each page's JSON text parsed, checked with the contract's zod schema, and written by
 * loadSnapshotPage (one transaction per page, one prepared INSERT per row, the search-index triggers deferred to
 * finishSnapshot).
 * Page generation is outside the timing; parsing, checking and writing are inside, and so is the search index built at the end (finishSnapshot).
 *
 *   npx tsx tests/bench/snapshot.ts --accounts 1000000 [--page 5000]
 *
 * Prints `BENCH snapshot_accounts_<N>_s <seconds>` and rows/s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../../db/open.js';
import { migrationsDir } from '../../main/paths.js';
import { seedReferenceData } from '../../main/seed/generate.js';
import { finishSnapshot, loadSnapshotPage, SNAPSHOT_CACHE_MIB } from '../../main/sync/snapshot.js';
import { describeSince, procTimes } from './proc-times.js';

export function accountRow(i: number): Record<string, string | number | null> {
  const no = String(10_000_000 + i);
  return {
    id: `acc-${String(i).padStart(9, '0')}`, account_no: no, name: `用户${i}`, address: `温州市鹿城区快照路${i % 997}号${(i % 30) + 1}幢${(i % 6) + 1}单元${(i % 28) + 1}0${(i % 4) + 1}室`,
    community: `小区${i % 500}`, customer_type: i % 7 === 0 ? 'IC卡' : '抄表', payment_method: i % 7 === 0 ? '充值' : '现金', bank_card_no: null, bank_name: null, card_holder: null,
    sms_number: null, sms_company: null, application_nature: '散户', application_date: '2020-05-01', invoice_date: '2020-05-01', install_requirements: '',
    seq_book: String(i % 10000).padStart(4, '0'), seq_building: '01', seq_unit: '1', seq_room: '101', seq_no: String(i).padStart(10, '0'), area_type: '老', building_type: '多层',
    connection_fee_fen: 240000, area: '鹿城区', meter_reader: `抄表员${i % 40}`, reading_cycle: '每月', home_hall_id: i % 2 ? 'hall-lc' : 'hall-hl', category: '普通用户', hose_info: '',
    connection_invoice_no: null, settled_reading_centi: 0, prepaid_volume_centi: 0, created_at: '2026-01-01T00:00:00.000Z',
  };
}

export function snapshotPageText(from: number, count: number, total: number): string {
  const rows = [];
  for (let i = from; i < from + count && i < total; i++) rows.push({ rowId: `acc-${String(i).padStart(9, '0')}`, row: accountRow(i) });
  const next = from + count < total ? `acc-${String(from + count - 1).padStart(9, '0')}` : null;
  return JSON.stringify({ table: 'accounts', rows, next });
}

export interface SnapshotBench {
  /** wall seconds of parse + check + write + the search index build */
  seconds: number;
  /** CPU seconds (user + system) of this process over the same sections */
  cpuSeconds: number;
  /** of which the deferred search index build at the end */
  indexSeconds: number;
  rowsPerSecond: number;
  rows: number;
}

export async function benchSnapshot(accounts: number, pageSize = 20000, cacheMiB = SNAPSHOT_CACHE_MIB): Promise<SnapshotBench> {
  const dir = mkdtempSync(join(tmpdir(), 'gas-snapshot-bench-'));
  try {
    const store = openStore(join(dir, 'counter.db'), { migrationsDir });
    seedReferenceData(store.sqlite);
    store.sqlite.pragma(`cache_size = -${cacheMiB * 1024}`);
    const now = new Date();
    let seconds = 0;
    let cpu = 0;
    let rows = 0;
    const cpuNow = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1e6;
    };
    const p0 = procTimes();
    const w0 = process.hrtime.bigint();
    for (let from = 0; from < accounts; from += pageSize) {
      const text = snapshotPageText(from, pageSize, accounts);
      const c0 = cpuNow();
      const t0 = process.hrtime.bigint();
      const r = loadSnapshotPage(store.sqlite, JSON.parse(text) as unknown, now);
      seconds += Number(process.hrtime.bigint() - t0) / 1e9;
      cpu += cpuNow() - c0;
      rows += r.inserted;
      if (r.problems > 0) throw new Error(`snapshot bench: ${r.problems} problems`);
    }
    const c1 = cpuNow();
    const t1 = process.hrtime.bigint();
    finishSnapshot(store.sqlite);
    const indexSeconds = Number(process.hrtime.bigint() - t1) / 1e9;
    seconds += indexSeconds;
    const indexCpu = cpuNow() - c1;
    cpu += indexCpu;
    const where = describeSince(p0, Number(process.hrtime.bigint() - w0) / 1e9);
    const check = store.sqlite.prepare('SELECT count(*) FROM accounts').pluck().get() as number;
    const found = store.sqlite.prepare("SELECT count(*) FROM accounts_fts WHERE accounts_fts MATCH '快照路'").pluck().get() as number;
    const chars = store.sqlite.prepare("SELECT count(*) FROM accounts_chars WHERE accounts_chars MATCH '快 照 路'").pluck().get() as number;
    store.close();
    if (check < rows) throw new Error('snapshot bench: rows missing');
    if (found !== rows || chars !== rows) throw new Error(`snapshot bench: the search index finds ${found} / ${chars} of ${rows}`);
    console.log(
      `snapshot (counter side): ${rows} accounts in ${seconds.toFixed(1)} s wall, CPU ${cpu.toFixed(1)} s (${Math.round(rows / seconds)} rows/s, page ${pageSize}, cache ${cacheMiB} MiB; search index built at the end in ${indexSeconds.toFixed(1)} s, CPU ${indexCpu.toFixed(1)} s, finds ${found}); the whole run incl. page generation: ${where}`,
    );
    return { seconds, cpuSeconds: cpu, indexSeconds, rowsPerSecond: rows / seconds, rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('snapshot.ts')) {
  const { values } = parseArgs({ options: { accounts: { type: 'string', default: '1000000' }, page: { type: 'string', default: '20000' }, cache: { type: 'string', default: String(SNAPSHOT_CACHE_MIB) } } });
  const n = Number(values.accounts);
  const r = await benchSnapshot(n, Number(values.page), Number(values.cache));
  console.log(`BENCH snapshot_accounts_${n}_s ${r.seconds.toFixed(1)}`);
  console.log(`BENCH snapshot_accounts_${n}_cpu_s ${r.cpuSeconds.toFixed(1)}`);
}
