/**
 * Issue 15 #6: management reports on real SQLite through the router (read worker path): 气量销售汇总表 (R-SEC-26),
 * ticket reconciliation by count and m³ (R-TKT-14, R-CASH-02/03), the KPI page (R-SEC-29, R-SEC-11), the
 * bank-withholding report with signature lines (R-FIN-03), the 公建 list (R-INV-10) and month report (R-FIN-05).
 * Money in integer fen, m³ in integer 0.01 m³.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';

let host: TestHost;
const q4 = { kind: '燃气票' as const, year: 2026, quarter: 4, backName: '张三', backAddress: '幸福小区5幢2单元301室' };
const run = (sql: string, ...args: unknown[]) => host.store.sqlite.prepare(sql).run(...args);

beforeEach(() => {
  host = makeTestHost();
  const a = addAccount(host, { accountNo: '95000001', name: '张三', address: '温州市鹿城区管理路1号', reading: 12300 });
  const b = addAccount(host, { accountNo: '95000002', name: '温州市第三中学', address: '温州市鹿城区学院路88号', reading: 5000 });
  addAccount(host, { accountNo: '95000003', name: '未抄户', address: '温州市鹿城区管理路3号', reading: 0 });
  run("UPDATE accounts SET category = '公建用户' WHERE id = ?", b.accountId);
  // 20 m³ at 3.45 = 69.00, paid by 4 tickets
  addBill(host, a, { id: 'a-1', readingDate: '2026-11-10', previous: 10300, current: 12300, amountFen: 6900, dueDate: '2026-12-10' });
  // 公建: 30 m³ at 3.80 = 114.00
  addBill(host, b, { id: 'b-1', readingDate: '2026-11-12', previous: 2000, current: 5000, amountFen: 11400, dueDate: '2026-12-12' });
});
afterEach(() => host.dispose());

describe('气量销售汇总表 per day (R-SEC-26)', () => {
  it('counts payments, m³ sold and money of the day, a 冲正 netted out', async () => {
    const clerk = await signIn(host);
    expect(await clerk.call('payments.payCash', { accountId: 'acc-95000001', billIds: ['a-1'], tendered: '0', expectedTotalFen: 6900, tickets: [{ ...q4, count: 4 }] })).toMatchObject({ ok: true });
    expect(await clerk.call('payments.payCash', { accountId: 'acc-95000002', billIds: ['b-1'], tendered: '114', expectedTotalFen: 11400 })).toMatchObject({ ok: true });
    const res = await clerk.call('reports.management', { report: 'gasSales', from: '2026-11-01', to: '2026-11-30' });
    expect(res).toMatchObject({ ok: true, value: { table: { title: '气量销售汇总表', rows: [['2026-11-23', 2, 5000, 18300, 0, 18300]], totals: ['合计', 2, 5000, 18300, 0, 18300] } } });
    const csv = await clerk.call('reports.managementExport', { format: 'csv', query: { report: 'gasSales', from: '2026-11-01', to: '2026-11-30' } });
    expect(csv.ok && Buffer.from(csv.value.base64, 'base64').toString('utf8')).toBe('\uFEFF日期,缴费笔数,售气量(方),气费(元),滞纳金(元),合计金额(元)\r\n2026-11-23,2,50,183.00,0.00,183.00\r\n');
  });

  it('refuses a bad range with a typed Chinese error at the field', async () => {
    const clerk = await signIn(host);
    expect(await clerk.call('reports.management', { report: 'gasSales', from: '2026-11-30', to: '2026-11-01' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'from', message: '起始日期晚于截止日期' } });
    expect(await clerk.call('reports.management', { report: 'kpi', month: '2026-13' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('ticket reconciliation by count and m³ (R-TKT-14)', () => {
  it('agrees when the tickets settle the bills, and flags a row whose kept ticket count is wrong', async () => {
    const clerk = await signIn(host);
    expect(await clerk.call('payments.payCash', { accountId: 'acc-95000001', billIds: ['a-1'], tendered: '0', expectedTotalFen: 6900, tickets: [{ ...q4, count: 4 }] })).toMatchObject({ ok: true });
    const ok = await clerk.call('reports.management', { report: 'tickets', from: '2026-11-23', to: '2026-11-23' });
    expect(ok).toMatchObject({ ok: true, value: { flagged: [], table: { rows: [['2026-11-23', 'clerk01', 4, 2000, 4, 2000, 0, 0, 0, '相符']] } } });
    // a wrong count in the 收银统计 side (as a mistyped ticket count would give) is caught on both count and m³
    run('DROP TRIGGER IF EXISTS day_ticket_totals_update_guard');
    run("UPDATE day_ticket_totals SET count = count + 1, volume_centi = volume_centi + 500 WHERE kind = '燃气票'");
    const bad = await clerk.call('reports.management', { report: 'tickets', from: '2026-11-23', to: '2026-11-23', clerkLogin: 'clerk01' });
    expect(bad).toMatchObject({ ok: true, value: { flagged: [0], table: { rows: [['2026-11-23', 'clerk01', 5, 2500, 4, 2000, 0, 1, 500, '不符']] } } });
  });

  it('keeps 预存 (R-TKT-09) out of the difference: 5 tickets on 23 m³ leave 2 m³ prepaid and agree', async () => {
    addBill(host, { accountId: 'acc-95000001', meterId: 'meter-95000001' }, { id: 'a-2', readingDate: '2026-11-15', previous: 12300, current: 12600, amountFen: 1035, dueDate: '2026-12-15' });
    const clerk = await signIn(host);
    expect(await clerk.call('payments.payCash', { accountId: 'acc-95000001', billIds: ['a-1', 'a-2'], tendered: '0', expectedTotalFen: 7935, tickets: [{ ...q4, count: 5 }] })).toMatchObject({ ok: true });
    const res = await clerk.call('reports.management', { report: 'tickets', from: '2026-11-23', to: '2026-11-23' });
    expect(res).toMatchObject({ ok: true, value: { flagged: [], table: { rows: [['2026-11-23', 'clerk01', 5, 2500, 5, 2300, 200, 0, 0, '相符']] } } });
  });
});

describe('KPI page (R-SEC-29, R-SEC-11)', () => {
  it('computes reading rate, accuracy, satisfaction and fee recovery from the store, 无数据 where there is no source', async () => {
    const clerk = await signIn(host);
    expect(await clerk.call('payments.payCash', { accountId: 'acc-95000002', billIds: ['b-1'], tendered: '114', expectedTotalFen: 11400 })).toMatchObject({ ok: true });
    for (const score of [1, 1, 2, 4]) expect(await clerk.call('display.rate', { score })).toMatchObject({ ok: true });
    const res = await clerk.call('reports.management', { report: 'kpi', month: '2026-11' });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const byKey = Object.fromEntries(res.value.kpi.map((f) => [f.key, f]));
    // 2 of 3 accounts read this month: 66.66 % against 100 %
    expect(byKey.readingRate).toMatchObject({ numerator: 2, denominator: 3, rateBp: 6666, targetBp: 10000, status: 'missed', rule: 'R-SEC-29' });
    expect(byKey.readingRateOutdoor).toMatchObject({ status: 'nodata', rateBp: null, rule: 'R-SEC-11' });
    expect(byKey.readingAccuracy).toMatchObject({ numerator: 2, denominator: 2, rateBp: 10000, status: 'met' });
    // 3 of 4 ratings satisfied: 75 % against 99.5 %
    expect(byKey.satisfaction).toMatchObject({ numerator: 3, denominator: 4, rateBp: 7500, status: 'missed' });
    // 114.00 of 183.00 billed this month paid: exact fen
    expect(byKey.feeRecovery).toMatchObject({ numerator: 11400, denominator: 18300, rateBp: 6229, status: 'missed' });
    expect(byKey.repairOnTime).toMatchObject({ status: 'nodata', rateBp: null });
    const table = res.value.table;
    expect(table.rows.find((r) => r[0] === '户外表抄见率（月）')?.[2]).toBe('无数据');
    expect(table.rows.find((r) => r[0] === '满意率')).toEqual(['满意率', '99.50%', '75.00%', '未达标', 3, 4, expect.any(String), 'R-SEC-29']);
  });
});

describe('bank-withholding report (R-FIN-03) and 公建 reports (R-INV-10, R-FIN-05)', () => {
  it('writes the 制表人 / 出纳 / 会计 signature line into the workbook', async () => {
    run(`INSERT INTO bank_runs (id, bank_name, business_date, status, item_count, total_fen, file_name, clerk_id, ok_count, ok_fen)
         VALUES ('run-1', '工商银行', '2026-11-05', 'returned', 3, 30000, 'x.txt', 'staff-clerk01', 2, 20000)`);
    const clerk = await signIn(host);
    const res = await clerk.call('reports.management', { report: 'bankWithholding', month: '2026-11' });
    expect(res).toMatchObject({ ok: true, value: { table: { rows: [['工商银行', 1, 3, 30000, 2, 20000, 1, 10000]], signatures: ['制表人：', '出纳：', '会计：'] } } });
    const file = await clerk.call('reports.managementExport', { format: 'xlsx', query: { report: 'bankWithholding', month: '2026-11' } });
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    const files = unzipSync(new Uint8Array(Buffer.from(file.value.base64, 'base64')));
    const shared = strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array());
    expect(shared).toContain('制表人：');
    expect(shared).toContain('出纳：');
    expect(shared).toContain('会计：');
    expect(file.value.fileName).toBe('银行代扣报表.xlsx');
  });

  it('lists each 公建 payment for the OA list and totals the month per hall', async () => {
    const clerk = await signIn(host);
    expect(await clerk.call('payments.payCash', { accountId: 'acc-95000002', billIds: ['b-1'], tendered: '114', expectedTotalFen: 11400 })).toMatchObject({ ok: true });
    expect(await clerk.call('payments.payCash', { accountId: 'acc-95000001', billIds: ['a-1'], tendered: '69', expectedTotalFen: 6900 })).toMatchObject({ ok: true });
    const list = await clerk.call('reports.management', { report: 'publicBuilding', from: '2026-11-01', to: '2026-11-30' });
    expect(list).toMatchObject({ ok: true, value: { table: { title: '公建用户气费资金回笼清单', rows: [['2026-11-23', '95000002', '温州市第三中学', '温州市鹿城区学院路88号', expect.any(String), 'clerk01', '现金', 3000, 11400]] } } });
    const month = await clerk.call('reports.management', { report: 'publicBuildingMonth', month: '2026-11' });
    expect(month).toMatchObject({ ok: true, value: { table: { rows: [[expect.any(String), 1, 1, 3000, 11400]], signatures: ['统计人：', '管理员审核：', '公建组：', '财务确认：'] } } });
  });
});
