/**
 * The bordered label/value table of the printed A4 forms (派工单, 报装单): each row holds one pair that
 * spans the width, or two pairs side by side.
 */
import type { ReactNode } from 'react';

export type SheetRow = readonly [string, ReactNode] | readonly [string, ReactNode, string, ReactNode];

export function SheetTable({ rows, tall = [] }: { rows: readonly SheetRow[]; tall?: readonly string[] }) {
  return (
    <table>
      <tbody>
        {rows.map((row) => (
          <tr key={row[0]}>
            <th>{row[0]}</th>
            {row.length === 2 ? (
              <td colSpan={3} className={tall.includes(row[0]) ? 'tall' : undefined}>
                {row[1]}
              </td>
            ) : (
              <>
                <td>{row[1]}</td>
                <th>{row[2]}</th>
                <td>{row[3]}</td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
