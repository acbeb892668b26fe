/**
 * Bank withholding for 200,000 accounts: generating the file (earliest unpaid bill each), checking the
 * bank's return and writing off the debits in one transaction.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import iconv from 'iconv-lite';
import { seedReferenceData } from '../../main/seed/generate.js';
import { createHost } from '../../main/host.js';
import { migrationsDir } from '../../main/paths.js';
import { answerBankFile } from '../fixtures/bank-answer.js';
import { withholdRoute } from '../fixtures/data.js';
import { addRoute, FixedClock, signIn, TEST_NOW } from '../fixtures/host.js';
import type { BenchFigures } from './figures.js';

export async function benchBank(accounts = 200_000): Promise<BenchFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'gas-bench-bank-'));
  const host = createHost({ demo: true, dbFile: join(dir, 'bank.db'), migrationsDir, clock: new FixedClock(TEST_NOW) });
  try {
    const db = host.store.sqlite;
    seedReferenceData(db);
    addRoute(host, '周抄表', accounts);
    withholdRoute(host, '周抄表', { spread: 3000 });
    const clerk = await signIn(host);
    console.log(`\nBank withholding, ${accounts.toLocaleString('en')} accounts`);
    let t0 = performance.now();
    const gen = await clerk.call('bank.generate', { bank: '建行' });
    if (!gen.ok) throw new Error(gen.error.message);
    const run = gen.value;
    const bankFileS = (performance.now() - t0) / 1000;
    console.log(`generate file            ${bankFileS.toFixed(2).padStart(6)} s   ${run.count} lines, ${Buffer.from(run.base64, 'base64').length.toLocaleString('en')} bytes, ￥${(run.totalFen / 100).toFixed(2)}`);
    const answered = iconv.encode(answerBankFile('建行', iconv.decode(Buffer.from(run.base64, 'base64'), 'gbk'), (i) => (i % 50 === 0 ? '余额不足' : null)), 'gbk').toString('base64');
    t0 = performance.now();
    const check = await clerk.call('bank.check', { runId: run.runId, file: answered });
    if (!check.ok) throw new Error(check.error.message);
    console.log(`check return             ${((performance.now() - t0) / 1000).toFixed(2).padStart(6)} s`);
    t0 = performance.now();
    const off = await clerk.call('bank.writeOff', { runId: run.runId, file: answered });
    if (!off.ok) throw new Error(off.error.message);
    const v = off.value;
    const writeOffS = (performance.now() - t0) / 1000;
    console.log(`write off (1 transaction) ${writeOffS.toFixed(2).padStart(5)} s   ${v.okCount} debits ￥${(v.okFen / 100).toFixed(2)}, ${v.failedCount} failed`);
    return { bank_file_s: bankFileS, bank_writeoff_s: writeOffS };
  } finally {
    host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
