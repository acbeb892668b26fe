/** Ticket, coupon and mixed payments through the router on real SQLite (DOMAIN §6.2, R-TKT-01..13). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../preload/contract.js';
import { decodeEscPos } from '../../hardware/printer/decode.js';
import { verifyAuditChain } from '../../main/services/audit.js';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { markBillCorrected } from '../fixtures/data.js';

let host: TestHost;
let ids: { accountId: string; meterId: string };

const back = { backName: '张三', backAddress: '幸福小区5幢2单元301室' };
const q4 = { kind: '燃气票' as const, year: 2026, quarter: 4, ...back };

beforeEach(() => {
  host = makeTestHost();
  ids = addAccount(host, { accountNo: '20240001', name: '张三', address: '温州市鹿城区人民路88号幸福小区5幢2单元301室', reading: 12300 });
  // 23 m³ at 3.45 = 79.35, due 2026-12-10 (not overdue on 2026-11-23)
  addBill(host, ids, { id: 'bill-23', readingDate: '2026-11-10', previous: 10000, current: 12300, amountFen: 7935, dueDate: '2026-12-10' });
});
afterEach(() => host.dispose());

const row = (sql: string, ...args: unknown[]) => host.store.sqlite.prepare(sql).get(...args) as Record<string, unknown>;
const all = (sql: string, ...args: unknown[]) => host.store.sqlite.prepare(sql).all(...args) as Record<string, unknown>[];

describe('split billing then mixed tenders (R-TKT-10, seed example 23 m³ with 4 tickets)', () => {
  it('refuses 4 tickets on 23 m³, splits 20 + 3, pays 20 m³ by tickets and 3 m³ in cash in one payment', async () => {
    const clerk = await signIn(host);
    const refused = await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-23'], tendered: '0', expectedTotalFen: 7935, tickets: [{ ...q4, count: 4 }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'SPLIT_REQUIRED', field: 'tickets' } });
    expect(row('SELECT count(*) n FROM payments').n).toBe(0);

    const split = await clerk.call('bills.split', { billId: 'bill-23', split: '20' });
    expect(split.ok).toBe(true);
    if (!split.ok) return;
    const [ticketBill, cashBill] = split.value.billIds;
    expect(all('SELECT consumption_centi c, amount_fen a, status s FROM bills ORDER BY consumption_centi DESC')).toEqual([
      { c: 2300, a: 7935, s: '已拆分' },
      { c: 2000, a: 6900, s: '未缴' },
      { c: 300, a: 1035, s: '未缴' },
    ]);
    const paid = await clerk.call('payments.payCash', {
      accountId: ids.accountId,
      billIds: [ticketBill, cashBill],
      tendered: '20',
      expectedTotalFen: 7935,
      tickets: [{ ...q4, count: 4 }],
    });
    expect(paid).toMatchObject({ ok: true, value: { method: '燃气票', gasFen: 7935, totalFen: 7935, ticketFen: 6900, tenderedFen: 2000, changeFen: 965 } });
    const p = row('SELECT * FROM payments');
    // tendered + tickets = due + change
    expect(Number(p.tendered_fen) + Number(p.ticket_fen)).toBe(Number(p.total_fen) + Number(p.change_fen));
    expect(all('SELECT bill_id, ticket_count, volume_centi, ticket_fen FROM ticket_bill_items')).toEqual([
      { bill_id: ticketBill, ticket_count: 4, volume_centi: 2000, ticket_fen: 6900 },
    ]);
    expect(row('SELECT kind, year, quarter, count, volume_centi, back_name, back_address FROM ticket_tenders')).toEqual({
      kind: '燃气票', year: 2026, quarter: 4, count: 4, volume_centi: 2000, back_name: '张三', back_address: '幸福小区5幢2单元301室',
    });
    expect(all("SELECT status FROM bills WHERE split_from IS NOT NULL").map((r) => r.status)).toEqual(['收讫', '收讫']);
    const slip = decodeEscPos(host.sim.jobs.at(-1) ?? Buffer.alloc(0)).join('\n');
    expect(slip).toContain('缴费方式:');
    expect(slip).toMatch(/燃气票 2026年4季 4张\s+20方/);
    expect(slip).toMatch(/票证抵款:\s+￥69\.00/);
    expect(slip).toMatch(/实收现金:\s+￥20\.00/);
    expect(verifyAuditChain(host.store.db).ok).toBe(true);
  });
});

describe('prepaid remainder and merged payment (R-TKT-09, R-TKT-11)', () => {
  it('5 tickets on 23 m³ keep 2 m³ prepaid; the next ticket payment uses it', async () => {
    const clerk = await signIn(host);
    const paid = await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-23'], tendered: '0', expectedTotalFen: 7935, tickets: [{ ...q4, count: 5 }] });
    expect(paid).toMatchObject({ ok: true, value: { ticketFen: 7935, changeFen: 0 } });
    expect(row('SELECT prepaid_volume_centi FROM accounts WHERE id = ?', ids.accountId).prepaid_volume_centi).toBe(200);
    // next month: two bills of 4 m³ and 3 m³ = 7 m³; 1 ticket (5) + 2 prepaid pays both, 实收气票 0 then 1
    addBill(host, ids, { id: 'bill-b1', readingDate: '2026-11-15', previous: 12300, current: 12700, amountFen: 1380, dueDate: '2026-12-15' });
    addBill(host, ids, { id: 'bill-b2', readingDate: '2026-11-20', previous: 12700, current: 13000, amountFen: 1035, dueDate: '2026-12-20' });
    const merged = await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-b1', 'bill-b2'], tendered: '0', expectedTotalFen: 2415, tickets: [{ ...q4, count: 1 }] });
    expect(merged).toMatchObject({ ok: true, value: { ticketFen: 2415, changeFen: 0 } });
    expect(all("SELECT bill_id, ticket_count FROM ticket_bill_items WHERE bill_id LIKE 'bill-b%' ORDER BY bill_id")).toEqual([
      { bill_id: 'bill-b1', ticket_count: 0 },
      { bill_id: 'bill-b2', ticket_count: 1 },
    ]);
    expect(row('SELECT prepaid_volume_centi FROM accounts WHERE id = ?', ids.accountId).prepaid_volume_centi).toBe(0);
  });
});

describe('late fee on a ticket payment (R-LATE-04)', () => {
  it('collects the late fee of an overdue bill in cash beside the tickets', async () => {
    const clerk = await signIn(host);
    // 20 m³ = 69.00 due 2026-11-19: 4 days overdue on 2026-11-23 → raw 0.828 → 0.50
    addBill(host, ids, { id: 'bill-late', readingDate: '2026-10-10', previous: 8000, current: 10000, amountFen: 6900, dueDate: '2026-11-19' });
    const pay = { accountId: ids.accountId, billIds: ['bill-late'], expectedTotalFen: 6950, tickets: [{ ...q4, count: 4 }] };
    expect(await clerk.call('payments.payCash', { ...pay, tendered: '0' })).toMatchObject({ ok: false });
    expect(await clerk.call('payments.payCash', { ...pay, tendered: '0.5' })).toMatchObject({ ok: true, value: { ticketFen: 6900, lateFeeFen: 50, changeFen: 0 } });
  });
});

describe('refusals change nothing', () => {
  it('expired, not-yet-valid, missing back name, extra tickets and short cash', async () => {
    const clerk = await signIn(host);
    const base = { accountId: ids.accountId, billIds: ['bill-23'], tendered: '0', expectedTotalFen: 7935 };
    const cases: [Input<'payments.payCash'>['tickets'], string][] = [
      [[{ ...q4, quarter: 2, count: 5 }], '请你及时到燃气票发放单位调换'],
      [[{ ...q4, year: 2027, quarter: 1, count: 5 }], '请你按票面上标明的季度使用'],
      [[{ ...q4, count: 6 }], '请退还 1 张'],
    ];
    for (const [tickets, message] of cases) {
      const res = await clerk.call('payments.payCash', { ...base, tickets });
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.message).toContain(message);
    }
    const noBack = await clerk.call('payments.payCash', { ...base, tickets: [{ ...q4, count: 5, backName: '' }] });
    expect(noBack).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const faceCashShort = await clerk.call('payments.payCash', { ...base, tickets: [{ ...q4, count: 5, faceValue: '2' }] });
    expect(faceCashShort).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_TENDER' } });
    expect(row('SELECT count(*) n FROM payments').n).toBe(0);
    expect(row("SELECT status FROM bills WHERE id = 'bill-23'").status).toBe('未缴');
  });

  it('face-value tickets take the cash printed on them (R-TKT-04)', async () => {
    const clerk = await signIn(host);
    const res = await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-23'], tendered: '10', expectedTotalFen: 7935, tickets: [{ ...q4, count: 5, faceValue: '2' }] });
    expect(res).toMatchObject({ ok: true, value: { totalFen: 8935, ticketFen: 7935, ticketCashFen: 1000, tenderedFen: 1000, changeFen: 0 } });
  });
});

describe('soft rules need a reason (R-TKT-05, A-17)', () => {
  it('above 3× the monthly average the clerk must give a reason, which is stored', async () => {
    // last three months 0.5 + 0.5 + 23 m³ → average 8 m³ → cap 24 m³: 5 tickets (25 m³) need a reason
    addBill(host, ids, { id: 'old-1', readingDate: '2026-08-10', previous: 9900, current: 9950, amountFen: 173, dueDate: '2026-09-10' });
    addBill(host, ids, { id: 'old-2', readingDate: '2026-09-10', previous: 9950, current: 10000, amountFen: 173, dueDate: '2026-10-10' });
    const clerk = await signIn(host);
    const base = { accountId: ids.accountId, billIds: ['bill-23'], tendered: '0', expectedTotalFen: 7935, tickets: [{ ...q4, count: 5 }] };
    const warned = await clerk.call('payments.payCash', base);
    expect(warned).toMatchObject({ ok: false, error: { code: 'SOFT_RULE', field: 'override' } });
    const ok = await clerk.call('payments.payCash', { ...base, overrides: [{ rule: 'R-TKT-05', reason: '冬季用气增加' }] });
    expect(ok.ok).toBe(true);
    expect(row('SELECT rule, reason, clerk_id FROM rule_overrides')).toEqual({ rule: 'R-TKT-05', reason: '冬季用气增加', clerk_id: 'staff-clerk01' });
  });
});

describe('a reading voided by 更正读数 is no consumption (issue 10 #5 with R-TKT-05)', () => {
  it('a corrected typo does not raise the 3× cap: 5 tickets still need a reason', async () => {
    addBill(host, ids, { id: 'old-1', readingDate: '2026-08-10', previous: 9900, current: 9950, amountFen: 173, dueDate: '2026-09-10' });
    addBill(host, ids, { id: 'old-2', readingDate: '2026-09-10', previous: 9950, current: 10000, amountFen: 173, dueDate: '2026-10-10' });
    // 2026-10-10 typed as 900 m³, corrected to 0 m³: the typo stays as 已更正 with its figures (bill_corrections)
    addBill(host, ids, { id: 'typo', readingDate: '2026-10-10', previous: 10000, current: 100000, amountFen: 310500, dueDate: '2026-11-10' });
    addBill(host, ids, { id: 'fixed', readingDate: '2026-10-10', previous: 10000, current: 10000, amountFen: 0, dueDate: '2026-11-10' });
    markBillCorrected(host, { oldBillId: 'typo', newBillId: 'fixed', clerkId: 'staff-clerk01' });
    const clerk = await signIn(host);
    const base = { accountId: ids.accountId, billIds: ['bill-23'], tendered: '0', expectedTotalFen: 7935, tickets: [{ ...q4, count: 5 }] };
    expect(await clerk.call('payments.payCash', base)).toMatchObject({ ok: false, error: { code: 'SOFT_RULE', field: 'override' } });
  });
});

describe('coupons (R-TKT-12)', () => {
  it('pays face value × count of the gas fee and the rest in cash', async () => {
    const clerk = await signIn(host);
    const res = await clerk.call('payments.payCash', {
      accountId: ids.accountId,
      billIds: ['bill-23'],
      tendered: '50',
      expectedTotalFen: 7935,
      tickets: [{ kind: '优惠券', year: 2026, quarter: 4, count: 3, faceValue: '10', ...back }],
    });
    expect(res).toMatchObject({ ok: true, value: { method: '优惠券', ticketFen: 3000, tenderedFen: 5000, changeFen: 65 } });
    expect(row('SELECT value_fen, volume_centi FROM ticket_tenders')).toEqual({ value_fen: 3000, volume_centi: 0 });
  });
});
