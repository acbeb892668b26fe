/**
 * 冲正 of gas payments: same day, same hall, a second person's approval (hall manager), a reason, a
 * negative row that mirrors the original (checked by the database too), bills back to 未缴, tickets and
 * prepaid volume undone; bank-paid rows are refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeEscPos } from '../../hardware/printer/decode.js';
import { verifyAuditChain } from '../../main/services/audit.js';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { addBankPayment, scalar } from '../fixtures/data.js';

let host: TestHost;
let ids: { accountId: string; meterId: string };
const manager = { login: 'manager01', password: '123456' };

beforeEach(() => {
  host = makeTestHost();
  ids = addAccount(host, { accountNo: '20240001', name: '张三', address: '温州市鹿城区人民路88号幸福小区5幢2单元301室', reading: 12300 });
  addBill(host, ids, { id: 'bill-1', readingDate: '2026-11-10', previous: 10000, current: 12300, amountFen: 7935, dueDate: '2026-12-10' });
});
afterEach(() => host.dispose());

const n = (sql: string) => scalar(host, sql);

async function paid() {
  const clerk = await signIn(host);
  const res = await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-1'], tendered: '100', expectedTotalFen: 7935 });
  expect(res.ok).toBe(true);
  return clerk;
}

describe('reversing a cash payment', () => {
  it('posts the mirror row, hands the cash back, reopens the bill and prints a 冲正凭证', async () => {
    const clerk = await paid();
    const settledBefore = n(`SELECT settled_reading_centi FROM accounts WHERE id = '${ids.accountId}'`);
    expect(settledBefore).toBe(12300);
    const res = await clerk.call('payments.reverse', { slipNo: 'LC01-00000001', reason: '收错用户', approver: manager });
    expect(res).toMatchObject({ ok: true, value: { slipNo: 'LC01-00000002', originalSlipNo: 'LC01-00000001', totalFen: -7935, changeFen: 7935, card: null } });
    expect(n('SELECT sum(total_fen) FROM payments')).toBe(0);
    expect(n("SELECT count(*) FROM bills WHERE status = '未缴' AND paid_payment_id IS NULL")).toBe(1);
    expect(n(`SELECT settled_reading_centi FROM accounts WHERE id = '${ids.accountId}'`)).toBe(10000);
    expect(host.store.sqlite.prepare('SELECT reason, clerk_id, approver_id FROM reversals').get()).toEqual({ reason: '收错用户', clerk_id: 'staff-clerk01', approver_id: 'staff-manager01' });
    const slip = decodeEscPos(host.sim.jobs.at(-1) ?? Buffer.alloc(0)).join('\n');
    expect(slip).toContain('冲正凭证');
    expect(slip).toMatch(/原核对单号:\s+LC01-00000001/);
    expect(slip).toMatch(/退还现金:\s+￥79\.35/);
    // the bill can be paid again
    expect(await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-1'], tendered: '79.35', expectedTotalFen: 7935 })).toMatchObject({ ok: true });
    expect(verifyAuditChain(host.store.db).ok).toBe(true);
  });

  it('refuses without a manager, with the clerk approving themself, without a reason, twice, or the next day', async () => {
    const clerk = await paid();
    const base = { slipNo: 'LC01-00000001', reason: '收错用户' };
    expect(await clerk.call('payments.reverse', { ...base, approver: { login: 'clerk02', password: '123456' } })).toEqual({
      // issue 10 #13: a right password of a role that may not approve is refused like a wrong one
      ok: false,
      error: { code: 'BAD_CREDENTIALS', message: '审批人工号或密码错误', field: 'approver' },
    });
    expect(await clerk.call('payments.reverse', { ...base, approver: { login: 'manager01', password: 'wrong' } })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    expect(await clerk.call('payments.reverse', { ...base, reason: ' ', approver: manager })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const boss = await signIn(host, 'manager01');
    expect(await boss.call('payments.reverse', { ...base, approver: manager })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    host.clock.current = new Date('2026-11-24T02:00:00.000Z');
    const tomorrow = await signIn(host);
    expect(await tomorrow.call('payments.reverse', { ...base, approver: manager })).toMatchObject({ ok: false, error: { code: 'NOT_REVERSIBLE' } });
    expect(n('SELECT count(*) FROM payments')).toBe(1);
    host.clock.current = new Date('2026-11-23T03:00:00.000Z');
    const sameDay = await signIn(host);
    expect(await sameDay.call('payments.reverse', { ...base, approver: manager })).toMatchObject({ ok: true });
    expect(await sameDay.call('payments.reverse', { ...base, approver: manager })).toMatchObject({ ok: false, error: { code: 'NOT_REVERSIBLE' } });
    expect(await sameDay.call('payments.reverse', { slipNo: 'LC01-00000002', reason: '冲正的冲正', approver: manager })).toMatchObject({ ok: false, error: { code: 'NOT_REVERSIBLE' } });
  });

  it('bank-paid rows cannot be reversed at the counter', async () => {
    const clerk = await signIn(host);
    addBankPayment(host, { id: 'pay-bank', slipNo: 'BANK-1', seq: 900, accountId: ids.accountId, businessDate: '2026-11-23', totalFen: 7935 });
    const res = await clerk.call('payments.reverse', { slipNo: 'BANK-1', reason: '用户要求', approver: manager });
    expect(res).toMatchObject({ ok: false, error: { code: 'NOT_REVERSIBLE' } });
    if (!res.ok) expect(res.error.message).toContain('银行');
  });

  it('the database refuses a reversal row that does not mirror its original', async () => {
    await paid();
    const forge = () =>
      host.store.sqlite.exec(`INSERT INTO check_slips (slip_no, counter_id, seq, hall_id, business_date) VALUES ('X-1', 'counter-lc01', 901, 'hall-lc', '2026-11-23');
        INSERT INTO payments (id, slip_no, account_id, hall_id, counter_id, clerk_id, business_date, method, gas_fen, late_fee_fen, total_fen, tendered_fen, change_fen, reverses_payment_id)
        SELECT 'forged', 'X-1', account_id, hall_id, counter_id, clerk_id, business_date, method, -gas_fen + 100, 0, -total_fen + 100, 0, total_fen - 100, id FROM payments`);
    expect(forge).toThrow('payment does not balance');
  });
});

describe('slips of a reversed payment (issue 10 #6)', () => {
  it('the reversal voucher prints its full header and the reversed bill, and no invoice line', async () => {
    await paid();
    host.clock.current = new Date('2026-11-23T03:15:00.000Z'); // reversed at 11:15 local
    const clerk = await signIn(host);
    expect(await clerk.call('payments.reverse', { slipNo: 'LC01-00000001', reason: '收错用户', approver: manager })).toMatchObject({ ok: true });
    expect(decodeEscPos(host.sim.jobs.at(-1) ?? Buffer.alloc(0))).toEqual([
      '冲正凭证',
      '(客户联)',
      '-'.repeat(48),
      '核对单号:                          LC01-00000002',
      '营业厅:                       鹿城营业厅 1号窗口',
      '收费员:                                     王丽',
      '收费时间:                    2026-11-23 11:15:00',
      '-'.repeat(48),
      '用户编号:                               20240001',
      '用户姓名:                                   张三',
      '地址:温州市鹿城区人民路88号幸福小区5幢2单元301室',
      '-'.repeat(48),
      '原核对单号:                        LC01-00000001',
      '冲正原因:收错用户',
      '抄表日期           用气量(方)               气费',
      '2026-11-10                 23             -79.35',
      '  读数 100 至 123',
      '  单价 3.45 元/方',
      '-'.repeat(48),
      '气费合计:                               ￥-79.35',
      '滞纳金:                                   ￥0.00',
      '冲正金额:                               ￥-79.35',
      '退还现金:                                ￥79.35',
      '-'.repeat(48),
      '冲正凭证，不能换取发票。',
      '客服电话 88511111  抢修 88386119',
      '',
      '',
      '',
    ]);
  });

  it('a reprint of the reversed payment is marked 已冲正, keeps its own time and never offers an invoice', async () => {
    await paid();
    host.clock.current = new Date('2026-11-23T03:15:00.000Z');
    await (await signIn(host)).call('payments.reverse', { slipNo: 'LC01-00000001', reason: '收错用户', approver: manager });
    host.clock.current = new Date('2026-11-23T06:00:00.000Z'); // reprinted at 14:00 local
    const clerk = await signIn(host);
    expect(await clerk.call('receipts.reprint', { slipNo: 'LC01-00000001' })).toMatchObject({ ok: true, value: { copy: true, printed: true, invoiceable: false } });
    const lines = decodeEscPos(host.sim.jobs.at(-1) ?? Buffer.alloc(0));
    expect(lines.slice(0, 9)).toEqual([
      '管道燃气费核对单',
      '(客户联)  副本',
      '*** 已冲正 ***',
      '冲正凭证号:                        LC01-00000002',
      '-'.repeat(48),
      '核对单号:                          LC01-00000001',
      '营业厅:                       鹿城营业厅 1号窗口',
      '收费员:                                     王丽',
      '收费时间:                    2026-11-23 10:00:00',
    ]);
    expect(lines.slice(-5)).toEqual(['本单已冲正，不能换取发票。', '客服电话 88511111  抢修 88386119', '', '', '']);
    expect(lines.some((l) => l.includes('换取发票') && !l.includes('不能'))).toBe(false);
    // the voucher reprints with its header too, marked 副本
    expect(await clerk.call('receipts.reprint', { slipNo: 'LC01-00000002' })).toMatchObject({ ok: true, value: { invoiceable: false } });
    expect(decodeEscPos(host.sim.jobs.at(-1) ?? Buffer.alloc(0)).slice(0, 7)).toEqual([
      '冲正凭证',
      '(客户联)  副本',
      '-'.repeat(48),
      '核对单号:                          LC01-00000002',
      '营业厅:                       鹿城营业厅 1号窗口',
      '收费员:                                     王丽',
      '收费时间:                    2026-11-23 11:15:00',
    ]);
  });
});

describe('reversing a ticket payment hands the tickets back and undoes the prepaid volume', () => {
  it('5 tickets on 23 m³ left 2 m³ prepaid; the reversal takes it away again', async () => {
    const clerk = await signIn(host);
    const tickets = [{ kind: '燃气票' as const, year: 2026, quarter: 4, count: 5, backName: '张三', backAddress: '幸福小区5幢' }];
    expect(await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-1'], tendered: '0', expectedTotalFen: 7935, tickets })).toMatchObject({ ok: true });
    expect(n(`SELECT prepaid_volume_centi FROM accounts WHERE id = '${ids.accountId}'`)).toBe(200);
    const res = await clerk.call('payments.reverse', { slipNo: 'LC01-00000001', reason: '票据有误', approver: manager });
    expect(res).toMatchObject({ ok: true, value: { totalFen: -7935, ticketFen: -7935, changeFen: 0 } });
    expect(n(`SELECT prepaid_volume_centi FROM accounts WHERE id = '${ids.accountId}'`)).toBe(0);
    const slip = decodeEscPos(host.sim.jobs.at(-1) ?? Buffer.alloc(0)).join('\n');
    expect(slip).toMatch(/燃气票 2026年4季 5张\s+25方/);
    expect(slip).toMatch(/退还票证抵款:\s+￥79\.35/);
  });
});
