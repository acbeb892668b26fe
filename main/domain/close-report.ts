/** The numbered 日结报告 on the receipt printer: totals per clerk, counter, tender and charge. Pure. */
import { formatHead, type ChainHead } from '../../preload/kernel/chain-head.js';
import { yuan } from './check-slip.js';
import type { SlipLine } from '../../preload/kernel/slip-line.js';
import { leftRight } from '../../preload/kernel/text-width.js';
import { ZERO_FEN, type Fen } from '../../preload/kernel/money.js';

interface Totals {
  count: number;
  totalFen: Fen;
  cashFen: Fen;
}

export interface CloseReportData {
  closeNo: string;
  hallName: string;
  businessDate: string;
  closedAt: string;
  closedBy: string;
  all: Totals;
  byClerk: (Totals & { name: string })[];
  byCounter: (Totals & { code: string })[];
  byMethod: (Totals & { method: string })[];
  byCharge: (Totals & { chargeType: string })[];
  head?: ChainHead | undefined;
  /** Issue 14 #4: the hall's other counters' end-of-day markers (a PC that syncs). */
  counters?: { code: string; reported: boolean; paymentCount: number | null; totalFen: Fen | null }[] | undefined;
}

export function layoutCloseReport(r: CloseReportData, columns: number): SlipLine[] {
  const lines: SlipLine[] = [{ kind: 'title', text: '营业厅日结报告' }];
  const text = (t: string) => lines.push({ kind: 'text', text: t });
  text(leftRight('日结编号:', r.closeNo, columns));
  text(leftRight('营业厅:', r.hallName, columns));
  text(leftRight('营业日期:', r.businessDate, columns));
  text(leftRight('日结人:', r.closedBy, columns));
  // issue 10 #20: the audit chain's head on paper, for checking the store against later
  if (r.head) text(leftRight('审计链头:', formatHead(r.head), columns));
  const section = (title: string, rows: { label: string; t: Totals }[], withCash = false) => {
    lines.push({ kind: 'rule' });
    text(title);
    for (const row of rows) {
      text(leftRight(`  ${row.label} ${row.t.count}笔`, yuan(row.t.totalFen), columns));
      // issue 10 #2: each clerk's counter cash, to be matched with their 日收银报表
      if (withCash) text(leftRight('    其中现金', yuan(row.t.cashFen), columns));
    }
  };
  section('按收款项目', r.byCharge.map((c) => ({ label: c.chargeType, t: c })));
  section('按缴费方式', r.byMethod.map((c) => ({ label: c.method, t: c })));
  section('按营业员', r.byClerk.map((c) => ({ label: c.name, t: c })), true);
  section('按窗口', r.byCounter.map((c) => ({ label: c.code, t: c })));
  // issue 14 #4: each counter's own end-of-day marker, to be matched with 按窗口 above
  if (r.counters && r.counters.length > 0) {
    lines.push({ kind: 'rule' });
    text('各柜台日终报送');
    for (const c of r.counters) text(leftRight(`  ${c.code}`, c.reported ? `${c.paymentCount ?? 0}笔 ${yuan(c.totalFen ?? ZERO_FEN)}` : '未报送', columns));
  }
  lines.push({ kind: 'rule' });
  text(leftRight(`合计 ${r.all.count}笔`, yuan(r.all.totalFen), columns));
  text(leftRight('其中现金:', yuan(r.all.cashFen), columns));
  lines.push({ kind: 'feed', lines: 3 });
  return lines;
}
