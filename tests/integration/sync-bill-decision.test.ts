/**
 * Issue 14 "Conflicts, decided by money rules, never silently" with real SQLite counter stores and the real sync
 * server on a throwaway PostgreSQL (tests/server/harness.ts): the three cross-hall findings of the simulation,
 * reproduced in a fixed order. Counters A and B (hall 鹿城) both take bill-1 while offline; the server decides which
 * payment holds it (the first pushed) and reports the other as a credit 预存 on the 异常 list of the hall.
 *  (c) every counter takes the server's decision: no bill stays 收讫 at a counter while it is 未缴 centrally (the
 *      loser's own payment after the winner's 冲正; a snapshot row older than the counter's own 冲正);
 *  (b) no central row is refused by the guard bills_paid_only_by_payment (a snapshot row naming a payment whose
 *      item comes later in the feed; a 收讫 bill moved to the payment the server chose), and the guard still refuses
 *      a 收讫 bill without a covering payment item (raw SQL);
 *  (a) a counter of another hall flags no local 异常 for this hall's double payment; the hall's counters hold
 *      exactly the server's 异常.
 * Sums per hall and day agree to the fen between the counters and the server. Pushes and pulls are driven by the
 * test through the real HTTP routes (the outbox read as the pusher reads it, pages applied as the puller does).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../server/protocol/index.js';
import { applyFeedPage, readCursor, writeCursor } from '../../main/sync/applier.js';
import { loadSnapshotPage } from '../../main/sync/snapshot.js';
import { auditHeadThrough, lastSeq, markAcked, readBatch, toEvent } from '../../main/sync/outbox.js';
import { fen } from '../../preload/kernel/money.js';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { lastPaymentId, one, page, paymentChanges, rowsOf } from '../fixtures/sync.js';
import { startHarness, type Harness } from '../server/harness.js';

let h: Harness;
const hosts: TestHost[] = [];

beforeAll(async () => {
  h = await startHarness();
}, 120_000);
afterAll(async () => {
  await h?.stop();
});
afterEach(() => {
  for (const host of hosts.splice(0)) host.dispose();
});

interface Counter {
  host: TestHost;
  deviceId: string;
  hallId: string;
  auth: string;
  /** The outbox seq before enrolment: events after it are this device's seqs 1, 2, … */
  base: number;
}

let companyNo = 0;

function store(): TestHost {
  const host = makeTestHost();
  hosts.push(host);
  const acc = addAccount(host, { accountNo: '90000001', name: '张三', address: '温州市鹿城区同步路1号', reading: 14700 });
  addBill(host, acc, { id: 'bill-1', readingDate: '2026-11-10', previous: 12300, current: 14600, amountFen: fen(7935), dueDate: '2026-12-10' });
  addBill(host, acc, { id: 'bill-2', readingDate: '2026-11-15', previous: 14600, current: 14700, amountFen: fen(345), dueDate: '2026-12-15' });
  return host;
}

async function company(): Promise<string> {
  const id = `company-bill-${++companyNo}`;
  // the central bill rows, as the company's master data (the snapshot serves them)
  const rows = rowsOf(store(), 'bills', "id IN ('bill-1', 'bill-2')").map((r) => ({ table: 'bills', rowId: String(r.id), row: r }));
  const res = await h.admin('POST', ROUTES.adminRows, { companyId: id, rows });
  expect(res.status).toBe(200);
  return id;
}

async function enrol(companyId: string, hallId: string, counterId: string): Promise<Counter> {
  const host = store();
  const device = await h.enrolDevice(hallId, counterId, companyId);
  return { host, deviceId: device.deviceId, hallId, auth: device.auth, base: lastSeq(host.store.sqlite) };
}

