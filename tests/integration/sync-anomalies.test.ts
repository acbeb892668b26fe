/**
 * Issue 14 #3: the 异常 list. A bill paid at two counters while offline is on the hall manager's list (both
 * payments stand, the later a credit); the manager decides 退款 (with a note) or 保留预存 once, audited; a clerk
 * sees only the refused changes made at their own counter, with the reason; the database keeps a decision and
 * the report as they are (raw SQL: the guard refuses a second decision, a rewrite and a delete).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { fen } from '../../preload/kernel/money.js';
import { applyFeedPage } from '../../main/sync/applier.js';
import { change, count, lastPaymentId, page, paymentChanges } from '../fixtures/sync.js';

let a: TestHost;
let b: TestHost;

beforeEach(() => {
  a = makeTestHost();
  b = makeTestHost();
  for (const h of [a, b]) {
    const acc = addAccount(h, { accountNo: '90000001', name: '张三', address: '温州市鹿城区同步路1号', reading: 14600 });
    addBill(h, acc, { id: 'bill-1', readingDate: '2026-11-10', previous: 12300, current: 14600, amountFen: fen(7935), dueDate: '2026-12-10' });
  }
});
afterEach(() => {
  a.dispose();
  b.dispose();
});

const refused = (counterId: string) => ({
  id: `anom-${counterId}`, kind: 'refused_change', companyId: 'company', hallId: 'hall-lc', deviceId: 'device-b', counterId, table: 'accounts', rowId: 'acc-90000001',
  otherRowId: null, accountId: 'acc-90000001', billId: null, paymentId: null, otherPaymentId: null, amountFen: null, businessDate: '2026-11-23',
  detail: '过户被中心拒绝：该用户已在其他营业厅办理过户', createdAt: '2026-11-23T03:00:00.000Z', resolution: null, resolvedAt: null, resolvedBy: null, note: null,
});

describe('异常 list', () => {
  it('the manager decides a double payment once (退款 needs a note), audited; a clerk sees only refused changes of their counter', async () => {
    const clerkA = await signIn(a);
    await clerkA.call('payments.payCash', { accountId: 'acc-90000001', billIds: ['bill-1'], tendered: '100', expectedTotalFen: fen(7935) });
    const clerkB = await signIn(b, 'clerk02', 'counter-lc02');
    await clerkB.call('payments.payCash', { accountId: 'acc-90000001', billIds: ['bill-1'], tendered: '100', expectedTotalFen: fen(7935) });
    const pb = lastPaymentId(b);
    // the server's report: A pushed first, B's payment is the credit
    const report = { ...refused('counter-lc02'), id: 'anom-credit', kind: 'double_payment', table: 'payment_items', rowId: `${pb}-item`, billId: 'bill-1', paymentId: pb, otherPaymentId: lastPaymentId(a), amountFen: 7935, detail: '账单重复缴费：后一笔转为预存' };
    applyFeedPage(b.store.sqlite, page([...paymentChanges(a, lastPaymentId(a)), change('sync_anomalies', report, { origin: null }), change('sync_anomalies', refused('counter-lc02'), { origin: null }), change('sync_anomalies', refused('counter-lc01'), { origin: null })]), { now: b.clock.now(), ownHallId: 'hall-lc' });
    const m = await signIn(b, 'manager01', 'counter-lc02');
    const list = await m.call('anomalies.list', { open: true });
    expect(list.ok && list.value.map((x) => x.kind).sort()).toEqual(['double_payment', 'refused_change', 'refused_change']);
    const credit = list.ok ? list.value.find((x) => x.kind === 'double_payment') : undefined;
    expect(credit).toMatchObject({ amountFen: 7935, accountNo: '90000001', kindLabel: '重复缴费（转预存）' });
    const id = credit?.id ?? '';
    expect(await m.call('anomalies.decide', { id, resolution: 'acknowledged' })).toMatchObject({ ok: false, error: { field: 'resolution' } });
    expect(await m.call('anomalies.decide', { id, resolution: 'refund' })).toMatchObject({ ok: false, error: { field: 'note' } });
    const audits = count(b, "SELECT count(*) FROM audit_log WHERE action = 'sync.anomaly.decide'");
    expect(await m.call('anomalies.decide', { id, resolution: 'keep' })).toMatchObject({ ok: true, value: { resolution: 'keep', resolutionLabel: '保留预存', resolvedBy: '郑建华' } });
    expect(count(b, "SELECT count(*) FROM audit_log WHERE action = 'sync.anomaly.decide'")).toBe(audits + 1);
    expect(await m.call('anomalies.decide', { id, resolution: 'refund', note: '现金退回' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await clerkB.call('anomalies.decide', { id, resolution: 'keep' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const mine = await clerkB.call('anomalies.list', { open: true });
    expect(mine).toMatchObject({ ok: true, value: [{ kind: 'refused_change', counterCode: 'LC02', detail: '过户被中心拒绝：该用户已在其他营业厅办理过户' }] });
  });

  it('the database keeps a decision and a report as they are (raw SQL)', () => {
    applyFeedPage(b.store.sqlite, page([change('sync_anomalies', refused('counter-lc02'), { origin: null })]), { now: b.clock.now() });
    const db = b.store.sqlite;
    expect(() => db.prepare("UPDATE sync_anomalies SET detail = 'x'").run()).toThrow(/decided once/);
    expect(() => db.prepare('DELETE FROM sync_anomalies').run()).toThrow(/never deleted/);
    db.prepare("UPDATE sync_anomalies SET resolution = 'acknowledged', resolved_by = 'staff-manager01', resolved_at = 'now'").run();
    expect(() => db.prepare("UPDATE sync_anomalies SET resolution = 'refund', resolved_by = 'staff-manager01', resolved_at = 'later'").run()).toThrow(/decided once/);
    expect(() => db.prepare('DELETE FROM sync_problems').run()).not.toThrow();
  });
});
