/**
 * Issue 14 #2 #3 #4 (real PostgreSQL, the real sync server of server/, no mocks): enrolment at the counter through the
 * contract (administrator only), the background pusher sending the outbox in order and in batches, a lost answer
 * (duplicate delivery), the network down with back-off, a server instance killed with a push in flight, 401 stopping
 * the pusher, a restored old store halting it, and the counter's day markers reaching the hall day status.
 * A proxy (tests/fixtures/sync-proxy.ts) sits between the counter and the server to break the network on purpose.
 */
import { statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROUTES, hallDayStatus, deviceAuthorization } from '../../server/protocol/index.js';
import { createApp } from '../../server/http/app.js';
import { createPool, type Pool } from '../../server/db/pool.js';
import { loadCredentials } from '../../main/sync/credentials.js';
import { backoffDelay, REVOKED_MESSAGE } from '../../main/sync/pusher.js';
import { addAccount, addBill, makeTestHost, signIn, type TestClient, type TestHost } from '../fixtures/host.js';
import { startSyncProxy, type SyncProxy } from '../fixtures/sync-proxy.js';
import { ADMIN_TOKEN, startHarness, type Harness } from '../server/harness.js';

let h: Harness;
let proxy: SyncProxy;
const hosts: TestHost[] = [];

beforeAll(async () => {
  h = await startHarness();
  proxy = await startSyncProxy(h.urls[0] ?? '');
}, 120_000);
afterAll(async () => {
  await proxy?.close();
  await h?.stop();
});
afterEach(() => {
  for (const host of hosts.splice(0)) host.dispose();
  proxy.mode = 'pass';
  proxy.target = h.urls[0] ?? '';
  proxy.release();
});

const FAST = { idleMs: 20, backoffBaseMs: 10, backoffMaxMs: 80, batchSize: 7, requestTimeoutMs: 5_000 };
let counterNo = 0;

function counterHost(): TestHost {
  const host = makeTestHost({ sync: { pusher: FAST } });
  hosts.push(host);
  return host;
}

let companyNo = 0;

/** A one-time code; each in a company of its own, so the tests' counters and days do not meet on the server. */
async function code(hallId = 'hall-lc', counterId = `counter-lc01`): Promise<string> {
  const made = await h.admin('POST', ROUTES.adminCodes, { companyId: `company-${++companyNo}`, hallId, counterId });
  expect(made.status).toBe(200);
  return made.body.code as string;
}

async function enrolled(host: TestHost, counterId = 'counter-lc01'): Promise<{ admin: TestClient; deviceId: string }> {
  const admin = await signIn(host, 'admin01', 'counter-lc02');
  const res = await admin.call('sync.enrol', { serverUrl: proxy.url, code: await code('hall-lc', counterId) });
  if (!res.ok) throw new Error(res.error.message);
  return { admin, deviceId: res.value.deviceId ?? '' };
}

/** A new account with one unpaid bill, paid in cash at the counter. */
async function payOne(host: TestHost, clerk: TestClient): Promise<void> {
  const n = ++counterNo;
  const ids = addAccount(host, { accountNo: `3${String(n).padStart(7, '0')}`, name: `用户${n}`, address: `温州市鹿城区同步路${n}号`, reading: 2000 });
  addBill(host, ids, { id: `bill-sync-${n}`, readingDate: '2026-11-01', previous: 1000, current: 2000, amountFen: 3000 + n, dueDate: '2026-12-01' });
  const res = await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: [`bill-sync-${n}`], tendered: '100', expectedTotalFen: 3000 + n });
  if (!res.ok) throw new Error(res.error.message);
}

