/**
 * Issue 15 #1: arrears collection and supply stop/restore on real SQLite (R-SEC-01..05, A-46): the daily list by
 * threshold, 催缴 notices recorded per account, the stop approved by the hall director and carried out as a 封表
 * business, the restore (启封) issued with the payment and its 24-hour promise, the repayment agreement, re-checks.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  arrearsList,
  printNotices,
  recheckList,
  recordNotices,
  recordRecheck,
  requestStop,
  saveArrearsSettings,
  settleStop,
  signAgreement,
  stopList,
} from '../../main/services/arrears-collection.js';
import { unpaidList } from '../../main/services/billing.js';
import type { Actor } from '../../main/services/context.js';
import { saveSealForm } from '../../main/services/follow-ups.js';
import { payBills } from '../../main/services/payments.js';
import { reversePayment } from '../../main/services/reversals.js';
import { dispatch, enterReceipt } from '../../main/services/work-orders.js';
import { asAccountId } from '../../main/domain/ids.js';
import { DEFAULT_ARREARS_SETTINGS } from '../../main/domain/arrears-collection.js';
import { centiM3 } from '../../preload/kernel/volume.js';
import { fen } from '../../preload/kernel/money.js';
import { decodeEscPos } from '../../hardware/printer/decode.js';
import { addAccount, addBill, makeTestHost, ok, signIn, type TestHost } from '../fixtures/host.js';
import { recordElectronicPayment } from '../../main/services/electronic-payments.js';
import { answerBankFile } from '../fixtures/bank-answer.js';
import { setBankWithholding } from '../fixtures/data.js';
import iconv from 'iconv-lite';
import { applyFeedPage } from '../../main/sync/applier.js';
import { change, page } from '../fixtures/sync.js';

let host: TestHost;
const clerk: Actor = {
  staffId: 'staff-clerk01', staffName: '李娜', role: 'clerk', hallId: 'hall-lc', hallName: '鹿城营业厅',
  counterId: 'counter-lc01', counterCode: 'LC01', counterName: '1号窗口',
};
const director = { staffId: 'staff-manager01', role: 'manager' };
const ON = { ...DEFAULT_ARREARS_SETTINGS, enabled: true };
let debtor: { accountId: string; meterId: string };

beforeEach(() => {
  host = makeTestHost();
  debtor = addAccount(host, { accountNo: '95000001', name: '欠费户', address: '温州市鹿城区府前街1号', reading: 12000 });
  // two monthly bills past their due date (2 months: an individual reaches R-SEC-01's threshold)
  addBill(host, debtor, { id: 'b-sep', readingDate: '2026-09-01', previous: 10000, current: 11000, amountFen: 3450, dueDate: '2026-10-01' });
  addBill(host, debtor, { id: 'b-oct', readingDate: '2026-10-01', previous: 11000, current: 12000, amountFen: 3450, dueDate: '2026-10-31' });
  const one = addAccount(host, { accountNo: '95000002', name: '一月户', address: '温州市鹿城区府前街2号', reading: 11000 });
  addBill(host, one, { id: 'b-one', readingDate: '2026-10-01', previous: 10000, current: 11000, amountFen: 3450, dueDate: '2026-10-31' });
});
afterEach(() => host.dispose());

function sql<T>(text: string, ...args: unknown[]): T {
  return host.store.sqlite.prepare(text).get(...args) as T;
}

describe('daily arrears list (R-SEC-01)', () => {
  it('lists an individual with 2 months, not with 1; an organisation with 1; thresholds configurable', () => {
    expect(arrearsList(host.deps, clerk).rows.map((r) => [r.accountNo, r.months, r.threshold])).toEqual([['95000001', 2, 2]]);
    host.store.sqlite.prepare("UPDATE accounts SET category = '公建用户' WHERE account_no = '95000002'").run();
    expect(arrearsList(host.deps, clerk).rows.map((r) => [r.accountNo, r.months, r.threshold])).toEqual([['95000001', 2, 2], ['95000002', 1, 1]]);
    // a bimonthly customer's one bill is two months
    host.store.sqlite.prepare("UPDATE accounts SET category = '普通用户', reading_cycle = '双月' WHERE account_no = '95000002'").run();
    expect(arrearsList(host.deps, clerk).rows.map((r) => r.accountNo)).toEqual(['95000001', '95000002']);
    saveArrearsSettings(host.deps, { ...clerk, staffId: 'staff-manager01', role: 'manager' }, { ...ON, individualMonths: 3 });
    expect(arrearsList(host.deps, clerk).rows).toEqual([]);
    expect(sql<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'arrears.settings'").n).toBe(1);
    expect(() => saveArrearsSettings(host.deps, clerk, { ...ON, individualMonths: 0 })).toThrow(/1–24/);
  });
});

describe('stop and restore (R-SEC-02..05, A-46)', () => {
  it('notice → stop refused before the notice period → approved 封表 → payment issues the 启封 within 24 hours', async () => {
    // off by default
    expect(() => requestStop(host.deps, clerk, { accountId: debtor.accountId, remark: '', approver: director })).toThrow(/未启用/);
    saveArrearsSettings(host.deps, { ...clerk, staffId: 'staff-manager01', role: 'manager' }, ON);
    // R-SEC-04: no written notice yet
    expect(() => requestStop(host.deps, clerk, { accountId: debtor.accountId, remark: '', approver: director })).toThrow(/书面催缴/);
    const notices = recordNotices(host.deps, clerk, { accountIds: [debtor.accountId], output: 'receipt' });
    expect(notices).toMatchObject([{ accountNo: '95000001', noticeDate: '2026-11-23', months: 2 }]);
    const printed = await printNotices(host.deps, host.sim, clerk, notices);
    expect(printed).toEqual({ printed: 1, failed: 0, firstError: null });
    expect(decodeEscPos(host.sim.jobs.at(-1) ?? Buffer.alloc(0)).join('\n')).toContain('气费催缴通知单');
    expect(sql<{ notice_date: string; output: string }>('SELECT notice_date, output FROM arrears_notices')).toEqual({ notice_date: '2026-11-23', output: 'receipt' });
    expect(arrearsList(host.deps, clerk).rows[0]).toMatchObject({ lastNoticeDate: '2026-11-23', stopFrom: '2026-11-26' });
    // R-SEC-05: 3 days after the notice
    expect(() => requestStop(host.deps, clerk, { accountId: debtor.accountId, remark: '', approver: director })).toThrow(/2026-11-26 起/);
    host.clock.current = new Date('2026-11-26T02:00:00.000Z');
    // the clerk cannot approve their own stop; a clerk is no station head
    expect(() => requestStop(host.deps, clerk, { accountId: debtor.accountId, remark: '', approver: { staffId: 'staff-clerk02', role: 'clerk' } })).toThrow(/主任/);
    const stop = requestStop(host.deps, clerk, { accountId: debtor.accountId, remark: '多次电话未缴', approver: director });
    expect(stop.promisedOn).toBe('2026-12-01'); // R-SEAL-03: 3 working days from the next day
    expect(sql<{ type: string; state: string; priority: string }>('SELECT type, state, priority FROM businesses WHERE business_no = ?', stop.businessNo)).toEqual({ type: '封表', state: '已受理', priority: '尽快安排' });
    expect(() => requestStop(host.deps, clerk, { accountId: debtor.accountId, remark: '', approver: director })).toThrow(/未完成的停气/);
    // the 封表 work order is dispatched, done, and its form saved: the meter is sealed
    const sealId = sql<{ id: string }>('SELECT id FROM businesses WHERE business_no = ?', stop.businessNo).id;
    const wo = dispatch(host.deps, { ...clerk, staffId: 'staff-manager01', role: 'manager' }, { businessId: sealId, technician: '李师傅', remark: '欠费停气' });
    enterReceipt(host.deps, clerk, { workOrderNo: wo.workOrderNo, arrivedAt: null, implementedAt: null, leftAt: null, result: '合格', businessValid: true, siteRemark: '' });
    saveSealForm(host.deps, clerk, { businessId: sealId, settledReading: centiM3(12000), reason: '欠费停气 (R-SEC-04)' });
    expect(sql<{ status: string }>('SELECT status FROM meters WHERE id = ?', debtor.meterId).status).toBe('封表');
    expect(stopList(host.deps, clerk)).toMatchObject([{ stage: '已停气', restoreBusinessNo: null }]);
    // R-SEC-03: the stopped customer is on the field team's re-check list
    expect(recheckList(host.deps, clerk).map((r) => r.accountNo)).toEqual(['95000001']);
    expect(() => recordRecheck(host.deps, clerk, { stopId: stop.stopId, result: '私自接气', note: '' })).toThrow(/稽查/);
    recordRecheck(host.deps, clerk, { stopId: stop.stopId, result: '仍封表', note: '' });
    expect(stopList(host.deps, clerk)[0]?.lastRecheck).toEqual({ checkedOn: '2026-11-26', result: '仍封表' });
    // full payment at 前台收费: the restore (启封) is issued in the payment's transaction, 加急, due within 24 hours
    host.clock.current = new Date('2026-11-27T01:30:00.000Z');
    const due = unpaidList(host.deps, asAccountId(debtor.accountId));
    payBills(host.deps, clerk, { accountId: asAccountId(debtor.accountId), billIds: due.bills.map((b) => b.id), expectedTotalFen: fen(due.totalFen), tenderedFen: fen(due.totalFen) });
    const [row] = stopList(host.deps, clerk);
    expect(row).toMatchObject({ stage: '待复气', restoreReason: '结清欠费', restoreDueAt: '2026-11-28T01:30:00.000Z', restoreOverdue: false });
    expect(sql<{ type: string; priority: string; promised_on: string }>('SELECT type, priority, promised_on FROM businesses WHERE business_no = ?', row?.restoreBusinessNo)).toEqual({ type: '启封', priority: '加急安排', promised_on: '2026-11-28' });
    expect(recheckList(host.deps, clerk)).toEqual([]);
    // 24 hours pass without the 启封 form: overdue
    host.clock.current = new Date('2026-11-28T02:00:00.000Z');
    expect(stopList(host.deps, clerk)[0]?.restoreOverdue).toBe(true);
    // the stop/restore record is written once (a raw update is refused)
    expect(() => host.store.sqlite.prepare("UPDATE supply_stops SET restore_business_id = NULL").run()).toThrow(/written once/);
  });

  it('a payment before the seal was done withdraws the 封表 instead of restoring', () => {
    saveArrearsSettings(host.deps, { ...clerk, staffId: 'staff-manager01', role: 'manager' }, ON);
    recordNotices(host.deps, clerk, { accountIds: [debtor.accountId], output: 'A4' });
    host.clock.current = new Date('2026-11-26T02:00:00.000Z');
    const stop = requestStop(host.deps, clerk, { accountId: debtor.accountId, remark: '', approver: director });
    const due = unpaidList(host.deps, asAccountId(debtor.accountId));
    payBills(host.deps, clerk, { accountId: asAccountId(debtor.accountId), billIds: due.bills.map((b) => b.id), expectedTotalFen: fen(due.totalFen), tenderedFen: fen(due.totalFen) });
    expect(sql<{ state: string }>('SELECT state FROM businesses WHERE business_no = ?', stop.businessNo).state).toBe('已取消');
    expect(stopList(host.deps, clerk)).toMatchObject([{ stage: '已撤销', restoreBusinessNo: null }]);
  });

  it('R-SEC-03: a repayment agreement approved by a senior issues the restore although arrears remain', () => {
    saveArrearsSettings(host.deps, { ...clerk, staffId: 'staff-manager01', role: 'manager' }, ON);
    recordNotices(host.deps, clerk, { accountIds: [debtor.accountId], output: 'A4' });
    host.clock.current = new Date('2026-11-26T02:00:00.000Z');
    const stop = requestStop(host.deps, clerk, { accountId: debtor.accountId, remark: '', approver: director });
    const sealId = sql<{ id: string }>('SELECT id FROM businesses WHERE business_no = ?', stop.businessNo).id;
    const wo = dispatch(host.deps, { ...clerk, staffId: 'staff-manager01', role: 'manager' }, { businessId: sealId, technician: '李师傅', remark: '' });
    enterReceipt(host.deps, clerk, { workOrderNo: wo.workOrderNo, arrivedAt: null, implementedAt: null, leftAt: null, result: '合格', businessValid: true, siteRemark: '' });
    const input = { accountId: debtor.accountId, terms: '每月还100元，分3期', payBy: '2027-02-28' };
    expect(() => signAgreement(host.deps, clerk, { ...input, approver: { staffId: 'staff-clerk01', role: 'manager' } })).toThrow(/自己审批/);
    expect(() => signAgreement(host.deps, clerk, { ...input, approver: { staffId: 'staff-reviewer01', role: 'reviewer' } })).toThrow(/审批/);
    expect(sql<{ n: number }>('SELECT COUNT(*) AS n FROM repayment_agreements').n).toBe(0);
    const out = signAgreement(host.deps, clerk, { ...input, approver: director });
    expect(out.businessNo).toMatch(/^LC01-B/);
    expect(sql<{ owed_fen: number; approved_by: string }>('SELECT owed_fen, approved_by FROM repayment_agreements')).toMatchObject({ approved_by: 'staff-manager01' });
    expect(stopList(host.deps, clerk)[0]).toMatchObject({ stage: '待复气', restoreReason: '还欠协议' });
    expect(() => host.store.sqlite.prepare("UPDATE repayment_agreements SET terms = 'x'").run()).toThrow(/append-only/);
  });
});

/**
 * R-SEC-02 on every path that makes bills 收讫: the restore is one rule (arrears-collection.ts restoreSettledStops),
 * called by settleBills (counter cash and tickets, electronic channels, 手工核对单, 缴费方式更正) and set-wise by the
 * bank write-off. Each case: the debtor stopped (seal done, 已停气) on 2026-11-26, paid off on 2026-11-27 09:30.
 */
