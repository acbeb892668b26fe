/**
 * Issue 15 #2: 销户 and temporary removal on real SQLite (R-SEC-06): arrears first, site check and removal as work
 * orders with their lead times, the final reading billed, settlement, approval, and a closed account refused for
 * every later business by the services and, for a raw insert, by the database.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyClosure, approveClosure, billFinalReading, closureList, requestRefit, scheduleRemoval, settleClosureDeposit } from '../../main/services/account-closure.js';
import { verifyDayTotals } from '../../main/services/day-totals.js';
import { slipData } from '../../main/services/receipts.js';
import { layoutCheckSlip } from '../../main/domain/check-slip.js';
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
  const removal = scheduleRemoval(host.deps, clerk, { closureId: applied.closureId, depositFen: 10_000, tenderedFen: fen(10_000) });
  const removalId = complete(removal.removalBusinessNo);
  saveSealForm(host.deps, clerk, { businessId: removalId, settledReading: centiM3(12500), reason: kind });
  billFinalReading(host.deps, clerk, { closureId: applied.closureId });
  settleClosureDeposit(host.deps, clerk, { closureId: applied.closureId, tenderedFen: null });
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
    expect(() => scheduleRemoval(host.deps, clerk, { closureId: applied.closureId, depositFen: 10_000, tenderedFen: fen(10_000) })).toThrow(/尚未完成/);
    complete(applied.siteBusinessNo);
    const removal = scheduleRemoval(host.deps, clerk, { closureId: applied.closureId, depositFen: 10_000, tenderedFen: fen(10_000) });
    expect(removal.promisedOn).toBe('2026-11-30');
    // the site check's follow-up was this step: it leaves 派工/回执 archived
    expect(sql<{ state: string }>('SELECT state FROM businesses WHERE business_no = ?', applied.siteBusinessNo).state).toBe('已归档');
    expect(() => billFinalReading(host.deps, clerk, { closureId: applied.closureId })).toThrow(/拆表单/);
    const removalId = complete(removal.removalBusinessNo);
    saveSealForm(host.deps, clerk, { businessId: removalId, settledReading: centiM3(12500), reason: '销户拆表' });
    const { finalBillId } = billFinalReading(host.deps, clerk, { closureId: applied.closureId });
    expect(sql<{ previous_reading_centi: number; this_reading_centi: number; status: string }>('SELECT previous_reading_centi, this_reading_centi, status FROM bills WHERE id = ?', finalBillId)).toEqual({ previous_reading_centi: 12000, this_reading_centi: 12500, status: '未缴' });
    // senior approval only after settlement, and never by the clerk
    expect(() => approveClosure(host.deps, clerk, { closureId: applied.closureId, approver: director })).toThrow(/须先缴清欠费/);
    payAll();
    expect(() => approveClosure(host.deps, clerk, { closureId: applied.closureId, approver: { staffId: 'staff-reviewer01', role: 'reviewer' } })).toThrow(/审批/);
    // the final bill was paid at 前台收费: the deposit is still held, and goes back whole before the approval
    expect(() => approveClosure(host.deps, clerk, { closureId: applied.closureId, approver: director })).toThrow(/押金 100\.00 元尚未结算/);
    expect(settleClosureDeposit(host.deps, clerk, { closureId: applied.closureId, tenderedFen: null })).toMatchObject({ depositFen: 10_000, offsetFen: 0, refundFen: 10_000, billsFen: 0, changeFen: 10_000, paymentSlipNo: null });
    expect(approveClosure(host.deps, clerk, { closureId: applied.closureId, approver: director })).toEqual({ state: '已销户', date: '2026-11-23' });
    expect(closureList(host.deps, clerk)[0]).toMatchObject({ state: '已销户', depositFen: 10_000, depositHeldFen: 0, closedOn: '2026-11-23', removal: { state: '已归档' } });
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

type LedgerRow = { charge_type: string; invoice_category: string; fee_fen: number; gas_fen: number; total_fen: number; tendered_fen: number; change_fen: number; business_ref: string | null };
const ledger = (accountId: string) =>
  host.store.sqlite
    .prepare('SELECT charge_type, invoice_category, fee_fen, gas_fen, total_fen, tendered_fen, change_fen, business_ref FROM payments WHERE account_id = ? ORDER BY slip_no')
    .all(accountId) as LedgerRow[];
const dayTotals = () =>
  host.store.sqlite.prepare("SELECT charge_type, count, fee_fen, gas_fen, total_fen, tendered_fen, change_fen FROM day_totals WHERE business_date = '2026-11-23' ORDER BY charge_type").all();

/** Site check done, removal fee and deposit taken, removal form saved and the final reading billed. */
function siteChecked(): string {
  const applied = applyClosure(host.deps, clerk, { accountId: ids.accountId, kind: '销户', reason: '房屋出售，不再用气' });
  complete(applied.siteBusinessNo);
  return applied.closureId;
}

