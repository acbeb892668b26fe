/**
 * 欠费通知单 (R-PRT-02): the customer's unpaid bills with the late fee as of the print date, for the meter
 * reader to hand out. Pure: the thermal layout in display columns; the A4 view renders the same data.
 */
import { leftRight, padEndToWidth, padStartToWidth, wrapToWidth } from '../../preload/kernel/text-width.js';
import { formatYuan, type Fen } from '../../preload/kernel/money.js';
import { formatVolume, type CentiM3 } from '../../preload/kernel/volume.js';
import type { SlipLine } from '../../preload/kernel/slip-line.js';
import { yuan } from './check-slip.js';

export interface ArrearsNotice {
  accountNo: string;
  name: string;
  address: string;
  area: string;
  meterReader: string;
  seqNo: string;
  bills: { readingDate: string; consumption: CentiM3; gasFen: Fen; lateFeeFen: Fen }[];
  gasFen: Fen;
  lateFeeFen: Fen;
  totalFen: Fen;
}

/** `title`: R-SEC-05's 《气费催缴通知单》 for a recorded collection notice; the R-PRT-02 batch keeps 燃气费欠费通知单. */
export function layoutArrearsNotice(n: ArrearsNotice, hallName: string, printedOn: string, columns: number, title = '燃气费欠费通知单'): SlipLine[] {
  const lines: SlipLine[] = [{ kind: 'title', text: title }];
  const text = (t: string) => lines.push({ kind: 'text', text: t });
  lines.push({ kind: 'rule' });
  text(leftRight('用户编号:', n.accountNo, columns));
  text(leftRight('用户姓名:', n.name, columns));
  for (const part of wrapToWidth(`地址:${n.address}`, columns)) text(part);
  text(leftRight('抄表序号:', n.seqNo, columns));
  lines.push({ kind: 'rule' });
  const dateCol = 11;
  const volCol = Math.floor((columns - dateCol) / 3);
  const amtCol = volCol;
  const lateCol = columns - dateCol - volCol - amtCol;
  text(padEndToWidth('抄表日期', dateCol) + padStartToWidth('用气(方)', volCol) + padStartToWidth('气费', amtCol) + padStartToWidth('滞纳金', lateCol));
  for (const b of n.bills) {
    text(padEndToWidth(b.readingDate, dateCol) + padStartToWidth(formatVolume(b.consumption), volCol) + padStartToWidth(formatYuan(b.gasFen), amtCol) + padStartToWidth(formatYuan(b.lateFeeFen), lateCol));
  }
  lines.push({ kind: 'rule' });
  text(leftRight('欠费合计:', yuan(n.totalFen), columns));
  text(`滞纳金按每日0.3%计至 ${printedOn}，请尽快缴纳。`);
  text(`${hallName} 客服电话 88511111`);
  lines.push({ kind: 'feed', lines: 3 });
  return lines;
}
