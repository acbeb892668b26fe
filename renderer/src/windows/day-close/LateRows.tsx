/**
 * 日结后补记 (issue 10 #1, R-IC-07): card writes begun before a day's close and confirmed after it are posted
 * onto that closed day. They are not in the stored close figures, so the 日结 window states them apart and
 * shows that closed figures + late rows = the day's ledger.
 */
import type { Output } from '../../../../preload/contract';
import { localDateTime } from '../../../../preload/kernel/dates';
import { formatYuan } from '../../../../preload/kernel/money';

type Late = Output<'day.report'>['late'];
type Totals = { count: number; totalFen: number; cashFen: number };

export function LateRows({ late, closed, ledger, showDate = false }: { late: Late; closed: Totals; ledger: Totals; showDate?: boolean }) {
  if (late.count === 0) return null;
  return (
    <section className="late-rows" data-testid="late-rows">
      <h2>
        日结后补记 {late.count} 笔 ￥{formatYuan(late.totalFen)}，其中现金 ￥{formatYuan(late.cashFen)}
      </h2>
      <p className="hint">写卡在日结前开始、日结后才确认：卡上已有气量，收费补记到原营业日，不在日结数字中 (R-IC-07)。请主任核查。</p>
      <table>
        <thead>
          <tr>
            {showDate && <th>营业日期</th>}
            <th>核对单号</th>
            <th>用户</th>
            <th>IC卡号</th>
            <th>业务</th>
            <th>金额</th>
            <th>其中现金</th>
            <th>补记时间</th>
            <th>营业员</th>
          </tr>
        </thead>
        <tbody>
          {late.rows.map((r) => (
            <tr key={r.slipNo}>
              {showDate && <td>{r.businessDate}</td>}
              <td>{r.slipNo}</td>
              <td>
                {r.name} {r.accountNo}
              </td>
              <td>{r.cardNo}</td>
              <td>{r.kind === 'reversal' ? '充值冲正' : '购气'}</td>
              <td className="num">{formatYuan(r.totalFen)}</td>
              <td className="num">{formatYuan(r.cashFen)}</td>
              <td>{localDateTime(new Date(r.postedAt))}</td>
              <td>{r.clerkName}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="late-reconcile">
        日结数字 {closed.count} 笔 ￥{formatYuan(closed.totalFen)} + 日结后补记 {late.count} 笔 ￥{formatYuan(late.totalFen)} = 账面 {ledger.count} 笔 ￥
        {formatYuan(ledger.totalFen)}（其中现金 ￥{formatYuan(closed.cashFen)} + ￥{formatYuan(late.cashFen)} = ￥{formatYuan(ledger.cashFen)}）
      </p>
    </section>
  );
}
