/** Batch printing (R-PRT-01/02): slips by date, method and area; arrears notices by area and reader. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeEscPos } from '../../hardware/printer/decode.js';
import { displayWidth } from '../../preload/kernel/text-width.js';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { updateAccount } from '../fixtures/data.js';

let host: TestHost;

beforeEach(() => {
  host = makeTestHost();
  const a = addAccount(host, { accountNo: '80000001', name: '张三', address: '温州市鹿城区北区路1号', reading: 12300 });
  const b = addAccount(host, { accountNo: '80000002', name: '李四', address: '温州市鹿城区南区路2号', reading: 5000 });
  updateAccount(host, { id: b.accountId }, { area: '南区' });
  updateAccount(host, { id: a.accountId }, { area: '北区', meterReader: '林海燕' });
  addBill(host, a, { id: 'a-1', readingDate: '2026-10-20', previous: 10000, current: 12300, amountFen: 7935, dueDate: '2026-11-19' });
  addBill(host, a, { id: 'a-2', readingDate: '2026-11-20', previous: 12300, current: 12400, amountFen: 345, dueDate: '2026-12-20' });
  addBill(host, b, { id: 'b-1', readingDate: '2026-10-20', previous: 2700, current: 5000, amountFen: 7935, dueDate: '2026-11-19' });
});
afterEach(() => host.dispose());

describe('check slips in batches (R-PRT-01)', () => {
  it('lists the day slips by area, shows them as A4 lines, prints them on the receipt printer', async () => {
    const clerk = await signIn(host);
    await clerk.call('payments.payCash', { accountId: 'acc-80000002', billIds: ['b-1'], tendered: '80', expectedTotalFen: 7985 });
    await clerk.call('payments.payCash', { accountId: 'acc-80000001', billIds: ['a-1'], tendered: '80', expectedTotalFen: 7985 });
    const jobsBefore = host.sim.jobs.length;
    const list = await clerk.call('printing.slips', { date: '2026-11-23', method: '现金' });
    expect(list.ok && list.value.map((s) => [s.area, s.slipNo, s.copy])).toEqual([
      ['北区', 'LC01-00000002', true],
      ['南区', 'LC01-00000001', true],
    ]);
    expect(await clerk.call('printing.slips', { date: '2026-11-23', area: '南区' })).toMatchObject({ ok: true, value: [{ accountNo: '80000002' }] });
    expect(await clerk.call('printing.printSlips', { date: '2026-11-23', method: '现金' })).toMatchObject({ ok: true, value: { printed: 2, failed: 0 } });
    expect(host.sim.jobs.length - jobsBefore).toBe(2);
    expect(decodeEscPos(host.sim.jobs.at(-1) ?? Buffer.alloc(0))).toContain('(客户联)  副本');
  });
});

describe('batch reprints keep each payment\'s own time (issue 10 #6)', () => {
  it('prints 收费时间 of the payment, not of the batch run', async () => {
    const clerk = await signIn(host);
    await clerk.call('payments.payCash', { accountId: 'acc-80000002', billIds: ['b-1'], tendered: '80', expectedTotalFen: 7985 });
    host.clock.current = new Date('2026-11-23T08:45:00.000Z'); // 16:45 local
    const afternoon = await signIn(host);
    await afternoon.call('payments.payCash', { accountId: 'acc-80000001', billIds: ['a-1'], tendered: '80', expectedTotalFen: 7985 });
    host.clock.current = new Date('2026-11-23T09:59:59.000Z'); // the batch runs at 17:59:59
    const evening = await signIn(host);
    const jobsBefore = host.sim.jobs.length;
    expect(await evening.call('printing.printSlips', { date: '2026-11-23' })).toMatchObject({ ok: true, value: { printed: 2, failed: 0 } });
    const times = host.sim.jobs.slice(jobsBefore).map((j) => decodeEscPos(j).find((l) => l.startsWith('收费时间:')));
    expect(times).toEqual(['收费时间:                    2026-11-23 16:45:00', '收费时间:                    2026-11-23 10:00:00']);
    const sheets = await evening.call('printing.slips', { date: '2026-11-23' });
    expect(sheets.ok && sheets.value.map((s) => s.lines.find((l) => l.startsWith('收费时间:')))).toEqual(times);
  });

  it('a reversed payment in the batch is marked 已冲正 and offers no invoice', async () => {
    const clerk = await signIn(host);
    await clerk.call('payments.payCash', { accountId: 'acc-80000002', billIds: ['b-1'], tendered: '80', expectedTotalFen: 7985 });
    expect(await clerk.call('payments.reverse', { slipNo: 'LC01-00000001', reason: '收错用户', approver: { login: 'manager01', password: '123456' } })).toMatchObject({ ok: true });
    const jobsBefore = host.sim.jobs.length;
    expect(await clerk.call('printing.printSlips', { date: '2026-11-23' })).toMatchObject({ ok: true, value: { printed: 1, failed: 0 } });
    const lines = decodeEscPos(host.sim.jobs[jobsBefore] ?? Buffer.alloc(0));
    expect(lines.slice(0, 4)).toEqual(['管道燃气费核对单', '(客户联)  副本', '*** 已冲正 ***', '冲正凭证号:                        LC01-00000002']);
    expect(lines.filter((l) => l.includes('发票'))).toEqual(['本单已冲正，不能换取发票。']);
  });
});

describe('arrears notices (R-PRT-02)', () => {
  it('one notice per account with late fees as of today, filtered by reader, printable in 48 columns', async () => {
    const clerk = await signIn(host);
    const res = await clerk.call('printing.arrears', { meterReader: '林海燕' });
    expect(res).toMatchObject({
      ok: true,
      value: [{ accountNo: '80000001', area: '北区', bills: [{ readingDate: '2026-10-20', lateFeeFen: 50 }, { readingDate: '2026-11-20', lateFeeFen: 0 }], gasFen: 8280, lateFeeFen: 50, totalFen: 8330 }],
    });
    expect(await clerk.call('printing.arrears', {})).toMatchObject({ ok: true, value: [{ area: '北区' }, { area: '南区' }] });
    expect(await clerk.call('printing.printArrears', { meterReader: '林海燕' })).toMatchObject({ ok: true, value: { printed: 1 } });
    const lines = decodeEscPos(host.sim.jobs.at(-1) ?? Buffer.alloc(0));
    expect(lines[0]).toBe('燃气费欠费通知单');
    expect(lines).toContain('欠费合计:                                ￥83.30');
    expect(lines).toContain('2026-10-20           23       79.35         0.50');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(48);
  });
});
