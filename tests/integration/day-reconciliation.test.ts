/**
 * Issue 10 #2 (R-CASH-02/03/04): one day with counter cash, a ticket payment, a bank write-off, an
 * electronic-channel payment, a reversal and an IC recharge. Cash in every report is the money physically
 * taken at the counter, so the manager's 日结, the clerks' 日收银报表 and the 收银统计报表 reconcile to the fen.
 */
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeEscPos } from '../../hardware/printer/decode.js';
import { OFF_COUNTER_METHODS } from '../../main/domain/payment-channels.js';
import { answerBankFile } from '../fixtures/bank-answer.js';
import { addAccount, addBill, makeTestHost, ok, signIn, type TestHost } from '../fixtures/host.js';
import { scalar, setBankWithholding } from '../fixtures/data.js';

let host: TestHost;

beforeEach(() => {
  host = makeTestHost();
  const a = addAccount(host, { accountNo: '93000001', name: '现金户', address: '温州市鹿城区对账路1号', reading: 14600 });
  addBill(host, a, { id: 'a-1', readingDate: '2026-10-20', previous: 10000, current: 12300, amountFen: 7935, dueDate: '2026-11-19' }); // + 0.50 late fee
  addBill(host, a, { id: 'a-2', readingDate: '2026-11-10', previous: 12300, current: 14600, amountFen: 7935, dueDate: '2026-12-10' });
  const b = addAccount(host, { accountNo: '93000002', name: '冲正户', address: '温州市鹿城区对账路2号', reading: 2000 });
  addBill(host, b, { id: 'b-1', readingDate: '2026-11-10', previous: 1000, current: 2000, amountFen: 3450, dueDate: '2026-12-10' });
  const c = addAccount(host, { accountNo: '93000003', name: '代扣户', address: '温州市鹿城区对账路3号', reading: 1300 });
  setBankWithholding(host, c.accountId, { bank: '建行', cardNo: '6227001234567890123', holder: '代扣户' });
  addBill(host, c, { id: 'c-1', readingDate: '2026-11-10', previous: 0, current: 1300, amountFen: 4485, dueDate: '2026-12-10' });
  const d = addAccount(host, { accountNo: '93000004', name: '渠道户', address: '温州市鹿城区对账路4号', reading: 600 });
  addBill(host, d, { id: 'd-1', readingDate: '2026-11-10', previous: 0, current: 600, amountFen: 2070, dueDate: '2026-12-10' });
  addAccount(host, { accountNo: '93000005', name: '卡表户', address: '温州市鹿城区对账路5号', customerType: 'IC卡' });
});
afterEach(() => host.dispose());

const manager = { login: 'manager01', password: '123456' };
const gbk = (base64: string) => iconv.decode(Buffer.from(base64, 'base64'), 'gbk');
const b64 = (text: string) => iconv.encode(text, 'gbk').toString('base64');

