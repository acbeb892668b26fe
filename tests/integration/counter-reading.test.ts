/** R-PAY-03/04: a bill created from the reading typed at the counter, priced. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../main/services/audit.js';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import type { TestClient } from '../fixtures/client.js';
import { lastAuditDetail } from '../fixtures/data.js';

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

/** issue 10 #5: 99999999 after 1017 used to create a ¥344,996,487.90 bill with no way to correct it. */
describe('a reading far outside the customer history (A-35) needs an explicit confirmation', () => {
  it('refuses 99999999 after 1017 with NEEDS_CONFIRMATION at the field, writing nothing; confirmed, the bill stores the confirmation', async () => {
    const big = addAccount(host, { accountNo: '60000009', name: '孙八', address: '温州市鹿城区五马街3号', reading: 101700 });
    const clerk = await signIn(host);
    const input = { accountId: big.accountId, reading: '99999999', source: 'notice' as const };
    const refused = await clerk.call('bills.enterReading', input);
    expect(refused).toMatchObject({ ok: false, error: { code: 'NEEDS_CONFIRMATION', field: 'reading' } });
    if (!refused.ok) expect(refused.error.message).toBe('本次用气 99998982 方，超过 100 方（大额方数 A-35），请核对缴费通知单；确认无误请勾选“确认读数无误”后再提交');
    expect(host.store.sqlite.prepare('SELECT count(*) FROM bills').pluck().get()).toBe(0);
    expect(host.store.sqlite.prepare('SELECT latest_reading_centi FROM meters WHERE id = ?').pluck().get(big.meterId)).toBe(101700);
    const ok = await clerk.call('bills.enterReading', { ...input, confirmUnusual: true });
    expect(ok).toMatchObject({ ok: true, value: { consumption: 9999898200, gasFen: 34499648790 } });
    expect(host.store.sqlite.prepare('SELECT confirmation FROM bills').pluck().get()).toBe('大额方数：本次用气 99998982 方，超过 100 方 (A-35)，收费员确认');
    expect(lastAuditDetail(host, 'bill.counter_reading')).toMatchObject({ confirmation: '大额方数：本次用气 99998982 方，超过 100 方 (A-35)，收费员确认' });
  });

  it('flags more than 3 × the monthly average × months covered, not at exactly 3 ×', async () => {
    addBill(host, ids, { id: 'h1', readingDate: '2026-08-23', previous: 10000, current: 11000, amountFen: 3450, dueDate: '2026-09-22' });
    addBill(host, ids, { id: 'h2', readingDate: '2026-09-23', previous: 11000, current: 12000, amountFen: 3450, dueDate: '2026-10-23' });
    const clerk = await signIn(host);
    // last read 2026-09-23, two months before 2026-11-23: the expected use is 10 m³ × 2 = 20 m³; 3 × is 60 m³
    const over = await clerk.call('bills.enterReading', { accountId: ids.accountId, reading: '180.01', source: 'notice' });
    expect(over).toMatchObject({ ok: false, error: { code: 'NEEDS_CONFIRMATION', field: 'reading' } });
    if (!over.ok) expect(over.error.message).toBe('本次用气 60.01 方，超过月均 10 方 × 2 个月的 3 倍（大额方数 A-35），请核对缴费通知单；确认无误请勾选“确认读数无误”后再提交');
    expect(await clerk.call('bills.enterReading', { accountId: ids.accountId, reading: '180', source: 'notice' })).toMatchObject({ ok: true, value: { consumption: 6000 } });
    expect(host.store.sqlite.prepare("SELECT confirmation FROM bills WHERE this_reading_centi = 18000").pluck().get()).toBeNull();
  });
});

