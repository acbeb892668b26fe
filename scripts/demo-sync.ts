/**
 * Issue 14: `npm run demo:sync` — the central server beside the app on one machine, with two counters of one hall.
 *  1. PostgreSQL: DATABASE_URL when set, else a throwaway cluster in a temp folder (Debian's `postgresql` package;
 *     removed when this script ends);
 *  2. the sync server (`npm run server`'s entry) on SYNC_DEMO_PORT (default 8787) with a random administrator token;
 *  3. the demo company (halls, staff, tariffs, --accounts N accounts with unpaid bills) imported centrally as master
 *     data, and the same rows as each counter's starting store (capture off: they came from the server);
 *  4. counters LC01 and LC02 of 鹿城营业厅 enrolled with one-time codes, each a browser harness on its own store in
 *     .data/sync-demo/<counter>/ (demo log-ins clerk01 / clerk02, password 123456).
 * It prints the server's and both counters' addresses. Ctrl+C stops everything. `--fresh` starts from empty stores
 * (always so with the throwaway cluster, whose data is gone after each run; kept stores need DATABASE_URL).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../db/open.js';
import { migrationsDir, repoRoot } from '../main/paths.js';
import { seedAccounts, seedReferenceData } from '../main/seed/generate.js';
import { withApplying } from '../main/sync/apply-switch.js';
import { enrolDevice } from '../main/sync/enrolment.js';
import { credentialsFileFor } from '../main/sync/service.js';
import { loadCredentials } from '../main/sync/credentials.js';
import { businessDateOf } from '../preload/kernel/dates.js';
import { MASTER_TABLES, ROUTES } from '../server/protocol/index.js';
import { startPgCluster, type PgCluster } from '../tests/server/pg-cluster.js';

const { values } = parseArgs({ options: { accounts: { type: 'string', default: '2000' }, fresh: { type: 'boolean', default: false } } });
const dir = join(repoRoot, '.data', 'sync-demo');
// A throwaway cluster is new at every start: counters kept from an earlier run were enrolled with a server that is
// gone (they would show 离线 for ever), so without DATABASE_URL the demo always starts from fresh stores.
const throwaway = !process.env.DATABASE_URL;
if (values.fresh || throwaway) rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const children: ChildProcess[] = [];
let cluster: PgCluster | null = null;
const stopAll = () => {
  for (const c of children) c.kill('SIGTERM');
  cluster?.stop();
  cluster = null;
};
process.on('SIGINT', () => (stopAll(), process.exit(0)));
process.on('SIGTERM', () => (stopAll(), process.exit(0)));
process.on('exit', stopAll);

// 1. PostgreSQL
let databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  cluster = await startPgCluster();
  databaseUrl = cluster.url;
  console.log(`PostgreSQL (临时实例): ${databaseUrl}`);
}

// 2. the server
const port = Number(process.env.SYNC_DEMO_PORT ?? 8787);
const adminToken = randomBytes(24).toString('base64url');
const serverUrl = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  cwd: repoRoot,
  env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', SYNC_ADMIN_TOKEN: adminToken },
  stdio: ['ignore', 'inherit', 'inherit'],
});
children.push(server);
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${serverUrl}${ROUTES.health}`)).ok) break;
  } catch {
    // not yet
  }
  if (i > 600 || server.exitCode !== null) throw new Error('中心服务器未能启动');
  await new Promise((r) => setTimeout(r, 100));
}
const admin = async <T>(path: string, body: unknown): Promise<T> => {
  const r = await fetch(`${serverUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
};

// 3. the company: a template store, its master rows imported centrally
const companyId = 'demo-company';
const template = join(dir, 'template.db');
if (!existsSync(template)) {
  const store = openStore(template, { migrationsDir });
  withApplying(store.sqlite, () => seedReferenceData(store.sqlite));
  store.sqlite.prepare('UPDATE sync_apply_state SET applying = 1 WHERE id = 1').run();
  seedAccounts(store.sqlite, { accounts: Number(values.accounts), today: businessDateOf(new Date()) });
  store.sqlite.prepare('UPDATE sync_apply_state SET applying = 0 WHERE id = 1').run();
  store.close();
}
{
  const store = openStore(template, { migrationsDir, readonly: true });
  let imported = 0;
  for (const table of MASTER_TABLES) {
    if (!store.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table)) continue;
    const pk = (store.sqlite.prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').all(table) as { name: string }[]).map((c) => c.name);
    let rows: { table: string; rowId: string; row: Record<string, unknown> }[] = [];
    const flush = async () => {
      if (rows.length) imported += (await admin<{ applied: number }>(ROUTES.adminRows, { companyId, rows })).applied;
      rows = [];
    };
    for (const row of store.sqlite.prepare(`SELECT * FROM "${table}"`).iterate() as Iterable<Record<string, unknown>>) {
      rows.push({ table, rowId: pk.map((c) => String(row[c])).join('|'), row });
      if (rows.length === 5000) await flush();
    }
    await flush();
  }
  store.close();
  console.log(`主数据已导入中心服务器: ${imported} 行`);
}

// 4. two counters of 鹿城营业厅, enrolled, each a browser harness
for (const counter of [
  { id: 'counter-lc01', code: 'LC01', login: 'clerk01' },
  { id: 'counter-lc02', code: 'LC02', login: 'clerk02' },
]) {
  const counterDir = join(dir, counter.code.toLowerCase());
  const dbFile = join(counterDir, 'gas-hall.db');
  mkdirSync(counterDir, { recursive: true });
  // a counter enrolled with another server address (another SYNC_DEMO_PORT) starts again from the template
  const kept = existsSync(credentialsFileFor(dbFile)) ? loadCredentials(credentialsFileFor(dbFile)) : null;
  if (kept && kept.serverUrl !== serverUrl) rmSync(counterDir, { recursive: true, force: true });
  mkdirSync(counterDir, { recursive: true });
  if (!existsSync(dbFile)) copyFileSync(template, dbFile);
  if (!existsSync(credentialsFileFor(dbFile))) {
    const { code } = await admin<{ code: string }>(ROUTES.adminCodes, { companyId, hallId: 'hall-lc', counterId: counter.id });
    const store = openStore(dbFile, { migrationsDir });
    await enrolDevice(store.sqlite, credentialsFileFor(dbFile), { serverUrl, code }, new Date());
    store.close();
  }
  const harness = spawn(process.execPath, ['--import', 'tsx', 'scripts/harness.ts', '--db', dbFile], {
    cwd: repoRoot,
    env: { ...process.env, GAS_DEMO: '1', GAS_DATA_DIR: counterDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(harness);
  harness.stdout?.on('data', (d: Buffer) => {
    for (const line of d.toString().split('\n').filter(Boolean)) console.log(`[${counter.code}] ${line}${line.includes('http://') ? `  (柜台 ${counter.code}，登录 ${counter.login} / 123456)` : ''}`);
  });
}
console.log(`中心服务器: ${serverUrl}  (管理员令牌 ${adminToken})`);
console.log('两个柜台启动后各自打印浏览器地址；在一个柜台收费，另一个柜台同步后显示已缴。Ctrl+C 结束。');
// the offline part of the demo without losing the server: pause it (the counters go 离线 and keep working), resume it
console.log(`演示离线：kill -STOP ${server.pid ?? ''} 暂停中心服务器（两个柜台显示离线，照常收费），kill -CONT ${server.pid ?? ''} 恢复（离线期间的收费自动上传）。`);
