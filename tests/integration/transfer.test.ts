/** 过户 (P-TRF): arrears block (R-TRF-04), fee 5 yuan on a quota invoice (R-INV-07) or waived for relatives (R-TRF-07), the previous owner kept in history (R-TRF-05, A-10). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { lastAuditDetail, scalar } from '../fixtures/data.js';

let host: TestHost;
let ids: { accountId: string; meterId: string };
beforeEach(() => {
  host = makeTestHost();
  ids = addAccount(host, { accountNo: '90000001', name: '周老', address: '温州市鹿城区府前街3号银都花园2幢1单元201室', reading: 15000 });
  addBill(host, ids, { id: 'trf-bill', readingDate: '2026-11-01', previous: 12000, current: 15000, amountFen: 10350, dueDate: '2026-12-01' });
});
afterEach(() => host.dispose());

const base = { newName: '周小', contactPhone: '13700000001', relative: null, proofShown: false, invoiceLost: false, lossDeclaration: false, tendered: '10' };
const count = (sql: string) => scalar(host, sql);

describe('过户', () => {
  it('is refused while arrears exist, naming the bill, and allowed after payment with the 5-yuan fee', async () => {
    const clerk = await signIn(host);
    const refused = await clerk.call('accounts.transfer', { accountId: ids.accountId, ...base });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'VALIDATION', field: 'accountId', message: '你还有欠费未缴,须先缴清欠费方可办理过户 (R-TRF-04)：未缴 1 笔共 103.50 元，最早为 2026-11-01 抄表 103.50 元' },
    });
    expect(count('SELECT count(*) FROM ownership_transfers')).toBe(0);
    await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['trf-bill'], tendered: '103.5', expectedTotalFen: 10350 });
    const done = await clerk.call('accounts.transfer', { accountId: ids.accountId, ...base });
    expect(done).toMatchObject({ ok: true, value: { previousName: '周老', settledReading: 15000, feeFen: 500, slipNo: 'LC01-00000002', changeFen: 500 } });
    expect(host.store.sqlite.prepare("SELECT charge_type, invoice_category, fee_fen FROM payments WHERE charge_type = '过户费'").get()).toEqual({
      charge_type: '过户费', invoice_category: '定额', fee_fen: 500,
    });
    // R-INV-05: the national-tax invoice is for gas fees and recharges only; the transfer fee has its quota invoice
    expect(await clerk.call('invoices.issue', { slipNo: 'LC01-00000002' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('R-INV-05') } });
    expect(host.store.sqlite.prepare('SELECT name FROM accounts').pluck().get()).toBe('周小');
    expect(host.store.sqlite.prepare('SELECT previous_name, new_name, settled_reading_centi FROM ownership_transfers').get()).toEqual({
      previous_name: '周老', new_name: '周小', settled_reading_centi: 15000,
    });
  });

  it('waives the fee for a direct relative only with proof, and checks the new name and the loss declaration', async () => {
    const clerk = await signIn(host);
    await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['trf-bill'], tendered: '103.5', expectedTotalFen: 10350 });
    const cases = [
      [{ relative: '子女', proofShown: false }, 'proofShown', 'R-TRF-07'],
      [{ newName: '周 小' }, 'newName', 'R-VAL-02'],
      [{ invoiceLost: true }, 'lossDeclaration', 'R-TRF-02'],
      [{ tendered: '4.99' }, 'tendered', '不足'],
    ] as const;
    for (const [patch, field, rule] of cases) {
      const res = await clerk.call('accounts.transfer', { accountId: ids.accountId, ...base, ...patch });
      expect(res, rule).toMatchObject({ ok: false, error: { field } });
      if (!res.ok) expect(res.error.message).toContain(rule);
    }
    expect(count('SELECT count(*) FROM ownership_transfers')).toBe(0);
    const waived = await clerk.call('accounts.transfer', { accountId: ids.accountId, ...base, relative: '子女', proofShown: true, tendered: null });
    expect(waived).toMatchObject({ ok: true, value: { feeFen: 0, slipNo: null } });
    expect(host.store.sqlite.prepare('SELECT waiver_proof FROM ownership_transfers').pluck().get()).toBe('子女');
    expect(count("SELECT count(*) FROM payments WHERE charge_type = '过户费'")).toBe(0);
  });
});

describe('a tender far above the 过户费 needs the clerk’s confirmation (issue 10 #5)', () => {
  it('refuses 2000 yuan for a 5-yuan fee, changing nothing; confirmed, stores the confirmation on the fee row and in the audit', async () => {
    const clerk = await signIn(host);
    await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['trf-bill'], tendered: '103.5', expectedTotalFen: 10350 });
    const refused = await clerk.call('accounts.transfer', { accountId: ids.accountId, ...base, tendered: '2000' });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'NEEDS_CONFIRMATION', field: 'tendered', message: '实收 2000.00 元比应收 5.00 元多出 1000 元以上，请核对实收金额；确认无误请勾选“确认实收金额”后再收费' },
    });
    expect(count("SELECT count(*) FROM payments WHERE charge_type = '过户费'")).toBe(0);
    expect(count('SELECT count(*) FROM ownership_transfers')).toBe(0);
    expect(host.store.sqlite.prepare('SELECT name FROM accounts').pluck().get()).toBe('周老');
    const done = await clerk.call('accounts.transfer', { accountId: ids.accountId, ...base, tendered: '2000', confirmLargeTender: true });
    expect(done).toMatchObject({ ok: true, value: { feeFen: 500, changeFen: 199500 } });
    const stored = '实收 2000.00 元比应收 5.00 元多出 1000 元以上，收费员确认';
    expect(host.store.sqlite.prepare("SELECT confirmation FROM payments WHERE charge_type = '过户费'").pluck().get()).toBe(stored);
    expect(lastAuditDetail(host, 'payment.fee')).toMatchObject({ confirmation: stored });
  });
});
