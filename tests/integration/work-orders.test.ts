/**
 * Business acceptance → dispatch → receipt → follow-up form, through the services against real SQLite
 * (R-WO-01..05, R-LT-01, R-RCPT-01..05, R-RCPT-09/11, R-SEAL-02, R-UNSEAL-02, R-CANC-06/08/09, §3.2).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../main/services/audit.js';
import { acceptBusiness, deferBusiness, voidBusiness } from '../../main/services/businesses.js';
import type { Actor } from '../../main/services/context.js';
import { saveIgnition, saveSealForm } from '../../main/services/follow-ups.js';
import { payBills } from '../../main/services/payments.js';
import { dispatch, enterReceipt, workQueue } from '../../main/services/work-orders.js';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { fen } from '../../preload/kernel/money.js';
import { centiM3 } from '../../preload/kernel/volume.js';
import { asAccountId, asBillId } from '../../main/domain/ids.js';
import { setMeterStatus } from '../fixtures/data.js';

let host: TestHost;
const counter = { hallId: 'hall-lc', hallName: '鹿城营业厅', counterId: 'counter-lc01', counterCode: 'LC01', counterName: '1号窗口' };
const clerk: Actor = { staffId: 'staff-clerk01', staffName: '王丽', role: 'clerk', ...counter };
const dispatcher: Actor = { staffId: 'staff-clerk02', staffName: '陈晓敏', role: 'clerk', ...counter };
const director: Actor = { staffId: 'staff-manager01', staffName: '郑建华', role: 'manager', ...counter };
const appliances = {
  flameFailureDevice: true, cookerBrand: '方太', cookerYear: '2026', heaterBrand: '', heaterOutput: '', heaterYear: '',
  heatingBrand: '', heatingPower: '', heatingYear: '',
};

beforeEach(() => {
  host = makeTestHost(); // 2026-11-23 is a Monday
});
afterEach(() => host.dispose());

const meterStatus = (id: string) => host.store.sqlite.prepare('SELECT status FROM meters WHERE id = ?').pluck().get(id);
const receipt = (workOrderNo: string, result: '合格' | '未完成' | '无法实施' | '取消该业务', siteRemark = '') => ({
  workOrderNo, arrivedAt: '2026-11-24 09:00', implementedAt: '2026-11-24 09:40', leftAt: '2026-11-24 09:45', result, businessValid: true, siteRemark,
});

describe('点火: accept → dispatch → receipt → 点火登记', () => {
  it('promises 3 working days from tomorrow with the phone and priority (R-GEN-07, R-IGN-03) and ends with the meter 通气', () => {
    const ids = addAccount(host, { accountNo: '70000001', name: '孙八', address: '温州市鹿城区学院路9号翠微小区1幢1单元101室', meterStatus: '装表' });
    const b = acceptBusiness(host.deps, clerk, { accountId: ids.accountId, type: '点火', requirement: '周末上午', contactPhone: '13900000001', priority: '尽快安排' });
    expect(b).toMatchObject({ businessNo: 'LC01-B00000001', state: '已受理', acceptedOn: '2026-11-23', promisedOn: '2026-11-26', priority: '尽快安排' });
    expect(b).toMatchObject({ requirement: '周末上午', contactPhone: '13900000001' }); // 用户对点火要求 (R-IGN-02)
    expect(host.store.sqlite.prepare('SELECT phone FROM account_phones WHERE account_id = ?').pluck().all(ids.accountId)).toEqual(['13900000001']);
    expect(workQueue(host.deps, clerk).map((r) => [r.businessNo, r.state, r.workOrderNo])).toEqual([['LC01-B00000001', '已受理', null]]);

    expect(() => dispatch(host.deps, clerk, { businessId: b.id, technician: '李师傅', remark: '' })).toThrow('R-WO-05');
    const wo = dispatch(host.deps, dispatcher, { businessId: b.id, technician: '李师傅', remark: '带波纹管' });
    expect(wo).toMatchObject({ workOrderNo: 'LC01-P00000001', kind: '点火', technician: '李师傅' });
    expect(workQueue(host.deps, clerk).map((r) => [r.state, r.workOrderNo])).toEqual([['已派工', 'LC01-P00000001']]);

    expect(() => enterReceipt(host.deps, clerk, receipt(wo.workOrderNo, '无法实施'))).toThrow('R-RCPT-04');
    const redo = enterReceipt(host.deps, clerk, receipt(wo.workOrderNo, '无法实施', '该业务原施工人员休息,无法实施业务需重新派工'));
    expect(redo.state).toBe('待重新派工');
    expect(() => enterReceipt(host.deps, clerk, receipt(wo.workOrderNo, '合格'))).toThrow('已录入回执');
    const wo2 = dispatch(host.deps, dispatcher, { businessId: b.id, technician: '张师傅', remark: '' });
    expect(wo2.workOrderNo).toBe('LC01-P00000002');
    expect(enterReceipt(host.deps, clerk, receipt(wo2.workOrderNo, '合格')).state).toBe('已完成');

    const archived = saveIgnition(host.deps, clerk, { businessId: b.id, latestReading: centiM3(0), ...appliances });
    expect(archived.state).toBe('已归档');
    expect(meterStatus(ids.meterId)).toBe('通气');
    expect(host.store.sqlite.prepare('SELECT cooker_brand, flame_failure_device FROM ignition_records').get()).toEqual({ cooker_brand: '方太', flame_failure_device: 1 });
    expect(verifyAuditChain(host.store.db).ok).toBe(true);
  });

  it('takes the ignition reading from the agreement as the latest reading, never below the base reading (R-VOL-06)', () => {
    const ids = addAccount(host, { accountNo: '70000009', name: '钱九', address: '温州市鹿城区学院路9号翠微小区1幢1单元109室', meterStatus: '装表', reading: 500 });
    host.store.sqlite.prepare('UPDATE meters SET base_reading_centi = 500 WHERE id = ?').run(ids.meterId);
    const b = acceptBusiness(host.deps, clerk, { accountId: ids.accountId, type: '点火', requirement: '', contactPhone: '13900000009', priority: '等待安排' });
    const wo = dispatch(host.deps, dispatcher, { businessId: b.id, technician: '李师傅', remark: '' });
    enterReceipt(host.deps, clerk, receipt(wo.workOrderNo, '合格'));
    expect(() => saveIgnition(host.deps, clerk, { businessId: b.id, latestReading: centiM3(400), ...appliances })).toThrow('R-VOL-06');
    saveIgnition(host.deps, clerk, { businessId: b.id, latestReading: centiM3(500), ...appliances });
    expect(host.store.sqlite.prepare('SELECT latest_reading_centi FROM meters WHERE id = ?').pluck().get(ids.meterId)).toBe(500);
  });

  it('refuses an ignition unless the meter is 装表 (R-MTR-01) and refuses duplicates', () => {
    const ids = addAccount(host, { accountNo: '70000002', name: '周九', address: '温州市鹿城区学院路9号翠微小区1幢1单元102室', meterStatus: '报装' });
    expect(() => acceptBusiness(host.deps, clerk, { accountId: ids.accountId, type: '点火', requirement: '', contactPhone: '13900000002', priority: '等待安排' })).toThrow('R-MTR-01');
    setMeterStatus(host, ids.meterId, '装表');
    acceptBusiness(host.deps, clerk, { accountId: ids.accountId, type: '点火', requirement: '', contactPhone: '13900000002', priority: '等待安排' });
    expect(() => acceptBusiness(host.deps, clerk, { accountId: ids.accountId, type: '点火', requirement: '', contactPhone: '13900000002', priority: '等待安排' })).toThrow('已有未完成的点火业务 LC01-B00000001');
    expect(host.store.sqlite.prepare('SELECT count(*) FROM businesses').pluck().get()).toBe(1);
  });
});

describe('封表 → 启封', () => {
  it('is blocked by arrears, allowed after payment, and moves the meter 通气 → 封表 → 通气', () => {
    const ids = addAccount(host, { accountNo: '70000003', name: '吴十', address: '温州市鹿城区学院路9号翠微小区1幢1单元103室', reading: 15000 });
    addBill(host, ids, { id: 'seal-bill', readingDate: '2026-11-01', previous: 12000, current: 15000, amountFen: fen(10350), dueDate: '2026-12-01' });
    const ask = { accountId: ids.accountId, type: '封表' as const, requirement: '长期外出', contactPhone: '13900000003', priority: '按照约定' as const };
    expect(() => acceptBusiness(host.deps, clerk, ask)).toThrow('你还有欠费未缴,须先缴清欠费方可给予受理封表业务 (R-SEAL-02)：未缴 1 笔共 103.50 元，最早为 2026-11-01 抄表 103.50 元');
    payBills(host.deps, clerk, { accountId: asAccountId(ids.accountId), billIds: [asBillId('seal-bill')], tenderedFen: fen(10350), expectedTotalFen: fen(10350) });

    const seal = acceptBusiness(host.deps, clerk, ask);
    const wo = dispatch(host.deps, dispatcher, { businessId: seal.id, technician: '李师傅', remark: '' });
    enterReceipt(host.deps, clerk, receipt(wo.workOrderNo, '合格'));
    expect(() => saveSealForm(host.deps, clerk, { businessId: seal.id, settledReading: centiM3(14000), reason: '长期外出' })).toThrow('不能小于最新读数 150');
    saveSealForm(host.deps, clerk, { businessId: seal.id, settledReading: centiM3(15000), reason: '长期外出' });
    expect(meterStatus(ids.meterId)).toBe('封表');

    const unseal = acceptBusiness(host.deps, clerk, { ...ask, type: '启封', requirement: '回家居住' });
    const wo2 = dispatch(host.deps, dispatcher, { businessId: unseal.id, technician: '张师傅', remark: '' });
    enterReceipt(host.deps, clerk, receipt(wo2.workOrderNo, '合格'));
    saveSealForm(host.deps, clerk, { businessId: unseal.id, settledReading: centiM3(15000), reason: '回家居住' });
    expect(meterStatus(ids.meterId)).toBe('通气');
    expect(host.store.sqlite.prepare('SELECT resulting_status FROM seal_records ORDER BY created_at').pluck().all()).toEqual(['封表', '通气']);
  });
});

describe('deferral and void (R-CANC-06, R-CANC-08)', () => {
  it('defers to an agreed date after the promise and lets only the director void', () => {
    const ids = addAccount(host, { accountNo: '70000004', name: '郑一', address: '温州市鹿城区学院路9号翠微小区1幢1单元104室', meterStatus: '装表' });
    const b = acceptBusiness(host.deps, clerk, { accountId: ids.accountId, type: '点火', requirement: '', contactPhone: '13900000004', priority: '按照约定' });
    expect(() => deferBusiness(host.deps, clerk, { businessId: b.id, agreedDate: '2026-11-25', remark: '用户约定' })).toThrow('R-CANC-06');
    expect(deferBusiness(host.deps, clerk, { businessId: b.id, agreedDate: '2026-12-10', remark: '用户出差,12月10日后' })).toMatchObject({ state: '顺延', deferredTo: '2026-12-10' });
    expect(() => voidBusiness(host.deps, clerk, { businessId: b.id, reason: '楼栋未通气' })).toThrow('R-CANC-08');
    expect(voidBusiness(host.deps, director, { businessId: b.id, reason: '楼栋未通气' })).toMatchObject({ state: '已作废', voidReason: '楼栋未通气' });
    expect(() => dispatch(host.deps, dispatcher, { businessId: b.id, technician: '李师傅', remark: '' })).toThrow('不能派工');
  });
  it('keeps work orders and receipts append-only', () => {
    const ids = addAccount(host, { accountNo: '70000005', name: '王二', address: '温州市鹿城区学院路9号翠微小区1幢1单元105室', meterStatus: '装表' });
    const b = acceptBusiness(host.deps, clerk, { accountId: ids.accountId, type: '点火', requirement: '', contactPhone: '13900000005', priority: '等待安排' });
    dispatch(host.deps, dispatcher, { businessId: b.id, technician: '李师傅', remark: '' });
    expect(() => host.store.sqlite.prepare("UPDATE work_orders SET technician = 'x'").run()).toThrow(/append-only/);
    expect(() => host.store.sqlite.prepare('DELETE FROM businesses').run()).toThrow(/void them/);
  });
});

describe('业务回访 (R-CANC-05)', () => {
  it('refuses the ignition after a 15C modification until the visit is recorded', async () => {
    const ids = addAccount(host, { accountNo: '70000006', name: '李三', address: '温州市鹿城区学院路9号翠微小区1幢1单元106室', meterStatus: '装表' });
    const mod = acceptBusiness(host.deps, clerk, { accountId: ids.accountId, type: '改装', requirement: '该用户消毒柜挡住15C,需改装', contactPhone: '13900000006', priority: '等待安排' });
    const wo = dispatch(host.deps, dispatcher, { businessId: mod.id, technician: '李师傅', remark: '' });
    enterReceipt(host.deps, clerk, receipt(wo.workOrderNo, '合格'));
    const ignite = { accountId: ids.accountId, type: '点火' as const, requirement: '', contactPhone: '13900000006', priority: '等待安排' as const };
    expect(() => acceptBusiness(host.deps, clerk, ignite)).toThrow('R-CANC-05');
    const session = await signIn(host);
    expect(await session.call('businesses.visit', { businessId: mod.id, note: ' ' })).toMatchObject({ ok: false, error: { field: 'visitNote' } });
    expect(await session.call('businesses.visit', { businessId: mod.id, note: '用户满意，消毒柜已移位' })).toEqual({ ok: true, value: { visitedOn: '2026-11-23' } });
    expect(acceptBusiness(host.deps, clerk, ignite).type).toBe('点火');
  });
});

describe('启封 after a change of ownership (R-UNSEAL-03)', () => {
  it('waits for the transfer when the clerk finds the ownership changed', async () => {
    const ids = addAccount(host, { accountNo: '70000007', name: '原主', address: '温州市鹿城区学院路9号翠微小区1幢1单元107室', reading: 15000 });
    const seal = acceptBusiness(host.deps, clerk, { accountId: ids.accountId, type: '封表', requirement: '', contactPhone: '13900000007', priority: '等待安排' });
    const wo = dispatch(host.deps, dispatcher, { businessId: seal.id, technician: '李师傅', remark: '' });
    enterReceipt(host.deps, clerk, receipt(wo.workOrderNo, '合格'));
    saveSealForm(host.deps, clerk, { businessId: seal.id, settledReading: centiM3(15000), reason: '房屋出售' });
    const unseal = { accountId: ids.accountId, type: '启封' as const, requirement: '', contactPhone: '13900000007', priority: '等待安排' as const };
    const changed = { icToOrdinary: false, icTermsAcknowledged: false, hoseLength: '', ownershipChanged: true };
    expect(() => acceptBusiness(host.deps, clerk, { ...unseal, extras: changed })).toThrow('R-UNSEAL-03');
    const session = await signIn(host);
    expect(await session.call('accounts.transfer', { accountId: ids.accountId, newName: '新主', contactPhone: '13900000008', relative: null, proofShown: false, invoiceLost: false, lossDeclaration: false, tendered: '5' })).toMatchObject({ ok: true });
    expect(acceptBusiness(host.deps, clerk, { ...unseal, extras: changed }).type).toBe('启封');
  });
});

describe('working-day calendar (A-21, R-LT-01)', () => {
  it('lets the director mark holidays that promised dates then skip, and refuses clerks', async () => {
    const director = await signIn(host, 'manager01', 'counter-lc01');
    const session = await signIn(host);
    expect(await session.call('calendar.set', { date: '2026-11-24', kind: 'holiday', note: '' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await director.call('calendar.set', { date: '2026-11-24', kind: 'holiday', note: '调休' })).toEqual({ ok: true, value: { date: '2026-11-24', kind: 'holiday' } });
    expect(await director.call('calendar.set', { date: '2026-02-30', kind: 'holiday', note: '' })).toMatchObject({ ok: false, error: { field: 'date' } });
    expect(await session.call('calendar.year', { year: '2026' })).toEqual({ ok: true, value: [{ date: '2026-11-24', kind: 'holiday', note: '调休' }] });
    const ids = addAccount(host, { accountNo: '70000008', name: '假日', address: '温州市鹿城区学院路9号翠微小区1幢1单元108室', meterStatus: '装表' });
    // Monday 2026-11-23 + 3 working days, Tuesday a holiday → Friday
    expect(acceptBusiness(host.deps, clerk, { accountId: ids.accountId, type: '点火', requirement: '', contactPhone: '13900000009', priority: '等待安排' }).promisedOn).toBe('2026-11-27');
    expect(await director.call('calendar.set', { date: '2026-11-24', kind: 'normal', note: '' })).toMatchObject({ ok: true });
    expect(await session.call('calendar.year', { year: '2026' })).toEqual({ ok: true, value: [] });
  });
});

describe('call centre (接听组): R-CANC-08, A-42, R-ICM-02', () => {
  it('takes businesses by phone for the home hall, cannot take IC → ordinary, and only its lead voids them', async () => {
    const ids = addAccount(host, { accountNo: '70000010', name: '电话户', address: '温州市鹿城区学院路9号翠微小区1幢1单元110室', meterStatus: '装表' });
    const phone = await signIn(host, 'callcenter01', 'counter-cc01');
    const res = await phone.call('businesses.accept', { accountId: ids.accountId, type: '点火', requirement: '来电', contactPhone: '13900000010', priority: '等待安排' });
    expect(res).toMatchObject({ ok: true, value: { businessNo: 'CC01-B00000001', channel: '接听组' } });
    if (!res.ok) return;
    const businessId = res.value.id;
    expect(host.store.sqlite.prepare('SELECT hall_id FROM businesses WHERE id = ?').pluck().get(businessId)).toBe('hall-lc');
    expect(await phone.call('payments.payCash', { accountId: ids.accountId, billIds: ['x'], tendered: '1', expectedTotalFen: fen(1) })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const ic = addAccount(host, { accountNo: '70000011', name: 'IC户', address: '温州市鹿城区学院路9号翠微小区1幢1单元111室', customerType: 'IC卡' });
    expect(await phone.call('businesses.accept', { accountId: ic.accountId, type: '换表', requirement: '', contactPhone: '13900000011', priority: '等待安排', icToOrdinary: true, icTermsAcknowledged: true })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('R-ICM-02') },
    });
    const director = await signIn(host, 'manager01', 'counter-lc01');
    expect(await director.call('businesses.void', { businessId, reason: '楼栋未通气' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('接听组组长') } });
    const lead = await signIn(host, 'cclead01', 'counter-cc01');
    expect(await lead.call('businesses.void', { businessId, reason: '楼栋未通气' })).toMatchObject({ ok: true, value: { state: '已作废' } });
  });
});
