/** 银行代扣 reports: the day post-check (> 1 m³), the month for finance, the quarter with fees (R-BANK-06/08/09). */
import { useState } from 'react';
import type { Output } from '../../../../preload/contract';
import { formatYuan } from '../../../../preload/kernel/money';
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { useSession } from '../../stores/session';

type Row = { bank: string; count: number; amountFen: number; feeFen?: number };

export function BankReports() {
  const today = useSession((s) => s.session?.businessDate ?? '');
  const [date, setDate] = useState(today);
  const [month, setMonth] = useState(today.slice(0, 7));
  const [quarter, setQuarter] = useState(`${today.slice(0, 4)}-${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`);
  const [rows, setRows] = useState<{ title: string; rows: Row[] } | null>(null);
  const [monthly, setMonthly] = useState<Output<'bank.monthly'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (kind: 'day' | 'month' | 'quarter') => {
    setError(null);
    if (kind === 'day') {
      const res = await call('bank.postCheck', { date });
      if (res.ok) setRows({ title: `${date} 核销（用气量 > 1 方）`, rows: res.value });
      else setError(res.error.message);
    } else if (kind === 'month') {
      const res = await call('bank.monthly', { month });
      if (res.ok) setMonthly(res.value);
      else setError(res.error.message);
    } else {
      const [y, q] = quarter.split('-').map(Number);
      const res = await call('bank.quarterly', { year: y ?? 0, quarter: q ?? 0 });
      if (res.ok) setRows({ title: `${quarter} 季度核对（用气量 > 0.5 方）`, rows: res.value });
      else setError(res.error.message);
    }
  };
  return (
    <section className="panel">
      <h2>代扣报表</h2>
      <div className="row">
        <label>
          核销日期
          <input name="postCheckDate" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <button type="button" onClick={() => void run('day')}>
          核销后核对
        </button>
        <label>
          月份
          <input name="month" value={month} onChange={(e) => setMonth(e.target.value)} />
        </label>
        <button type="button" onClick={() => void run('month')}>
          月报（27日前报财务）
        </button>
        <label>
          季度 (YYYY-Q)
          <input name="quarter" value={quarter} onChange={(e) => setQuarter(e.target.value)} />
        </label>
        <button type="button" onClick={() => void run('quarter')}>
          季度核对
        </button>
      </div>
      <FieldError message={error} id="report-error" />
      {rows && (
        <table>
          <caption>{rows.title}</caption>
          <thead>
            <tr>
              <th>银行</th>
              <th>笔数</th>
              <th>金额</th>
              <th>手续费</th>
            </tr>
          </thead>
          <tbody>
            {rows.rows.map((r) => (
              <tr key={r.bank}>
                <td>{r.bank}</td>
                <td className="num">{r.count}</td>
                <td className="num">{formatYuan(r.amountFen)}</td>
                <td className="num">{r.feeFen === undefined ? '—' : formatYuan(r.feeFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {monthly && (
        <table>
          <caption>{month} 银行代扣月报</caption>
          <thead>
            <tr>
              <th>银行</th>
              <th>批次</th>
              <th>发送笔数</th>
              <th>发送金额</th>
              <th>成功笔数</th>
              <th>成功金额</th>
              <th>失败笔数</th>
              <th>失败金额</th>
            </tr>
          </thead>
          <tbody>
            {monthly.map((r) => (
              <tr key={r.bank}>
                <td>{r.bank}</td>
                <td className="num">{r.runs}</td>
                <td className="num">{r.sentCount}</td>
                <td className="num">{formatYuan(r.sentFen)}</td>
                <td className="num">{r.okCount}</td>
                <td className="num">{formatYuan(r.okFen)}</td>
                <td className="num">{r.failedCount}</td>
                <td className="num">{formatYuan(r.failedFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
