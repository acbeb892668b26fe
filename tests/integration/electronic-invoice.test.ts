/**
 * Invoices for check slips (R-INV-01..03) including electronic-channel payments (R-INV-02): the channel
 * record enters once, the slip is reprinted first, then one invoice per slip from the clerk's book.
 * Ticket payments are invoiced for the money taken; reversed or invoiced payments are locked.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { scalar } from '../fixtures/data.js';

let host: TestHost;
let ids: { accountId: string; meterId: string };

beforeEach(() => {
  host = makeTestHost();
  ids = addAccount(host, { accountNo: '20240001', name: '张三', address: '温州市鹿城区人民路88号', reading: 12300 });
  addBill(host, ids, { id: 'bill-1', readingDate: '2026-11-10', previous: 10000, current: 12300, amountFen: 7935, dueDate: '2026-12-10' });
});
afterEach(() => host.dispose());

async function clerkWithBook() {
  const clerk = await signIn(host);
  expect(await clerk.call('invoices.registerBook', { category: '国税', prefix: '133012', firstNo: 1001, lastNo: 1050 })).toMatchObject({ ok: true });
  return clerk;
}

describe('electronic-channel payments (R-INV-02)', () => {
  it('enters once by reference, needs the slip reprinted before the invoice, one invoice per slip', async () => {
    const manager = await signIn(host, 'manager01', 'counter-lc02');
    const record = { accountId: ids.accountId, billIds: ['bill-1'], channel: 'ATM' as const, channelRef: 'ATM-20261123-0001', amount: '79.35' };
    expect(await manager.call('payments.recordElectronic', record)).toMatchObject({ ok: true, value: { slipNo: 'LC02-00000001', duplicate: false } });
    expect(await manager.call('payments.recordElectronic', record)).toMatchObject({ ok: true, value: { slipNo: 'LC02-00000001', duplicate: true } });
    expect(scalar(host, 'SELECT count(*) FROM payments')).toBe(1);
    expect(host.store.sqlite.prepare('SELECT method, tendered_fen, change_fen FROM payments').get()).toEqual({ method: 'ATM', tendered_fen: 7935, change_fen: 0 });

    const clerk = await clerkWithBook();
    expect(await clerk.call('payments.recordElectronic', record)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await clerk.call('payments.findChannel', { channelRef: 'ATM-20261123-0001' })).toMatchObject({ ok: true, value: { slipNo: 'LC02-00000001', method: 'ATM', totalFen: 7935 } });
    const early = await clerk.call('invoices.issue', { slipNo: 'LC02-00000001' });
    expect(early).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!early.ok) expect(early.error.message).toContain('须先补打核对单');
    expect(await clerk.call('receipts.reprint', { slipNo: 'LC02-00000001' })).toMatchObject({ ok: true, value: { printed: true } });
    expect(await clerk.call('invoices.issue', { slipNo: 'LC02-00000001' })).toMatchObject({ ok: true, value: { invoiceNo: '133012-00001001', amountFen: 7935 } });
    expect(await clerk.call('invoices.issue', { slipNo: 'LC02-00000001' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // the channel settles its own refunds
    expect(await clerk.call('payments.reverse', { slipNo: 'LC02-00000001', reason: '重复缴费', approver: { login: 'manager01', password: '123456' } })).toMatchObject({ ok: false, error: { code: 'NOT_REVERSIBLE' } });
  });

  it('refuses an amount that differs from the bills and a malformed reference, entering nothing', async () => {
    const manager = await signIn(host, 'manager01', 'counter-lc02');
    const base = { accountId: ids.accountId, billIds: ['bill-1'], channel: '网站' as const, channelRef: 'WEB-1-2345' };
    expect(await manager.call('payments.recordElectronic', { ...base, amount: '70' })).toMatchObject({ ok: false, error: { code: 'AMOUNT_CHANGED' } });
    expect(await manager.call('payments.recordElectronic', { ...base, channelRef: '单号', amount: '79.35' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'channelRef' } });
    expect(scalar(host, 'SELECT count(*) FROM payments')).toBe(0);
  });
});

describe('invoices against counter payments', () => {
  it('a ticket payment is invoiced for the cash only; an all-ticket payment gets none', async () => {
    const clerk = await clerkWithBook();
    const back = { backName: '张三', backAddress: '人民路88号' };
    await clerk.call('bills.split', { billId: 'bill-1', split: '20' });
    const billIds = (host.store.sqlite.prepare("SELECT id FROM bills WHERE status = '未缴' ORDER BY consumption_centi DESC").pluck().all() as string[]);
    const paid = await clerk.call('payments.payCash', { accountId: ids.accountId, billIds, tendered: '10.35', expectedTotalFen: 7935, tickets: [{ kind: '燃气票', year: 2026, quarter: 4, count: 4, ...back }] });
    expect(paid.ok).toBe(true);
    expect(await clerk.call('invoices.issue', { slipNo: 'LC01-00000001' })).toMatchObject({ ok: true, value: { amountFen: 1035 } });
  });

  it('an invoiced payment cannot be reversed; a reversed one cannot be invoiced', async () => {
    const clerk = await clerkWithBook();
    addBill(host, ids, { id: 'bill-2', readingDate: '2026-11-11', previous: 12300, current: 12400, amountFen: 345, dueDate: '2026-12-11' });
    await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-1'], tendered: '79.35', expectedTotalFen: 7935 });
    await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-2'], tendered: '3.45', expectedTotalFen: 345 });
    const approver = { login: 'manager01', password: '123456' };
    expect(await clerk.call('invoices.issue', { slipNo: 'LC01-00000001' })).toMatchObject({ ok: true });
    expect(await clerk.call('payments.reverse', { slipNo: 'LC01-00000001', reason: '收错', approver })).toMatchObject({ ok: false, error: { code: 'NOT_REVERSIBLE' } });
    expect(await clerk.call('payments.reverse', { slipNo: 'LC01-00000002', reason: '收错', approver })).toMatchObject({ ok: true });
    expect(await clerk.call('invoices.issue', { slipNo: 'LC01-00000002' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
