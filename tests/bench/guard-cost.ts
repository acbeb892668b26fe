/**
 * Issue 13 #4: what the no-replace guards cost the bank file and write-off (CPU of this process, wall), with and
 * without them: `npx tsx tests/bench/guard-cost.ts [accounts=30000] [rounds=3]`.
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

const accounts = Number(process.argv[2] ?? 30000);
/** Runs of each variant (alternating without / with). */
const rounds = Number(process.argv[3] ?? 3);
async function once(guards: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'gas-guard-cost-'));
  const host = createHost({ demo: true, dbFile: join(dir, 'bank.db'), migrationsDir, clock: new FixedClock(TEST_NOW) });
  try {
    const db = host.store.sqlite;
    seedReferenceData(db);
    addRoute(host, '周抄表', accounts);
    withholdRoute(host, '周抄表', { spread: 3000 });
    if (!guards) for (const name of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_no_replace'").pluck().all() as string[]) db.exec(`DROP TRIGGER ${name}`);
    const clerk = await signIn(host);
    const time = async <T>(fn: () => Promise<T>) => { const c = process.cpuUsage(); const t = performance.now(); const v = await fn(); const u = process.cpuUsage(c); return { v, wall: performance.now() - t, cpu: (u.user + u.system) / 1000 }; };
    const gen = await time(() => clerk.call('bank.generate', { bank: '建行' }));
    if (!gen.v.ok) throw new Error(gen.v.error.message);
    const answered = iconv.encode(answerBankFile('建行', iconv.decode(Buffer.from(gen.v.value.base64, 'base64'), 'gbk'), (i) => (i % 50 === 0 ? '余额不足' : null)), 'gbk').toString('base64');
    const off = await time(() => clerk.call('bank.writeOff', { runId: gen.v.ok ? gen.v.value.runId : '', file: answered }));
    if (!off.v.ok) throw new Error(off.v.error.message);
    return { fileCpu: gen.cpu, fileWall: gen.wall, offCpu: off.cpu, offWall: off.wall };
  } finally {
    host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
const sums = { with: { fileCpu: 0, fileWall: 0, offCpu: 0, offWall: 0 }, without: { fileCpu: 0, fileWall: 0, offCpu: 0, offWall: 0 } };
for (const g of Array.from({ length: 2 * rounds }, (_, i) => i % 2 === 1)) {
  const r = await once(g);
  const s = sums[g ? 'with' : 'without'];
  for (const k of Object.keys(r) as (keyof typeof r)[]) s[k] += r[k] / rounds;
  console.log(g ? 'with   ' : 'without', JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(v)]))));
}
const f = (v: number) => `${(v / 1000).toFixed(2)} s`;
console.log(`${accounts} accounts, mean of ${rounds}: bank file CPU ${f(sums.without.fileCpu)} → ${f(sums.with.fileCpu)} (wall ${f(sums.without.fileWall)} → ${f(sums.with.fileWall)}); ` +
  `write-off CPU ${f(sums.without.offCpu)} → ${f(sums.with.offCpu)} (wall ${f(sums.without.offWall)} → ${f(sums.with.offWall)}) without → with the no-replace guards`);
