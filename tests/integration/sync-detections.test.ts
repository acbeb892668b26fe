/**
 * Issue 14 TESTS, with real processes (tests/sim/cluster.ts): a counter host process whose SQLite file is put back to
 * an earlier copy (a restored old backup) is stopped at its next sync with what to do, and pushes nothing of its
 * re-numbered outbox; a revoked device is refused at once (pusher halted, every request 401). Needs PostgreSQL.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDateOf } from '../../preload/kernel/dates.js';
import { openStore } from '../../db/open.js';
import { migrationsDir } from '../../main/paths.js';
import { loadCredentials } from '../../main/sync/credentials.js';
import { deviceAuthorization, ROUTES } from '../../server/protocol/index.js';
import { bundle, CounterProc, enrolAll, prepareCompany, removeBundles, sleep, startCentral, type Central } from '../sim/cluster.js';
import { simHalls } from '../sim/seed.js';

let central: Central;
let dir: string;
let a: CounterProc;
let b: CounterProc;
let accounts: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gas-sync-detect-'));
  const halls = simHalls(1, 2);
  central = await startCentral(1);
  const template = await prepareCompany(central, dir, halls, 400, businessDateOf(new Date()));
  const tpl = openStore(template, { migrationsDir, readonly: true });
  accounts = tpl.sqlite.prepare("SELECT DISTINCT b.account_id FROM bills b JOIN accounts a ON a.id = b.account_id WHERE b.status = '未缴' AND a.customer_type = '抄表' ORDER BY 1").pluck().all() as string[];
  tpl.close();
  const script = await bundle('tests/sim/counter-process.ts', 'detect-counter');
  const hall = halls[0];
  if (!hall?.counters[0] || !hall.counters[1]) throw new Error('halls');
  a = new CounterProc(hall, hall.counters[0], join(dir, 'a'), script, () => central.servers.map((s) => s.url));
  b = new CounterProc(hall, hall.counters[1], join(dir, 'b'), script, () => central.servers.map((s) => s.url));
  await enrolAll([a, b], central, template);
}, 600_000);

afterAll(async () => {
  for (const c of [a, b]) {
    await c?.stop().catch(() => undefined);
    await c?.link.close().catch(() => undefined);
  }
  await central?.stop();
  removeBundles();
  rmSync(dir, { recursive: true, force: true });
});

async function payAndDrain(c: CounterProc, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const r = await c.call('pay', { accountId: accounts.shift() });
    expect(r.ok && r.value.paymentId).toBeTruthy();
  }
  for (let i = 0; ; i++) {
    const s = await c.call('pushStatus');
    if (s.ok && s.value.pending === 0 && s.value.state === 'idle') return;
    if (i > 1200) throw new Error(`not drained: ${JSON.stringify(s)}`);
    await sleep(50);
  }
}

async function pushState(c: CounterProc): Promise<string> {
  for (let i = 0; i < 1200; i++) {
    const s = await c.call('pushStatus');
    if (s.ok && (s.value.state === 'error' || s.value.state === 'revoked')) return `${s.value.state}: ${s.value.lastError}`;
    await sleep(50);
  }
  return 'still running';
}

describe('detections at sync with real counter and server processes', () => {
  it('a counter restarted on an old copy of its SQLite file (a restored backup) is stopped at its next sync, nothing pushed', async () => {
    await payAndDrain(a, 2);
    await a.stop();
    copyFileSync(a.dbFile, join(dir, 'a-backup.db'));
    await a.start();
    await payAndDrain(a, 2);
    const before = await a.serverPushState(central.servers[0]?.url ?? '');
    await a.stop();
    copyFileSync(join(dir, 'a-backup.db'), a.dbFile);
    rmSync(`${a.dbFile}-wal`, { force: true });
    rmSync(`${a.dbFile}-shm`, { force: true });
    await a.start();
    // the restored store works on (a payment offline-first) but its pusher refuses to send a re-numbered outbox
    expect((await a.call('pay', { accountId: accounts.shift() })).ok).toBe(true);
    expect(await pushState(a)).toMatch(/^error: .*恢复自旧备份/);
    const after = await a.serverPushState(central.servers[0]?.url ?? '');
    expect(after).toEqual(before);
    // no seq was pushed twice with other content
    const { anomalies } = await central.admin<{ anomalies: { kind: string }[] }>('GET', ROUTES.anomalies);
    expect(anomalies.filter((x) => x.kind === 'seq_reuse')).toEqual([]);
  }, 600_000);

  it('a revoked device is refused at once: its pusher stops and every request of its credential is 401', async () => {
    await payAndDrain(b, 1);
    const credentials = loadCredentials(join(b.dir, 'sync-device.json'));
    if (!credentials) throw new Error('b not enrolled');
    await central.admin('POST', ROUTES.adminRevoke(credentials.deviceId));
    expect((await b.call('pay', { accountId: accounts.shift() })).ok).toBe(true);
    expect(await pushState(b)).toMatch(/^revoked: .*吊销/);
    const auth = deviceAuthorization(credentials.deviceId, credentials.secret);
    for (const path of [ROUTES.pushState, ROUTES.feed, ROUTES.anomalies]) {
      expect((await fetch(`${central.servers[0]?.url}${path}`, { headers: { authorization: auth } })).status).toBe(401);
    }
    const pending = await b.call('pushStatus');
    expect(pending.value.pending).toBeGreaterThan(0); // the counter keeps its events
  }, 600_000);
});
