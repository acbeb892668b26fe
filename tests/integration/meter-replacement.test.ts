/**
 * 换表单 remarks and the temporary meter on real SQLite (R-VOL-03, R-VOL-04): an IC meter's 备注 with its actual,
 * recharged and to-compensate m³; a temporary meter (临时表) fitted while the original is tested and charged
 * normally; the original refitted as another 换表 only when it passed (a failed one leaves the temporary meter); m³
 * credited on the temporary meter only with the approved 用户气费数据修改、退(收)费审批表 signed by the hall manager,
 * and the database refusing a credit or a refit that skips these (guards).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptAtCounter, acceptBusiness } from '../../main/services/businesses.js';
import type { Actor } from '../../main/services/context.js';
import { saveMeterChange, type MeterChangeInput } from '../../main/services/meter-change.js';
import { saveMeterTest } from '../../main/services/meter-test.js';
import { dispatch, enterReceipt } from '../../main/services/work-orders.js';
import { fen } from '../../preload/kernel/money.js';
import { centiM3 } from '../../preload/kernel/volume.js';
import { addAccount, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';

let host: TestHost;
let ids: { accountId: string; meterId: string };
const clerk: Actor = {
  staffId: 'staff-clerk02', staffName: '陈晓敏', role: 'clerk', hallId: 'hall-lc', hallName: '鹿城营业厅',
  counterId: 'counter-lc02', counterCode: 'LC02', counterName: '2号窗口',
};
const manager: Actor = { ...clerk, staffId: 'staff-manager01', staffName: '郑建华', role: 'manager' };
const director = { staffId: 'staff-manager01', role: 'manager' };

beforeEach(() => {
  host = makeTestHost();
});
afterEach(() => host.dispose());

const q = <T>(text: string, ...args: unknown[]) => host.store.sqlite.prepare(text).get(...args) as T;
const all = (text: string, ...args: unknown[]) => host.store.sqlite.prepare(text).all(...args);

function completed(type: '换表' | '校表'): string {
  const b =
    type === '校表'
      ? acceptAtCounter(host.deps, clerk, { accountId: ids.accountId, type, requirement: '表走得快', contactPhone: '13100000000', priority: '等待安排', depositTenderedFen: fen(30_000) }).business
      : acceptBusiness(host.deps, clerk, { accountId: ids.accountId, type, requirement: '', contactPhone: '13100000000', priority: '等待安排' });
  const wo = dispatch(host.deps, clerk, { businessId: b.id, technician: '李师傅', remark: '' });
  enterReceipt(host.deps, clerk, { workOrderNo: wo.workOrderNo, arrivedAt: null, implementedAt: null, leftAt: null, result: '合格', businessValid: true, siteRemark: '' });
  return b.id;
}

const change = (businessId: string, patch: Partial<MeterChangeInput>): MeterChangeInput => ({
  businessId, oldActualReading: centiM3(15_200), model: 'G2.5', meterNo: 'T-01', direction: '左进', newReading: centiM3(0), consumables: [], ...patch,
});

function registerTest(businessId: string, result: '合格' | '偏快', by: Actor) {
  return saveMeterTest(host.deps, by, {
    businessId, readingBeforeTest: centiM3(15_200), settledReading: centiM3(15_200), signedOn: '2026-11-23', sentOn: '2026-11-23', installer: '李师傅',
    tempMeterModel: 'G2.5', tempMeterNo: 'T-01', result, errorPercent: result === '合格' ? '' : '4.5', handling: result === '合格' ? '原表合格' : '原表偏快', tenderedFen: result === '合格' ? fen(10_000) : null,
  });
}

/** The temporary meter fitted while the original (M-95000001) is sent for test: its 换表单 and the test's business. */
function temporaryFitted(): { testId: string } {
  const testId = completed('校表');
  saveMeterChange(host.deps, clerk, change(completed('换表'), { replacementKind: '临时表' }));
  return { testId };
}

