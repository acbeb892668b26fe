/**
 * Issue 14 #4/#5: the hall's 日结 across counters and the USB day file. Counter A (enrolled, its key known to the
 * manager's PC B through the feed) takes a payment, its clerk's cash report is signed and reviewed (the counter's
 * end-of-day marker), and A exports its signed day file. At B the manager's 日结 waits for LC01 and says so; the file
 * imported at B brings the payment, the report and the marker (the bill shows paid, the close goes through); the same
 * file again changes nothing, the same events from the server later change nothing, a tampered file is refused with a
 * clear message.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { fen } from '../../preload/kernel/money.js';
import { exportDayFile } from '../../main/sync/day-file.js';
import { applyFeedPage } from '../../main/sync/applier.js';
import { change, count, enrolLocally, lastPaymentId, one, page, paymentChanges, rowsOf } from '../fixtures/sync.js';

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

const manager = () => signIn(b, 'manager01', 'counter-lc02');

async function counterADay() {
  const credentials = enrolLocally(a, { deviceId: 'device-a', counterId: 'counter-lc01' });
  // the feed brings A's public key to B (device_keys is a fact of the hall)
  applyFeedPage(b.store.sqlite, page(rowsOf(a, 'device_keys', "device_id = 'device-a'").map((r) => change('device_keys', r, { rowId: 'device-a' }))), { now: b.clock.now() });
  const clerk = await signIn(a);
  expect(await clerk.call('payments.payCash', { accountId: 'acc-90000001', billIds: ['bill-1'], tendered: '100', expectedTotalFen: fen(7935) })).toMatchObject({ ok: true });
  const pid = lastPaymentId(a);
  expect(await clerk.call('cashReport.submit', { deposited: '0', denominations: { '10000': 1 }, differenceReason: '备用金未计' })).toMatchObject({ ok: true });
  expect(await clerk.call('cashReport.review', { clerkLogin: 'clerk01', reviewer: { login: 'reviewer01', password: '123456' } })).toMatchObject({ ok: true });
  const file = exportDayFile(a.store.sqlite, credentials, '2026-11-23', a.clock.now());
  return { pid, file };
}

describe('hall 日结 across counters (issue 14 #4)', () => {
  it('waits for the counters of the hall, lists the missing one, and closes once its day file is imported', async () => {
    const { file } = await counterADay();
    const m = await manager();
    const status = await m.call('day.status', { date: '2026-11-23' });
    expect(status).toMatchObject({ ok: true, value: { missingCounters: ['LC01'] } });
    const refused = await m.call('day.close', { date: '2026-11-23' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(refused.ok ? '' : refused.error.message).toContain('LC01');
    const imported = await m.call('dayFile.import', { file: file.bytes.toString('base64') });
    expect(imported).toMatchObject({ ok: true, value: { counterCode: 'LC01', businessDate: '2026-11-23', marker: true, problems: 0 } });
    expect(await m.call('day.status', { date: '2026-11-23' })).toMatchObject({ ok: true, value: { missingCounters: [], counters: [{ code: 'LC01', reported: true, paymentCount: 1, totalFen: 7935 }] } });
    const closed = await m.call('day.close', { date: '2026-11-23' });
    expect(closed).toMatchObject({ ok: true, value: { report: { all: { count: 1, totalFen: 7935 }, counters: [{ code: 'LC01', reported: true }] } } });
  });

  it('a PC that does not sync closes as before (no counters waited for)', async () => {
    const m = await manager();
    expect(await m.call('day.status', { date: '2026-11-23' })).toMatchObject({ ok: true, value: { counters: [], missingCounters: [] } });
    expect(await m.call('day.close', { date: '2026-11-23' })).toMatchObject({ ok: true });
  });
});

describe('USB day file import (issue 14 #5)', () => {
  it('applies the events once: the bill shows paid; the same file again and the same events from the server change nothing', async () => {
    const { pid, file } = await counterADay();
    const m = await manager();
    const first = await m.call('dayFile.import', { file: file.bytes.toString('base64') });
    expect(first.ok && first.value.applied).toBeGreaterThan(0);
    expect(one(b, "SELECT status, paid_payment_id AS paid FROM bills WHERE id = 'bill-1'")).toEqual({ status: '收讫', paid: pid });
    const snapshot = () => JSON.stringify([rowsOf(b, 'payments', '1'), rowsOf(b, 'cash_reports', '1'), rowsOf(b, 'hall_day_markers', '1'), rowsOf(b, 'day_totals', '1'), count(b, 'SELECT count(*) FROM audit_log'), count(b, 'SELECT count(*) FROM sync_outbox')]);
    const before = snapshot();
    expect(await m.call('dayFile.import', { file: file.bytes.toString('base64') })).toMatchObject({ ok: true, value: { applied: 0, problems: 0 } });
    expect(snapshot()).toBe(before);
    expect(applyFeedPage(b.store.sqlite, page(paymentChanges(a, pid)), { now: b.clock.now() })).toMatchObject({ applied: 0, problems: 0 });
    expect(snapshot().replace(/,\d+\]$/, '')).toBe(before.replace(/,\d+\]$/, ''));
  });

  it('refuses a tampered file, a file of an unknown device and garbage with a clear message, changing nothing', async () => {
    const { file } = await counterADay();
    const m = await manager();
    const text = file.bytes.toString('utf8');
    const tampered = Buffer.from(text.replace('7935', '7936'), 'utf8');
    const res = await m.call('dayFile.import', { file: tampered.toString('base64') });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'file' } });
    expect(res.ok ? '' : res.error.message).toContain('签名不符');
    expect(await m.call('dayFile.import', { file: Buffer.from('not a day file').toString('base64') })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const other = makeTestHost();
    try {
      const creds = enrolLocally(other, { deviceId: 'device-x', counterId: 'counter-lc01' });
      const clerk = await signIn(other);
      await clerk.call('payments.payCash', { accountId: 'acc-90000001', billIds: ['bill-1'], tendered: '100', expectedTotalFen: fen(7935) }).catch(() => undefined);
      addAccount(other, { accountNo: '90000002', name: '李四', address: '温州市鹿城区同步路2号', reading: 0 });
      await clerk.call('counter.open', { checked: [], float: '0' }).catch(() => undefined);
      const unknown = (() => {
        try {
          return exportDayFile(other.store.sqlite, creds, '2026-11-23', other.clock.now());
        } catch {
          return null;
        }
      })();
      if (unknown) {
        const r = await m.call('dayFile.import', { file: unknown.bytes.toString('base64') });
        expect(r.ok ? '' : r.error.message).toContain('公钥');
      }
    } finally {
      other.dispose();
    }
    expect(count(b, 'SELECT count(*) FROM payments')).toBe(0);
    expect(one(b, "SELECT status FROM bills WHERE id = 'bill-1'")).toEqual({ status: '未缴' });
  });
});
