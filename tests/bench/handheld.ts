/**
 * Handheld sync of 5,000 accounts through the GHR/1 driver to the simulator on a cable paced at 115200
 * baud (10 bits a byte): export → the reader's readings → import → 入库. Prints the bytes on the wire,
 * the time the same bytes need at line rate, the measured time and the share of the line rate used.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { seedReferenceData } from '../../main/seed/generate.js';
import { createHost } from '../../main/host.js';
import { migrationsDir } from '../../main/paths.js';
import type { Result } from '../../preload/contract.js';
import { addRoute, FixedClock, signIn, TEST_NOW } from '../fixtures/host.js';
import type { BenchFigures } from './figures.js';

const BAUD = 115_200;

export async function benchHandheld(accounts = 5000): Promise<BenchFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'gas-bench-hh-'));
  const host = createHost({ demo: true, dbFile: join(dir, 'hh.db'), migrationsDir, clock: new FixedClock(TEST_NOW), handheldLineBps: BAUD, handheldTimeouts: { readMs: 2000, writeMs: 4000, readRetries: 2 } });
  try {
    seedReferenceData(host.store.sqlite);
    addRoute(host, '周抄表', accounts);
    const device = host.handheldDevice;
    if (!device) throw new Error('no simulated handheld');
    const clerk = await signIn(host);
    const shares: number[] = [];
    const step = async (name: string, run: () => Promise<Result<unknown>>) => {
      const before = { ...device.line.bytes };
      const t0 = performance.now();
      const res = await run();
      if (!res.ok) throw new Error(`${name}: ${res.error.message}`);
      const seconds = (performance.now() - t0) / 1000;
      const wire = device.line.bytes.toDevice - before.toDevice + device.line.bytes.fromDevice - before.fromDevice;
      const atLine = (wire * 10) / BAUD;
      shares.push(atLine / seconds);
      console.log(`${name.padEnd(22)} ${String(wire).padStart(9)} B   ${atLine.toFixed(1).padStart(6)} s   ${seconds.toFixed(1).padStart(6)} s   ${((atLine / seconds) * 100).toFixed(0).padStart(4)}%`);
      return seconds;
    };
    console.log(`\nHandheld sync, ${accounts.toLocaleString('en')} accounts, cable paced at ${BAUD} baud (request/response, one direction at a time)`);
    console.log('step                   wire bytes   at line rate   measured   share of line rate');
    await step('upload route', () => clerk.call('handheld.export', { meterReader: '周抄表', months: 1, confirmedCount: accounts }));
    device.sim.walkRoute((r) => ({ accountNo: r.accountNo, reading: r.lastReading + 1250, readAt: '2026-11-22 09:00', status: 0, meterNo: r.meterNo }));
    await step('download readings', () => clerk.call('handheld.import', {}));
    const t0 = performance.now();
    const committed = await clerk.call('handheld.commit', { batchId: 'HB202611230001' });
    if (!committed.ok) throw new Error(committed.error.message);
    const commitS = (performance.now() - t0) / 1000;
    console.log(`入库 ${accounts} bills + COMMIT: ${commitS.toFixed(2)} s`);
    // handheld_commit_5000_s is the 入库 of 5,000 bills: another size prints it but leaves the figure out
    return { ...(accounts === 5000 ? { handheld_commit_5000_s: commitS } : {}), handheld_line_rate_share: Math.min(...shares) };
  } finally {
    host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