describe('restore after full payment on every paying path (R-SEC-02)', () => {
  const manager = { ...clerk, staffId: 'staff-manager01', role: 'manager' as const };
  const PAID_AT = new Date('2026-11-27T01:30:00.000Z');

  function stopDebtor(): { stopId: string; sealNo: string } {
    const stop = sealedStop();
    expect(stopList(host.deps, clerk)).toMatchObject([{ stage: '已停气', restoreBusinessNo: null }]);
    host.clock.current = PAID_AT;
    return { stopId: stop.stopId, sealNo: stop.businessNo };
  }

  /** The exact restore: one 启封, 加急, due 24 hours after the payment, on the stop record, audited once. */
  function expectRestored(): void {
    const rows = host.store.sqlite.prepare("SELECT type, state, priority, promised_on, account_id FROM businesses WHERE type = '启封'").all();
    expect(rows).toEqual([{ type: '启封', state: '已受理', priority: '加急安排', promised_on: '2026-11-28', account_id: debtor.accountId }]);
    expect(stopList(host.deps, clerk)).toMatchObject([{ accountNo: '95000001', stage: '待复气', restoreReason: '结清欠费', restoreDueAt: '2026-11-28T01:30:00.000Z', restoreOverdue: false }]);
    expect(sql<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'arrears.restore'").n).toBe(1);
    expect(recheckList(host.deps, clerk)).toEqual([]);
  }

  function expectStillStopped(): void {
    expect(sql<{ n: number }>("SELECT COUNT(*) AS n FROM businesses WHERE type = '启封'").n).toBe(0);
    expect(stopList(host.deps, clerk)).toMatchObject([{ stage: '已停气', restoreBusinessNo: null, restoreDueAt: null }]);
  }

  /** Pays every unpaid bill of the debtor in cash at 前台收费: its slip number. */
  function payAll(): string {
    const due = unpaidList(host.deps, asAccountId(debtor.accountId));
    return payBills(host.deps, clerk, { accountId: asAccountId(debtor.accountId), billIds: due.bills.map((b) => b.id), expectedTotalFen: fen(due.totalFen), tenderedFen: fen(due.totalFen) }).slipNo;
  }

  it('a 冲正 of the paying payment withdraws the 启封 not yet done; the stop stands and the next full payment issues a new one', () => {
    stopDebtor();
    const slipNo = payAll();
    expectRestored();
    const firstRestore = sql<{ business_no: string }>("SELECT business_no FROM businesses WHERE type = '启封'").business_no;
    reversePayment(host.deps, clerk, { slipNo, reason: '收错金额', approver: director });
    expect(sql<{ state: string; void_reason: string }>('SELECT state, void_reason FROM businesses WHERE business_no = ?', firstRestore)).toEqual({
      state: '已取消',
      void_reason: '结清欠费的收费已冲正，欠费未结清，撤销启封 (R-SEC-02)',
    });
    expect(stopList(host.deps, clerk)).toMatchObject([{ stage: '已停气', restoreBusinessNo: null, restoreReason: null, restoreDueAt: null, restoreOverdue: false }]);
    expect(recheckList(host.deps, clerk).map((r) => r.accountNo)).toEqual(['95000001']);
    expect(sql<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'arrears.restoreWithdrawn'").n).toBe(1);
    // paid again in full: a new 启封, on the same stop
    host.clock.current = new Date('2026-11-27T03:00:00.000Z');
    payAll();
    const restores = host.store.sqlite.prepare("SELECT business_no AS no, state FROM businesses WHERE type = '启封' ORDER BY created_at, business_no").all() as { no: string; state: string }[];
    expect(restores.map((r) => r.state)).toEqual(['已取消', '已受理']);
    expect(stopList(host.deps, clerk)).toMatchObject([{ stage: '待复气', restoreBusinessNo: restores[1]?.no, restoreReason: '结清欠费', restoreDueAt: '2026-11-28T03:00:00.000Z' }]);
  });

  it('a 冲正 after the 启封 was done is refused and changes nothing (the gas is on again)', () => {
    stopDebtor();
    const slipNo = payAll();
    const restoreId = sql<{ id: string }>("SELECT id FROM businesses WHERE type = '启封'").id;
    const wo = dispatch(host.deps, manager, { businessId: restoreId, technician: '李师傅', remark: '复气' });
    enterReceipt(host.deps, clerk, { workOrderNo: wo.workOrderNo, arrivedAt: null, implementedAt: null, leftAt: null, result: '合格', businessValid: true, siteRemark: '' });
    const before = sql<{ n: number }>('SELECT COUNT(*) AS n FROM payments').n;
    expect(() => reversePayment(host.deps, clerk, { slipNo, reason: '收错金额', approver: director })).toThrow(/已启封复气（启封工单 .+ 已完工），不能冲正/);
    expect(sql<{ n: number }>('SELECT COUNT(*) AS n FROM payments').n).toBe(before);
    expect(sql<{ n: number }>("SELECT COUNT(*) AS n FROM bills WHERE account_id = ? AND status = '未缴'", debtor.accountId).n).toBe(0);
    expect(sql<{ state: string }>('SELECT state FROM businesses WHERE id = ?', restoreId).state).toBe('已完成');
  });

  it('the stop’s restore is written again only after the one it holds was withdrawn, never cleared (raw SQL)', () => {
    const { stopId } = stopDebtor();
    payAll();
    const first = sql<{ id: string }>("SELECT id FROM businesses WHERE type = '启封'").id;
    const other = sql<{ id: string }>('SELECT seal_business_id AS id FROM supply_stops WHERE id = ?', stopId).id;
    const set = (id: string | null) => host.store.sqlite.prepare('UPDATE supply_stops SET restore_business_id = ? WHERE id = ?').run(id, stopId);
    expect(() => set(other)).toThrow(/written once/);
    host.store.sqlite.prepare("UPDATE businesses SET state = '已取消' WHERE id = ?").run(first);
    expect(() => set(null)).toThrow(/written once/);
    expect(() => host.store.sqlite.prepare("UPDATE supply_stops SET months = 9 WHERE id = ?").run(stopId)).toThrow(/written once/);
    set(other);
    expect(sql<{ id: string }>('SELECT restore_business_id AS id FROM supply_stops WHERE id = ?', stopId).id).toBe(other);
  });

  it('前台收费 with a ticket (优惠券) and cash', async () => {
    stopDebtor();
    const c = await signIn(host);
    const due = unpaidList(host.deps, asAccountId(debtor.accountId));
    ok(await c.call('payments.payCash', {
      accountId: debtor.accountId, billIds: due.bills.map((b) => b.id), expectedTotalFen: due.totalFen, tendered: ((due.totalFen - 500) / 100).toFixed(2),
      tickets: [{ kind: '优惠券', year: 2026, quarter: 4, count: 1, faceValue: '5', backName: '欠费户', backAddress: '府前街1号' }],
    }));
    expect(sql<{ ticket_fen: number; method: string }>('SELECT ticket_fen, method FROM payments').ticket_fen).toBe(500);
    expectRestored();
  });

  it('an electronic channel (ATM) payment', () => {
    stopDebtor();
    const due = unpaidList(host.deps, asAccountId(debtor.accountId));
    recordElectronicPayment(host.deps, clerk, { accountId: asAccountId(debtor.accountId), billIds: due.bills.map((b) => b.id), channel: 'ATM', channelRef: 'ATM-20261127-0001', amountFen: fen(due.totalFen) });
    expect(sql<{ method: string }>('SELECT method FROM payments').method).toBe('ATM');
    expectRestored();
  });

  it('the bank withholding write-off (set-wise): the paid-off stopped account only, a partly paid one stays stopped', async () => {
    stopDebtor();
    // the counter takes the September bill: arrears remain, no restore
    payBills(host.deps, clerk, { accountId: asAccountId(debtor.accountId), billIds: ['b-sep' as never], expectedTotalFen: fen(unpaidList(host.deps, asAccountId(debtor.accountId)).bills[0]?.totalFen ?? 0), tenderedFen: fen(5000) });
    expectStillStopped();
    setBankWithholding(host, debtor.accountId, { bank: '建行', cardNo: '6227001234567890123', holder: '欠费户' });
    const other = addAccount(host, { accountNo: '95000003', name: '代扣户', address: '温州市鹿城区府前街3号', reading: 11000 });
    addBill(host, other, { id: 'b-other', readingDate: '2026-10-01', previous: 10000, current: 11000, amountFen: 3450, dueDate: '2026-10-31' });
    setBankWithholding(host, other.accountId, { bank: '建行', cardNo: '6227009876543210987', holder: '代扣户' });
    const c = await signIn(host);
    const run = ok(await c.call('bank.generate', { bank: '建行' }));
    expect(run.count).toBe(2);
    const answered = answerBankFile('建行', iconv.decode(Buffer.from(run.base64, 'base64'), 'gbk'), () => null);
    ok(await c.call('bank.writeOff', { runId: run.runId, file: iconv.encode(answered, 'gbk').toString('base64') }));
    expect(host.store.sqlite.prepare("SELECT id, status FROM bills WHERE id IN ('b-sep', 'b-oct', 'b-other') ORDER BY id").all()).toEqual([
      { id: 'b-oct', status: '收讫' }, { id: 'b-other', status: '收讫' }, { id: 'b-sep', status: '收讫' },
    ]);
    expectRestored();
  });

  it('the bank write-off before the seal was done withdraws the 封表 (no restore needed)', async () => {
    saveArrearsSettings(host.deps, manager, ON);
    host.store.sqlite.prepare("UPDATE accounts SET reading_cycle = '双月' WHERE id = ?").run(debtor.accountId);
    payBills(host.deps, clerk, { accountId: asAccountId(debtor.accountId), billIds: ['b-sep' as never], expectedTotalFen: fen(unpaidList(host.deps, asAccountId(debtor.accountId)).bills[0]?.totalFen ?? 0), tenderedFen: fen(5000) });
    recordNotices(host.deps, clerk, { accountIds: [debtor.accountId], output: 'A4' });
    host.clock.current = new Date('2026-11-26T02:00:00.000Z');
    const stop = requestStop(host.deps, clerk, { accountId: debtor.accountId, remark: '', approver: director });
    setBankWithholding(host, debtor.accountId, { bank: '建行', cardNo: '6227001234567890123', holder: '欠费户' });
    const c = await signIn(host);
    const run = ok(await c.call('bank.generate', { bank: '建行' }));
    const answered = answerBankFile('建行', iconv.decode(Buffer.from(run.base64, 'base64'), 'gbk'), () => null);
    ok(await c.call('bank.writeOff', { runId: run.runId, file: iconv.encode(answered, 'gbk').toString('base64') }));
    expect(sql<{ state: string; void_reason: string }>('SELECT state, void_reason FROM businesses WHERE business_no = ?', stop.businessNo)).toEqual({ state: '已取消', void_reason: '欠费已结清，撤销停气 (R-SEC-02)' });
    expect(stopList(host.deps, clerk)).toMatchObject([{ stage: '已撤销', restoreBusinessNo: null }]);
    expect(sql<{ n: number }>("SELECT COUNT(*) AS n FROM businesses WHERE type = '启封'").n).toBe(0);
    expect(sql<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'arrears.stopWithdrawn'").n).toBe(1);
  });

  it('a bank day: the 手工核对单 written off after the bank failed the line', async () => {
    stopDebtor();
    payBills(host.deps, clerk, { accountId: asAccountId(debtor.accountId), billIds: ['b-sep' as never], expectedTotalFen: fen(unpaidList(host.deps, asAccountId(debtor.accountId)).bills[0]?.totalFen ?? 0), tenderedFen: fen(5000) });
    setBankWithholding(host, debtor.accountId, { bank: '建行', cardNo: '6227001234567890123', holder: '欠费户' });
    const c = await signIn(host);
    const run = ok(await c.call('bank.generate', { bank: '建行' }));
    ok(await c.call('bank.manualSlip', { billId: 'b-oct', manualSlipNo: 'SG-0001' }));
    const answered = answerBankFile('建行', iconv.decode(Buffer.from(run.base64, 'base64'), 'gbk'), () => '余额不足');
    ok(await c.call('bank.writeOff', { runId: run.runId, file: iconv.encode(answered, 'gbk').toString('base64') }));
    expectStillStopped();
    ok(await c.call('bank.writeOffManual', { manualSlipNo: 'SG-0001' }));
    expect(sql<{ status: string }>("SELECT status FROM bills WHERE id = 'b-oct'").status).toBe('收讫');
    expectRestored();
  });
});

/**
 * R-SEC-04 / R-SEC-03 in the database (migration arrears_approval_guards): whatever code path writes the stop record
 * or the repayment agreement, it is approved by an active hall director (manager) other than the requesting clerk.
 */
describe('the stop and the repayment agreement are approved by another person, a hall director (raw SQL)', () => {
  it('refuses an approval by the requester, by a clerk or by a deactivated director; accepts the director', () => {
    saveArrearsSettings(host.deps, { ...clerk, staffId: 'staff-manager01', role: 'manager' }, ON);
    recordNotices(host.deps, clerk, { accountIds: [debtor.accountId], output: 'A4' });
    host.clock.current = new Date('2026-11-26T02:00:00.000Z');
    const first = requestStop(host.deps, clerk, { accountId: debtor.accountId, remark: '', approver: director });
    const db = host.store.sqlite;
    const seal = sql<{ id: string }>('SELECT id FROM businesses WHERE business_no = ?', first.businessNo).id;
    const notice = sql<{ id: string }>('SELECT id FROM arrears_notices').id;
    // a second seal business to hang raw stop rows on (a copy of the first)
    db.prepare(
      `INSERT INTO businesses (id, business_no, type, account_id, requirement, contact_phone, priority, accepted_on, promised_on, state, channel, accepted_by, hall_id, counter_id)
       SELECT 'seal-raw', 'LC01-RAW', type, account_id, requirement, contact_phone, priority, accepted_on, promised_on, state, channel, accepted_by, hall_id, counter_id FROM businesses WHERE id = ?`,
    ).run(seal);
    const stop = db.prepare(
      "INSERT INTO supply_stops (id, account_id, notice_id, months, owed_fen, requested_by, approved_by, seal_business_id) VALUES (?, ?, ?, 2, 6900, ?, ?, 'seal-raw')",
    );
    const count = () => sql<{ n: number }>('SELECT COUNT(*) AS n FROM supply_stops').n;
    expect(() => stop.run('stop-self', debtor.accountId, notice, 'staff-manager01', 'staff-manager01')).toThrow(/two-person rule: a stop for arrears/);
    expect(() => stop.run('stop-clerk', debtor.accountId, notice, 'staff-clerk01', 'staff-clerk02')).toThrow(/two-person rule: a stop for arrears/);
    expect(() => stop.run('stop-reviewer', debtor.accountId, notice, 'staff-clerk01', 'staff-reviewer01')).toThrow(/two-person rule: a stop for arrears/);
    db.prepare("UPDATE staff SET active = 0 WHERE id = 'staff-manager01'").run();
    expect(() => stop.run('stop-inactive', debtor.accountId, notice, 'staff-clerk01', 'staff-manager01')).toThrow(/two-person rule: a stop for arrears/);
    db.prepare("UPDATE staff SET active = 1 WHERE id = 'staff-manager01'").run();
    expect(count()).toBe(1);
    stop.run('stop-ok', debtor.accountId, notice, 'staff-clerk01', 'staff-manager01');
    expect(count()).toBe(2);

    const agreement = db.prepare("INSERT INTO repayment_agreements (id, stop_id, owed_fen, terms, pay_by, clerk_id, approved_by) VALUES (?, 'stop-ok', 6900, '分3期', '2027-02-28', ?, ?)");
    const agreements = () => sql<{ n: number }>('SELECT COUNT(*) AS n FROM repayment_agreements').n;
    expect(() => agreement.run('ag-self', 'staff-manager01', 'staff-manager01')).toThrow(/two-person rule: a repayment agreement/);
    expect(() => agreement.run('ag-clerk', 'staff-clerk01', 'staff-clerk02')).toThrow(/two-person rule: a repayment agreement/);
    expect(agreements()).toBe(0);
    agreement.run('ag-ok', 'staff-clerk01', 'staff-manager01');
    expect(agreements()).toBe(1);
  });
});

/** issue 14 feed: what one counter's outbox carries for `tables`, as the feed brings it to another counter of the hall. */
function outboxChanges(from: TestHost, tables: readonly string[], afterSeq = 0) {
  const rows = from.store.sqlite
    .prepare(`SELECT seq, tbl, op, row_id AS rowId, row FROM sync_outbox WHERE seq > ? AND tbl IN (${tables.map(() => '?').join(', ')}) ORDER BY seq`)
    .all(afterSeq, ...tables) as { seq: number; tbl: string; op: 'insert' | 'update'; rowId: string; row: string }[];
  return rows.map((r) => change(r.tbl, JSON.parse(r.row) as Record<string, string | number | null>, { rowId: r.rowId, op: r.op, hallId: 'hall-lc' }));
}

/**
 * Each change as its own feed page. (One page with a business inserted, a row pointing at it, then the business
 * updated is refused today: latestPerRow keeps the business's last change, after the row that needs it — an applier
 * matter outside issue 15, reported.)
 */
function applyEach(to: TestHost, changes: ReturnType<typeof outboxChanges>) {
  const tally = { applied: 0, problems: 0 };
  for (const c of changes) {
    const r = applyFeedPage(to.store.sqlite, page([c]), { now: PAID_AT_2 });
    tally.applied += r.applied;
    tally.problems += r.problems;
  }
  return tally;
}

/** Another PC of the company with the debtor's account and its two bills as the master data brings them, at PAID_AT_2. */
function otherPcWithTheDebtor(): TestHost {
  const other = makeTestHost();
  const same = addAccount(other, { accountNo: '95000001', name: '欠费户', address: '温州市鹿城区府前街1号', reading: 12000 });
  addBill(other, same, { id: 'b-sep', readingDate: '2026-09-01', previous: 10000, current: 11000, amountFen: 3450, dueDate: '2026-10-01' });
  addBill(other, same, { id: 'b-oct', readingDate: '2026-10-01', previous: 11000, current: 12000, amountFen: 3450, dueDate: '2026-10-31' });
  other.clock.current = PAID_AT_2;
  return other;
}

/** The debtor noticed, stopped with the director's approval and sealed (封表 done, its form saved): 已停气. */
function sealedStop(): { stopId: string; businessNo: string } {
  const manager = { ...clerk, staffId: 'staff-manager01', role: 'manager' as const };
  saveArrearsSettings(host.deps, manager, ON);
  recordNotices(host.deps, clerk, { accountIds: [debtor.accountId], output: 'A4' });
  host.clock.current = new Date('2026-11-26T02:00:00.000Z');
  const stop = requestStop(host.deps, clerk, { accountId: debtor.accountId, remark: '', approver: director });
  const sealId = sql<{ id: string }>('SELECT id FROM businesses WHERE business_no = ?', stop.businessNo).id;
  const wo = dispatch(host.deps, manager, { businessId: sealId, technician: '李师傅', remark: '' });
  enterReceipt(host.deps, clerk, { workOrderNo: wo.workOrderNo, arrivedAt: null, implementedAt: null, leftAt: null, result: '合格', businessValid: true, siteRemark: '' });
  saveSealForm(host.deps, clerk, { businessId: sealId, settledReading: centiM3(12000), reason: '欠费停气 (R-SEC-04)' });
  return stop;
}

describe('arrears paid at another hall (issue 14 feed, R-SEC-02)', () => {
  it('the stop shows 欠费已结清 where the stop is known; one key there issues the 启封, once', () => {
    const stop = sealedStop();
    expect(() => settleStop(host.deps, clerk, { stopId: stop.stopId })).toThrow(/仍有未缴费用/);
    // the customer pays at 黄龙营业厅, which knows the bills (company-wide) but not the stop (鹿城's fact)
    const other = otherPcWithTheDebtor();
    try {
      const hl: Actor = { ...clerk, staffId: 'staff-clerk02', hallId: 'hall-hl', hallName: '黄龙营业厅', counterId: 'counter-hl01', counterCode: 'HL01', counterName: '1号窗口' };
      const due = unpaidList(other.deps, asAccountId(debtor.accountId));
      payBills(other.deps, hl, { accountId: asAccountId(debtor.accountId), billIds: due.bills.map((b) => b.id), expectedTotalFen: fen(due.totalFen), tenderedFen: fen(due.totalFen) });
      expect(applyEach(host, outboxChanges(other, ['check_slips', 'payments', 'payment_items', 'bills']))).toMatchObject({ problems: 0 });
    } finally {
      other.dispose();
    }
    host.clock.current = PAID_AT_2;
    expect(sql<{ n: number }>("SELECT COUNT(*) AS n FROM bills WHERE account_id = ? AND status = '未缴'", debtor.accountId).n).toBe(0);
    expect(stopList(host.deps, clerk)).toMatchObject([{ stage: '已停气', restoreBusinessNo: null, paidOff: true }]);
    const issued = settleStop(host.deps, clerk, { stopId: stop.stopId });
    expect(issued).toEqual({ businessNo: expect.stringMatching(/^LC01-B\d{8}$/), dueAt: '2026-11-28T01:30:00.000Z', sealWithdrawn: false });
    expect(stopList(host.deps, clerk)).toMatchObject([{ stage: '待复气', restoreBusinessNo: issued.businessNo, restoreReason: '结清欠费', paidOff: false }]);
    expect(() => settleStop(host.deps, clerk, { stopId: stop.stopId })).toThrow(/已派发启封工单/);
    expect(() => settleStop(host.deps, { ...clerk, hallId: 'hall-hl' }, { stopId: stop.stopId })).toThrow(/未找到本营业厅/);
    expect(sql<{ n: number }>("SELECT COUNT(*) AS n FROM businesses WHERE type = '启封'").n).toBe(1);
  });
});

describe('another counter of the hall (issue 14 feed)', () => {
  it('R-SEC-02: the stop made at counter 1 comes down to counter 2, whose payment issues the restore; the restore goes back to counter 1', () => {
    const stop = sealedStop();
    const tables = ['arrears_notices', 'businesses', 'work_orders', 'work_order_receipts', 'seal_records', 'supply_stops', 'meters'];
    const other = otherPcWithTheDebtor();
    try {
      expect(applyEach(other, outboxChanges(host, tables).filter((c) => c.table !== 'meters' || c.rowId === debtor.meterId))).toEqual({ applied: 10, problems: 0 });
      const clerk2: Actor = { ...clerk, staffId: 'staff-clerk02', staffName: '陈晓敏', counterId: 'counter-lc02', counterCode: 'LC02', counterName: '2号窗口' };
      expect(stopList(other.deps, clerk2)).toMatchObject([{ accountNo: '95000001', stage: '已停气', sealBusinessNo: stop.businessNo }]);
      expect(arrearsList(other.deps, clerk2).rows[0]).toMatchObject({ accountNo: '95000001', lastNoticeDate: '2026-11-23', stopStage: '已停气' });
      const outboxBefore = other.store.sqlite.prepare('SELECT max(seq) FROM sync_outbox').pluck().get() as number;
      const due = unpaidList(other.deps, asAccountId(debtor.accountId));
      payBills(other.deps, clerk2, { accountId: asAccountId(debtor.accountId), billIds: due.bills.map((b) => b.id), expectedTotalFen: fen(due.totalFen), tenderedFen: fen(due.totalFen) });
      const [restored] = stopList(other.deps, clerk2);
      expect(restored).toMatchObject({ stage: '待复气', restoreReason: '结清欠费', restoreDueAt: '2026-11-28T01:30:00.000Z' });
      expect(restored?.restoreBusinessNo).toMatch(/^LC02-/);
      // counter 2's restore comes back to counter 1 with its payment: the stop record there shows it too
      const back = outboxChanges(other, ['check_slips', 'payments', 'payment_items', 'bills', 'businesses', 'supply_stops'], outboxBefore);
      expect(applyEach(host, back)).toMatchObject({ problems: 0 });
      host.clock.current = PAID_AT_2;
      expect(stopList(host.deps, clerk)).toMatchObject([{ stage: '待复气', restoreBusinessNo: restored?.restoreBusinessNo, restoreReason: '结清欠费' }]);
      expect(sql<{ n: number }>("SELECT COUNT(*) AS n FROM businesses WHERE type = '启封'").n).toBe(1);
    } finally {
      other.dispose();
    }
  });
});
const PAID_AT_2 = new Date('2026-11-27T01:30:00.000Z');