describe('correcting a wrongly entered counter reading (issue 10 #5, approved per R-SEC-09 since issue 15 #3)', () => {
  /** The clerk's correction request, approved at once by the hall manager (R-SEC-09); the approval's result. */
  function correctReadingCall(clerk: TestClient) {
    return async (input: { billId: string; reading: string; reason: string }) => {
      const asked = await clerk.call('corrections.requestReading', input);
      if (!asked.ok) return asked;
      const manager = await signIn(host, 'manager01', 'counter-lc02');
      const decided = await manager.call('corrections.decide', { requestId: asked.value.id, approve: true });
      if (!decided.ok) return decided;
      const list = await clerk.call('bills.unpaid', { accountId: asked.value.accountId });
      const bill = list.ok ? list.value.bills.find((b) => b.id === decided.value.newBillId) : undefined;
      return bill ? { ok: true as const, value: bill } : { ok: false as const, error: { code: 'MISSING', message: 'new bill not listed' } };
    };
  }
  async function wrongBill() {
    const clerk = await signIn(host);
    const res = await clerk.call('bills.enterReading', { accountId: ids.accountId, reading: '99999999', source: 'notice', confirmUnusual: true });
    if (!res.ok) throw new Error(res.error.message);
    return { clerk, billId: res.value.id };
  }

  it('replaces the unpaid bill: old figures kept and marked 已更正, a new bill from the same start, the meter moved back, audited', async () => {
    const { clerk, billId } = await wrongBill();
    const res = await correctReadingCall(clerk)({ billId, reading: '128', reason: '录入多打了位数，通知单为128' });
    expect(res).toMatchObject({ ok: true, value: { previousReading: 12000, thisReading: 12800, consumption: 800, gasFen: 2760, readingDate: '2026-11-23', dueDate: '2026-12-23', source: 'notice' } });
    const newId = res.ok ? res.value.id : '';
    const db = host.store.sqlite;
    expect(db.prepare('SELECT status, this_reading_centi, consumption_centi, amount_fen FROM bills WHERE id = ?').get(billId)).toEqual({
      status: '已更正', this_reading_centi: 9999999900, consumption_centi: 9999987900, amount_fen: 34499958255,
    });
    expect(db.prepare('SELECT old_bill_id, new_bill_id, reason, clerk_id FROM bill_corrections').get()).toEqual({
      old_bill_id: billId, new_bill_id: newId, reason: '录入多打了位数，通知单为128', clerk_id: 'staff-clerk01',
    });
    expect(db.prepare('SELECT latest_reading_centi FROM meters WHERE id = ?').pluck().get(ids.meterId)).toBe(12800);
    expect(await clerk.call('bills.unpaid', { accountId: ids.accountId })).toMatchObject({ ok: true, value: { bills: [{ id: newId, gasFen: 2760 }], totalFen: 2760 } });
    const audit = lastAuditDetail(host, 'bill.correct_reading');
    expect(audit).toMatchObject({ oldBillId: billId, newBillId: newId, old: { thisReading: 9999999900, amountFen: 34499958255 }, new: { thisReading: 12800, amountFen: 2760 } });
    expect(verifyAuditChain(host.store.db).ok).toBe(true);
    // the next reading continues from the corrected one
    expect(await correctReadingCall(clerk)({ billId, reading: '129', reason: '再次更正' })).toMatchObject({ ok: false, error: { code: 'NOT_CORRECTABLE', field: 'billId' } });
  });

  it('refuses a paid bill (only through a reversal), a handheld reading, a lower reading, an unconfirmed huge one and a missing reason, changing nothing', async () => {
    const { clerk, billId } = await wrongBill();
    const cases = [
      [{ billId, reading: '110', reason: '录入错误' }, 'READING_BELOW_PREVIOUS', 'reading'],
      [{ billId, reading: '99999998', reason: '录入错误' }, 'NEEDS_CONFIRMATION', 'reading'],
      [{ billId, reading: '99999999', reason: '录入错误' }, 'VALIDATION', 'reading'],
      [{ billId, reading: '128', reason: ' ' }, 'VALIDATION', 'reason'],
      [{ billId: 'nobody', reading: '128', reason: '录入错误' }, 'NOT_FOUND', 'billId'],
    ] as const;
    for (const [input, code, field] of cases) {
      expect(await correctReadingCall(clerk)(input)).toMatchObject({ ok: false, error: { code, field } });
    }
    expect(host.store.sqlite.prepare('SELECT count(*) FROM bills').pluck().get()).toBe(1);
    // a paid bill is corrected only after its payment is reversed
    const paid = await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: [billId], tendered: '344999582.55', expectedTotalFen: 34499958255 });
    expect(paid).toMatchObject({ ok: true });
    const refused = await correctReadingCall(clerk)({ billId, reading: '128', reason: '录入错误' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_CORRECTABLE', field: 'billId', message: '该笔费用已缴费，读数须先冲正该笔收费后再更正' } });
    expect(await clerk.call('payments.reverse', { slipNo: 'LC01-00000001', reason: '读数录错', approver: { login: 'manager01', password: '123456' } })).toMatchObject({ ok: true });
    expect(await correctReadingCall(clerk)({ billId, reading: '128', reason: '录入错误' })).toMatchObject({ ok: true, value: { gasFen: 2760 } });
    // a handheld reading is sent back for re-reading, not corrected at the counter
    addBill(host, ids, { id: 'hh-1', readingDate: '2026-11-23', previous: 12800, current: 13000, amountFen: 690, dueDate: '2026-12-23' });
    expect(await correctReadingCall(clerk)({ billId: 'hh-1', reading: '129', reason: '录入错误' })).toMatchObject({ ok: false, error: { code: 'NOT_CORRECTABLE' } });
  });

  it('the database lets a bill become 已更正 only with its correction row', async () => {
    const { billId } = await wrongBill();
    expect(() => host.store.sqlite.prepare("UPDATE bills SET status = '已更正' WHERE id = ?").run(billId)).toThrow(/payment item/);
  });
});
