/** R-PAY-03/04: a bill created from the reading typed at the counter, priced. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../main/services/audit.js';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';

let host: TestHost;
let ids: { accountId: string; meterId: string };

beforeEach(() => {
  host = makeTestHost();
  ids = addAccount(host, { accountNo: '60000001', name: '赵六', address: '温州市鹿城区五马街1号松台花园2幢1单元201室', reading: 12000 });
});
afterEach(() => host.dispose());

describe('reading entered at the counter', () => {
  it('creates the reading record and its charge, due 30 days later (A-27), and records the source (A-05)', async () => {
    const clerk = await signIn(host);
    const res = await clerk.call('bills.enterReading', { accountId: ids.accountId, reading: '130.5', source: 'self_reported' });
    expect(res).toMatchObject({
      ok: true,
      value: { previousReading: 12000, thisReading: 13050, consumption: 1050, priceFenPerM3: 345, gasFen: 3623, dueDate: '2026-12-23', lateFeeFen: 0, source: 'self_reported' },
    });
    const bill = host.store.sqlite.prepare('SELECT source, created_by, reading_date, status FROM bills').get();
    expect(bill).toEqual({ source: 'self_reported', created_by: 'staff-clerk01', reading_date: '2026-11-23', status: '未缴' });
    expect(host.store.sqlite.prepare('SELECT latest_reading_centi FROM meters').pluck().get()).toBe(13050);
    expect(verifyAuditChain(host.store.db)).toMatchObject({ ok: true, rows: 2 });
  });

  it('continues from the last unpaid bill, not only from the meter', async () => {
    addBill(host, ids, { id: 'b1', readingDate: '2026-11-01', previous: 12000, current: 14000, amountFen: 6900, dueDate: '2026-12-01' });
    const clerk = await signIn(host);
    const res = await clerk.call('bills.enterReading', { accountId: ids.accountId, reading: '150', source: 'notice' });
    expect(res).toMatchObject({ ok: true, value: { previousReading: 14000, consumption: 1000, gasFen: 3450 } });
  });

  it('refuses a lower reading, the same reading and IC-card customers, writing nothing', async () => {
    const ic = addAccount(host, { accountNo: '60000002', name: '钱七', address: '温州市鹿城区五马街1号松台花园2幢1单元202室', customerType: 'IC卡' });
    const clerk = await signIn(host);
    const cases = [
      [{ accountId: ids.accountId, reading: '119.99' }, 'READING_BELOW_PREVIOUS'],
      [{ accountId: ids.accountId, reading: '120' }, 'VALIDATION'],
      [{ accountId: ic.accountId, reading: '10' }, 'VALIDATION'],
      [{ accountId: 'nobody', reading: '10' }, 'NOT_FOUND'],
    ] as const;
    for (const [input, code] of cases) {
      expect(await clerk.call('bills.enterReading', { ...input, source: 'notice' })).toMatchObject({ ok: false, error: { code, field: expect.any(String) } });
    }
    expect(host.store.sqlite.prepare('SELECT count(*) FROM bills').pluck().get()).toBe(0);
    expect(host.store.sqlite.prepare('SELECT latest_reading_centi FROM meters WHERE id = ?').pluck().get(ids.meterId)).toBe(12000);
  });
});

describe('audit chain', () => {
  it('detects an edited row', async () => {
    const clerk = await signIn(host);
    await clerk.call('bills.enterReading', { accountId: ids.accountId, reading: '130', source: 'notice' });
    expect(verifyAuditChain(host.store.db).ok).toBe(true);
    host.store.sqlite.exec('DROP TRIGGER audit_log_no_update');
    host.store.sqlite.prepare("UPDATE audit_log SET detail = '{}' WHERE seq = 2").run();
    expect(verifyAuditChain(host.store.db)).toMatchObject({ ok: false, rows: 2, brokenAtSeq: 2 });
  });
});