const lastSeq = (host: TestHost) => Number(host.store.sqlite.prepare("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'), 0)").pluck().get());
const serverCount = async (sql: string, params: unknown[]) => Number((await h.pool.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);

/** Waits until the server has acknowledged every event the counter wrote (not a timing assertion: a wait). */
async function allPushed(host: TestHost, deviceId: string, timeout = 20_000): Promise<void> {
  await vi.waitFor(
    async () => {
      const base = loadCredentials(host.sync.credentialsFile)?.seqBase ?? 0;
      expect(await serverCount('SELECT count(*) AS n FROM events WHERE device_id = $1', [deviceId])).toBe(lastSeq(host) - base);
      expect(host.sync.status().push.pending).toBe(0);
    },
    { timeout, interval: 50 },
  );
}

describe('enrolment at the counter (issue 14 #2)', () => {
  it('an administrator enrols the PC: credential file 0600, public key as a fact, status in Chinese terms', async () => {
    const host = counterHost();
    const clerk = await signIn(host);
    expect((await clerk.call('sync.status', {})).ok && (await clerk.call('sync.status', {}))).toMatchObject({ value: { enrolled: false, push: { state: 'not_enrolled' } } });
    const { deviceId } = await enrolled(host);
    const file = host.sync.credentialsFile;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = loadCredentials(file);
    expect(stored).toMatchObject({ deviceId, hallId: 'hall-lc', counterId: 'counter-lc01', serverUrl: proxy.url, seqBase: 0 });
    // the secret is not in the store (nor in its backups)
    const dump = host.store.sqlite.prepare("SELECT group_concat(row, '') FROM sync_outbox").pluck().get() as string;
    expect(dump).not.toContain(stored?.secret ?? 'x');
    expect(dump).not.toContain('PRIVATE KEY');
    expect(host.store.sqlite.prepare('SELECT device_id, algorithm FROM device_keys').all()).toEqual([{ device_id: deviceId, algorithm: 'ed25519' }]);
    const status = await clerk.call('sync.status', {});
    expect(status).toMatchObject({ ok: true, value: { enrolled: true, deviceId, counterId: 'counter-lc01' } });
    await allPushed(host, deviceId);
    // the public key reached the server as a fact of the hall
    expect(await serverCount("SELECT count(*) AS n FROM events WHERE device_id = $1 AND table_name = 'device_keys'", [deviceId])).toBe(1);
  });

  it('only an administrator may enrol: a clerk and a manager are refused and nothing is written', async () => {
    const host = counterHost();
    const before = lastSeq(host);
    for (const [login, counter] of [['clerk01', 'counter-lc01'], ['manager01', 'counter-lc01']] as const) {
      const someone = await signIn(host, login, counter);
      const afterSignIn = lastSeq(host);
      const res = await someone.call('sync.enrol', { serverUrl: proxy.url, code: 'AAAA-BBBB-CCCC' });
      expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(lastSeq(host)).toBe(afterSignIn);
    }
    expect(loadCredentials(host.sync.credentialsFile)).toBeNull();
    expect(lastSeq(host)).toBeGreaterThanOrEqual(before);
  });

  it('a bad, used or unknown code and an unreachable server are refused in Chinese at the field, nothing stored', async () => {
    const host = counterHost();
    const admin = await signIn(host, 'admin01', 'counter-lc02');
    expect(await admin.call('sync.enrol', { serverUrl: 'ftp://x', code: 'AAAA-BBBB' })).toMatchObject({ ok: false, error: { field: 'serverUrl' } });
    expect(await admin.call('sync.enrol', { serverUrl: proxy.url, code: '!!!!' })).toMatchObject({ ok: false, error: { field: 'code' } });
    expect(await admin.call('sync.enrol', { serverUrl: proxy.url, code: 'AAAA-BBBB-CCCC' })).toMatchObject({ ok: false, error: { field: 'code', message: expect.stringContaining('登记码无效') } });
    proxy.mode = 'refuse';
    expect(await admin.call('sync.enrol', { serverUrl: proxy.url, code: await code() })).toMatchObject({ ok: false, error: { field: 'serverUrl', message: expect.stringContaining('无法连接中心服务器') } });
    expect(loadCredentials(host.sync.credentialsFile)).toBeNull();
    expect(host.store.sqlite.prepare('SELECT count(*) FROM device_keys').pluck().get()).toBe(0);
  });
});

describe('the pusher against the real server (issue 14 #3)', () => {
  it('sends every event once, in order, in batches; payments arrive centrally exactly once', async () => {
    const host = counterHost();
    const { deviceId } = await enrolled(host);
    const clerk = await signIn(host);
    for (let i = 0; i < 5; i++) await payOne(host, clerk);
    await allPushed(host, deviceId);
    const seqs = (await h.pool.query<{ seq: string }>('SELECT seq FROM events WHERE device_id = $1 ORDER BY seq', [deviceId])).rows.map((r) => Number(r.seq));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(await serverCount('SELECT count(*) AS n FROM payments WHERE device_id = $1', [deviceId])).toBe(5);
    // several batches of at most 7 events were needed
    expect(proxy.forwarded.filter((p) => p === ROUTES.push).length).toBeGreaterThanOrEqual(Math.ceil(lastSeq(host) / 7));
    const status = host.sync.status();
    expect(status.push).toMatchObject({ state: 'idle', pending: 0, lastError: null, failures: 0 });
    expect(status.push.lastPushAt).not.toBeNull();
    // the audit head went with the pushes
    const anchors = await h.pool.query('SELECT * FROM audit_anchors WHERE device_id = $1', [deviceId]).catch(() => ({ rows: [] as unknown[] }));
    expect(anchors.rows.length).toBeGreaterThan(0);
  });

  it('a lost answer: the server stored the batch, the counter sends it again, nothing is doubled', async () => {
    const host = counterHost();
    const { deviceId } = await enrolled(host);
    await allPushed(host, deviceId);
    const clerk = await signIn(host);
    proxy.mode = 'dropAnswer';
    const forwardedBefore = proxy.forwarded.length;
    await payOne(host, clerk);
    await payOne(host, clerk);
    await vi.waitFor(() => expect(proxy.forwarded.length).toBeGreaterThan(forwardedBefore + 2), { timeout: 10_000, interval: 20 });
    expect(host.sync.status().push.state).not.toBe('idle');
    proxy.mode = 'pass';
    await allPushed(host, deviceId);
    expect(await serverCount('SELECT count(*) AS n FROM payments WHERE device_id = $1', [deviceId])).toBe(2);
    expect(await serverCount("SELECT count(*) AS n FROM anomalies WHERE device_id = $1 AND kind = 'seq_reuse'", [deviceId])).toBe(0);
  });

  it('the network down: it backs off, counts its failures, says 离线, and catches up when the network is back', async () => {
    const host = counterHost();
    const { deviceId } = await enrolled(host);
    await allPushed(host, deviceId);
    proxy.mode = 'refuse';
    const clerk = await signIn(host);
    await payOne(host, clerk);
    await vi.waitFor(() => expect(host.sync.status().push.failures).toBeGreaterThanOrEqual(3), { timeout: 10_000, interval: 20 });
    const offline = host.sync.status().push;
    expect(offline.state).toBe('offline');
    expect(offline.lastError).toContain('无法连接中心服务器');
    expect(offline.pending).toBeGreaterThan(0);
    expect(offline.retryAt).not.toBeNull();
    // the counter keeps working offline
    await payOne(host, clerk);
    proxy.mode = 'pass';
    await allPushed(host, deviceId);
    expect(host.sync.status().push).toMatchObject({ failures: 0, lastError: null });
    expect(await serverCount('SELECT count(*) AS n FROM payments WHERE device_id = $1', [deviceId])).toBe(2);
  });

  it('a server instance killed with a push in flight: the counter resends to another instance, each event once', async () => {
    const host = counterHost();
    const { deviceId } = await enrolled(host);
    await allPushed(host, deviceId);
    // a second server instance on the same database, the one the proxy sends to
    const pool: Pool = createPool(h.cluster.urlFor('sync_test'), 4);
    const doomed: Server = createApp(pool, { adminToken: ADMIN_TOKEN, log: () => undefined });
    await new Promise<void>((resolve) => doomed.listen(0, '127.0.0.1', resolve));
    proxy.target = `http://127.0.0.1:${(doomed.address() as AddressInfo).port}`;
    proxy.mode = 'hold';
    const holding = proxy.held();
    const clerk = await signIn(host);
    await payOne(host, clerk);
    await holding;
    // kill the instance while the push waits in front of it, then let the request go on to the dead address
    doomed.closeAllConnections();
    await new Promise<void>((resolve) => doomed.close(() => resolve()));
    await pool.end();
    proxy.mode = 'pass';
    proxy.release();
    await vi.waitFor(() => expect(host.sync.status().push.failures).toBeGreaterThanOrEqual(1), { timeout: 10_000, interval: 20 });
    proxy.target = h.urls[0] ?? '';
    await allPushed(host, deviceId);
    expect(await serverCount('SELECT count(*) AS n FROM payments WHERE device_id = $1', [deviceId])).toBe(1);
  });

  it('401 (device revoked) stops the pusher at once with a clear message; the counter keeps its events', async () => {
    const host = counterHost();
    const { deviceId } = await enrolled(host);
    await allPushed(host, deviceId);
    expect((await h.admin('POST', ROUTES.adminRevoke(deviceId))).status).toBe(200);
    const clerk = await signIn(host);
    await payOne(host, clerk);
    await vi.waitFor(() => expect(host.sync.status().push.state).toBe('revoked'), { timeout: 10_000, interval: 20 });
    const status = host.sync.status().push;
    expect(status.lastError).toBe(REVOKED_MESSAGE);
    expect(status.pending).toBeGreaterThan(0);
    // stopped: a later commit does not make it ask again
    const asked = proxy.seen.length;
    await payOne(host, clerk);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(proxy.seen.length).toBe(asked);
    expect(host.sync.status().push.state).toBe('revoked');
  });

  it('a store restored from an old backup (older than what the server has) halts the pusher with what to do', async () => {
    const host = counterHost();
    const { deviceId } = await enrolled(host);
    const clerk = await signIn(host);
    await payOne(host, clerk);
    await allPushed(host, deviceId);
    // a second counter store with the same credential: its outbox is shorter than what the server acknowledged
    const restored = counterHost();
    const { copyFileSync } = await import('node:fs');
    await restored.sync.close();
    copyFileSync(host.sync.credentialsFile, restored.sync.credentialsFile);
    restored.sync.start();
    await vi.waitFor(() => expect(restored.sync.status().push.state).toBe('error'), { timeout: 10_000, interval: 20 });
    expect(restored.sync.status().push.lastError).toContain('恢复自旧备份');
  });

  it('back-off grows exponentially up to its ceiling, with full jitter', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((f) => backoffDelay(f, 1000, 60_000, () => 0.999999))).toEqual([999, 1999, 3999, 7999, 15999, 31999, 59999, 59999]);
    expect(backoffDelay(5, 1000, 60_000, () => 0)).toBe(0);
    expect(backoffDelay(3, 1000, 60_000, () => 0.5)).toBe(2000);
  });
});