describe('日结, 日收银报表 and 收银统计报表 reconcile (issue 10 #2)', () => {
  it('counts only the money taken at the counter as cash, in every report, to the fen', async () => {
    const clerk = await signIn(host);
    // 1. counter cash with change: 79.35 + 0.50 late fee, 100 tendered
    expect(await clerk.call('payments.payCash', { accountId: 'acc-93000001', billIds: ['a-1'], tendered: '100', expectedTotalFen: 7985 })).toMatchObject({ ok: true, value: { changeFen: 2015 } });
    // 2. tickets: 5 燃气票 for 23 m³, no cash
    const tickets = [{ kind: '燃气票' as const, year: 2026, quarter: 4, count: 5, backName: '现金户', backAddress: '对账路1号' }];
    expect(await clerk.call('payments.payCash', { accountId: 'acc-93000001', billIds: ['a-2'], tendered: '0', expectedTotalFen: 7935, tickets })).toMatchObject({ ok: true });
    // 3. a cash payment reversed the same day with the manager's sign-in
    const paid = ok(await clerk.call('payments.payCash', { accountId: 'acc-93000002', billIds: ['b-1'], tendered: '50', expectedTotalFen: 3450 }));
    expect(await clerk.call('payments.reverse', { slipNo: paid.slipNo, reason: '收错用户', approver: manager })).toMatchObject({ ok: true, value: { totalFen: -3450 } });
    // 4. a bank write-off (建行 withholding, debited)
    const run = ok(await clerk.call('bank.generate', { bank: '建行' }));
    expect(await clerk.call('bank.writeOff', { runId: run.runId, file: b64(answerBankFile('建行', gbk(run.base64), () => null)) })).toMatchObject({ ok: true, value: { okCount: 1, okFen: 4485 } });
    // 5. an electronic-channel payment entered by the manager
    const boss = await signIn(host, 'manager01', 'counter-lc02');
    expect(await boss.call('payments.recordElectronic', { accountId: 'acc-93000004', billIds: ['d-1'], channel: 'ATM', channelRef: 'ATM-20261123-0009', amount: '20.70' })).toMatchObject({ ok: true });
    // 6. an IC recharge: 20 m³ for 69.00, 100 tendered
    host.cardDevice?.sim.insertBlank();
    expect(await clerk.call('cards.issue', { accountId: 'acc-93000005', issueType: '制作新卡' })).toMatchObject({ ok: true });
    expect(await clerk.call('cards.recharge', { accountId: 'acc-93000005', by: 'volume', value: '20', tendered: '100' })).toMatchObject({ ok: true, value: { totalFen: 6900, changeFen: 3100 } });

    // cash taken at the counter: 79.85 + 0 + 34.50 − 34.50 + 69.00 = 148.85
    const cashFen = 7985 + 3450 - 3450 + 6900;
    const allFen = 7985 + 7935 + 3450 - 3450 + 4485 + 2070 + 6900;

    // the clerk's 日收银报表, counted to the fen and reviewed
    const draft = ok(await clerk.call('cashReport.draft', {}));
    expect(draft.incomeFen).toBe(cashFen);
    const counted = { '10000': 1, '2000': 2, '500': 1, '100': 3, '50': 1, '10': 3, '5': 1 }; // 148.85
    expect(await clerk.call('cashReport.submit', { deposited: '0', denominations: counted })).toMatchObject({ ok: true, value: { incomeFen: cashFen, countedFen: cashFen, differenceFen: 0 } });
    expect(await clerk.call('cashReport.review', { clerkLogin: 'clerk01', reviewer: { login: 'clerk02', password: '123456' } })).toMatchObject({ ok: true });

    // the manager's 日结: the manager entered an ATM payment but took no money, so owes no cash report
    const closed = ok(
      await boss.call('day.close', { date: '2026-11-23' }),
    );
    const close = closed.report;
    expect(close.all).toEqual({ count: 7, totalFen: allFen, cashFen });
    expect(close.byMethod).toEqual([
      { method: 'ATM', count: 1, totalFen: 2070, cashFen: 0 },
      { method: '燃气票', count: 1, totalFen: 7935, cashFen: 0 },
      { method: '现金', count: 4, totalFen: 7985 + 3450 - 3450 + 6900, cashFen },
      { method: '银行代缴', count: 1, totalFen: 4485, cashFen: 0 },
    ]);
    expect(close.byCharge).toEqual([
      { chargeType: '充值费', count: 1, totalFen: 6900, cashFen: 6900 },
      { chargeType: '燃气费', count: 6, totalFen: allFen - 6900, cashFen: cashFen - 6900 },
    ]);
    const printed = decodeEscPos(host.sim.jobs.at(-1) ?? Buffer.alloc(0)).join('\n');
    expect(printed).toMatch(/王丽 6笔\s+￥273\.05\n\s+其中现金\s+￥148\.85\n/);
    expect(printed).toMatch(/其中现金:\s+￥148\.85\n/);

    // 收银统计报表 for the hall and the day: the same count, total and cash per 收款项目
    const stats = ok(await boss.call('reports.cash', { from: '2026-11-23', to: '2026-11-23' }));
    expect(stats.byCharge.map(({ chargeType, count, totalFen, cashFen: c }) => ({ chargeType, count, totalFen, cashFen: c }))).toEqual(close.byCharge);
    expect(stats.byCharge.reduce((a, r) => a + r.cashFen, 0)).toBe(close.all.cashFen);

    // 日收银报表 ↔ 日结: the report's cash income is the close's cash; its categories are the counter's takings
    const signed = scalar(host, "SELECT sum(income_fen) FROM cash_reports WHERE business_date = '2026-11-23'");
    expect(signed).toBe(close.all.cashFen);
    const counterTakings = close.byMethod.filter((m) => !OFF_COUNTER_METHODS.includes(m.method)).reduce((a, m) => a + m.totalFen, 0);
    const categories = draft.lines.filter((l) => l.group !== '燃气票' && !l.group.endsWith('（已开）')).reduce((a, l) => a + l.amountFen, 0);
    expect(categories).toBe(counterTakings);
    expect(draft.lines.filter((l) => l.group !== '燃气票')).toEqual([
      { group: '核对单', item: '充值费', count: 1, amountFen: 6900 },
      { group: '核对单', item: '气费', count: 4, amountFen: 7935 + 7935 + 3450 - 3450 },
      { group: '滞纳金', item: '滞纳金', count: 4, amountFen: 50 },
    ]);
  });
});
