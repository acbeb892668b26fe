/**
 * Bank withholding for 200,000 accounts: generating the file (earliest unpaid bill each), checking the
 * bank's return and writing off the debits in one transaction. Issue 13 #4: beside the pre-issue-13
 * write-off (tests/bench/baseline.ts) run in the same run on a copy of the same store.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import iconv from 'iconv-lite';
import { openStore } from '../../db/open.js';
import { seedReferenceData } from '../../main/seed/generate.js';
import { createHost, type Host } from '../../main/host.js';
import { migrationsDir } from '../../main/paths.js';
import { defaultSettings, type Actor } from '../../main/services/context.js';
import { answerBankFile } from '../fixtures/bank-answer.js';
import { withholdRoute } from '../fixtures/data.js';
import { addRoute, FixedClock, signIn, TEST_NOW } from '../fixtures/host.js';
import { baselineCheckAndWriteOff } from './baseline.js';

const CLERK: Actor = { staffId: 'staff-clerk01', staffName: '王丽', role: 'clerk', hallId: 'hall-lc', hallName: '鹿城营业厅', counterId: 'counter-lc01', counterCode: 'LC01', counterName: '1号窗口' };
/** CPU time of this process (all threads) since `from`, in ms. */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};
const s = (ms: number) => `${(ms / 1000).toFixed(2).padStart(6)} s`;

/** The bench's store: reference data and `accounts` accounts on one withholding route (also bank-profile.ts). */
export function seedWithholding(host: Host, accounts: number): void {
  seedReferenceData(host.store.sqlite);
  addRoute(host, '周抄表', accounts);
  withholdRoute(host, '周抄表', { spread: 3000 });
}

/** The bank's answer to a generated file (base64, GBK) as the bench has it: every 50th line 余额不足, the rest debited. */
export function bankAnswer(fileBase64: string): Buffer {
  return iconv.encode(answerBankFile('建行', iconv.decode(Buffer.from(fileBase64, 'base64'), 'gbk'), (i) => (i % 50 === 0 ? '余额不足' : null)), 'gbk');
}

export async function benchBank(accounts = 200_000): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'gas-bench-bank-'));
  const file = join(dir, 'bank.db');
  const host = createHost({ demo: true, dbFile: file, migrationsDir, clock: new FixedClock(TEST_NOW) });
  let open = true;
  try {
    const db = host.store.sqlite;
    seedWithholding(host, accounts);
    const clerk = await signIn(host);
    console.log(`\nBank withholding, ${accounts.toLocaleString('en')} accounts (goals: file ≤ 3 s, write-off ≤ 5 s)`);
    let t0 = performance.now();
    let c0 = process.cpuUsage();
    const gen = await clerk.call('bank.generate', { bank: '建行' });
    if (!gen.ok) throw new Error(gen.error.message);
    const fileMs = performance.now() - t0;
    const fileCpuMs = cpuMs(c0);
    const run = gen.value;
    console.log(`generate file             ${s(fileMs)}   (CPU ${s(fileCpuMs).trim()})   ${run.count} lines, ${Buffer.from(run.base64, 'base64').length.toLocaleString('en')} bytes, ￥${(run.totalFen / 100).toFixed(2)}`);
    // the same store, file out, for the pre-issue-13 write-off
    db.pragma('wal_checkpoint(TRUNCATE)');
    const baselineFile = join(dir, 'baseline.db');
    copyFileSync(file, baselineFile);
    const answered = bankAnswer(run.base64);
    t0 = performance.now();
    const check = await clerk.call('bank.check', { runId: run.runId, file: answered.toString('base64') });
    if (!check.ok) throw new Error(check.error.message);
    const checkMs = performance.now() - t0;
    t0 = performance.now();
    c0 = process.cpuUsage();
    const off = await clerk.call('bank.writeOff', { runId: run.runId, file: answered.toString('base64') });
    if (!off.ok) throw new Error(off.error.message);
    const writeOffMs = performance.now() - t0;
    const writeOffCpuMs = cpuMs(c0);
    const v = off.value;
    host.close();
    open = false;

    const base = openStore(baselineFile, { migrationsDir });
    const old = await baselineCheckAndWriteOff({ db: base.db, clock: new FixedClock(TEST_NOW), settings: defaultSettings }, CLERK, run.runId, answered);
    base.close();
    console.log('                          issue 13    before (same run, same store)');
    console.log(`check return (校对)       ${s(checkMs)}    ${s(old.checkS * 1000)}`);
    console.log(`write off (核销, 1 tx)    ${s(writeOffMs)}    ${s(old.writeOffS * 1000)}   ${v.okCount} debits ￥${(v.okFen / 100).toFixed(2)}, ${v.failedCount} failed (before: ${old.debits} debits)`);
    // on a shared machine the wall time waits for a core; the CPU time (all of this process's threads) is the steadier figure
    console.log(`CPU time: file ${s(fileCpuMs).trim()}, write-off ${s(writeOffCpuMs).trim()} (wall ${s(fileMs).trim()}, ${s(writeOffMs).trim()}; load average ${loadavg()[0]?.toFixed(1)})`);
    return { bank_file_s: fileMs / 1000, bank_writeoff_s: writeOffMs / 1000 };
  } finally {
    if (open) host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
