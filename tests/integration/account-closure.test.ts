/**
 * Issue 15 #2: 销户 and temporary removal on real SQLite (R-SEC-06): arrears first, site check and removal as work
 * orders with their lead times, the final reading billed, settlement, approval, and a closed account refused for
 * every later business by the services and, for a raw insert, by the database.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyClosure, approveClosure, billFinalReading, closureList, requestRefit, scheduleRemoval } from '../../main/services/account-closure.js';
import { acceptBusiness } from '../../main/services/businesses.js';
import { unpaidList } from '../../main/services/billing.js';
import type { Actor } from '../../main/services/context.js';
import { saveSealForm } from '../../main/services/follow-ups.js';
import { payBills } from '../../main/services/payments.js';
import { dispatch, enterReceipt } from '../../main/services/work-orders.js';
import { asAccountId } from '../../main/domain/ids.js';
import { temporaryRemovalExpired } from '../../main/domain/account-closure.js';
import { fen } from '../../preload/kernel/money.js';
import { centiM3 } from '../../preload/kernel/volume.js';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';

let host: TestHost;
let ids: { accountId: string; meterId: string };
const clerk: Actor = {
  staffId: 'staff-clerk01', staffName: '李娜', role: 'clerk', hallId: 'hall-lc', hallName: '鹿城营业厅',
  counterId: 'counter-lc01', counterCode: 'LC01', counterName: '1号窗口',
};
const manager: Actor = { ...clerk, staffId: 'staff-manager01', role: 'manager' };
const director = { staffId: 'staff-manager01', role: 'manager' };

beforeEach(() => {
  host = makeTestHost();
  ids = addAccount(host, { accountNo: '96000001', name: '销户户', address: '温州市鹿城区府前街9号', reading: 12000 });
});
afterEach(() => host.dispose());

const sql = <T>(text: string, ...args: unknown[]) => host.store.sqlite.prepare(text).get(...args) as T;

function complete(businessNo: string): string {
  const id = sql<{ id: string }>('SELECT id FROM businesses WHERE business_no = ?', businessNo).id;
  const wo = dispatch(host.deps, manager, { businessId: id, technician: '王师傅', remark: '' });
  enterReceipt(host.deps, clerk, { workOrderNo: wo.workOrderNo, arrivedAt: null, implementedAt: null, leftAt: null, result: '合格', businessValid: true, siteRemark: '' });
  return id;
}

function payAll(): void {
  const due = unpaidList(host.deps, asAccountId(ids.accountId));
  payBills(host.deps, clerk, { accountId: asAccountId(ids.accountId), billIds: due.bills.map((b) => b.id), expectedTotalFen: fen(due.totalFen), tenderedFen: fen(due.totalFen) });
}

/** The whole 销户 up to the approval; returns the closure id. */
function closeAccount(kind: '销户' | '临时拆表' = '销户'): string {
  const applied = applyClosure(host.deps, clerk, { accountId: ids.accountId, kind, reason: '房屋出售，不再用气' });
  complete(applied.siteBusinessNo);
  const removal = scheduleRemoval(host.deps, clerk, { closureId: applied.closureId, depositFen: 10_000 });
  const removalId = complete(removal.removalBusinessNo);
  saveSealForm(host.deps, clerk, { businessId: removalId, settledReading: centiM3(12500), reason: kind });
  billFinalReading(host.deps, clerk, { closureId: applied.closureId });
  payAll();
  approveClosure(host.deps, clerk, { closureId: applied.closureId, approver: director });
  return applied.closureId;
}

