/**
 * Issue 15 #8: a report's .xlsx read back, with the reader the project already uses (exceljs, the legacy
 * import's) and straight from the sheet XML: the header block, exact typed cells (yuan from integer fen as
 * numbers shown 0.00, counts as integers, dates as dates, 用户编号 as text), widths, the frozen header and the
 * 合计 row; and the CSV of the same table unchanged.
 */
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportFileName, tableCsv, totalsRow, type ReportColumn, type ReportTable } from '../../main/domain/report-table.js';
import { reportXlsx } from '../../main/services/report-xlsx.js';

const columns: ReportColumn[] = [
  { header: '用户编号', kind: 'code', width: 12 },
  { header: '姓名', kind: 'text', width: 10 },
  { header: '抄表日期', kind: 'date', width: 12 },
  { header: '用气量(方)', kind: 'volume', width: 11 },
  { header: '笔数', kind: 'int', width: 6 },
  { header: '气费(元)', kind: 'yuan', width: 14 },
  { header: '收讫日期', kind: 'date', width: 12 },
];
const rows = [
  ['00940001', '报表甲', '2026-10-20', 2300, 1, 7935, '2026-11-23'],
  ['94000002', '报表乙', '2026-09-20', 40, 2, 10350, null],
  ['94000003', '整元', '2026-09-21', 100, 1, 100000, null],
];
const table: ReportTable = { title: '抄表收费统计', sheet: '抄表收费统计', period: '2026-09-01 至 2026-10-31', columns, rows, totals: totalsRow(columns, rows, '合计 3 条') };
const head = { hallName: '鹿城营业厅', preparedBy: '王小明', preparedAt: '2026-11-23 10:00:00' };

async function readBack(bytes: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

describe('report .xlsx (write-excel-file), read back', () => {
  it('has the header block, frozen column headers, typed cells with formats, widths and the 合计 row', async () => {
    const bytes = await reportXlsx(table, head);
    const sheet = await readBack(bytes);
    expect(sheet.name).toBe('抄表收费统计');
    // header block: three lines merged across the table
    expect(sheet.getCell('A1').value).toBe('抄表收费统计');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('A2').value).toBe('营业厅：鹿城营业厅　　期间：2026-09-01 至 2026-10-31');
    expect(sheet.getCell('A3').value).toBe('制表人：王小明　　制表时间：2026-11-23 10:00:00');
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['A1:G1', 'A2:G2', 'A3:G3']));
    // column headers in row 4, frozen with the block above them
    expect(sheet.getRow(4).values).toEqual([undefined, '用户编号', '姓名', '抄表日期', '用气量(方)', '笔数', '气费(元)', '收讫日期']);
    expect(sheet.getCell('A4').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    // widths in characters
    expect(columns.map((_c, i) => sheet.getColumn(i + 1).width)).toEqual([12, 10, 12, 11, 6, 14, 12]);
    // typed cells
    const r5 = sheet.getRow(5);
    expect(r5.getCell(1)).toMatchObject({ value: '00940001', type: ExcelJS.ValueType.String, numFmt: '@' });
    expect(r5.getCell(2)).toMatchObject({ value: '报表甲', type: ExcelJS.ValueType.String });
    expect(r5.getCell(3).value).toEqual(new Date(Date.UTC(2026, 9, 20)));
    expect(r5.getCell(3)).toMatchObject({ type: ExcelJS.ValueType.Date, numFmt: 'yyyy-mm-dd' });
    expect(r5.getCell(4)).toMatchObject({ value: 23, type: ExcelJS.ValueType.Number, numFmt: '0.00' });
    expect(r5.getCell(5)).toMatchObject({ value: 1, type: ExcelJS.ValueType.Number, numFmt: '0' });
    expect(r5.getCell(6)).toMatchObject({ value: 79.35, type: ExcelJS.ValueType.Number, numFmt: '0.00' });
    expect(r5.getCell(7).value).toEqual(new Date(Date.UTC(2026, 10, 23)));
    expect(sheet.getRow(6).getCell(4)).toMatchObject({ value: 0.4, numFmt: '0.00' });
    expect(sheet.getRow(6).getCell(6)).toMatchObject({ value: 103.5, numFmt: '0.00' });
    expect(sheet.getRow(6).getCell(7).value).toBeNull();
    expect(sheet.getRow(7).getCell(6)).toMatchObject({ value: 1000, numFmt: '0.00' });
    // 合计 from the integer fen: 7935 + 10350 + 100000 = 118285 fen
    const total = sheet.getRow(8);
    expect(total.getCell(1).value).toBe('合计 3 条');
    expect(total.getCell(4)).toMatchObject({ value: 24.4, numFmt: '0.00' });
    expect(total.getCell(5)).toMatchObject({ value: 4, numFmt: '0' });
    expect(total.getCell(6)).toMatchObject({ value: 1182.85, type: ExcelJS.ValueType.Number, numFmt: '0.00' });
    expect(total.getCell(6).font?.bold).toBe(true);
    expect(sheet.rowCount).toBe(8);
  });

  it('the sheet XML itself: numbers as <v> without a string type, dates as serial numbers, the frozen pane', async () => {
    const files = unzipSync(new Uint8Array(await reportXlsx(table, head)));
    const xml = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    expect(xml).toMatch(/<pane [^>]*ySplit="4"[^>]*state="frozen"/);
    expect(xml).toMatch(/<c r="F5" s="\d+"><v>79\.35<\/v><\/c>/);
    // 2026-10-20 is serial 46315 in Excel's 1900 system
    expect(xml).toMatch(/<c r="C5" s="\d+"><v>46315<\/v><\/c>/);
    expect(xml).toMatch(/<c r="A5" s="\d+" t="s">/);
    expect(xml).toContain('<col min="1" max="1" width="12" customWidth="1"/>');
    const styles = strFromU8(files['xl/styles.xml'] ?? new Uint8Array());
    expect(styles).toContain('formatCode="0.00"');
    expect(styles).toContain('formatCode="yyyy-mm-dd"');
  });

  it('cuts a text longer than Excel opens (32,767 characters) and says so', async () => {
    const long: ReportTable = { ...table, rows: [['94000001', '长'.repeat(40_000), '2026-10-20', 0, 0, 0, null]], totals: null };
    const sheet = await readBack(await reportXlsx(long, head));
    const text = String(sheet.getCell('B5').value);
    expect(text).toHaveLength(32_767);
    expect(text.endsWith('…（已截断）')).toBe(true);
  });

  it('the CSV of the same table: yuan as text with two decimals, m³ as the reports show it, no 合计 row', () => {
    expect(tableCsv(table)).toBe(
      '\uFEFF用户编号,姓名,抄表日期,用气量(方),笔数,气费(元),收讫日期\r\n00940001,报表甲,2026-10-20,23,1,79.35,2026-11-23\r\n94000002,报表乙,2026-09-20,0.40,2,103.50,\r\n94000003,整元,2026-09-21,1,1,1000.00,\r\n',
    );
    expect(exportFileName(table, 'xlsx')).toBe('抄表收费统计-2026-09-01-2026-10-31.xlsx');
    expect(exportFileName({ title: '欠费清单', period: '截至 2026-11-23' }, 'csv')).toBe('欠费清单-2026-11-23.csv');
  });
});
