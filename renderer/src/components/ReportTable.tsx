/**
 * One typed report table as the 管理报表 (issue 15 #6) and the 服务计时统计 (issue 15 #5) show it: the columns'
 * headers, the rows with the flagged ones highlighted (class differs), numbers right-aligned, money in yuan and
 * volumes in m³, and the totals row.
 */
import type { Output } from '../../../preload/contract';
import { formatYuan } from '../../../preload/kernel/money';
import { formatVolume } from '../../../preload/kernel/volume';

export type ReportTableData = Output<'reports.management'>['table'];

export function cellText(kind: string, v: string | number | null): string {
  if (v === null) return '';
  if (kind === 'yuan') return formatYuan(Number(v));
  if (kind === 'volume') return formatVolume(Number(v));
  return String(v);
}

const NUMERIC = new Set(['yuan', 'volume', 'int']);

export function ReportTable({ table, flagged, totalsWhenEmpty = true }: { table: ReportTableData; flagged: ReadonlySet<number>; totalsWhenEmpty?: boolean }) {
  return (
    <table aria-label={table.title} className="mgmt-table">
      <thead>
        <tr>
          {table.columns.map((c) => (
            <th key={c.header}>{c.header}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, i) => (
          <tr key={i} className={flagged.has(i) ? 'differs' : undefined} data-differs={flagged.has(i) ? 'true' : undefined}>
            {table.columns.map((c, j) => (
              <td key={c.header} className={NUMERIC.has(c.kind) ? 'num' : row[j] === '无数据' ? 'nodata' : undefined}>
                {cellText(c.kind, row[j] ?? null)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      {table.totals && (totalsWhenEmpty || table.rows.length > 0) && (
        <tfoot>
          <tr>
            {table.columns.map((c, j) => (
              <th key={c.header} className={j > 0 ? 'num' : undefined}>
                {cellText(c.kind, table.totals?.[j] ?? null)}
              </th>
            ))}
          </tr>
        </tfoot>
      )}
    </table>
  );
}