describe('the counter’s day end (issue 14 #4)', () => {
  it('a signed cash report and 本机日终 record markers that reach the server’s hall day status once pushed', async () => {
    const host = counterHost();
    const { deviceId } = await enrolled(host);
    const clerk = await signIn(host);
    await payOne(host, clerk);
    await payOne(host, clerk);
    const end = await clerk.call('sync.endCounterDay', {});
    expect(end).toMatchObject({ ok: true, value: { businessDate: '2026-11-23', paymentCount: 2 } });
    const marker = host.store.sqlite.prepare('SELECT * FROM counter_day_markers').get() as Record<string, unknown>;
    const payments = host.store.sqlite.prepare('SELECT sum(total_fen) FROM payments').pluck().get();
    expect(marker).toMatchObject({ counter_id: 'counter-lc01', payment_count: 2, total_fen: payments, reason: 'counter_end', device_id: deviceId });
    const head = host.store.sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
    expect(marker.head_seq).toBeLessThanOrEqual(head.seq);
    await allPushed(host, deviceId);
    const auth = deviceAuthorization(deviceId, loadCredentials(host.sync.credentialsFile)?.secret ?? '');
    await vi.waitFor(
      async () => {
        const day = await h.call('GET', ROUTES.hallDay('hall-lc', '2026-11-23'), { auth });
        expect(day.status).toBe(200);
        const parsed = hallDayStatus.parse(day.body);
        expect(parsed.counters.find((c) => c.counterId === 'counter-lc01')?.marker).toMatchObject({ paymentCount: 2, totalFen: payments });
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(host.store.sqlite.prepare('SELECT mismatch FROM sync_marker_deliveries').all()).toEqual([{ mismatch: 0 }]);
  });

  it('a clerk’s signed 日收银报表 writes the counter’s marker in the same transaction', async () => {
    const host = counterHost();
    const clerk = await signIn(host);
    await payOne(host, clerk);
    const total = Number(host.store.sqlite.prepare('SELECT sum(total_fen) FROM payments').pluck().get());
    const res = await clerk.call('cashReport.submit', { deposited: (total / 100).toFixed(2), denominations: {} });
    expect(res).toMatchObject({ ok: true });
    const report = host.store.sqlite.prepare('SELECT id FROM cash_reports').pluck().get();
    const head = host.store.sqlite.prepare("SELECT seq FROM audit_heads WHERE kind = 'cash_report'").pluck().get();
    expect(host.store.sqlite.prepare('SELECT reason, ref, payment_count, total_fen, head_seq, device_id FROM counter_day_markers').all()).toEqual([
      { reason: 'cash_report', ref: report, payment_count: 1, total_fen: total, head_seq: head, device_id: null },
    ]);
    // captured: the marker's event follows the report's
    const order = host.store.sqlite.prepare("SELECT tbl FROM sync_outbox WHERE tbl IN ('cash_reports', 'counter_day_markers') ORDER BY seq").pluck().all();
    expect(order).toEqual(['cash_reports', 'counter_day_markers']);
  });
});