describe('销户 (R-SEC-06)', () => {
  it('refuses while arrears exist (R-SEC-08), then runs site check (2 wd) → removal (5 wd) → final bill → settlement → approval', () => {
    addBill(host, ids, { id: 'old', readingDate: '2026-10-01', previous: 11000, current: 12000, amountFen: 3450, dueDate: '2026-10-31' });
    expect(() => applyClosure(host.deps, clerk, { accountId: ids.accountId, kind: '销户', reason: '房屋出售' })).toThrow(/须先缴清欠费.*R-SEC-06/);
    expect(sql<{ n: number }>('SELECT COUNT(*) AS n FROM account_closures').n).toBe(0);
    payAll();
    // 2026-11-23 is a Monday: the site check is promised for Wednesday, the removal 5 working days after acceptance
    const applied = applyClosure(host.deps, clerk, { accountId: ids.accountId, kind: '销户', reason: '房屋出售' });
    expect(applied.promisedOn).toBe('2026-11-25');
    expect(() => scheduleRemoval(host.deps, clerk, { closureId: applied.closureId, depositFen: 10_000 })).toThrow(/尚未完成/);
    complete(applied.siteBusinessNo);
    const removal = scheduleRemoval(host.deps, clerk, { closureId: applied.closureId, depositFen: 10_000 });
    expect(removal.promisedOn).toBe('2026-11-30');
    expect(() => billFinalReading(host.deps, clerk, { closureId: applied.closureId })).toThrow(/拆表单/);
    const removalId = complete(removal.removalBusinessNo);
    saveSealForm(host.deps, clerk, { businessId: removalId, settledReading: centiM3(12500), reason: '销户拆表' });
    const { finalBillId } = billFinalReading(host.deps, clerk, { closureId: applied.closureId });
    expect(sql<{ previous_reading_centi: number; this_reading_centi: number; status: string }>('SELECT previous_reading_centi, this_reading_centi, status FROM bills WHERE id = ?', finalBillId)).toEqual({ previous_reading_centi: 12000, this_reading_centi: 12500, status: '未缴' });
    // senior approval only after settlement, and never by the clerk
    expect(() => approveClosure(host.deps, clerk, { closureId: applied.closureId, approver: director })).toThrow(/须先缴清欠费/);
    payAll();
    expect(() => approveClosure(host.deps, clerk, { closureId: applied.closureId, approver: { staffId: 'staff-reviewer01', role: 'reviewer' } })).toThrow(/审批/);
    expect(approveClosure(host.deps, clerk, { closureId: applied.closureId, approver: director })).toEqual({ state: '已销户', date: '2026-11-23' });
    expect(closureList(host.deps, clerk)[0]).toMatchObject({ state: '已销户', depositFen: 10_000, closedOn: '2026-11-23', removal: { state: '已归档' } });
  });

  it('a closed account is refused for every later business by the services', async () => {
    closeAccount();
    expect(() => acceptBusiness(host.deps, clerk, { accountId: ids.accountId, type: '启封', requirement: '', contactPhone: '13100000000', priority: '等待安排' })).toThrow(/已于 2026-11-23 销户/);
    expect(() => applyClosure(host.deps, clerk, { accountId: ids.accountId, kind: '销户', reason: '再次' })).toThrow(/销户/);
    const client = await signIn(host, 'clerk01', 'counter-lc01');
    expect(await client.call('bills.enterReading', { accountId: ids.accountId, reading: '130', source: 'notice' })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_CLOSED' } });
    expect(await client.call('businesses.accept', { accountId: ids.accountId, type: '其它', requirement: '换波纹管', contactPhone: '13100000000', priority: '等待安排' })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_CLOSED' } });
  });

  it('the database refuses a raw insert or reconnection for a closed account (guard)', () => {
    closeAccount();
    const db = host.store.sqlite;
    expect(() => db.prepare(`INSERT INTO bills (id, account_id, meter_id, reading_date, previous_reading_centi, this_reading_centi, consumption_centi, price_fen_per_m3, amount_fen, due_date, source, reader)
      VALUES ('raw', ?, ?, '2026-11-24', 12500, 13000, 500, 345, 1725, '2026-12-24', 'handheld', 'x')`).run(ids.accountId, ids.meterId)).toThrow(/account closed/);
    expect(() => db.prepare(`INSERT INTO businesses (id, business_no, type, account_id, contact_phone, priority, accepted_on, promised_on, state, channel, accepted_by, hall_id, counter_id)
      VALUES ('rawb', 'RAW-B1', '启封', ?, '1', '等待安排', '2026-11-24', '2026-11-27', '已受理', '营业员', 'staff-clerk01', 'hall-lc', 'counter-lc01')`).run(ids.accountId)).toThrow(/account closed/);
    expect(() => db.prepare("UPDATE meters SET status = '通气' WHERE account_id = ?").run(ids.accountId)).toThrow(/reconnected/);
    expect(() => db.prepare("UPDATE account_closures SET state = '已撤销'").run()).toThrow(/final/);
    expect(() => db.prepare('DELETE FROM account_closures').run()).toThrow(/append-only/);
  });
});

describe('temporary removal (R-SEC-06)', () => {
  it('is re-fitted within 6 months as an 安装; after 6 months it is a new installation', () => {
    closeAccount('临时拆表');
    expect(sql<{ state: string; removed_on: string }>('SELECT state, removed_on FROM account_closures')).toEqual({ state: '已临时拆表', removed_on: '2026-11-23' });
    expect(temporaryRemovalExpired('2026-11-23', '2027-05-23')).toBe(false);
    expect(temporaryRemovalExpired('2026-11-23', '2027-05-24')).toBe(true);
    host.clock.current = new Date('2027-05-24T02:00:00.000Z');
    expect(() => requestRefit(host.deps, clerk, { accountId: ids.accountId })).toThrow(/须按新装/);
    host.clock.current = new Date('2027-05-21T02:00:00.000Z');
    const refit = requestRefit(host.deps, clerk, { accountId: ids.accountId });
    expect(sql<{ type: string; requirement: string }>('SELECT type, requirement FROM businesses WHERE business_no = ?', refit.businessNo)).toMatchObject({ type: '安装', requirement: expect.stringContaining('临时拆表复装') });
    expect(sql<{ status: string }>('SELECT status FROM meters WHERE id = ?', ids.meterId).status).toBe('报装');
  });
});
