/**
 * Issue 15 #8: a report as one typed table, the single source of its CSV and its .xlsx (main/services/report-xlsx.ts),
 * so both files have the same columns. Money stays integer fen and volumes integer 0.01 m³ here; each file format
 * turns them into yuan / m³ its own way (CSV as text '79.85', the workbook as the number 79.85 shown as 0.00).
 * Pure: no IO.
 */
import { toCsv } from './csv.js';
import { formatYuan } from '../../preload/kernel/money.js';
import { formatVolume } from '../../preload/kernel/volume.js';

/**
 * What a column holds and so how a file shows it:
 * text (names, statuses), code (用户编号 and ids: text, never a number, leading zeros kept), int (counts),
 * yuan (integer fen), volume (integer 0.01 m³), date ('YYYY-MM-DD', a real date in the workbook), datetime (an exact
 * timestamp kept as text, as auditors compare it character by character).
 */
export type ColumnKind = 'text' | 'code' | 'int' | 'yuan' | 'volume' | 'date' | 'datetime';

export interface ReportColumn {
  header: string;
  kind: ColumnKind;
  /** Width in characters (a CJK character counts as two). */
  width: number;
}

export type ReportCell = string | number | null;

export interface ReportTable {
  /** 收银统计报表 …: the file's title line and the start of its file name. */
  title: string;
  /** The sheet's name (at most 31 characters, no []:*?/\). */
  sheet: string;
  /** 期间 of the header block: '2026-11-01 至 2026-11-30', or '截至 2026-11-23'. */
  period: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
  /** The 合计 row of the workbook (the CSV stays plain data), aligned with the columns; null where nothing is summed. */
  totals: ReportCell[] | null;
  /** Signature lines under the table (R-FIN-03: 制表人/出纳/会计), written into the workbook and on the printed form. */
  signatures?: string[] | undefined;
}

/** The CSV of a table: the header and the rows, yuan and m³ as text with two decimals (the CSV exports of issue 6). */
export function tableCsv(table: ReportTable): string {
  return toCsv(
    table.columns.map((c) => c.header),
    table.rows.map((row) => row.map((v, i) => csvCell(table.columns[i]?.kind ?? 'text', v))),
  );
}

function csvCell(kind: ColumnKind, v: ReportCell): string | number | null {
  if (v === null) return null;
  if (kind === 'yuan') return formatYuan(Number(v));
  if (kind === 'volume') return formatVolume(Number(v));
  return v;
}

/** Sums the int, yuan and volume columns (integers, so exact) under a 合计 label in the first column. */
export function totalsRow(columns: readonly ReportColumn[], rows: readonly ReportCell[][], label = '合计'): ReportCell[] {
  return columns.map((c, i) => {
    if (i === 0) return label;
    if (c.kind !== 'int' && c.kind !== 'yuan' && c.kind !== 'volume') return null;
    return rows.reduce<number>((sum, r) => sum + Number(r[i] ?? 0), 0);
  });
}

/** The file name of an export: the title, the period's dates and the extension, without characters Windows refuses. */
export function exportFileName(table: Pick<ReportTable, 'title' | 'period'>, ext: 'xlsx' | 'csv'): string {
  const dates = table.period.match(/\d{4}-\d{2}-\d{2}/g) ?? [];
  return `${[table.title, ...dates].join('-')}.${ext}`.replace(/[\\/:*?"<>|]/g, '_');
}