function upToFinalBill(depositFen: number, tenderedFen: number | null, closureId = siteChecked()) {
  const applied = { closureId };
  const removal = scheduleRemoval(host.deps, clerk, { closureId, depositFen, tenderedFen: tenderedFen === null ? null : fen(tenderedFen) });
  saveSealForm(host.deps, clerk, { businessId: complete(removal.removalBusinessNo), settledReading: centiM3(12500), reason: '销户拆表' });
  const { finalBillId } = billFinalReading(host.deps, clerk, { closureId: applied.closureId });
  const billFen = sql<{ amount_fen: number }>('SELECT amount_fen FROM bills WHERE id = ?', finalBillId).amount_fen;
  return { closureId: applied.closureId, removal, billFen };
}

describe('销户 fee and deposit on the ledger (R-SEC-06)', () => {
  it('takes the removal fee and the deposit in cash, offsets the deposit against the final bill to the fen, and the day totals still agree', () => {
    host.deps.settings.closureRemovalFeeFen = fen(5_000);
    // fee 50.00 + deposit 100.00, the customer hands over 200.00: the deposit slip takes 100.00, the fee slip the rest
    const checked = siteChecked();
    expect(() => scheduleRemoval(host.deps, clerk, { closureId: checked, depositFen: 10_000, tenderedFen: null })).toThrow(/请输入实收（拆表费 50\.00 元 \+ 押金 100\.00 元）/);
    expect(() => scheduleRemoval(host.deps, clerk, { closureId: checked, depositFen: 10_000, tenderedFen: fen(14_999) })).toThrow(/实收 149\.99 元不足应收 150\.00 元/);
    expect(sql<{ n: number }>('SELECT count(*) AS n FROM payments').n).toBe(0);
    expect(sql<{ state: string }>('SELECT state FROM account_closures').state).toBe('待核实');
    const { closureId, removal, billFen } = upToFinalBill(10_000, 20_000, checked);
    expect(billFen).toBe(1_725); // 5 m³ × 3.45
    expect(removal).toMatchObject({ depositFen: 10_000, removalFeeFen: 5_000, changeFen: 5_000 });
    expect(removal.slips.map((s) => [s.chargeType, s.amountFen, s.tenderedFen, s.changeFen])).toEqual([
      ['销户押金', 10_000, 10_000, 0],
      ['拆表费', 5_000, 10_000, 5_000],
    ]);
    expect(closureList(host.deps, clerk)[0]).toMatchObject({ state: '待结清', depositHeldFen: 10_000, unpaidFen: 1_725 });
    // the deposit covers the final bill: no cash may be taken; the rest goes back
    expect(() => settleClosureDeposit(host.deps, clerk, { closureId, tenderedFen: fen(100) })).toThrow(/无须收取现金/);
    const settled = settleClosureDeposit(host.deps, clerk, { closureId, tenderedFen: null });
    expect(settled).toMatchObject({ depositFen: 10_000, offsetFen: 1_725, refundFen: 8_275, billsFen: 1_725, cashFen: 0, changeFen: 8_275 });
    expect(sql<{ status: string }>("SELECT status FROM bills WHERE this_reading_centi = 12500").status).toBe('收讫');
    // the slips say where the deposit went: the refund slip points at the final bill's slip, which shows the deposit as tender
    const slipText = (no: string | null) => layoutCheckSlip(slipData(host.deps, no ?? '', false), 48).map((l) => ('text' in l ? l.text : '')).join('\n');
    const refundSlip = slipText(settled.refundSlipNo);
    expect(refundSlip).toMatch(/^押金退还凭证\n/);
    expect(refundSlip).toMatch(/收款项目:\s+销户押金/);
    expect(refundSlip).toMatch(/退还金额:\s+￥100\.00/);
    expect(refundSlip).toMatch(new RegExp(`转抵最终气费，见:\\s+${settled.paymentSlipNo ?? ''}`));
    const billSlip = slipText(settled.paymentSlipNo);
    expect(billSlip).toMatch(/^管道燃气费核对单\n/);
    expect(billSlip).toMatch(/押金抵扣:\s+￥100\.00/);
    expect(billSlip).toMatch(new RegExp(`押金退还凭证:\\s+${settled.refundSlipNo ?? ''}`));
    expect(billSlip).toMatch(/实收现金:\s+￥0\.00/);
    expect(billSlip).toMatch(/找零:\s+￥82\.75/);
    expect(ledger(ids.accountId)).toEqual([
      { charge_type: '销户押金', invoice_category: '收据', fee_fen: 10_000, gas_fen: 0, total_fen: 10_000, tendered_fen: 10_000, change_fen: 0, business_ref: closureId },
      { charge_type: '拆表费', invoice_category: '地税', fee_fen: 5_000, gas_fen: 0, total_fen: 5_000, tendered_fen: 10_000, change_fen: 5_000, business_ref: closureId },
      { charge_type: '销户押金', invoice_category: '收据', fee_fen: -10_000, gas_fen: 0, total_fen: -10_000, tendered_fen: 0, change_fen: 10_000, business_ref: closureId },
      { charge_type: '燃气费', invoice_category: '核对单', fee_fen: 0, gas_fen: 1_725, total_fen: 1_725, tendered_fen: 10_000, change_fen: 8_275, business_ref: closureId },
    ]);
    // the drawer: 200.00 in, 50.00 change, 82.75 back at settlement = 67.25 = fee 50.00 + final bill 17.25
    const cash = sql<{ net: number; total: number }>('SELECT sum(tendered_fen - change_fen) AS net, sum(total_fen) AS total FROM payments');
    expect(cash).toEqual({ net: 6_725, total: 6_725 });
    expect(dayTotals()).toEqual([
      { charge_type: '拆表费', count: 1, fee_fen: 5_000, gas_fen: 0, total_fen: 5_000, tendered_fen: 10_000, change_fen: 5_000 },
      { charge_type: '燃气费', count: 1, fee_fen: 0, gas_fen: 1_725, total_fen: 1_725, tendered_fen: 10_000, change_fen: 8_275 },
      { charge_type: '销户押金', count: 2, fee_fen: 0, gas_fen: 0, total_fen: 0, tendered_fen: 10_000, change_fen: 10_000 },
    ]);
    expect(verifyDayTotals(host.deps, '2026-11-23')).toMatchObject({ ok: true, mismatches: [] });
    expect(approveClosure(host.deps, clerk, { closureId, approver: director })).toEqual({ state: '已销户', date: '2026-11-23' });
    // closed: nothing more on the ledger for the account
    expect(() => settleClosureDeposit(host.deps, clerk, { closureId, tenderedFen: null })).toThrow(/已销户/);
  });

  it('a final bill above the deposit: the customer pays the difference, nothing posted on a refused tender', () => {
    const { closureId, billFen } = upToFinalBill(1_000, 1_000);
    expect(billFen).toBe(1_725);
    const before = sql<{ n: number }>('SELECT count(*) AS n FROM payments').n;
    expect(() => settleClosureDeposit(host.deps, clerk, { closureId, tenderedFen: null })).toThrow(/须补交 7\.25 元/);
    expect(() => settleClosureDeposit(host.deps, clerk, { closureId, tenderedFen: fen(500) })).toThrow(/实收 5\.00 元不足应补交 7\.25 元/);
    expect(sql<{ n: number }>('SELECT count(*) AS n FROM payments').n).toBe(before);
    expect(settleClosureDeposit(host.deps, clerk, { closureId, tenderedFen: fen(1_000) })).toMatchObject({ depositFen: 1_000, offsetFen: 1_000, refundFen: 0, billsFen: 1_725, cashFen: 1_000, changeFen: 275 });
    expect(ledger(ids.accountId).slice(1)).toEqual([
      { charge_type: '销户押金', invoice_category: '收据', fee_fen: -1_000, gas_fen: 0, total_fen: -1_000, tendered_fen: 0, change_fen: 1_000, business_ref: closureId },
      { charge_type: '燃气费', invoice_category: '核对单', fee_fen: 0, gas_fen: 1_725, total_fen: 1_725, tendered_fen: 2_000, change_fen: 275, business_ref: closureId },
    ]);
    expect(sql<{ net: number }>('SELECT sum(tendered_fen - change_fen) AS net FROM payments').net).toBe(1_725);
    expect(verifyDayTotals(host.deps, '2026-11-23').ok).toBe(true);
  });

  it('the database keeps the deposit whole: a refund of another amount, a fee without its closure, an approval with the deposit held (guards)', () => {
    const { closureId } = upToFinalBill(10_000, 10_000);
    const db = host.store.sqlite;
    const row = (id: string, slip: string, charge: string, ref: string | null, feeFen: number, tendered: number, change: number) => {
      db.prepare("INSERT INTO check_slips (slip_no, counter_id, seq, hall_id, business_date) VALUES (?, 'counter-lc01', ?, 'hall-lc', '2026-11-23')").run(slip, 900 + Number(slip.slice(-2)));
      db.prepare(`INSERT INTO payments (id, slip_no, account_id, hall_id, counter_id, clerk_id, business_date, method, charge_type, invoice_category, business_ref, fee_fen, gas_fen, late_fee_fen, total_fen, tendered_fen, change_fen)
        VALUES (?, ?, ?, 'hall-lc', 'counter-lc01', 'staff-clerk01', '2026-11-23', '现金', ?, '收据', ?, ?, 0, 0, ?, ?, ?)`).run(id, slip, ids.accountId, charge, ref, feeFen, feeFen, tendered, change);
    };
    const raw = (f: () => void) => db.transaction(f);
    expect(() => raw(() => row('raw1', 'RAW-01', '销户押金', closureId, -5_000, 0, 5_000))()).toThrow(/exactly the deposit held/);
    expect(() => raw(() => row('raw2', 'RAW-02', '拆表费', 'no-such-closure', 5_000, 5_000, 0))()).toThrow(/without its closure/);
    expect(() => raw(() => row('raw3', 'RAW-03', '销户押金', closureId, -10_000, 1, 10_001))()).toThrow(/does not balance/);
    expect(() => db.prepare("UPDATE account_closures SET state = '已销户', closed_on = '2026-11-23' WHERE id = ?").run(closureId)).toThrow(/deposit not settled/);
    raw(() => row('raw4', 'RAW-04', '销户押金', closureId, -10_000, 0, 10_000))();
    expect(sql<{ held: number }>("SELECT sum(fee_fen) AS held FROM payments WHERE charge_type = '销户押金'").held).toBe(0);
  });
});
