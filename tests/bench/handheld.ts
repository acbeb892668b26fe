/**
 * Handheld sync of 5,000 accounts through the GHR/1 driver to the simulator on a cable paced at 115200
 * baud (10 bits a byte): export → the reader's readings → import → 入库. Prints the bytes on the wire,
 * the time the same bytes need at line rate, the measured time and the share of the line rate used.
 * Issue 13 #4: 入库 beside the pre-issue-13 one (tests/bench/baseline.ts) on a copy of the same store.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '../../db/open.js';
import { seedReferenceData } from '../../main/seed/generate.js';
import { createHost } from '../../main/host.js';
import { migrationsDir } from '../../main/paths.js';
import { defaultSettings, type Actor } from '../../main/services/context.js';
import type { Result } from '../../preload/contract.js';
import { addRoute, FixedClock, signIn, TEST_NOW } from '../fixtures/host.js';
import { baselineHandheldCommit } from './baseline.js';

const BAUD = 115_200;
const CLERK: Actor = { staffId: 'staff-clerk01', staffName: '王丽', role: 'clerk', hallId: 'hall-lc', hallName: '鹿城营业厅', counterId: 'counter-lc01', counterCode: 'LC01', counterName: '1号窗口' };

export async function benchHandheld(accounts = 5000): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'gas-bench-hh-'));
  const file = join(dir, 'hh.db');
  const host = createHost({ demo: true, dbFile: file, migrationsDir, clock: new FixedClock(TEST_NOW), handheldLineBps: BAUD, handheldTimeouts: { readMs: 2000, writeMs: 4000, readRetries: 2 } });
  let open = true;
  try {
    seedReferenceData(host.store.sqlite);
    addRoute(host, '周抄表', accounts);
    const device = host.handheldDevice;
    if (!device) throw new Error('no simulated handheld');
    const clerk = await signIn(host);
    const line = { atLine: 0, measured: 0 };
    const step = async <T>(name: string, run: () => Promise<Result<T>>): Promise<T> => {
      const before = { ...device.line.bytes };
      const t0 = performance.now();
      const res = await run();
      if (!res.ok) throw new Error(`${name}: ${res.error.message}`);
      const seconds = (performance.now() - t0) / 1000;
      const wire = device.line.bytes.toDevice - before.toDevice + device.line.bytes.fromDevice - before.fromDevice;
      const atLine = (wire * 10) / BAUD;
      line.atLine += atLine;
      line.measured += seconds;
      console.log(`${name.padEnd(22)} ${String(wire).padStart(9)} B   ${atLine.toFixed(1).padStart(6)} s   ${seconds.toFixed(1).padStart(6)} s   ${((atLine / seconds) * 100).toFixed(0).padStart(4)}%`);
      return res.value;
    };
    console.log(`\nHandheld sync, ${accounts.toLocaleString('en')} accounts, cable paced at ${BAUD} baud (request/response, one direction at a time)`);
    console.log('step                   wire bytes   at line rate   measured   share of line rate');
    const exported = await step('upload route', () => clerk.call('handheld.export', { meterReader: '周抄表', months: 1, confirmedCount: accounts }));
    device.sim.walkRoute((r) => ({ accountNo: r.accountNo, reading: r.lastReading + 1250, readAt: '2026-11-22 09:00', status: 0, meterNo: r.meterNo }));
    await step('download readings', () => clerk.call('handheld.import', {}));
    // the same store, readings imported, for the pre-issue-13 入库
    host.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const baselineFile = join(dir, 'baseline.db');
    copyFileSync(file, baselineFile);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const committed = await clerk.call('handheld.commit', { batchId: exported.batchId });
    if (!committed.ok) throw new Error(committed.error.message);
    const commitS = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(c0);
    const commitCpuS = (cpu.user + cpu.system) / 1e6;
    host.close();
    open = false;
    const base = openStore(baselineFile, { migrationsDir });
    const t1 = performance.now();
    const oldBilled = baselineHandheldCommit({ db: base.db, clock: new FixedClock(TEST_NOW), settings: defaultSettings }, CLERK, exported.batchId);
    const oldS = (performance.now() - t1) / 1000;
    base.close();
    console.log(`入库 ${accounts} bills + COMMIT: ${commitS.toFixed(2)} s (goal ≤ 1 s; CPU ${commitCpuS.toFixed(2)} s, load average ${loadavg()[0]?.toFixed(1)}); before issue 13, same run and store: ${oldS.toFixed(2)} s (${oldBilled} bills)`);
    // handheld_commit_5000_s is the 入库 of 5,000 bills: another size (--quick) prints it above but leaves the figure NA
    return { ...(accounts === 5000 ? { handheld_commit_5000_s: commitS } : {}), handheld_line_rate_share: line.measured > 0 ? line.atLine / line.measured : 0 };
  } finally {
    if (open) host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
