/**
 * Reports of DOMAIN §7 with CSV for Excel (收银统计报表, 抄表收费统计查询 with paid/unpaid filters, the
 * arrears list and trend) and the audit export: an edited or deleted audit row is detected even when
 * someone removed the database's guards first.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';

let host: TestHost;

beforeEach(() => {
  host = makeTestHost();
  const a = addAccount(host, { accountNo: '94000001', name: '报表甲', address: '温州市鹿城区报表路1号', reading: 12300 });
  const b = addAccount(host, { accountNo: '94000002', name: '报表乙', address: '温州市鹿城区报表路2号', reading: 5000 });
  addBill(host, a, { id: 'a-1', readingDate: '2026-10-20', previous: 10000, current: 12300, amountFen: 7935, dueDate: '2026-11-19' });
  addBill(host, b, { id: 'b-1', readingDate: '2026-09-20', previous: 2000, current: 2040, amountFen: 138, dueDate: '2026-10-20' });
  addBill(host, b, { id: 'b-2', readingDate: '2026-10-20', previous: 2040, current: 5000, amountFen: 10212, dueDate: '2026-11-19' });
});
afterEach(() => host.dispose());

describe('reports with CSV', () => {
  it('收银统计报表 by 收款项目 for a clerk or the hall, with daily takings', async () => {
    const clerk = await signIn(host);
    await clerk.call('payments.payCash', { accountId: 'acc-94000001', billIds: ['a-1'], tendered: '80', expectedTotalFen: 7985 });
    const res = await clerk.call('reports.cash', { from: '2026-11-01', to: '2026-11-30', clerkLogin: 'clerk01' });
    expect(res).toMatchObject({ ok: true, value: { byCharge: [{ chargeType: '燃气费', count: 1, totalFen: 7985, cashFen: 7985, lateFeeFen: 50, ticketFen: 0 }], daily: [{ date: '2026-11-23', totalFen: 7985 }] } });
    if (res.ok) expect(res.value.csv).toBe('\uFEFF收款项目,笔数,金额(元),其中现金(元),其中滞纳金(元),其中票证(元)\r\n燃气费,1,79.85,79.85,0.50,0.00\r\n');
    expect(await clerk.call('reports.cash', { from: '2026-11-01', to: '2026-11-30', clerkLogin: 'clerk02' })).toMatchObject({ ok: true, value: { byCharge: [] } });
  });

  it('抄表收费统计查询: paid and unpaid, above a consumption (A-48)', async () => {
    const clerk = await signIn(host);
    await clerk.call('payments.payCash', { accountId: 'acc-94000001', billIds: ['a-1'], tendered: '80', expectedTotalFen: 7985 });
    expect(await clerk.call('reports.readings', { from: '2026-09-01', to: '2026-10-31', status: '收讫' })).toMatchObject({ ok: true, value: { totals: { count: 1, amountFen: 7935 }, rows: [{ accountNo: '94000001', method: '现金', paidOn: '2026-11-23' }] } });
    expect(await clerk.call('reports.readings', { from: '2026-09-01', to: '2026-10-31', status: '未缴' })).toMatchObject({ ok: true, value: { totals: { count: 2, consumption: 3000, amountFen: 10350 } } });
    expect(await clerk.call('reports.readings', { from: '2026-09-01', to: '2026-10-31', status: '未缴', minConsumption: '1' })).toMatchObject({ ok: true, value: { totals: { count: 1 } } });
  });

  it('arrears list oldest first with the monthly trend', async () => {
    const clerk = await signIn(host);
    const res = await clerk.call('reports.arrears', {});
    expect(res).toMatchObject({
      ok: true,
      value: {
        accounts: 2,
        totalFen: 18285,
        rows: [{ accountNo: '94000002', bills: 2, amountFen: 10350, earliest: '2026-09-20' }, { accountNo: '94000001' }],
        trend: [{ month: '2026-09', amountFen: 138, accounts: 1 }, { month: '2026-10', amountFen: 18147, accounts: 2 }],
      },
    });
  });
});

describe('audit export', () => {
  it('exports the chain verified, and detects an edited or deleted row even without the guards', async () => {
    const clerk = await signIn(host);
    await clerk.call('payments.payCash', { accountId: 'acc-94000001', billIds: ['a-1'], tendered: '80', expectedTotalFen: 7985 });
    const boss = await signIn(host, 'manager01');
    const ok = await boss.call('audit.export', { from: '2026-11-01', to: '2026-11-30' });
    expect(ok).toMatchObject({ ok: true, value: { verified: true, brokenAtSeq: null } });
    if (ok.ok) expect(ok.value.csv.split('\r\n')[0]).toBe('\uFEFF序号,时间,操作人,操作,对象,对象编号,内容,前一哈希,哈希');
    expect(await clerk.call('audit.export', { from: '2026-11-01', to: '2026-11-30' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const db = host.store.sqlite;
    expect(() => db.prepare("UPDATE audit_log SET detail = '{}' WHERE action = 'payment.cash'").run()).toThrow('append-only');
    // someone with the file drops the guard and edits a row
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET detail = replace(detail, '7985', '1') WHERE action = 'payment.cash'").run();
    const seq = Number(db.prepare("SELECT seq FROM audit_log WHERE action = 'payment.cash'").pluck().get());
    expect(await boss.call('audit.export', { from: '2026-11-01', to: '2026-11-30' })).toMatchObject({ ok: true, value: { verified: false, brokenAtSeq: seq } });
  });

  it('detects a deleted row', async () => {
    const clerk = await signIn(host);
    await clerk.call('payments.payCash', { accountId: 'acc-94000001', billIds: ['a-1'], tendered: '80', expectedTotalFen: 7985 });
    const db = host.store.sqlite;
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare("DELETE FROM audit_log WHERE action = 'payment.cash'").run();
    const boss = await signIn(host, 'manager01');
    const res = await boss.call('audit.export', { from: '2026-11-01', to: '2026-11-30' });
    expect(res).toMatchObject({ ok: true, value: { verified: false } });
  });
});
