/** 换表单 with the difference billed first (R-VOL-01) and 改装单 with its fee on the ledger (R-RCPT-06, R-INV-08). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptBusiness } from '../../main/services/businesses.js';
import type { Actor } from '../../main/services/context.js';
import { dispatch, enterReceipt } from '../../main/services/work-orders.js';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';

let host: TestHost;
let ids: { accountId: string; meterId: string };
const actor: Actor = {
  staffId: 'staff-clerk02', staffName: '陈晓敏', role: 'clerk', hallId: 'hall-lc', hallName: '鹿城营业厅',
  counterId: 'counter-lc02', counterCode: 'LC02', counterName: '2号窗口',
};

beforeEach(() => {
  host = makeTestHost();
  ids = addAccount(host, { accountNo: '94000001', name: '换表户', address: '温州市鹿城区车站大道5号时代大厦3幢1单元1203室', reading: 15000 });
});
afterEach(() => host.dispose());

function completed(type: '换表' | '改装'): string {
  const b = acceptBusiness(host.deps, actor, { accountId: ids.accountId, type, requirement: '', contactPhone: '13100000000', priority: '等待安排' });
  const wo = dispatch(host.deps, actor, { businessId: b.id, technician: '李师傅', remark: '' });
  enterReceipt(host.deps, actor, { workOrderNo: wo.workOrderNo, arrivedAt: null, implementedAt: null, leftAt: null, result: '合格', businessValid: true, siteRemark: '' });
  return b.id;
}

describe('换表单 (R-VOL-01)', () => {
  it('bills the gas between the system reading and the old meter first, then continues on the new meter', async () => {
    addBill(host, ids, { id: 'old-bill', readingDate: '2026-11-01', previous: 12000, current: 15500, amountFen: 12075, dueDate: '2026-12-01' });
    const businessId = completed('换表');
    const clerk = await signIn(host, 'clerk02', 'counter-lc02');
    const form = { businessId, oldActualReading: '160', model: 'G4', meterNo: 'N001', direction: '左进' as const, newReading: '0.5', consumables: [] };
    expect(await clerk.call('followUps.meterChange', { ...form, oldActualReading: '150' })).toMatchObject({ ok: false, error: { field: 'oldActualReading', message: expect.stringContaining('155') } });
    const res = await clerk.call('followUps.meterChange', form);
    expect(res).toMatchObject({ ok: true, value: { business: { state: '已归档' }, differenceBillId: expect.any(String) } });
    // 160 − 155 = 5 m³ × 3.45 = 17.25
    expect(host.store.sqlite.prepare("SELECT previous_reading_centi AS p, this_reading_centi AS t, amount_fen AS a, source, status FROM bills WHERE source = 'meter_change'").get()).toEqual({
      p: 15500, t: 16000, a: 1725, source: 'meter_change', status: '未缴',
    });
    expect(host.store.sqlite.prepare('SELECT meter_no, active, latest_reading_centi AS latest, status FROM meters ORDER BY active').all()).toEqual([
      { meter_no: 'M-94000001', active: 0, latest: 16000, status: '通气' },
      { meter_no: 'N001', active: 1, latest: 50, status: '通气' },
    ]);
    // The next reading typed at the counter starts from the new meter's reading.
    expect(await clerk.call('bills.enterReading', { accountId: ids.accountId, reading: '10.5', source: 'notice' })).toMatchObject({ ok: true, value: { previousReading: 50, consumption: 1000 } });
  });
});

describe('统一换表 accepted and dispatched afterwards (R-RCPT-08, R-VOL-02)', () => {
  it('takes the paper receipt in: 换表 noted 统一换表, dispatched with that remark, three times, the form, the charge collected', async () => {
    const b = acceptBusiness(host.deps, actor, { accountId: ids.accountId, type: '换表', requirement: '统一换表', contactPhone: '13100000000', priority: '等待安排' });
    const wo = dispatch(host.deps, actor, { businessId: b.id, technician: '李师傅', remark: '统一换表' });
    expect(wo).toMatchObject({ kind: '换拆启封校', remark: '统一换表' });
    const done = enterReceipt(host.deps, actor, {
      workOrderNo: wo.workOrderNo, arrivedAt: '2026-11-20 09:00', implementedAt: '2026-11-20 09:30', leftAt: '2026-11-20 09:40', result: '合格', businessValid: true, siteRemark: '',
    });
    expect(done.state).toBe('已完成');
    const clerk = await signIn(host, 'clerk02', 'counter-lc02');
    const res = await clerk.call('followUps.meterChange', { businessId: b.id, oldActualReading: '152', model: 'G2.5', meterNo: 'U-001', direction: '右进', newReading: '0', consumables: [] });
    expect(res).toMatchObject({ ok: true, value: { business: { state: '已归档', requirement: '统一换表' }, differenceBillId: expect.any(String) } });
    // the charge on the 换表记录 (2 m³ × 3.45) is collected at 前台收费 and printed on a check slip
    const billId = res.ok ? (res.value.differenceBillId ?? '') : '';
    const paid = await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: [billId], tendered: '10', expectedTotalFen: 690 });
    expect(paid).toMatchObject({ ok: true, value: { slipNo: 'LC02-00000001' } });
    expect(host.store.sqlite.prepare('SELECT status FROM bills WHERE id = ?').pluck().get(billId)).toBe('收讫');
  });
});

describe('改装单 (R-RCPT-06, R-INV-08)', () => {
  it('posts the modification fee as 安改装费 on a local-tax invoice with its number', async () => {
    const businessId = completed('改装');
    const clerk = await signIn(host, 'clerk02', 'counter-lc02');
    const form = { businessId, fee: '150', tendered: '200', invoiceNo: '', consumables: [{ name: '镀锌管', unit: '米', quantity: 2 }] };
    expect(await clerk.call('followUps.modification', form)).toMatchObject({ ok: false, error: { field: 'invoiceNo', message: expect.stringContaining('R-INV-08') } });
    const res = await clerk.call('followUps.modification', { ...form, invoiceNo: 'DS-8801' });
    expect(res).toMatchObject({ ok: true, value: { business: { state: '已归档' }, slipNo: 'LC02-00000001', changeFen: 5000 } });
    expect(host.store.sqlite.prepare('SELECT charge_type, invoice_category, fee_fen FROM payments').get()).toEqual({ charge_type: '安改装费', invoice_category: '地税', fee_fen: 15000 });
    expect(host.store.sqlite.prepare('SELECT invoice_no, consumables FROM modification_records').get()).toEqual({ invoice_no: 'DS-8801', consumables: '[{"name":"镀锌管","unit":"米","quantity":2}]' });
  });
});

describe('R-RCPT-07 and the hose record (R-RCPT-14)', () => {
  it('wants the modification form before the installation form, and updates the hose record after a hose job', async () => {
    const reg = addAccount(host, { accountNo: '94000002', name: '新装户', address: '温州市鹿城区车站大道5号时代大厦3幢1单元1204室', meterStatus: '报装' });
    const finish = (type: '安装' | '改装' | '其它', accountId: string) => {
      const b = acceptBusiness(host.deps, actor, { accountId, type, requirement: type === '改装' ? '该户进户管改装' : '', contactPhone: '13100000000', priority: '加急安排' });
      const wo = dispatch(host.deps, actor, { businessId: b.id, technician: '李师傅', remark: '' });
      enterReceipt(host.deps, actor, { workOrderNo: wo.workOrderNo, arrivedAt: null, implementedAt: null, leftAt: null, result: '合格', businessValid: true, siteRemark: '' });
      return b.id;
    };
    const installId = finish('安装', reg.accountId);
    const modId = finish('改装', reg.accountId);
    const clerk = await signIn(host, 'clerk02', 'counter-lc02');
    const installForm = { businessId: installId, model: 'G2.5', meterNo: 'R7', direction: '左进' as const, baseReading: '0', consumables: [] };
    expect(await clerk.call('followUps.install', installForm)).toMatchObject({ ok: false, error: { message: expect.stringContaining('R-RCPT-07') } });
    await clerk.call('followUps.modification', { businessId: modId, fee: '', tendered: null, invoiceNo: '', consumables: [] });
    expect(await clerk.call('followUps.install', installForm)).toMatchObject({ ok: true, value: { state: '已归档' } });

    const hoseId = finish('其它', ids.accountId);
    expect(await clerk.call('followUps.hose', { businessId: hoseId, hoseInfo: ' ' })).toMatchObject({ ok: false, error: { field: 'hoseInfo' } });
    expect(await clerk.call('followUps.hose', { businessId: hoseId, hoseInfo: '不锈钢波纹管1.5米，2026-11-24更换' })).toMatchObject({ ok: true, value: { state: '已归档' } });
    expect(host.store.sqlite.prepare('SELECT hose_info FROM accounts WHERE id = ?').pluck().get(ids.accountId)).toBe('不锈钢波纹管1.5米，2026-11-24更换');
  });
});
