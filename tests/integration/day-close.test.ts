/**
 * 日收银报表 and 日结 (R-CASH-01..05, A-33, issue 6): categories from the ledger, cash counted by
 * denomination, the balance equation carried forward, differences recorded with a reason, review by a
 * different person, the manager's close refused until every report is reviewed, and a closed day
 * refused by the database itself.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeEscPos } from '../../hardware/printer/decode.js';
import { cashBalance } from '../../preload/kernel/cash-balance.js';
import { OPENING_CHECKLIST } from '../../preload/kernel/opening-checklist.js';
import { verifyAuditChain } from '../../main/services/audit.js';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { fen } from '../../preload/kernel/money.js';
import { centiM3 } from '../../preload/kernel/volume.js';
import { scalar } from '../fixtures/data.js';

let host: TestHost;

beforeEach(() => {
  host = makeTestHost();
  const a = addAccount(host, { accountNo: '90000001', name: '张三', address: '温州市鹿城区日结路1号', reading: 12300 });
  addBill(host, a, { id: 'a-1', readingDate: '2026-10-20', previous: 10000, current: 12300, amountFen: fen(7935), dueDate: '2026-11-19' }); // late fee 0.50
  addBill(host, a, { id: 'a-2', readingDate: '2026-11-10', previous: 12300, current: 14600, amountFen: fen(7935), dueDate: '2026-12-10' });
});
afterEach(() => host.dispose());

const manager = { login: 'manager01', password: '123456' };
const n = (sql: string) => scalar(host, sql);

async function dayOfTakings() {
  const clerk = await signIn(host);
  expect(await clerk.call('payments.payCash', { accountId: 'acc-90000001', billIds: ['a-1'], tendered: '100', expectedTotalFen: fen(7985) })).toMatchObject({ ok: true });
  const tickets = [{ kind: '燃气票' as const, year: 2026, quarter: 4, count: 5, backName: '张三', backAddress: '日结路1号' }];
  expect(await clerk.call('payments.payCash', { accountId: 'acc-90000001', billIds: ['a-2'], tendered: '0', expectedTotalFen: fen(7935), tickets })).toMatchObject({ ok: true });
  return clerk;
}

describe('R-CASH-04 balance equation', () => {
  it('500.00 + 3215.50 − 3000.00 = 715.50', () => {
    expect(cashBalance(fen(50000), fen(321550), fen(300000))).toBe(71550);
  });
});

describe('日收银报表', () => {
  it('counts a drawer to the fen: 960.43 balances with 5/2/1 分 coins (issue 10 #4)', async () => {
    const clerk = await signIn(host);
    expect(await clerk.call('counter.open', { checked: [...OPENING_CHECKLIST], float: '960.43' })).toMatchObject({ ok: true });
    // 9 × 100 + 1 × 50 + 1 × 10 + 4 × 1角 + 1 × 2分 + 1 × 1分 = 960.43
    const denominations = { '10000': 9, '5000': 1, '1000': 1, '10': 4, '2': 1, '1': 1 };
    const res = await clerk.call('cashReport.submit', { deposited: '0', denominations });
    expect(res).toMatchObject({ ok: true, value: { balanceFen: fen(96043), countedFen: fen(96043), differenceFen: fen(0) } });
    expect(host.store.sqlite.prepare('SELECT denominations FROM cash_reports').pluck().get()).toBe(JSON.stringify(denominations));
    expect(await clerk.call('cashReport.submit', { deposited: '0', denominations: { '3': 1 } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it("a clerk's first report starts from the float counted at opening (R-GEN-01, A-33)", async () => {
    const clerk = await signIn(host);
    expect(await clerk.call('counter.open', { checked: [...OPENING_CHECKLIST], float: '500' })).toMatchObject({ ok: true });
    expect(await clerk.call('cashReport.draft', {})).toMatchObject({ ok: true, value: { previousBalanceFen: fen(50000) } });
    const other = await signIn(host, 'clerk02', 'counter-lc02');
    expect(await other.call('cashReport.draft', {})).toMatchObject({ ok: true, value: { previousBalanceFen: fen(0) } });
  });

  it('shows the day by category, refuses an unexplained difference, records an explained one, carries the balance forward', async () => {
    const clerk = await dayOfTakings();
    const draft = await clerk.call('cashReport.draft', {});
    expect(draft).toMatchObject({ ok: true, value: { businessDate: '2026-11-23', previousBalanceFen: fen(0), incomeFen: fen(7985), submitted: null } });
    expect(draft.ok && draft.value.lines).toEqual([
      { group: '核对单', item: '气费', count: 2, amountFen: fen(15870) },
      { group: '滞纳金', item: '滞纳金', count: 2, amountFen: fen(50) }, // R-LATE-06
      { group: '燃气票', item: '燃气票', count: 5, amountFen: fen(0), volumeCenti: centiM3(2500) },
    ]);
    // counted 79.80: five jiao short
    const short = { deposited: '0', denominations: { '5000': 1, '2000': 1, '500': 1, '100': 4, '50': 1, '10': 3 } };
    expect(await clerk.call('cashReport.submit', short)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'differenceReason' } });
    const res = await clerk.call('cashReport.submit', { ...short, differenceReason: '找零时多找五角' });
    expect(res).toMatchObject({ ok: true, value: { incomeFen: fen(7985), balanceFen: fen(7985), countedFen: fen(7980), differenceFen: fen(-5), reviewed: false } });
    expect(await clerk.call('cashReport.submit', short)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // next day: yesterday's 当日现金结余 is today's 前日现金结余
    host.clock.current = new Date('2026-11-24T02:00:00.000Z');
    expect(await clerk.call('cashReport.draft', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } }); // idle overnight
    const nextDay = await signIn(host);
    expect(await nextDay.call('cashReport.draft', {})).toMatchObject({ ok: true, value: { previousBalanceFen: fen(7985), incomeFen: fen(0) } });
  });

  it('is reviewed by someone else, never by its preparer (also refused by the database; R-CASH-05, R-SEC-23)', async () => {
    const clerk = await dayOfTakings();
    await clerk.call('cashReport.submit', { deposited: '79.85', denominations: {} });
    expect(await clerk.call('cashReport.review', { clerkLogin: 'clerk01', reviewer: { login: 'clerk01', password: '123456' } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(() => host.store.sqlite.prepare("UPDATE cash_reports SET reviewer_id = clerk_id, reviewed_at = 'x'").run()).toThrow('reviewed once');
    expect(await clerk.call('cashReport.review', { clerkLogin: 'clerk01', reviewer: { login: 'clerk02', password: '123456' } })).toMatchObject({ ok: true, value: { reviewed: true } });
    expect(await clerk.call('cashReport.review', { clerkLogin: 'clerk01', reviewer: manager })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('日结', () => {
  it('waits for every report, closes with numbered totals, prints, and the database then refuses the day', async () => {
    const clerk = await dayOfTakings();
    const boss = await signIn(host, 'manager01', 'counter-lc02');
    expect(await clerk.call('day.close', { date: '2026-11-23' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const early = await boss.call('day.close', { date: '2026-11-23' });
    expect(early).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!early.ok) expect(early.error.message).toContain('王丽（未提交）');
    await clerk.call('cashReport.submit', { deposited: '79.85', denominations: {} });
    expect(await boss.call('day.status', { date: '2026-11-23' })).toMatchObject({ ok: true, value: { closed: false, clerks: [{ name: '王丽', payments: 2, report: '待复核' }] } });
    await clerk.call('cashReport.review', { clerkLogin: 'clerk01', reviewer: manager });
    const closed = await boss.call('day.close', { date: '2026-11-23' });
    expect(closed).toMatchObject({
      ok: true,
      value: {
        report: {
          closeNo: 'RJ-LC-00001',
          all: { count: 2, totalFen: fen(15920), cashFen: fen(7985) },
          byMethod: [
            { method: '燃气票', count: 1, totalFen: fen(7935), cashFen: fen(0) },
            { method: '现金', count: 1, totalFen: fen(7985), cashFen: fen(7985) },
          ],
          byClerk: [{ name: '王丽', count: 2 }],
        },
        print: { printed: true },
      },
    });
    expect(decodeEscPos(host.sim.jobs.at(-1) ?? Buffer.alloc(0))).toContain('营业厅日结报告');
    expect(await boss.call('day.close', { date: '2026-11-23' })).toMatchObject({ ok: false, error: { code: 'DAY_CLOSED' } });
    // nothing new for the closed day, whatever the path
    addBill(host, { accountId: 'acc-90000001', meterId: 'meter-90000001' }, { id: 'a-3', readingDate: '2026-11-20', previous: 14600, current: 14700, amountFen: fen(345), dueDate: '2026-12-20' });
    expect(await clerk.call('payments.payCash', { accountId: 'acc-90000001', billIds: ['a-3'], tendered: '5', expectedTotalFen: fen(345) })).toMatchObject({ ok: false, error: { code: 'DAY_CLOSED' } });
    const db = host.store.sqlite;
    expect(() => db.prepare("INSERT INTO check_slips (slip_no, counter_id, seq, hall_id, business_date) VALUES ('X', 'counter-lc01', 99, 'hall-lc', '2026-11-23')").run()).toThrow('business day closed');
    expect(() => db.prepare("UPDATE business_days SET closed_at = NULL").run()).toThrow('closed business day');
    expect(() => db.prepare('DELETE FROM business_days').run()).toThrow('closed business day');
    expect(n('SELECT count(*) FROM payments')).toBe(2);
    expect(await boss.call('day.report', { date: '2026-11-23' })).toMatchObject({ ok: true, value: { closeNo: 'RJ-LC-00001' } });
    // R-FIN-02: the month-end report for finance, from the closed days
    expect(await boss.call('day.month', { month: '2026-11' })).toMatchObject({ ok: true, value: { closedDays: ['2026-11-23'], openDays: [], byCharge: [{ chargeType: '燃气费', count: 2, totalFen: fen(15920) }] } });
    expect(verifyAuditChain(host.store.db).ok).toBe(true);
  });
});

describe('which days may be closed (issue 10 #3)', () => {
  it('refuses a future date and another hall, and changes nothing', async () => {
    const boss = await signIn(host, 'manager01', 'counter-lc02');
    const future = await boss.call('day.close', { date: '2026-11-24' });
    expect(future).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'date' } });
    if (!future.ok) expect(future.error.message).toContain('未来');
    expect(await boss.call('day.close', { date: '2026-11-23', hallId: 'hall-hl' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'hallId' } });
    expect(await boss.call('day.status', { date: '2026-11-23', hallId: 'hall-hl' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'hallId' } });
    expect(n('SELECT count(*) FROM business_days')).toBe(0);
    // tomorrow's payments are still taken once tomorrow comes
    host.clock.current = new Date('2026-11-24T02:00:00.000Z');
    const clerk = await signIn(host);
    expect(await clerk.call('payments.payCash', { accountId: 'acc-90000001', billIds: ['a-2'], tendered: '100', expectedTotalFen: fen(7935) })).toMatchObject({ ok: true });
  });

  it("offers the manager's open days: today and every earlier unclosed day with takings, never a future one", async () => {
    host.clock.current = new Date('2026-11-20T02:00:00.000Z');
    const early = await signIn(host);
    expect(await early.call('payments.payCash', { accountId: 'acc-90000001', billIds: ['a-2'], tendered: '100', expectedTotalFen: fen(7935) })).toMatchObject({ ok: true });
    expect(await early.call('cashReport.submit', { deposited: '79.35', denominations: {} })).toMatchObject({ ok: true });
    expect(await early.call('cashReport.review', { clerkLogin: 'clerk01', reviewer: manager })).toMatchObject({ ok: true });
    host.clock.current = new Date('2026-11-21T02:00:00.000Z');
    const other = await signIn(host, 'clerk03', 'counter-hl01'); // another hall's takings are not this manager's
    expect(other.connection).toBeTruthy();
    host.clock.current = new Date('2026-11-23T02:00:00.000Z');
    const boss = await signIn(host, 'manager01', 'counter-lc02');
    expect(await boss.call('day.openDays', {})).toEqual({ ok: true, value: { today: '2026-11-23', open: [{ date: '2026-11-23', payments: 0 }, { date: '2026-11-20', payments: 1 }], closed: [] } });
    expect(await boss.call('day.close', { date: '2026-11-20' })).toMatchObject({ ok: true, value: { report: { businessDate: '2026-11-20' } } });
    expect(await boss.call('day.openDays', {})).toEqual({ ok: true, value: { today: '2026-11-23', open: [{ date: '2026-11-23', payments: 0 }], closed: [{ date: '2026-11-20', closeNo: 'RJ-LC-00001' }] } });
  });
});
