/**
 * One 催缴 / 欠费通知单 as an A4 sheet (R-PRT-02, R-SEC-04/05): the heading, the customer, the unpaid bills with their
 * late fees, and the window's closing paragraph. Shared by 批量打印 and 欠费催缴 so both print the same layout
 * (styles.css `.notice`: 190 mm wide, one sheet per customer, no page break inside).
 */
import type { ReactNode } from 'react';
import type { Output } from '../../../preload/contract';
import { formatYuan } from '../../../preload/kernel/money';
import { formatVolume } from '../../../preload/kernel/volume';

/** The part of a notice the sheet shows (the same in printing.arrears and arrears.notices). */
export type NoticeSheetData = Pick<Output<'printing.arrears'>[number], 'accountNo' | 'name' | 'seqNo' | 'address' | 'bills'>;

export function ArrearsNoticeSheet({ title, notice, children }: { title: string; notice: NoticeSheetData; children: ReactNode }) {
  return (
    <article className="notice">
      <h1>{title}</h1>
      <p>
        {notice.name}（用户编号 {notice.accountNo}，抄表序号 {notice.seqNo}）：{notice.address}
      </p>
      <table>
        <thead>
          <tr>
            <th>抄表日期</th>
            <th>用气量(方)</th>
            <th>气费</th>
            <th>滞纳金</th>
          </tr>
        </thead>
        <tbody>
          {notice.bills.map((b) => (
            <tr key={b.readingDate + b.gasFen}>
              <td>{b.readingDate}</td>
              <td className="num">{formatVolume(b.consumption)}</td>
              <td className="num">{formatYuan(b.gasFen)}</td>
              <td className="num">{formatYuan(b.lateFeeFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{children}</p>
    </article>
  );
}
