/**
 * Issue 15 #8: a report table (main/domain/report-table.ts) as a real .xlsx, the way finance opens it: a header
 * block (title, 营业厅, 期间, 制表人 and 制表时间), a bold column-header row frozen with the block above it, typed cells
 * (yuan from integer fen and m³ as numbers shown 0.00, counts as integers, dates as dates, 用户编号 and hashes as
 * text), column widths, and a 合计 row. Written with write-excel-file (maintained, MIT, only fflate below it;
 * exceljs is unmaintained): built here in the back end, never in a window.
 */
import writeExcelFile, { type Cell, type SheetData } from 'write-excel-file/node';
import { exportFileName, tableCsv, type ColumnKind, type ReportCell, type ReportTable } from '../domain/report-table.js';
import { localDateTime } from '../../preload/kernel/dates.js';
import type { Actor } from './context.js';

export interface ReportHead {
  hallName: string;
  /** 制表人: the signed-in staff member's name (and 工号). */
  preparedBy: string;
  /** 制表时间, 'YYYY-MM-DD HH:mm:ss' in the hall's time zone. */
  preparedAt: string;
}

/** Rows above the data: title, 营业厅/期间, 制表人/制表时间, the column headers (all frozen). */
export const HEAD_ROWS = 4;
export const YUAN_FORMAT = '0.00';
export const DATE_FORMAT = 'yyyy-mm-dd';

const BORDER = { borderStyle: 'thin', borderColor: '#999999' } as const;
/** Excel opens no cell with more characters than this (it calls the file damaged). */
export const EXCEL_CELL_MAX = 32_767;

/** A text cell's value: cut to what Excel opens, marked 「…（已截断）」 so nobody takes it for the whole text. */
function cellText(v: ReportCell): string {
  const text = String(v);
  const mark = '…（已截断）';
  return text.length > EXCEL_CELL_MAX ? `${text.slice(0, EXCEL_CELL_MAX - mark.length)}${mark}` : text;
}

function dateOf(text: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new Error(`not a date: ${text}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

function dataCell(kind: ColumnKind, v: ReportCell, bold = false): Cell {
  const style = { ...BORDER, ...(bold ? { fontWeight: 'bold' as const } : {}) };
  if (v === null || v === '') return { ...style }; // empty, with the table's border
  switch (kind) {
    case 'int':
      return { value: Number(v), type: Number, format: '0', ...style };
    case 'yuan':
    case 'volume':
      // integer fen / 0.01 m³ to yuan / m³ once, at the edge of the file: 7985 → 79.85
      return { value: Number(v) / 100, type: Number, format: YUAN_FORMAT, ...style };
    case 'date':
      return { value: dateOf(String(v)), type: Date, format: DATE_FORMAT, align: 'center', ...style };
    case 'code':
    case 'datetime':
      return { value: cellText(v), type: String, format: '@', ...style };
    case 'text':
      return { value: cellText(v), type: String, ...style };
  }
}

/** The sheet's cells: the header block, the column headers, the rows and the 合计 row. */
export function reportSheetData(table: ReportTable, head: ReportHead): SheetData {
  const n = table.columns.length;
  const line = (value: string, extra: Record<string, unknown> = {}): Cell[] => [{ value, type: String, columnSpan: n, ...extra }, ...Array<null>(n - 1).fill(null)];
  const data: SheetData = [
    line(table.title, { fontWeight: 'bold', fontSize: 16, align: 'center', height: 28 }),
    line(`营业厅：${head.hallName}　　期间：${table.period}`),
    line(`制表人：${head.preparedBy}　　制表时间：${head.preparedAt}`),
    table.columns.map((c) => ({ value: c.header, type: String, fontWeight: 'bold', align: 'center', backgroundColor: '#DDEBF7', ...BORDER })),
    ...table.rows.map((row) => table.columns.map((c, i) => dataCell(c.kind, row[i] ?? null))),
  ];
  if (table.totals) data.push(table.columns.map((c, i) => (i === 0 ? { value: String(table.totals?.[0] ?? '合计'), type: String, fontWeight: 'bold', ...BORDER } : dataCell(c.kind, table.totals?.[i] ?? null, true))));
  if (table.signatures?.length) {
    data.push(table.columns.map(() => null));
    data.push(line(table.signatures.map((s) => `${s}＿＿＿＿＿＿`).join('　　'), { height: 24 }));
  }
  return data;
}

/** The .xlsx bytes of a report. */
export async function reportXlsx(table: ReportTable, head: ReportHead): Promise<Buffer> {
  const buffer = await writeExcelFile(reportSheetData(table, head), {
    sheet: table.sheet,
    columns: table.columns.map((c) => ({ width: c.width })),
    stickyRowsCount: HEAD_ROWS,
    ...(table.columns.length > 7 ? { orientation: 'landscape' as const } : {}),
  }).toBuffer();
  return Buffer.from(buffer);
}

/** A report as the file a window saves: .xlsx (with the header block of `actor` at `now`) or the CSV. */
export async function reportFile(table: ReportTable, actor: Actor, format: 'xlsx' | 'csv', now: Date): Promise<{ fileName: string; base64: string }> {
  const bytes =
    format === 'csv'
      ? Buffer.from(tableCsv(table), 'utf8')
      : await reportXlsx(table, { hallName: actor.hallName, preparedBy: actor.staffName, preparedAt: localDateTime(now) });
  return { fileName: exportFileName(table, format), base64: bytes.toString('base64') };
}
