/**
 * Scratch profile of the bank write-off (issue 13 #4): per-statement time of postDebits on a cached store.
 *   npx tsx tests/bench/bank-profile.ts [accounts]
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import iconv from 'iconv-lite';
import { seedReferenceData } from '../../main/seed/generate.js';
import { createHost } from '../../main/host.js';
import { migrationsDir } from '../../main/paths.js';
import { answerBankFile } from '../fixtures/bank-answer.js';
import { withholdRoute } from '../fixtures/data.js';
import { addRoute, FixedClock, signIn, TEST_NOW } from '../fixtures/host.js';

const accounts = Number(process.argv[2] ?? 200_000);
const cache = `/work/scratch/bank-${accounts}`;
mkdirSync(cache, { recursive: true });
const gen = `${cache}/gen.db`;
if (!existsSync(gen)) {
  const host = createHost({ demo: true, dbFile: gen, migrationsDir, clock: new FixedClock(TEST_NOW) });
  seedReferenceData(host.store.sqlite);
  addRoute(host, '周抄表', accounts);
  withholdRoute(host, '周抄表', { spread: 3000 });
  const clerk = await signIn(host);
  const g = await clerk.call('bank.generate', { bank: '建行' });
  if (!g.ok) throw new Error(g.error.message);
  const text = answerBankFile('建行', iconv.decode(Buffer.from(g.value.base64, 'base64'), 'gbk'), (i) => (i % 50 === 0 ? '余额不足' : null));
  writeFileSync(`${cache}/answer.txt`, iconv.encode(text, 'gbk'));
  writeFileSync(`${cache}/run.txt`, g.value.runId);
  host.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  host.close();
}
const file = `${cache}/run.db`;
copyFileSync(gen, file);
const host = createHost({ demo: true, dbFile: file, migrationsDir, clock: new FixedClock(TEST_NOW) });
const client = host.store.sqlite;
const times = new Map<string, number>();
const prep = client.prepare.bind(client);
(client as unknown as { prepare: unknown }).prepare = (text: string) => {
  const st = prep(text);
  const run = st.run.bind(st);
  (st as unknown as { run: unknown }).run = (...a: unknown[]) => {
    const t = process.cpuUsage();
    try { return run(...(a as [])); } finally { const k = text.replace(/\s+/g, ' ').slice(0, 90); const u = process.cpuUsage(t); times.set(k, (times.get(k) ?? 0) + (u.user + u.system) / 1000); }
  };
  return st;
};
for (const pat of (process.env.DROP ?? "").split(",").filter(Boolean)) for (const n of client.prepare("SELECT name FROM sqlite_master WHERE type='trigger' AND name LIKE ?").pluck().all(pat) as string[]) client.exec(`DROP TRIGGER "${n}"`);
if (process.env.CONSTBD) for (const r of client.prepare("SELECT name, sql FROM sqlite_master WHERE type='trigger' AND name LIKE 'sync_capture_%'").all() as { name: string; sql: string }[]) { client.exec(`DROP TRIGGER "${r.name}"`); client.exec(r.sql.replaceAll('gas_business_date()', process.env.CONSTBD)); }
if (process.env.NOCAPTURE) client.prepare("UPDATE sync_apply_state SET applying = 1 WHERE id = 1").run();
const clerk = await signIn(host);
const answered = readFileSync(`${cache}/answer.txt`);
const runId = readFileSync(`${cache}/run.txt`, 'utf8');
await clerk.call('bank.check', { runId, file: answered.toString('base64') });
const t0 = performance.now();
const c0 = process.cpuUsage();
const off = await clerk.call('bank.writeOff', { runId, file: answered.toString('base64') });
const wall = performance.now() - t0;
const cpu = process.cpuUsage(c0);
if (!off.ok) throw new Error(off.error.message);
console.log(`write-off wall ${(wall / 1000).toFixed(2)} s, cpu user ${(cpu.user / 1e6).toFixed(2)} sys ${(cpu.system / 1e6).toFixed(2)}`);
for (const [k, v] of [...times].sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(`${(v / 1000).toFixed(3).padStart(8)} s  ${k}`);
host.close();
