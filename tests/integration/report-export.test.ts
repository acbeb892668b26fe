/**
 * Issue 15 #8 through the contract on real SQLite: every report with a CSV export (收银统计报表, 抄表收费统计,
 * 欠费清单, 审计日志) also as a real .xlsx, read back with exceljs; the CSV stays an option; a bad format or a
 * clerk asking for the audit log is refused and nothing is written.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../main/services/audit.js';
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

async function sheetOf(base64: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

describe('reports.export', () => {
  it('收银统计报表 as .xlsx: header block with hall, period and preparer, yuan as numbers 0.00, 合计', async () => {
    const clerk = await signIn(host);
    await clerk.call('payments.payCash', { accountId: 'acc-94000001', billIds: ['a-1'], tendered: '80', expectedTotalFen: 7985 });
    const res = await clerk.call('reports.export', { report: 'cash', format: 'xlsx', from: '2026-11-01', to: '2026-11-30' });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value.fileName).toBe('收银统计报表-2026-11-01-2026-11-30.xlsx');
    const sheet = await sheetOf(res.value.base64);
    const staff = host.store.sqlite.prepare("SELECT name FROM staff WHERE login = 'clerk01'").pluck().get() as string;
    expect([sheet.getCell('A1').value, sheet.getCell('A2').value, sheet.getCell('A3').value]).toEqual([
      '收银统计报表',
      '营业厅：鹿城营业厅　　期间：2026-11-01 至 2026-11-30',
      `制表人：${staff}　　制表时间：2026-11-23 10:00:00`,
    ]);
    expect(sheet.getRow(4).values).toEqual([undefined, '收款项目', '笔数', '金额(元)', '其中现金(元)', '其中滞纳金(元)', '其中票证(元)']);
    expect(sheet.getRow(5).values).toEqual([undefined, '燃气费', 1, 79.85, 79.85, 0.5, 0]);
    expect(sheet.getRow(5).getCell(3).numFmt).toBe('0.00');
    expect(sheet.getRow(6).values).toEqual([undefined, '合计', 1, 79.85, 79.85, 0.5, 0]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
  });

  it('抄表收费统计 and 欠费清单 as .xlsx: 用户编号 as text, dates as dates, m³ and yuan as numbers', async () => {
    const clerk = await signIn(host);
    const readings = await clerk.call('reports.export', { report: 'readings', format: 'xlsx', from: '2026-09-01', to: '2026-10-31', status: '未缴', minConsumption: '1' });
    if (!readings.ok) throw new Error(readings.error.message);
    expect(readings.value.fileName).toBe('抄表收费统计-2026-09-01-2026-10-31.xlsx');
    const r = await sheetOf(readings.value.base64);
    expect(r.getCell('A2').value).toBe('营业厅：鹿城营业厅　　期间：2026-09-01 至 2026-10-31（未缴）');
    // above 1 m³: b-1 (0.40 m³) is left out
    expect(r.getRow(5).values).toEqual([undefined, '94000001', '报表甲', expect.any(String), new Date(Date.UTC(2026, 9, 20)), 23, 79.35, '未缴']);
    expect(r.getRow(6).values).toEqual([undefined, '94000002', '报表乙', expect.any(String), new Date(Date.UTC(2026, 9, 20)), 29.6, 102.12, '未缴']);
    expect(r.getRow(5).getCell(1)).toMatchObject({ type: ExcelJS.ValueType.String, numFmt: '@' });
    expect(r.getRow(5).getCell(4)).toMatchObject({ type: ExcelJS.ValueType.Date, numFmt: 'yyyy-mm-dd' });
    expect(r.getRow(7).values).toEqual([undefined, '合计 2 条', undefined, undefined, undefined, 52.6, 181.47]);
    const arrears = await clerk.call('reports.export', { report: 'arrears', format: 'xlsx' });
    if (!arrears.ok) throw new Error(arrears.error.message);
    expect(arrears.value.fileName).toBe('欠费清单-2026-11-23.xlsx');
    const a = await sheetOf(arrears.value.base64);
    expect(a.getCell('A2').value).toBe('营业厅：鹿城营业厅　　期间：截至 2026-11-23');
    expect(a.getRow(5).values).toEqual([undefined, '94000002', '报表乙', '温州市鹿城区报表路2号', expect.any(String), 2, 103.5, new Date(Date.UTC(2026, 8, 20))]);
    expect(a.getRow(7).values).toEqual([undefined, '合计 2 户', undefined, undefined, undefined, 3, 182.85]);
    expect(a.getColumn(3).width).toBe(36);
  });

  it('keeps CSV as an option: the same bytes as the report call gives', async () => {
    const clerk = await signIn(host);
    const csv = await clerk.call('reports.export', { report: 'arrears', format: 'csv' });
    const report = await clerk.call('reports.arrears', {});
    if (!csv.ok || !report.ok) throw new Error('failed');
    expect(csv.value.fileName).toBe('欠费清单-2026-11-23.csv');
    expect(Buffer.from(csv.value.base64, 'base64').toString('utf8')).toBe(report.value.csv);
  });

  it('the audit log as .xlsx for a manager only; a bad format is refused with a Chinese message', async () => {
    const clerk = await signIn(host);
    await clerk.call('payments.payCash', { accountId: 'acc-94000001', billIds: ['a-1'], tendered: '80', expectedTotalFen: 7985 });
    expect(await clerk.call('audit.exportFile', { from: '2026-11-01', to: '2026-11-30', format: 'xlsx' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const boss = await signIn(host, 'manager01');
    const res = await boss.call('audit.exportFile', { from: '2026-11-01', to: '2026-11-30', format: 'xlsx' });
    if (!res.ok) throw new Error(res.error.message);
    const sheet = await sheetOf(res.value.base64);
    expect(sheet.getRow(4).values).toEqual([undefined, '序号', '时间', '操作人', '操作', '对象', '对象编号', '内容', '前一哈希', '哈希']);
    const audit = host.store.sqlite.prepare("SELECT seq, at, hash FROM audit_log WHERE action = 'payment.cash'").get() as { seq: number; at: string; hash: string };
    const row = sheet.getRows(5, sheet.rowCount - 4)?.find((r) => r.getCell(4).value === 'payment.cash');
    expect(row?.getCell(1).value).toBe(audit.seq);
    // the timestamp and the hash exactly as stored, as text
    expect(row?.getCell(2)).toMatchObject({ value: audit.at, type: ExcelJS.ValueType.String });
    expect(row?.getCell(9).value).toBe(audit.hash);
    const auditRows = host.store.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const bad = await boss.call('reports.export', { report: 'cash', format: 'pdf', from: '2026-11-01', to: '2026-11-30' } as never);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('导出格式只能是 xlsx 或 csv') } });
    expect(await boss.call('reports.export', { report: 'bills', format: 'xlsx' } as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(host.store.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(auditRows);
  });

  it('odd text in a filter or in the audit rows (NUL, control characters, lone surrogates) still gives a workbook, never INTERNAL', async () => {
    const odd = '幸福\u0000小区\u0001\u001b[31m\ud800张\udfff\u202e';
    const boss = await signIn(host, 'manager01');
    // an audit row whose detail holds the odd text: the contract refuses control characters in free text now, but a
    // store may hold such rows from before, or from the feed (written here at service level)
    expect(await boss.call('businesses.accept', { accountId: 'acc-94000001', type: '其它', requirement: odd, contactPhone: '13800000000', priority: '尽快安排' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'requirement' },
    });
    host.deps.db.transaction((tx) => appendAudit(tx, { actorId: 'staff-manager01', action: 'business.accept', entity: 'business', entityId: 'odd-text', detail: { requirement: odd } }, host.clock.now()));
    const readings = await boss.call('reports.export', { report: 'readings', format: 'xlsx', from: '2026-09-01', to: '2026-10-31', area: odd });
    if (!readings.ok) throw new Error(readings.error.message);
    expect((await sheetOf(readings.value.base64)).getCell('A2').value).toContain('幸福');
    const audit = await boss.call('audit.exportFile', { from: '2026-11-01', to: '2026-11-30', format: 'xlsx' });
    if (!audit.ok) throw new Error(audit.error.message);
    const sheet = await sheetOf(audit.value.base64);
    expect(sheet.getRows(5, sheet.rowCount - 4)?.some((r) => String(r.getCell(7).value).includes('幸福'))).toBe(true);
  });
});