describe('临时表 and the original refitted (R-VOL-04)', () => {
  beforeEach(() => {
    ids = addAccount(host, { accountNo: '95000001', name: '临时表户', address: '温州市鹿城区人民路10号', reading: 15_000 });
  });

  it('a temporary meter is entered as a 换表单 and charged normally; the original is refitted as another 换表 once it passed', () => {
    const { testId } = temporaryFitted();
    // the old meter's 2 m³ since the last reading are billed first (R-VOL-01), then gas on the temporary meter is billed normally
    expect(all("SELECT meter_no, active FROM meters ORDER BY active, meter_no")).toEqual([{ meter_no: 'M-95000001', active: 0 }, { meter_no: 'T-01', active: 1 }]);
    expect(q<{ replacement_kind: string; remark: string }>('SELECT replacement_kind, remark FROM meter_change_records')).toEqual({ replacement_kind: '临时表', remark: '临时表（原表送检）' });
    // no test result yet: the original cannot come back
    const refitId = completed('换表');
    const refit = change(refitId, { replacementKind: '复装原表', oldActualReading: centiM3(350), meterNo: 'M-95000001', newReading: centiM3(15_200) });
    expect(() => saveMeterChange(host.deps, clerk, refit)).toThrow(/原表尚无检测结果/);
    registerTest(testId, '合格', clerk);
    expect(() => saveMeterChange(host.deps, clerk, { ...refit, meterNo: 'N-999' })).toThrow(/复装原表的表号应为原表 M-95000001/);
    const done = saveMeterChange(host.deps, clerk, refit);
    expect(done.remark).toBe('原表检测合格，复装原表');
    // 3.5 m³ on the temporary meter, charged normally: 3.5 × 3.45 = 12.08 (rounded to the fen)
    expect(all("SELECT previous_reading_centi AS p, this_reading_centi AS t, consumption_centi AS c FROM bills WHERE source = 'meter_change' ORDER BY created_at, this_reading_centi")).toEqual([
      { p: 15_000, t: 15_200, c: 200 },
      { p: 0, t: 350, c: 350 },
    ]);
    expect(q<{ meter_no: string; latest_reading_centi: number }>('SELECT meter_no, latest_reading_centi FROM meters WHERE active = 1')).toEqual({ meter_no: 'M-95000001', latest_reading_centi: 15_200 });
    // the refitted original is no temporary meter: another refit is refused
    expect(() => saveMeterChange(host.deps, clerk, change(completed('换表'), { replacementKind: '复装原表', meterNo: 'M-95000001' }))).toThrow(/不是临时表/);
  });

  it('a failed original is not refitted: the temporary meter stays', () => {
    const { testId } = temporaryFitted();
    registerTest(testId, '偏快', manager);
    expect(() => saveMeterChange(host.deps, clerk, change(completed('换表'), { replacementKind: '复装原表', oldActualReading: centiM3(350), meterNo: 'M-95000001' }))).toThrow(/原表检测偏快，不能复装，临时表继续使用/);
    expect(q<{ meter_no: string }>('SELECT meter_no FROM meters WHERE active = 1').meter_no).toBe('T-01');
  });

  it('m³ credited on the temporary meter need the approved data modification signed by the hall manager before the reading changes', async () => {
    const { testId } = temporaryFitted();
    registerTest(testId, '合格', clerk);
    const refitId = completed('换表');
    const client = await signIn(host, 'clerk02', 'counter-lc02');
    const form = { businessId: refitId, oldActualReading: '3.5', model: 'G2.5', meterNo: 'M-95000001', direction: '左进' as const, newReading: '152', consumables: [], replacementKind: '复装原表' as const, creditVolume: '1.5' };
    const bills = () => q<{ n: number }>("SELECT count(*) AS n FROM bills WHERE source = 'meter_change'").n;
    expect(await client.call('followUps.meterChange', form)).toMatchObject({ ok: false, error: { field: 'approver', message: '补减气量须营业厅主任登录审批 (R-VOL-04)' } });
    expect(await client.call('followUps.meterChange', { ...form, approver: { login: 'clerk02', password: '123456' } })).toMatchObject({ ok: false, error: { field: 'approver' } });
    expect(await client.call('followUps.meterChange', { ...form, approver: { login: 'manager01', password: '123456' } })).toMatchObject({ ok: false, error: { field: 'creditApprovalNo' } });
    expect(await client.call('followUps.meterChange', { ...form, creditVolume: '4', creditApprovalNo: 'OA-2026-118', approver: { login: 'manager01', password: '123456' } })).toMatchObject({ ok: false, error: { field: 'credit', message: expect.stringContaining('补减不能超过本次差额') } });
    // nothing changed by the refusals: the reading and the bills stay
    expect(bills()).toBe(1);
    expect(q<{ meter_no: string; latest_reading_centi: number }>('SELECT meter_no, latest_reading_centi FROM meters WHERE active = 1')).toEqual({ meter_no: 'T-01', latest_reading_centi: 0 });
    const ok = await client.call('followUps.meterChange', { ...form, creditApprovalNo: 'OA-2026-118', approver: { login: 'manager01', password: '123456' } });
    expect(ok).toMatchObject({ ok: true, value: { remark: '原表检测合格，复装原表；临时表补减 1.50 方（审批表 OA-2026-118）' } });
    // 3.5 − 1.5 credited = 2 m³ billed on the temporary meter: 2 × 3.45 = 6.90
    expect(q('SELECT this_reading_centi AS t, consumption_centi AS c, amount_fen AS a FROM bills WHERE source = \'meter_change\' ORDER BY created_at DESC, this_reading_centi LIMIT 1')).toEqual({ t: 200, c: 200, a: 690 });
    expect(q('SELECT credited_centi AS c, credit_approval_no AS no, credit_approved_by AS by FROM meter_change_records WHERE replacement_kind = \'复装原表\'')).toEqual({ c: 150, no: 'OA-2026-118', by: 'staff-manager01' });
  });

  it('a meter number or model with a control or direction character is refused at its field and nothing is stored', async () => {
    // found trying the 换表单 (临时表) at the counter: "\u202eT-1\u0000😀" and "G2.5\u0007" were stored as the new meter
    const refitId = completed('换表');
    const client = await signIn(host, 'clerk02', 'counter-lc02');
    const form = { businessId: refitId, oldActualReading: '152', model: 'G2.5', meterNo: 'T-02', direction: '左进' as const, newReading: '0', consumables: [], replacementKind: '临时表' as const };
    expect(await client.call('followUps.meterChange', { ...form, meterNo: 'T-1\u0000' })).toEqual({ ok: false, error: { code: 'VALIDATION', field: 'meterNo', message: '表号不能包含控制字符或方向控制符' } });
    expect(await client.call('followUps.meterChange', { ...form, meterNo: '\u202e10-T' })).toEqual({ ok: false, error: { code: 'VALIDATION', field: 'meterNo', message: '表号不能包含控制字符或方向控制符' } });
    expect(await client.call('followUps.meterChange', { ...form, model: 'G2.5\u0007' })).toEqual({ ok: false, error: { code: 'VALIDATION', field: 'model', message: '表型号不能包含控制字符或方向控制符' } });
    expect(all('SELECT * FROM meter_change_records')).toEqual([]);
    expect(all("SELECT meter_no FROM meters WHERE meter_no <> 'M-95000001'")).toEqual([]);
    expect(await client.call('followUps.meterChange', form)).toMatchObject({ ok: true });
  });

  it('a credit on a meter that is not temporary is refused', () => {
    const id = completed('换表');
    expect(() => saveMeterChange(host.deps, clerk, change(id, { credit: { volume: centiM3(100), approvalNo: 'OA-1', approver: director } }))).toThrow(/只有临时表上的气量可以补减/);
  });

  it('the database refuses a credit without approval, a refit of another meter, an IC remark that does not add up (guards)', () => {
    temporaryFitted();
    const db = host.store.sqlite;
    const temp = q<{ id: string }>("SELECT id FROM meters WHERE meter_no = 'T-01'").id;
    const original = q<{ id: string }>("SELECT id FROM meters WHERE meter_no = 'M-95000001'").id;
    const business = (n: number) => {
      db.prepare(`INSERT INTO businesses (id, business_no, type, account_id, contact_phone, priority, accepted_on, promised_on, state, channel, accepted_by, hall_id, counter_id)
        VALUES (?, ?, '换表', ?, '1', '等待安排', '2026-11-23', '2026-11-27', '已归档', '营业员', 'staff-clerk02', 'hall-lc', 'counter-lc02')`).run(`raw-b${n}`, `RAW-B${n}`, ids.accountId);
      return `raw-b${n}`;
    };
    const insert = (n: number, cols: Record<string, unknown>) => {
      const row = { id: `raw-${n}`, business_id: business(n), old_meter_id: temp, new_meter_id: original, old_actual_reading_centi: 350, system_reading_centi: 0, consumables: '[]', entered_by: 'staff-clerk02', ...cols };
      db.prepare(`INSERT INTO meter_change_records (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map(() => '?').join(', ')})`).run(...Object.values(row));
    };
    expect(() => insert(1, { credited_centi: 100 })).toThrow(/approved data modification/);
    expect(() => insert(2, { credited_centi: 100, credit_approval_no: 'OA-1', credit_approved_by: 'staff-clerk02' })).toThrow(/approved data modification/);
    expect(() => insert(3, { credited_centi: 100, credit_approval_no: 'OA-1', credit_approved_by: 'staff-reviewer01' })).toThrow(/approved data modification/);
    expect(() => insert(4, { replacement_kind: '复装原表', new_meter_id: temp })).toThrow(/only the original meter/);
    expect(() => insert(5, { ic_actual_centi: 8_000, ic_recharged_centi: 10_000, ic_compensate_centi: 1_000 })).toThrow(/compensate = recharged - actual/);
    expect(() => insert(6, { ic_actual_centi: 8_000 })).toThrow(/compensate = recharged - actual/);
    insert(7, { credited_centi: 100, credit_approval_no: 'OA-1', credit_approved_by: 'staff-manager01', replacement_kind: '复装原表', ic_actual_centi: 8_000, ic_recharged_centi: 10_000, ic_compensate_centi: 2_000 });
    expect(q<{ n: number }>("SELECT count(*) AS n FROM meter_change_records WHERE id = 'raw-7'").n).toBe(1);
  });
});

