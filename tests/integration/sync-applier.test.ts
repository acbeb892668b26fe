/**
 * Issue 14 #1: the downstream applier on real SQLite stores. Counter A's facts (a payment with its slip and
 * items, the bill it paid) are applied at counter B as feed pages built from the contract's shape: the bill shows
 * paid at B, B's per-day totals count A's payment, a page applied twice changes nothing, a row B's guards refuse
 * is listed in sync_problems (never dropped), a bill paid at both counters keeps both payments and is on the 异常
 * list, and no page, however garbled, crashes the back end or writes half of itself.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { markDayClosed } from '../fixtures/data.js';
import { fen } from '../../preload/kernel/money.js';
import { applyFeedPage, FeedInputError, readCursor } from '../../main/sync/applier.js';
import { change, count, lastPaymentId, one, page, paymentChanges, rowsOf } from '../fixtures/sync.js';

let a: TestHost;
let b: TestHost;

function seedBoth(host: TestHost) {
  const acc = addAccount(host, { accountNo: '90000001', name: '张三', address: '温州市鹿城区同步路1号', reading: 14600 });
  addBill(host, acc, { id: 'bill-1', readingDate: '2026-11-10', previous: 12300, current: 14600, amountFen: fen(7935), dueDate: '2026-12-10' });
  addBill(host, acc, { id: 'bill-2', readingDate: '2026-11-15', previous: 14600, current: 14700, amountFen: fen(345), dueDate: '2026-12-15' });
}

beforeEach(() => {
  a = makeTestHost();
  b = makeTestHost();
  seedBoth(a);
  seedBoth(b);
});
afterEach(() => {
  a.dispose();
  b.dispose();
});

async function payAt(host: TestHost, billId: string, totalFen: number, counter = 'counter-lc01', login = 'clerk01'): Promise<string> {
  const clerk = await signIn(host, login, counter);
  const res = await clerk.call('payments.payCash', { accountId: 'acc-90000001', billIds: [billId], tendered: '100', expectedTotalFen: fen(totalFen) });
  expect(res).toMatchObject({ ok: true });
  return lastPaymentId(host);
}

const now = () => b.clock.now();

describe('applier: a payment at counter A shows at counter B', () => {
  it('marks the bill 收讫, counts the payment in B’s day totals, stores the cursor; the same page again changes nothing', async () => {
    const pid = await payAt(a, 'bill-1', 7935);
    const p = page(paymentChanges(a, pid));
    const outboxBefore = count(b, 'SELECT count(*) FROM sync_outbox');
    const res = applyFeedPage(b.store.sqlite, p, { now: now() });
    // nothing that came down is captured to go up again (the upstream side's apply switch)
    expect(count(b, 'SELECT count(*) FROM sync_outbox')).toBe(outboxBefore);
    expect(count(b, 'SELECT applying FROM sync_apply_state WHERE id = 1')).toBe(0);
    expect(res).toMatchObject({ problems: 0, cursor: p.cursor });
    expect(one(b, 'SELECT status, paid_payment_id AS paid FROM bills WHERE id = ?', 'bill-1')).toEqual({ status: '收讫', paid: pid });
    expect(count(b, "SELECT total_fen FROM day_totals WHERE counter_id = 'counter-lc01' AND business_date = '2026-11-23'")).toBe(7935);
    expect(readCursor(b.store.sqlite, 'main')).toBe(p.cursor);
    const before = JSON.stringify([rowsOf(b, 'payments', '1'), rowsOf(b, 'day_totals', '1'), rowsOf(b, 'bills', '1')]);
    const again = applyFeedPage(b.store.sqlite, p, { now: now() });
    expect(again).toMatchObject({ applied: 0, problems: 0 });
    expect(JSON.stringify([rowsOf(b, 'payments', '1'), rowsOf(b, 'day_totals', '1'), rowsOf(b, 'bills', '1')])).toBe(before);
  });

  it('marks the bill paid from the payment item alone (the bill row may come later or not at all)', async () => {
    const pid = await payAt(a, 'bill-1', 7935);
    const changes = paymentChanges(a, pid).filter((c) => c.table !== 'bills');
    expect(applyFeedPage(b.store.sqlite, page(changes), { now: now() })).toMatchObject({ problems: 0 });
    expect(one(b, 'SELECT status FROM bills WHERE id = ?', 'bill-1')).toEqual({ status: '收讫' });
    // B's clerk now sees nothing to pay on that bill
    const clerk = await signIn(b, 'clerk02', 'counter-lc02');
    const res = await clerk.call('payments.payCash', { accountId: 'acc-90000001', billIds: ['bill-1'], tendered: '100', expectedTotalFen: fen(7935) });
    expect(res).toMatchObject({ ok: false });
  });

  it('a 冲正 at A puts the bill back to 未缴 at B', async () => {
    const pid = await payAt(a, 'bill-1', 7935);
    applyFeedPage(b.store.sqlite, page(paymentChanges(a, pid)), { now: now() });
    const clerk = await signIn(a);
    const slipNo = String(one(a, 'SELECT slip_no FROM payments WHERE id = ?', pid)?.slip_no);
    const rev = await clerk.call('payments.reverse', { slipNo, reason: '收错用户', approver: { login: 'manager01', password: '123456' } });
    expect(rev).toMatchObject({ ok: true });
    const revId = lastPaymentId(a);
    const changes = [...paymentChanges(a, revId), ...rowsOf(a, 'reversals', 'payment_id = ?', revId).map((r) => change('reversals', r, { rowId: String(r.payment_id) })),
      ...rowsOf(a, 'bills', "id = 'bill-1'").map((r) => change('bills', r, { op: 'update', hallId: null }))];
    expect(applyFeedPage(b.store.sqlite, page(changes), { now: now() })).toMatchObject({ problems: 0 });
    expect(one(b, 'SELECT status, paid_payment_id AS paid FROM bills WHERE id = ?', 'bill-1')).toEqual({ status: '未缴', paid: null });
    expect(count(b, "SELECT sum(total_fen) FROM day_totals WHERE counter_id = 'counter-lc01'")).toBe(0);
  });
});

describe('applier: refused rows are listed, never dropped', () => {
  it('a row changed twice in a page is applied once as it ended; the rows the page made in between that point at it apply after it (found with a business and its work order)', async () => {
    const pid = await payAt(a, 'bill-1', 7935);
    const changes = paymentChanges(a, pid);
    const slip = changes[0]!;
    expect(slip.table).toBe('check_slips');
    // the slip again at the end of the page (as a row written, then touched again in the same page)
    const res = applyFeedPage(b.store.sqlite, page([...changes, { ...slip, op: 'update', cursor: `${slip.cursor}-again` }]), { now: now() });
    expect(res).toMatchObject({ problems: 0 });
    expect(count(b, 'SELECT count(*) FROM sync_problems')).toBe(0);
    expect(one(b, 'SELECT status, paid_payment_id AS paid FROM bills WHERE id = ?', 'bill-1')).toEqual({ status: '收讫', paid: pid });
  });

  it('a row that names a row coming later in the same page is applied after it (the feed is in transaction order, not commit order)', async () => {
    const pid = await payAt(a, 'bill-1', 7935);
    const [slip, ...rest] = paymentChanges(a, pid);
    const res = applyFeedPage(b.store.sqlite, page([...rest, slip!]), { now: now() });
    expect(res).toMatchObject({ problems: 0 });
    expect(one(b, 'SELECT status, paid_payment_id AS paid FROM bills WHERE id = ?', 'bill-1')).toEqual({ status: '收讫', paid: pid });
    expect(count(b, 'SELECT count(*) FROM payments WHERE id = ?', pid)).toBe(1);
  });

  it('a row whose referenced row never comes in the page is listed as a problem; the rest applies', async () => {
    const pid = await payAt(a, 'bill-1', 7935);
    const [, ...rest] = paymentChanges(a, pid);
    const res = applyFeedPage(b.store.sqlite, page(rest), { now: now() });
    expect(res.problems).toBeGreaterThan(0);
    expect(count(b, "SELECT count(*) FROM sync_problems WHERE table_name = 'payments'")).toBe(1);
    expect(count(b, 'SELECT count(*) FROM payments WHERE id = ?', pid)).toBe(0);
  });

  it('a payment for a day B has closed goes to sync_problems with the reason; the rest of the page and the cursor are applied', async () => {
    const pid = await payAt(a, 'bill-1', 7935);
    markDayClosed(b, { date: '2026-11-23', closedAt: '2026-11-23T01:00:00.000Z' });
    const master = change('accounts', { ...rowsOf(a, 'accounts', "id = 'acc-90000001'")[0], name: '张三丰' }, { hallId: null, op: 'update' });
    const p = page([...paymentChanges(a, pid), master]);
    const res = applyFeedPage(b.store.sqlite, p, { now: now() });
    expect(res.problems).toBeGreaterThan(0);
    expect(readCursor(b.store.sqlite, 'main')).toBe(p.cursor);
    const problems = rowsOf(b, 'sync_problems', "table_name = 'payments'");
    expect(problems).toHaveLength(1);
    expect(String(problems[0]?.reason)).toContain('已日结');
    expect(one(b, 'SELECT status FROM bills WHERE id = ?', 'bill-1')).toEqual({ status: '未缴' });
    expect(one(b, "SELECT name FROM accounts WHERE id = 'acc-90000001'")).toEqual({ name: '张三丰' });
    // applying the page again lists nothing twice
    applyFeedPage(b.store.sqlite, p, { now: now() });
    expect(count(b, "SELECT count(*) FROM sync_problems WHERE table_name = 'payments'")).toBe(1);
  });

  it('a table this store does not know is a problem; other counters’ audit rows are not held here', () => {
    const res = applyFeedPage(b.store.sqlite, page([
      change('no_such_table', { id: 'x' }),
      change('audit_log', { seq: 1, at: 'x', action: 'x', entity: 'x', entity_id: 'x', detail: '{}', prev_hash: 'x', hash: 'x' }, { rowId: '1' }),
    ]), { now: now() });
    expect(res).toMatchObject({ problems: 1, skipped: 1 });
    expect(count(b, 'SELECT count(*) FROM audit_log WHERE hash = ?', 'x')).toBe(0);
  });

  it('a changed append-only row (a tampered payment) is refused and listed', async () => {
    const pid = await payAt(a, 'bill-1', 7935);
    applyFeedPage(b.store.sqlite, page(paymentChanges(a, pid)), { now: now() });
    const [p] = rowsOf(a, 'payments', 'id = ?', pid);
    const res = applyFeedPage(b.store.sqlite, page([change('payments', { ...p, total_fen: 1 })]), { now: now() });
    expect(res.problems).toBe(1);
    expect(count(b, 'SELECT total_fen FROM payments WHERE id = ?', pid)).toBe(7935);
  });
});

describe('applier: a bill paid at both counters while offline (double_payment)', () => {
  const report = (paymentId: string, otherPaymentId: string) => ({
    id: 'anom-1', kind: 'double_payment', companyId: 'company', hallId: 'hall-lc', deviceId: 'device-b', counterId: 'counter-lc02', table: 'payment_items',
    rowId: `${paymentId}-item`, otherRowId: null, accountId: 'acc-90000001', billId: 'bill-1', paymentId, otherPaymentId, amountFen: 7935, businessDate: '2026-11-23',
    detail: '账单重复缴费：后一笔转为预存', createdAt: '2026-11-23T03:00:00.000Z', resolution: null, resolvedAt: null, resolvedBy: null, note: null,
  });
  const bill1 = (host: TestHost) => one(host, 'SELECT status, paid_payment_id AS paid FROM bills WHERE id = ?', 'bill-1');

  it('B’s own payment keeps the bill until the server decides; then B takes the decision: the bill moves to A’s payment, B’s is the credit on the 异常 list once', async () => {
    const pa = await payAt(a, 'bill-1', 7935);
    const pb = await payAt(b, 'bill-1', 7935, 'counter-lc02', 'clerk02');
    const opts = { now: now(), ownHallId: 'hall-lc' };
    expect(applyFeedPage(b.store.sqlite, page(paymentChanges(a, pa)), opts).problems).toBe(0);
    expect(count(b, 'SELECT count(*) FROM payments WHERE id IN (?, ?)', pa, pb)).toBe(2);
    // not judged yet (B's push has not reached the server): B's own payment holds the bill, nothing is listed
    expect(bill1(b)).toEqual({ status: '收讫', paid: pb });
    expect(rowsOf(b, 'sync_anomalies', '1')).toEqual([]);
    // the server ordered A's push first: its report names pb the credit, then the central row comes to every counter
    const [central] = rowsOf(a, 'bills', "id = 'bill-1'");
    const decided = page([change('sync_anomalies', report(pb, pa), { rowId: 'anom-1', origin: null }), change('bills', { ...central }, { op: 'update', hallId: null, origin: null })]);
    expect(applyFeedPage(b.store.sqlite, decided, opts).problems).toBe(0);
    expect(bill1(b)).toEqual({ status: '收讫', paid: pa });
    expect(count(b, 'SELECT count(*) FROM payments WHERE id IN (?, ?)', pa, pb)).toBe(2);
    const found = rowsOf(b, 'sync_anomalies', '1');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ server_id: 'anom-1', reported_by: 'server', payment_id: pb, other_payment_id: pa, amount_fen: 7935 });
  });

  it('a third counter of the hall lists the double payment at once and the server’s report takes the row over; a counter of another hall lists nothing', async () => {
    const c = makeTestHost();
    const d = makeTestHost();
    try {
      seedBoth(c);
      seedBoth(d);
      const pa = await payAt(a, 'bill-1', 7935);
      const pb = await payAt(b, 'bill-1', 7935, 'counter-lc02', 'clerk02');
      // the feed as the server writes it: A's push (pa holds the bill), then B's (its bill row refused: the central row, to every counter)
      const [central] = rowsOf(a, 'bills', "id = 'bill-1'");
      const feed = [...paymentChanges(a, pa), ...paymentChanges(b, pb, 'device-b').filter((x) => x.table !== 'bills'), change('bills', { ...central }, { op: 'update', hallId: null, origin: null })];
      expect(applyFeedPage(c.store.sqlite, page(feed), { now: now(), ownHallId: 'hall-lc' }).problems).toBe(0);
      expect(applyFeedPage(d.store.sqlite, page(feed), { now: now(), ownHallId: 'hall-hl' }).problems).toBe(0);
      for (const x of [c, d]) expect(bill1(x)).toEqual({ status: '收讫', paid: pa });
      expect(rowsOf(c, 'sync_anomalies', '1')).toMatchObject([{ kind: 'double_payment', reported_by: 'local', server_id: null, hall_id: 'hall-lc', payment_id: pb, other_payment_id: pa, amount_fen: 7935 }]);
      // another hall's double payment is that hall's: the server reports it there, not here
      expect(rowsOf(d, 'sync_anomalies', '1')).toEqual([]);
      applyFeedPage(c.store.sqlite, page([change('sync_anomalies', report(pb, pa), { rowId: 'anom-1', origin: null })]), { now: now(), ownHallId: 'hall-lc' });
      expect(rowsOf(c, 'sync_anomalies', '1')).toMatchObject([{ server_id: 'anom-1', reported_by: 'server', payment_id: pb }]);
    } finally {
      c.dispose();
      d.dispose();
    }
  });

  it('an older central bill row (未缴) does not un-pay a bill paid here and not yet pushed', async () => {
    const [unpaid] = rowsOf(a, 'bills', "id = 'bill-1'");
    await payAt(b, 'bill-1', 7935, 'counter-lc02', 'clerk02');
    expect(applyFeedPage(b.store.sqlite, page([change('bills', { ...unpaid }, { op: 'update', hallId: null })]), { now: now() })).toMatchObject({ problems: 0 });
    expect(one(b, 'SELECT status FROM bills WHERE id = ?', 'bill-1')).toEqual({ status: '收讫' });
  });
});

describe('applier: no input from the server crashes the back end', () => {
  it('a page that does not match the contract is refused whole and changes nothing', () => {
    for (const bad of [null, 42, 'x', {}, { changes: 'x', cursor: 'c', more: false }, { changes: [{ table: 'payments' }], cursor: 'c', more: false }, { changes: [], cursor: 'BAD CURSOR', more: false }]) {
      expect(() => applyFeedPage(b.store.sqlite, bad, { now: now() })).toThrow(FeedInputError);
    }
    expect(readCursor(b.store.sqlite, 'main')).toBeNull();
  });

  it('random and garbled pages: either refused whole or applied with problems listed; the store stays sound', async () => {
    const pid = await payAt(a, 'bill-1', 7935);
    const real = paymentChanges(a, pid);
    const tables = ['payments', 'payment_items', 'check_slips', 'bills', 'accounts', 'staff', 'halls', 'sync_anomalies', 'sync_day_markers', 'reversals', 'business_days', 'nope', 'audit_log'];
    const value = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant({ nested: 1 }), fc.constant('收讫'));
    const garbledRow = fc.dictionary(fc.oneof(fc.constantFrom('id', 'status', 'paid_payment_id', 'total_fen', 'slip_no', 'bill_id', 'payment_id', 'hall_id', 'name', 'x;drop'), fc.string({ maxLength: 8 })), value, { maxKeys: 8 });
    const fromReal = fc.tuple(fc.constantFrom(...real), fc.dictionary(fc.constantFrom(...Object.keys(real[1]?.row ?? {})), value, { maxKeys: 3 })).map(([c, patch]) => ({ ...c, row: { ...c.row, ...patch } }));
    const randomChange = fc.record({ cursor: fc.stringMatching(/^[0-9a-z.-]{1,10}$/), table: fc.constantFrom(...tables), op: fc.constantFrom('insert', 'update', 'delete'), rowId: fc.string({ maxLength: 10 }), row: garbledRow, originDeviceId: fc.option(fc.string({ maxLength: 5 })), hallId: fc.option(fc.constant('hall-lc')) });
    const pageArb = fc.record({ changes: fc.array(fc.oneof(randomChange, fromReal, fc.constantFrom(...real)), { maxLength: 12 }), cursor: fc.oneof(fc.stringMatching(/^[0-9a-z]{1,8}$/), fc.string({ maxLength: 4 })), more: fc.oneof(fc.boolean(), fc.constant('yes')) });
    fc.assert(
      fc.property(pageArb, (p) => {
        try {
          applyFeedPage(b.store.sqlite, p, { now: now() });
        } catch (err) {
          if (!(err instanceof FeedInputError)) throw err;
        }
        expect(b.store.sqlite.inTransaction).toBe(false);
      }),
      { numRuns: 300 },
    );
    expect(b.store.sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    // the per-day totals still agree with the ledger
    expect(count(b, 'SELECT coalesce(sum(total_fen), 0) FROM day_totals')).toBe(count(b, 'SELECT coalesce(sum(total_fen), 0) FROM payments'));
  });
});
