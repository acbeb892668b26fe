/**
 * The other counter businesses through the router: 校表 with its deposit (R-TEST-02/05), 换波纹管 as 其它
 * (R-HOSE-01), IC-card meter to ordinary (R-ICM-01), 缴费方式变更 (R-PMC-01/03/04/05).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../preload/contract.js';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';

let host: TestHost;
let ids: { accountId: string; meterId: string };
beforeEach(() => {
  host = makeTestHost();
  ids = addAccount(host, { accountNo: '91000001', name: '金一', address: '温州市鹿城区解放路1号锦江公寓1幢1单元101室', reading: 15000 });
});
afterEach(() => host.dispose());

const ask = (patch: Partial<Input<'businesses.accept'>>): Input<'businesses.accept'> => ({
  accountId: ids.accountId, type: '校表', requirement: '', contactPhone: '13600000001', priority: '等待安排', ...patch,
});

describe('校表 (P-TEST)', () => {
  it('takes the 300-yuan deposit against a receipt in the same transaction as the business', async () => {
    const clerk = await signIn(host);
    expect(await clerk.call('businesses.accept', ask({}))).toMatchObject({ ok: false, error: { field: 'depositTendered', message: expect.stringContaining('R-TEST-02') } });
    expect(await clerk.call('businesses.accept', ask({ depositTendered: '299' }))).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_TENDER' } });
    expect(host.store.sqlite.prepare('SELECT count(*) FROM businesses').pluck().get()).toBe(0);
    const res = await clerk.call('businesses.accept', ask({ depositTendered: '300' }));
    expect(res).toMatchObject({ ok: true, value: { type: '校表', promisedOn: '2026-11-30', depositSlipNo: 'LC01-00000001', depositChangeFen: 0, print: { printed: true } } });
    expect(host.store.sqlite.prepare('SELECT charge_type, invoice_category, fee_fen, business_ref IS NOT NULL AS linked FROM payments').get()).toEqual({
      charge_type: '检测押金', invoice_category: '收据', fee_fen: 30000, linked: 1,
    });
  });
});

describe('校表 deposit: a tender far above it needs the clerk’s confirmation (issue 10 #5)', () => {
  it('refuses 1500 yuan for the 300-yuan deposit at 实收检测押金, with no business; confirmed, stores the confirmation', async () => {
    const clerk = await signIn(host);
    expect(await clerk.call('businesses.accept', ask({ depositTendered: '1500' }))).toEqual({
      ok: false,
      error: { code: 'NEEDS_CONFIRMATION', field: 'depositTendered', message: '实收 1500.00 元比应收 300.00 元多出 1000 元以上，请核对实收金额；确认无误请勾选“确认实收金额”后再收费' },
    });
    expect(host.store.sqlite.prepare('SELECT count(*) FROM businesses').pluck().get()).toBe(0);
    expect(host.store.sqlite.prepare('SELECT count(*) FROM payments').pluck().get()).toBe(0);
    expect(await clerk.call('businesses.accept', ask({ depositTendered: '1500', confirmLargeTender: true }))).toMatchObject({ ok: true, value: { depositChangeFen: 120000 } });
    expect(host.store.sqlite.prepare('SELECT change_fen, confirmation FROM payments').all()).toEqual([
      { change_fen: 120000, confirmation: '实收 1500.00 元比应收 300.00 元多出 1000 元以上，收费员确认' },
    ]);
  });
});

describe('其它 / 换表', () => {
  it('writes the hose request as the seed wants it (R-HOSE-01)', async () => {
    const clerk = await signIn(host);
    const res = await clerk.call('businesses.accept', ask({ type: '其它', hoseLength: '1.5', requirement: '下午来' }));
    expect(res).toMatchObject({ ok: true, value: { requirement: '换波纹管,长度1.5米；下午来', promisedOn: '2026-11-30' } });
    expect(await clerk.call('businesses.accept', ask({ type: '其它', hoseLength: '一米' }))).toMatchObject({ ok: false, error: { field: 'hoseLength' } });
  });
  it('replaces an IC-card meter by an ordinary one only after the terms are acknowledged (R-ICM-01)', async () => {
    const ic = addAccount(host, { accountNo: '91000002', name: '金二', address: '温州市鹿城区解放路1号锦江公寓1幢1单元102室', customerType: 'IC卡' });
    const clerk = await signIn(host);
    const base = { accountId: ic.accountId, type: '换表' as const, icToOrdinary: true };
    expect(await clerk.call('businesses.accept', ask(base))).toMatchObject({ ok: false, error: { field: 'icTermsAcknowledged', message: expect.stringContaining('R-ICM-01') } });
    expect(await clerk.call('businesses.accept', ask({ ...base, icTermsAcknowledged: true }))).toMatchObject({
      ok: true,
      value: { requirement: 'IC卡表故障换普通表：已告知差价200元不退、不能换回IC卡表' },
    });
    expect(await clerk.call('businesses.accept', ask({ type: '换表', icToOrdinary: true, icTermsAcknowledged: true }))).toMatchObject({ ok: false, error: { field: 'icToOrdinary' } });
  });
});

describe('缴费方式变更 (P-PMC)', () => {
  const change = { accountId: '', toMethod: '银行代缴' as const, bankName: '工行', bankCardNo: '6222020000000000001', cardHolder: '金一' };
  it('refuses while arrears exist, then switches cash → bank and back, audited', async () => {
    addBill(host, ids, { id: 'pmc-bill', readingDate: '2026-11-01', previous: 12000, current: 15000, amountFen: 10350, dueDate: '2026-12-01' });
    const clerk = await signIn(host);
    expect(await clerk.call('accounts.changePaymentMethod', { ...change, accountId: ids.accountId })).toMatchObject({
      ok: false,
      error: { field: 'toMethod', message: expect.stringContaining('须先缴清欠费方可变更缴费方式 (R-PMC-03)') },
    });
    await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['pmc-bill'], tendered: '200', expectedTotalFen: 10350 });
    expect(await clerk.call('accounts.changePaymentMethod', { ...change, accountId: ids.accountId, bankName: '温州银行' })).toMatchObject({ ok: false, error: { field: 'bankName' } });
    expect(await clerk.call('accounts.changePaymentMethod', { ...change, accountId: ids.accountId })).toEqual({
      ok: true,
      value: { paymentMethod: '银行代缴', bankName: '工行', bankCardNo: '6222020000000000001', cardHolder: '金一' },
    });
    expect(await clerk.call('accounts.changePaymentMethod', { ...change, accountId: ids.accountId, toMethod: '现金' })).toEqual({
      ok: true,
      value: { paymentMethod: '现金', bankName: null, bankCardNo: null, cardHolder: null },
    });
    expect(host.store.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'account.payment_method'").pluck().get()).toBe(2);
  });
});