/** Sends the counter's outbox as the pusher does; returns the conflicts the server reported. */
async function push(c: Counter): Promise<unknown[]> {
  const sqlite = c.host.store.sqlite;
  const state = await h.call<{ ackSeq: number }>('GET', ROUTES.pushState, { auth: c.auth });
  const rows = readBatch(sqlite, c.base + state.body.ackSeq, 1000);
  if (rows.length === 0) return [];
  const res = await h.call<{ ackSeq: number; conflicts: unknown[] }>('POST', ROUTES.push, {
    auth: c.auth,
    body: { events: rows.map((r) => toEvent(r, c.base)), auditHead: auditHeadThrough(sqlite, rows.at(-1)?.seq ?? 0) },
  });
  expect(res.status).toBe(200);
  expect(res.body.ackSeq).toBe((rows.at(-1)?.seq ?? 0) - c.base);
  markAcked(sqlite, res.body.ackSeq + c.base, c.host.clock.now());
  return res.body.conflicts;
}

/** Applies the feed from the stored cursor as the puller does. */
async function pull(c: Counter): Promise<{ problems: number }> {
  let problems = 0;
  for (;;) {
    const cursor = readCursor(c.host.store.sqlite, 'main') ?? '';
    const res = await h.call('GET', `${ROUTES.feed}?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { auth: c.auth });
    expect(res.status).toBe(200);
    const r = applyFeedPage(c.host.store.sqlite, res.body, { now: c.host.clock.now(), ownDeviceId: c.deviceId, ownHallId: c.hallId });
    problems += r.problems;
    if (!r.more) return { problems };
  }
}

async function pay(c: Counter, billId: string, totalFen: number, login: string, counterId: string): Promise<string> {
  const clerk = await signIn(c.host, login, counterId);
  const res = await clerk.call('payments.payCash', { accountId: 'acc-90000001', billIds: [billId], tendered: '100', expectedTotalFen: totalFen });
  expect(res).toMatchObject({ ok: true });
  return lastPaymentId(c.host);
}

async function reverse(c: Counter, paymentId: string, login: string, counterId: string): Promise<string> {
  const clerk = await signIn(c.host, login, counterId);
  const slipNo = String(one(c.host, 'SELECT slip_no FROM payments WHERE id = ?', paymentId)?.slip_no);
  const res = await clerk.call('payments.reverse', { slipNo, reason: '收错用户', approver: { login: 'manager01', password: '123456' } });
  expect(res).toMatchObject({ ok: true });
  return lastPaymentId(c.host);
}

async function centralBill(companyId: string, billId: string): Promise<{ status: string; paid: string | null }> {
  const { rows } = await h.pool.query<{ status: string; paid: string | null }>(
    "SELECT row->>'status' AS status, row->>'paid_payment_id' AS paid FROM rows WHERE company_id = $1 AND table_name = 'bills' AND row_key = $2",
    [companyId, billId],
  );
  return rows[0] ?? { status: 'missing', paid: null };
}

const localBill = (c: Counter, billId: string) => one(c.host, 'SELECT status, paid_payment_id AS paid FROM bills WHERE id = ?', billId);
const problemsOf = (c: Counter) => rowsOf(c.host, 'sync_problems', '1').map((p) => `${p.table_name}: ${p.reason}`);

/** The 异常 this counter holds: server ids (a finding of its own not yet taken over by the server's report: 'local-only'). */
const anomaliesOf = (c: Counter) => rowsOf(c.host, 'sync_anomalies', '1').map((a) => (a.server_id === null ? 'local-only' : String(a.server_id))).sort();

async function serverAnomalies(companyId: string, hallId: string): Promise<string[]> {
  const { rows } = await h.pool.query<{ id: string }>('SELECT id FROM anomalies WHERE company_id = $1 AND hall_id = $2 ORDER BY id', [companyId, hallId]);
  return rows.map((r) => r.id).sort();
}

/** count and total of the hall's payments of the day, at a counter and centrally: equal to the fen. */
async function sumsAgree(companyId: string, hallId: string, counters: Counter[]): Promise<{ n: number; total: number }> {
  const { rows } = await h.pool.query<{ n: string; total: string | null }>(
    "SELECT count(*)::text AS n, sum(total_fen)::text AS total FROM payments WHERE company_id = $1 AND hall_id = $2 AND business_date = '2026-11-23'",
    [companyId, hallId],
  );
  const central = { n: Number(rows[0]?.n ?? 0), total: Number(rows[0]?.total ?? 0) };
  for (const c of counters) {
    const local = one(c.host, "SELECT count(*) AS n, coalesce(sum(total_fen), 0) AS total FROM payments WHERE hall_id = ? AND business_date = '2026-11-23'", hallId);
    expect({ n: Number(local?.n), total: Number(local?.total) }).toEqual(central);
  }
  return central;
}

describe('a bill paid at two counters offline: the server decides, every counter follows', () => {
  it('(c) the loser takes the winner as the bill’s payment, and after the winner’s 冲正 shows it 未缴 as the server does', async () => {
    const co = await company();
    const a = await enrol(co, 'hall-lc', 'counter-lc01');
    const b = await enrol(co, 'hall-lc', 'counter-lc02');
    const pa = await pay(a, 'bill-1', 7935, 'clerk01', 'counter-lc01');
    const pb = await pay(b, 'bill-1', 7935, 'clerk02', 'counter-lc02');
    await push(a);
    expect(await push(b)).toMatchObject([{ kind: 'double_payment', billId: 'bill-1', paymentId: pb, otherPaymentId: pa, amountFen: 7935 }]);
    expect(await centralBill(co, 'bill-1')).toEqual({ status: '收讫', paid: pa });
    await pull(a);
    await pull(b);
    // the server's decision: pa holds the bill at both counters; pb stands as money (a credit)
    expect(localBill(a, 'bill-1')).toEqual({ status: '收讫', paid: pa });
    expect(localBill(b, 'bill-1')).toEqual({ status: '收讫', paid: pa });
    // A reverses pa: the server's bill is 未缴 again (pb is a credit, not the bill's payment)
    await reverse(a, pa, 'clerk01', 'counter-lc01');
    await push(a);
    await pull(b);
    expect(await centralBill(co, 'bill-1')).toEqual({ status: '未缴', paid: null });
    for (const c of [a, b]) {
      expect(localBill(c, 'bill-1')).toEqual({ status: '未缴', paid: null });
      expect(problemsOf(c)).toEqual([]);
      expect(anomaliesOf(c)).toEqual(await serverAnomalies(co, 'hall-lc'));
    }
    expect(await sumsAgree(co, 'hall-lc', [a, b])).toEqual({ n: 3, total: 7935 });
  });

  it('(c) a snapshot row older than the counter’s own 冲正 does not make the bill 收讫 again', async () => {
    const co = await company();
    const a = await enrol(co, 'hall-lc', 'counter-lc01');
    const pa = await pay(a, 'bill-2', 345, 'clerk01', 'counter-lc01');
    await push(a);
    const start = await h.call<{ feedCursor: string }>('GET', ROUTES.snapshotStart, { auth: a.auth });
    await reverse(a, pa, 'clerk01', 'counter-lc01');
    // the snapshot's bill page was read before the 冲正 reached the server: it says 收讫 by pa
    const snap = await h.call('GET', `${ROUTES.snapshot}?table=bills&limit=100`, { auth: a.auth });
    expect(snap.body.rows.find((r: { rowId: string }) => r.rowId === 'bill-2')?.row).toMatchObject({ status: '收讫', paid_payment_id: pa });
    loadSnapshotPage(a.host.store.sqlite, snap.body, a.host.clock.now(), { deviceId: a.deviceId, hallId: a.hallId });
    writeCursor(a.host.store.sqlite, 'main', start.body.feedCursor, a.host.clock.now());
    await push(a);
    await pull(a);
    expect(await centralBill(co, 'bill-2')).toEqual({ status: '未缴', paid: null });
    expect(localBill(a, 'bill-2')).toEqual({ status: '未缴', paid: null });
    expect(problemsOf(a)).toEqual([]);
    expect(await sumsAgree(co, 'hall-lc', [a])).toEqual({ n: 2, total: 0 });
  });

  it('(b) a snapshot row naming a payment whose item comes later in the feed is not refused: it waits, listed, and the feed completes it', async () => {
    const co = await company();
    const a = await enrol(co, 'hall-lc', 'counter-lc01');
    const c = await enrol(co, 'hall-hl', 'counter-hl01');
    // bill-2 paid before C's snapshot began (its payment is not in C's feed); bill-1 paid after
    const early = await pay(a, 'bill-2', 345, 'clerk01', 'counter-lc01');
    await push(a);
    const start = await h.call<{ feedCursor: string }>('GET', ROUTES.snapshotStart, { auth: c.auth });
    const pa = await pay(a, 'bill-1', 7935, 'clerk01', 'counter-lc01');
    await push(a);
    const snap = await h.call('GET', `${ROUTES.snapshot}?table=bills&limit=100`, { auth: c.auth });
    const loaded = loadSnapshotPage(c.host.store.sqlite, snap.body, c.host.clock.now(), { deviceId: c.deviceId, hallId: c.hallId });
    expect(loaded.problems).toBe(0);
    // not refused by the guard: both rows wait for their payment's item, listed under 同步问题 for the manager
    const waits = (x: Counter) => rowsOf(x.host, 'sync_bill_waits', '1').map((w) => [w.bill_id, w.payment_id]).sort();
    expect(waits(c)).toEqual([['bill-1', pa], ['bill-2', early]]);
    expect(problemsOf(c)).toEqual([]);
    const manager = await signIn(c.host, 'manager01', 'counter-lc02');
    const listed = await manager.call('sync.problems', {});
    expect(listed.ok && listed.value.map((p) => [p.table, p.rowId, p.reason.slice(0, 6)]).sort()).toEqual([['bills', 'bill-1', '等待缴费明细'], ['bills', 'bill-2', '等待缴费明细']]);
    writeCursor(c.host.store.sqlite, 'main', start.body.feedCursor, c.host.clock.now());
    expect(await pull(c)).toEqual({ problems: 0 });
    // bill-1's payment came by the feed: the row applied, its wait gone; bill-2's never comes here: it stays listed
    expect(localBill(c, 'bill-1')).toEqual({ status: '收讫', paid: pa });
    expect(waits(c)).toEqual([['bill-2', early]]);
    const still = await manager.call('sync.problems', {});
    expect(still.ok && still.value.map((p) => p.rowId)).toEqual(['bill-2']);
    expect(still.ok && still.value[0]?.reason).toContain(early);
    expect(localBill(c, 'bill-2')).toEqual({ status: '未缴', paid: null });
    expect(problemsOf(c)).toEqual([]);
  });

  it('(a)(b) the hall’s counters hold exactly the server’s 异常 and its bill decision; a counter of another hall flags nothing', async () => {
    const co = await company();
    const a = await enrol(co, 'hall-lc', 'counter-lc01');
    const b = await enrol(co, 'hall-lc', 'counter-lc02');
    const d = await enrol(co, 'hall-lc', 'counter-lc01'); // a third PC of the hall that took neither payment
    const c = await enrol(co, 'hall-hl', 'counter-hl01');
    const pa = await pay(a, 'bill-1', 7935, 'clerk01', 'counter-lc01');
    const pb = await pay(b, 'bill-1', 7935, 'clerk02', 'counter-lc02');
    // B pushes first: pb holds the bill, pa is the credit. A, having pulled B's payment first, is the loser.
    await push(b);
    await pull(a);
    await push(a);
    for (const x of [a, b, c, d]) await pull(x);
    expect(await centralBill(co, 'bill-1')).toEqual({ status: '收讫', paid: pb });
    const hallAnomalies = await serverAnomalies(co, 'hall-lc');
    expect(hallAnomalies).toHaveLength(1);
    for (const x of [a, b, c, d]) {
      expect(localBill(x, 'bill-1')).toEqual({ status: '收讫', paid: pb });
      expect(problemsOf(x)).toEqual([]);
    }
    for (const x of [a, b, d]) expect(anomaliesOf(x)).toEqual(hallAnomalies);
    // 鹿城's double payment is 鹿城's: the 鸿泰 counter holds both payments (they settle a bill) but no 异常
    expect(anomaliesOf(c)).toEqual([]);
    expect(await serverAnomalies(co, 'hall-hl')).toEqual([]);
    expect(one(a.host, "SELECT payment_id, other_payment_id, amount_fen FROM sync_anomalies WHERE kind = 'double_payment'")).toEqual({ payment_id: pa, other_payment_id: pb, amount_fen: 7935 });
    expect(await sumsAgree(co, 'hall-lc', [a, b, c, d])).toEqual({ n: 2, total: 15870 });
  });
});

describe('the guard bills_paid_only_by_payment (raw SQL)', () => {
  it('moves a 收讫 bill only to a standing payment whose item covers it; never to a payment without one', async () => {
    const co = await company();
    const a = await enrol(co, 'hall-lc', 'counter-lc01');
    const pa = await pay(a, 'bill-1', 7935, 'clerk01', 'counter-lc01');
    const p2 = await pay(a, 'bill-2', 345, 'clerk01', 'counter-lc01');
    const db = a.host.store.sqlite;
    // a payment that does not cover bill-1 (its item pays bill-2), an unknown id, and no payment at all: refused
    for (const fake of [p2, 'no-such-payment']) {
      expect(() => db.prepare("UPDATE bills SET paid_payment_id = ? WHERE id = 'bill-1'").run(fake)).toThrow(/收讫 only through a payment item/);
    }
    expect(() => db.prepare("UPDATE bills SET status = '收讫', paid_payment_id = NULL WHERE id = 'bill-1'").run()).toThrow(/收讫 only through a payment item/);
    expect(() => db.prepare("UPDATE bills SET status = '收讫', paid_payment_id = 'no-such-payment' WHERE id = 'bill-2'").run()).toThrow(/收讫 only through a payment item/);
    expect(localBill(a, 'bill-1')).toEqual({ status: '收讫', paid: pa });
    // B's payment of bill-1 came down (the bill row not: it names pb as the server chose): the bill moves to it
    const b = store();
    const pb = await pay({ host: b } as Counter, 'bill-1', 7935, 'clerk02', 'counter-lc02');
    applyFeedPage(db, page(paymentChanges(b, pb, 'device-b').filter((x) => x.table !== 'bills')), { now: a.host.clock.now() });
    expect(localBill(a, 'bill-1')).toEqual({ status: '收讫', paid: pa });
    db.prepare('UPDATE bills SET paid_payment_id = ? WHERE id = ?').run(pb, 'bill-1');
    expect(localBill(a, 'bill-1')).toEqual({ status: '收讫', paid: pb });
    // a reversed payment holds nothing: after pa's 冲正 the bill cannot move back to it
    const ra = await reverse(a, pa, 'clerk01', 'counter-lc01');
    expect(() => db.prepare('UPDATE bills SET paid_payment_id = ? WHERE id = ?').run(pa, 'bill-1')).toThrow(/收讫 only through a payment item/);
    // nor to the 冲正 itself (its items are the negated ones)
    expect(() => db.prepare('UPDATE bills SET paid_payment_id = ? WHERE id = ?').run(ra, 'bill-1')).toThrow(/收讫 only through a payment item/);
    expect(localBill(a, 'bill-1')).toEqual({ status: '收讫', paid: pb });
  });
});