describe('IC-meter 换表单 remark (R-VOL-03)', () => {
  beforeEach(() => {
    ids = addAccount(host, { accountNo: '95000002', name: 'IC换表户', address: '温州市鹿城区学院路5号', reading: 6_000, customerType: 'IC卡' });
  });

  it('records the actual, recharged and to-compensate m³ in 备注, no difference bill (the gas is prepaid)', async () => {
    const id = completed('换表');
    const client = await signIn(host, 'clerk02', 'counter-lc02');
    const form = { businessId: id, oldActualReading: '80', model: 'IC-G2.5', meterNo: 'IC-NEW-1', direction: '右进' as const, newReading: '0', consumables: [] };
    expect(await client.call('followUps.meterChange', form)).toMatchObject({ ok: false, error: { field: 'icRecharged', message: 'IC卡表换表须填写已充值方数 (R-VOL-03)' } });
    expect(await client.call('followUps.meterChange', { ...form, icRecharged: '75' })).toMatchObject({ ok: false, error: { field: 'icRecharged', message: expect.stringContaining('表实际方数 80 大于已充值方数 75') } });
    const ok = await client.call('followUps.meterChange', { ...form, icRecharged: '100.5' });
    expect(ok).toMatchObject({ ok: true, value: { differenceBillId: null, icCompensate: 2_050, remark: 'IC卡表：表实际方数 80 m³，已充值方数 100.50 m³，需补气方数 20.50 m³' } });
    expect(q('SELECT ic_actual_centi AS a, ic_recharged_centi AS r, ic_compensate_centi AS c FROM meter_change_records')).toEqual({ a: 8_000, r: 10_050, c: 2_050 });
    expect(q<{ n: number }>('SELECT count(*) AS n FROM bills').n).toBe(0);
  });
});
