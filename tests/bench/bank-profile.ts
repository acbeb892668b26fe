/**
 * Issue 13 #1 ("where a goal cannot be met, show where the time goes"): the bank return write-off of
 * `npm run bench -- --only bank`, statement by statement, in CPU time of this process (steady on a shared machine,
 * unlike wall time). The generated store and its answered return are cached under .bench-cache/bank-profile-<n>/.
 *   npm run bench:bank-profile -- [--accounts 200000] [--drop <trigger LIKE pattern>,...]
 * `--drop` removes triggers from the copy before the write-off (e.g. `sync_capture_%`, `%_no_replace`) to show
 * what each family of guards costs; the figures then describe a store without them and prove nothing else.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createHost } from '../../main/host.js';
import { migrationsDir, repoRoot } from '../../main/paths.js';
import { FixedClock, signIn, TEST_NOW } from '../fixtures/host.js';
import { bankAnswer, seedWithholding } from './bank.js';

const { values } = parseArgs({ options: { accounts: { type: 'string', default: '200000' }, drop: { type: 'string', default: '' } } });
const accounts = Number(values.accounts);
const cache = join(repoRoot, '.bench-cache', `bank-profile-${accounts}`);
const generated = join(cache, 'generated.db');
const sec = (ms: number) => `${(ms / 1000).toFixed(3).padStart(7)} s`;

async function generate(): Promise<void> {
  mkdirSync(cache, { recursive: true });
  const file = join(cache, 'generating.db');
  rmSync(file, { force: true });
  const host = createHost({ demo: true, dbFile: file, migrationsDir, clock: new FixedClock(TEST_NOW) });
  seedWithholding(host, accounts);
  const clerk = await signIn(host);
  const gen = await clerk.call('bank.generate', { bank: '建行' });
  if (!gen.ok) throw new Error(gen.error.message);
  writeFileSync(join(cache, 'answer.txt'), bankAnswer(gen.value.base64));
  writeFileSync(join(cache, 'run.txt'), gen.value.runId);
  host.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  host.close();
  copyFileSync(file, generated);
  rmSync(file, { force: true });
}

if (!existsSync(generated)) await generate();
const file = join(cache, 'run.db');
copyFileSync(generated, file);
for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
const host = createHost({ demo: true, dbFile: file, migrationsDir, clock: new FixedClock(TEST_NOW) });
const client = host.store.sqlite;
for (const pattern of values.drop.split(',').filter((p) => p !== '')) {
  for (const name of client.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?").pluck().all(pattern) as string[]) client.exec(`DROP TRIGGER "${name}"`);
}
// CPU time per statement text: every statement the write-off runs on the store's connection goes through prepare
const spent = new Map<string, { ms: number; rows: number }>();
const prepare = client.prepare.bind(client);
(client as unknown as { prepare: (text: string) => unknown }).prepare = (text: string) => {
  const statement = prepare(text);
  const run = statement.run.bind(statement);
  (statement as unknown as { run: (...a: unknown[]) => unknown }).run = (...args: unknown[]) => {
    const from = process.cpuUsage();
    const result = run(...(args as [])) as { changes: number };
    const used = process.cpuUsage(from);
    const key = text.replace(/\s+/g, ' ').slice(0, 100);
    const seen = spent.get(key) ?? { ms: 0, rows: 0 };
    spent.set(key, { ms: seen.ms + (used.user + used.system) / 1000, rows: seen.rows + result.changes });
    return result;
  };
  return statement;
};
const clerk = await signIn(host);
const answered = readFileSync(join(cache, 'answer.txt')).toString('base64');
const runId = readFileSync(join(cache, 'run.txt'), 'utf8');
const checked = await clerk.call('bank.check', { runId, file: answered });
if (!checked.ok) throw new Error(checked.error.message);
spent.clear();
const t0 = performance.now();
const c0 = process.cpuUsage();
const off = await clerk.call('bank.writeOff', { runId, file: answered });
const wallMs = performance.now() - t0;
const cpu = process.cpuUsage(c0);
if (!off.ok) throw new Error(off.error.message);
host.close();
console.log(`bank write-off of ${off.value.okCount.toLocaleString('en')} debits: wall ${sec(wallMs).trim()}, CPU user ${sec(cpu.user / 1000).trim()} + system ${sec(cpu.system / 1000).trim()}${values.drop ? ` (triggers dropped: ${values.drop})` : ''}`);
const rows = [...spent].sort((a, b) => b[1].ms - a[1].ms);
const total = rows.reduce((sum, [, v]) => sum + v.ms, 0);
console.log(`statements: ${sec(total).trim()} CPU in all; by statement (CPU, rows changed incl. trigger rows not counted):`);
for (const [text, v] of rows.filter(([, v]) => v.ms >= 1)) console.log(`${sec(v.ms)} ${String(v.rows).padStart(8)}  ${text}`);
