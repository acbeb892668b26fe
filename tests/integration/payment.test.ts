/** Cash payment end to end through the router against a real SQLite file (R-PAY-02..09, R-LATE-*, R-INV-03). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../preload/contract.js';
import { decodeEscPos } from '../../hardware/printer/decode.js';
import { verifyAuditChain } from '../../main/services/audit.js';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { lastAuditDetail, markBillEstimated, markDayClosed, scalar } from '../fixtures/data.js';

let host: TestHost;
let ids: { accountId: string; meterId: string };

beforeEach(() => {
  host = makeTestHost();
  ids = addAccount(host, { accountNo: '20240001', name: '张三', address: '温州市鹿城区人民路88号幸福小区5幢2单元301室', reading: 15000 });
  // 120.00 yuan due 2026-11-19 → 4 days overdue on 2026-11-23 → raw 1.44 → late fee 1.00 (R-LATE-03)
  addBill(host, ids, { id: 'bill-1', readingDate: '2026-10-20', previous: 11522, current: 15000, amountFen: 12000, dueDate: '2026-11-19' });
  // 150.00 yuan due 2026-11-19 → raw 1.80 → 1.50
  addBill(host, ids, { id: 'bill-2', readingDate: '2026-10-21', previous: 15000, current: 19348, amountFen: 15000, dueDate: '2026-11-19' });
});
afterEach(() => host.dispose());

const count = (sql: string) => scalar(host, sql);

describe('unpaid list (未缴费用清单)', () => {
  it('prices each overdue bill with its own late fee, rounded down to 0.5 yuan (R-LATE-02/03)', async () => {
    const clerk = await signIn(host);
    const res = await clerk.call('bills.unpaid', { accountId: ids.accountId });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const value = res.value;
    expect(value.bills.map((b) => [b.id, b.overdueDays, b.lateFeeFen])).toEqual([
      ['bill-1', 4, 100],
      ['bill-2', 4, 150],
    ]);
    expect([value.gasFen, value.lateFeeFen, value.totalFen]).toEqual([27000, 250, 27250]);
  });
});

describe('cash payment', () => {
  it('posts bills, payment, items, slip number and audit row together, and gives exact change', async () => {
    const clerk = await signIn(host);
    const res = await clerk.call('payments.payCash', {
      accountId: ids.accountId,
      billIds: ['bill-1', 'bill-2'],
      tendered: '300',
      expectedTotalFen: 27250,
    });
    expect(res).toMatchObject({
      ok: true,
      value: { slipNo: 'LC01-00000001', gasFen: 27000, lateFeeFen: 250, totalFen: 27250, tenderedFen: 30000, changeFen: 2750 },
    });
    const payment = host.store.sqlite.prepare('SELECT * FROM payments').get() as Record<string, unknown>;
    expect(payment).toMatchObject({
      clerk_id: 'staff-clerk01',
      counter_id: 'counter-lc01',
      hall_id: 'hall-lc',
      business_date: '2026-11-23',
      method: '现金',
    });
    expect(host.store.sqlite.prepare("SELECT id, status, paid_payment_id IS NOT NULL AS linked FROM bills ORDER BY id").all()).toEqual([
      { id: 'bill-1', status: '收讫', linked: 1 },
      { id: 'bill-2', status: '收讫', linked: 1 },
    ]);
    expect(count('SELECT sum(gas_fen + late_fee_fen) FROM payment_items')).toBe(27250);
    expect(count('SELECT settled_reading_centi FROM accounts')).toBe(19348);
    // R-QRY-01: the enquiry shows the paid-up reading and no arrears.
    expect(await clerk.call('bills.unpaid', { accountId: ids.accountId })).toMatchObject({
      ok: true,
      value: { account: { settledReading: 19348 }, bills: [], totalFen: 0 },
    });
    expect(verifyAuditChain(host.store.db)).toMatchObject({ ok: true });
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'payment.cash'")).toBe(1);
  });

  it('prints the check slip in GBK Chinese, and a reprint says 副本', async () => {
    const clerk = await signIn(host);
    await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-1'], tendered: '150', expectedTotalFen: 12100 });
    expect(host.sim.jobs).toHaveLength(1);
    const original = decodeEscPos(host.sim.jobs[0] ?? Buffer.alloc(0));
    expect(original).toContain('管道燃气费核对单');
    expect(original).toContain('(客户联)');
    expect(original.some((l) => l.includes('张三'))).toBe(true);
    expect(original.some((l) => l.startsWith('应收金额:') && l.endsWith('￥121.00'))).toBe(true);
    // The cash drawer opens with the original (ESC p 0 25 250 at the end of the job), logged; not with a reprint.
    expect((host.sim.jobs[0] ?? Buffer.alloc(0)).subarray(-5).toString('hex')).toBe('1b700019fa');
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'drawer.kick'")).toBe(1);
    const reprint = await clerk.call('receipts.reprint', { slipNo: 'LC01-00000001' });
    expect(reprint).toMatchObject({ ok: true, value: { copy: true, printed: true } });
    expect((host.sim.jobs[1] ?? Buffer.alloc(0)).subarray(-5).toString('hex')).not.toBe('1b700019fa');
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'drawer.kick'")).toBe(1);
    expect(decodeEscPos(host.sim.jobs[1] ?? Buffer.alloc(0))).toContain('(客户联)  副本');
  });

  it('a reprint carries the payment\'s own 收费时间, not the time of the reprint (issue 10 #6)', async () => {
    const clerk = await signIn(host);
    await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-1'], tendered: '150', expectedTotalFen: 12100 });
    host.clock.current = new Date('2026-11-23T07:31:15.000Z'); // 15:31:15 local, hours after the payment
    const later = await signIn(host); // the screen locked meanwhile
    expect(await later.call('receipts.reprint', { slipNo: 'LC01-00000001' })).toMatchObject({ ok: true, value: { copy: true, printed: true } });
    const lines = decodeEscPos(host.sim.jobs[1] ?? Buffer.alloc(0));
    expect(lines).toContain('收费时间:                    2026-11-23 10:00:00');
    expect(lines.some((l) => l.includes('15:31:15'))).toBe(false);
  });

  it('keeps the payment when the printer is offline; the first successful print is then the original', async () => {
    const clerk = await signIn(host);
    host.sim.online = false;
    const res = await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-1'], tendered: '121', expectedTotalFen: 12100 });
    expect(res).toMatchObject({ ok: true, value: { changeFen: 0, print: { printed: false, copy: false } } });
    expect(count('SELECT count(*) FROM payments')).toBe(1);
    expect(await clerk.call('receipts.unprinted', {})).toMatchObject({ ok: true, value: [{ slipNo: 'LC01-00000001', totalFen: 12100 }] });
    host.sim.online = true;
    const again = await clerk.call('receipts.reprint', { slipNo: 'LC01-00000001' });
    expect(again).toMatchObject({ ok: true, value: { printed: true, copy: false } });
    expect(count("SELECT count(*) FROM slip_prints WHERE outcome = 'failed'")).toBe(1);
    expect(await clerk.call('receipts.unprinted', {})).toEqual({ ok: true, value: [] });
  });

  it('refuses short tender, a changed total and an already paid bill, changing nothing', async () => {
    const clerk = await signIn(host);
    const short = await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-1'], tendered: '121.99', expectedTotalFen: 12100 });
    expect(short).toMatchObject({ ok: true });
    const before = count('SELECT count(*) FROM payments');
    const cases: [Omit<Input<'payments.payCash'>, 'accountId'>, string][] = [
      [{ billIds: ['bill-2'], tendered: '100', expectedTotalFen: 15150 }, 'INSUFFICIENT_TENDER'],
      [{ billIds: ['bill-2'], tendered: '200', expectedTotalFen: 15000 }, 'AMOUNT_CHANGED'],
      [{ billIds: ['bill-1'], tendered: '200', expectedTotalFen: 12100 }, 'BILL_NOT_PAYABLE'],
      [{ billIds: ['bill-2'], tendered: '1.234', expectedTotalFen: 15150 }, 'INVALID_AMOUNT'],
    ];
    for (const [input, code] of cases) {
      const res = await clerk.call('payments.payCash', { accountId: ids.accountId, ...input });
      expect(res).toMatchObject({ ok: false, error: { code } });
    }
    expect(count('SELECT count(*) FROM payments')).toBe(before);
    expect(count("SELECT count(*) FROM bills WHERE status = '未缴'")).toBe(1);
    expect(count("SELECT last_value FROM counter_sequences")).toBe(1);
  });

  it('a tendered amount more than 1000 yuan above the cash due needs the clerk\'s confirmation, stored with the payment (issue 10 #5)', async () => {
    const clerk = await signIn(host);
    const absurd = await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-1'], tendered: '999999999', expectedTotalFen: 12100 });
    expect(absurd).toMatchObject({ ok: false, error: { code: 'NEEDS_CONFIRMATION', field: 'tendered' } });
    if (!absurd.ok) expect(absurd.error.message).toBe('实收 999999999.00 元比应收 121.00 元多出 1000 元以上，请核对实收金额；确认无误请勾选“确认实收金额”后再收费');
    expect(count('SELECT count(*) FROM payments')).toBe(0);
    expect(count('SELECT count(*) FROM check_slips')).toBe(0);
    expect(host.sim.jobs).toHaveLength(0);
    // exactly 1000 yuan of change needs no confirmation
    expect(await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-1'], tendered: '1121', expectedTotalFen: 12100 })).toMatchObject({ ok: true, value: { changeFen: 100000 } });
    expect(count('SELECT count(*) FROM payments WHERE confirmation IS NULL')).toBe(1);
    const over = { accountId: ids.accountId, billIds: ['bill-2'], tendered: '1151.51', expectedTotalFen: 15150 };
    expect(await clerk.call('payments.payCash', over)).toMatchObject({ ok: false, error: { code: 'NEEDS_CONFIRMATION', field: 'tendered' } });
    expect(await clerk.call('payments.payCash', { ...over, confirmLargeTender: true })).toMatchObject({ ok: true, value: { changeFen: 100001 } });
    expect(host.store.sqlite.prepare("SELECT confirmation FROM payments WHERE slip_no = 'LC01-00000002'").pluck().get()).toBe('实收 1151.51 元比应收 151.50 元多出 1000 元以上，收费员确认');
    const audit = lastAuditDetail(host, 'payment.cash');
    expect(audit).toMatchObject({ confirmation: '实收 1151.51 元比应收 151.50 元多出 1000 元以上，收费员确认' });
  });

  it('numbers slips per counter without gaps, also across failed attempts', async () => {
    const a = await signIn(host, 'clerk01', 'counter-lc01');
    const b = await signIn(host, 'clerk02', 'counter-lc02');
    await a.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-1'], tendered: '1', expectedTotalFen: 12100 });
    const r1 = await b.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-1'], tendered: '200', expectedTotalFen: 12100 });
    const r2 = await a.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-2'], tendered: '200', expectedTotalFen: 15150 });
    expect(r1).toMatchObject({ ok: true, value: { slipNo: 'LC02-00000001' } });
    expect(r2).toMatchObject({ ok: true, value: { slipNo: 'LC01-00000001' } });
    expect(await a.call('receipts.recent', {})).toMatchObject({ ok: true, value: [{ slipNo: 'LC01-00000001', name: '张三', totalFen: 15150 }] });
    host.clock.current = new Date('2026-11-24T02:00:00.000Z');
    const nextMorning = await signIn(host); // the screen locked overnight
    expect(await nextMorning.call('receipts.recent', {})).toEqual({ ok: true, value: [] });
  });

  it('refuses a payment on a closed business day (database trigger and service)', async () => {
    markDayClosed(host, { date: '2026-11-23', closedAt: 'x' });
    const clerk = await signIn(host);
    const res = await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-1'], tendered: '200', expectedTotalFen: 12100 });
    expect(res).toMatchObject({ ok: false, error: { code: 'DAY_CLOSED' } });
    expect(count('SELECT count(*) FROM payments')).toBe(0);
  });
});

describe('ledger guards', () => {
  it('refuses UPDATE and DELETE on payments and audit rows, and refuses marking a bill paid without a payment', async () => {
    const clerk = await signIn(host);
    await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-1'], tendered: '200', expectedTotalFen: 12100 });
    const db = host.store.sqlite;
    expect(() => db.prepare('UPDATE payments SET total_fen = 1').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM payments').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE bills SET status = '收讫' WHERE id = 'bill-2'").run()).toThrow(/payment item/);
    expect(() => db.prepare("UPDATE bills SET status = '未缴' WHERE id = 'bill-1'").run()).toThrow(/payment item/);
    // R-VOL-07: the figures behind a bill are never edited outside the correction flows
    expect(() => db.prepare("UPDATE bills SET amount_fen = 1 WHERE id = 'bill-2'").run()).toThrow(/frozen/);
  });
});

describe('气费查询 statement (R-QRY-02)', () => {
  it('lists paid readings by paid date and unpaid ones by reading date, with totals', async () => {
    const clerk = await signIn(host);
    await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-1'], tendered: '200', expectedTotalFen: 12100 });
    const paid = await clerk.call('accounts.statement', { accountId: ids.accountId, status: '收讫', dateKind: 'paid', from: '2026-11-01', to: '2026-11-30' });
    expect(paid).toMatchObject({ ok: true, value: { totalFen: 12000, totalConsumption: 3478, lines: [{ readingDate: '2026-10-20', paidOn: '2026-11-23', slipNo: 'LC01-00000001', method: '现金' }] } });
    const unpaid = await clerk.call('accounts.statement', { accountId: ids.accountId, status: '未缴', dateKind: 'reading', from: '2026-10-01', to: '2026-10-31' });
    expect(unpaid).toMatchObject({ ok: true, value: { totalFen: 15000, lines: [{ readingDate: '2026-10-21', paidOn: null }] } });
    expect(await clerk.call('accounts.statement', { accountId: ids.accountId, status: '未缴', dateKind: 'paid', from: '2026-10-01', to: '2026-10-31' })).toMatchObject({
      ok: false,
      error: { field: 'dateKind' },
    });
  });
});

describe('opening the counter (R-GEN-01)', () => {
  it('needs every checklist item and the counted float, once per day', async () => {
    const { OPENING_CHECKLIST } = await import('../../preload/kernel/opening-checklist.js');
    const clerk = await signIn(host);
    expect(await clerk.call('counter.status', {})).toEqual({ ok: true, value: { opened: false, floatFen: null } });
    expect(await clerk.call('counter.open', { checked: OPENING_CHECKLIST.slice(1), float: '500' })).toMatchObject({ ok: false, error: { field: 'checklist', message: expect.stringContaining('工作服') } });
    expect(await clerk.call('counter.open', { checked: [...OPENING_CHECKLIST], float: '500' })).toEqual({ ok: true, value: { opened: true, floatFen: 50000 } });
    expect(await clerk.call('counter.status', {})).toEqual({ ok: true, value: { opened: true, floatFen: 50000 } });
    expect(await clerk.call('counter.open', { checked: [...OPENING_CHECKLIST], float: '500' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('已开始营业') } });
  });
});

describe('late-fee waiver (R-LATE-05, A-28)', () => {
  it('lets a clerk waive an estimated reading\'s late fee up to 20 yuan, and needs the hall director otherwise', async () => {
    markBillEstimated(host, 'bill-2');
    const clerk = await signIn(host);
    const pay = (patch: Record<string, unknown>) =>
      clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-1'], tendered: '200', expectedTotalFen: 12000, ...patch });
    const waiver = { billId: 'bill-1', amount: '1', reason: '估抄争议' };
    // bill-1 is not estimated: the clerk alone may not waive it
    expect(await pay({ waivers: [waiver] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'approver' } });
    // issue 10 #13: a clerk's right password (another's or their own) is refused like a wrong one: only a manager approves
    expect(await pay({ waivers: [waiver], approver: { login: 'clerk02', password: '123456' } })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS', message: '审批人工号或密码错误' } });
    expect(await pay({ waivers: [waiver], approver: { login: 'clerk01', password: '123456' } })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS', message: '审批人工号或密码错误' } });
    expect(await pay({ waivers: [waiver], approver: { login: 'manager01', password: 'x' } })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    expect(await pay({ waivers: [{ ...waiver, amount: '1.5' }], approver: { login: 'manager01', password: '123456' }, expectedTotalFen: 11950 })).toMatchObject({
      ok: false,
      error: { message: '减免金额不能超过该笔滞纳金' },
    });
    expect(count('SELECT count(*) FROM payments')).toBe(0);
    expect(await pay({ waivers: [waiver], approver: { login: 'manager01', password: '123456' } })).toMatchObject({ ok: true, value: { lateFeeFen: 0, totalFen: 12000, changeFen: 8000 } });
    expect(host.store.sqlite.prepare('SELECT bill_id, late_fee_fen, waived_fen, approver_id FROM late_fee_waivers').get()).toEqual({
      bill_id: 'bill-1', late_fee_fen: 100, waived_fen: 100, approver_id: 'staff-manager01',
    });
    // bill-2 is estimated with a 1.50 late fee: the clerk may waive part of it alone
    expect(
      await clerk.call('payments.payCash', {
        accountId: ids.accountId, billIds: ['bill-2'], tendered: '151', expectedTotalFen: 15050, waivers: [{ billId: 'bill-2', amount: '1', reason: '估抄' }],
      }),
    ).toMatchObject({ ok: true, value: { lateFeeFen: 50, totalFen: 15050 } });
  });
});

describe('customer display and satisfaction rating (R-PAY-07, R-SEC-15, R-GEN-02, R-SEC-14, A-07)', () => {
  it('shows what the clerk shows at this counter, then stores the rating per slip, clerk and counter', async () => {
    const clerk = await signIn(host);
    const other = await signIn(host, 'clerk02', 'counter-lc02');
    expect(await clerk.call('display.state', {})).toMatchObject({ ok: true, value: { dueFen: null, askRating: false } });
    expect(await clerk.call('display.show', { dueFen: 12100, tenderedFen: 15000, changeFen: 2900, slipNo: 'LC01-00000001', askRating: true })).toMatchObject({
      ok: false,
      error: { field: 'slipNo' },
    });
    await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-1'], tendered: '150', expectedTotalFen: 12100 });
    await clerk.call('display.show', { dueFen: 12100, tenderedFen: 15000, changeFen: 2900, slipNo: 'LC01-00000001', askRating: true });
    expect(await clerk.call('display.state', {})).toMatchObject({ ok: true, value: { dueFen: 12100, changeFen: 2900, askRating: true } });
    expect(await other.call('display.state', {})).toMatchObject({ ok: true, value: { dueFen: null } });
    expect(await clerk.call('display.rate', { score: 5 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await clerk.call('display.rate', { score: 1 })).toEqual({ ok: true, value: { score: 1, text: '非常满意' } });
    expect(host.store.sqlite.prepare('SELECT slip_no, counter_id, clerk_id, score FROM satisfaction_ratings').get()).toEqual({
      slip_no: 'LC01-00000001', counter_id: 'counter-lc01', clerk_id: 'staff-clerk01', score: 1,
    });
    expect(await clerk.call('display.state', {})).toMatchObject({ ok: true, value: { dueFen: null, askRating: false } });
  });
});

describe('核对单换发票 (R-INV-01..03, R-FIN-01)', () => {
  it('numbers invoices from the clerk\'s book, once per slip and never twice', async () => {
    const clerk = await signIn(host);
    await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-1'], tendered: '150', expectedTotalFen: 12100 });
    expect(await clerk.call('invoices.issue', { slipNo: 'LC01-00000001' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('R-FIN-01') } });
    expect(await clerk.call('invoices.registerBook', { category: '国税', prefix: '133032600', firstNo: 1001, lastNo: 1002 })).toMatchObject({ ok: true, value: { remaining: 2 } });
    expect(await clerk.call('invoices.registerBook', { category: '国税', prefix: '133032600', firstNo: 1002, lastNo: 1010 })).toMatchObject({ ok: false, error: { field: 'firstNo' } });
    expect(await clerk.call('invoices.issue', { slipNo: 'LC01-00000001' })).toEqual({ ok: true, value: { invoiceNo: '133032600-00001001', amountFen: 12100, remaining: 1 } });
    expect(await clerk.call('invoices.issue', { slipNo: 'LC01-00000001' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('R-INV-03') } });
    expect(await clerk.call('invoices.issue', { slipNo: 'LC01-00000099' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(() => host.store.sqlite.prepare("UPDATE invoices SET amount_fen = 1").run()).toThrow(/append-only/);
  });
});
