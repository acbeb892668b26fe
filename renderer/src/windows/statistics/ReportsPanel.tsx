/**
 * 收银统计报表, 抄表收费统计查询 and 欠费清单 (DOMAIN §7, issue 6) with Excel (CSV) export and charts.
 */
import { useState } from 'react';
import type { Output } from '../../../../preload/contract';
import { formatYuan } from '../../../../preload/kernel/money';
import { formatVolume } from '../../../../preload/kernel/volume';
import { call } from '../../api/client';
import { BarChart } from '../../components/BarChart';
import { FieldError } from '../../components/FieldError';
import { useSession } from '../../stores/session';

function CsvLink({ csv, name }: { csv: string; name: string }) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  return (
    <a className="download" href={url} download={name}>
      导出 Excel (CSV)
    </a>
  );
}

export function ReportsPanel() {
  const today = useSession((s) => s.session?.businessDate ?? '');
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const [clerk, setClerk] = useState('');
  const [status, setStatus] = useState<'' | '收讫' | '未缴'>('');
  const [cash, setCash] = useState<Output<'reports.cash'> | null>(null);
  const [readings, setReadings] = useState<Output<'reports.readings'> | null>(null);
  const [arrears, setArrears] = useState<Output<'reports.arrears'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (kind: 'cash' | 'readings' | 'arrears') => {
    setError(null);
    if (kind === 'cash') {
      const r = await call('reports.cash', { from, to, ...(clerk ? { clerkLogin: clerk } : {}) });
      if (r.ok) setCash(r.value);
      else setError(r.error.message);
    } else if (kind === 'readings') {
      const r = await call('reports.readings', { from, to, ...(status ? { status } : {}) });
      if (r.ok) setReadings(r.value);
      else setError(r.error.message);
    } else {
      const r = await call('reports.arrears', {});
      if (r.ok) setArrears(r.value);
      else setError(r.error.message);
    }
  };
  return (
    <section className="panel reports">
      <h2>收银与抄表收费报表</h2>
      <div className="row">
        <label>
          起
          <input name="reportFrom" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          止
          <input name="reportTo" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label>
          收讫人工号（空为全厅）
          <input name="reportClerk" value={clerk} onChange={(e) => setClerk(e.target.value)} />
        </label>
        <label>
          缴费情况
          <select name="reportStatus" value={status} onChange={(e) => setStatus(e.target.value as '' | '收讫' | '未缴')}>
            <option value="">（全部）</option>
            <option>收讫</option>
            <option>未缴</option>
          </select>
        </label>
        <button type="button" name="cashReport" onClick={() => void run('cash')}>
          收银统计报表
        </button>
        <button type="button" name="readingReport" onClick={() => void run('readings')}>
          抄表收费统计查询
        </button>
        <button type="button" name="arrearsReport" onClick={() => void run('arrears')}>
          欠费清单
        </button>
      </div>
      <FieldError message={error} id="reports-error" />
      {cash && (
        <div>
          <table>
            <thead>
              <tr>
                <th>收款项目</th>
                <th>笔数</th>
                <th>金额</th>
                <th>其中现金</th>
                <th>其中滞纳金</th>
                <th>其中票证</th>
              </tr>
            </thead>
            <tbody>
              {cash.byCharge.map((r) => (
                <tr key={r.chargeType}>
                  <td>{r.chargeType}</td>
                  <td className="num">{r.count}</td>
                  <td className="num">{formatYuan(r.totalFen)}</td>
                  <td className="num">{formatYuan(r.cashFen)}</td>
                  <td className="num">{formatYuan(r.lateFeeFen)}</td>
                  <td className="num">{formatYuan(r.ticketFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <CsvLink csv={cash.csv} name={`收银统计报表-${from}-${to}.csv`} />
          <BarChart title="每日营业收入" bars={cash.daily.map((d) => ({ label: d.date, fen: d.totalFen }))} />
        </div>
      )}
      {readings && (
        <div>
          <p data-testid="reading-totals">
            共 {readings.totals.count} 条，用气 {formatVolume(readings.totals.consumption)} 方，气费 ￥{formatYuan(readings.totals.amountFen)}
            {readings.truncated ? '（仅列前5000条）' : ''}
          </p>
          <CsvLink csv={readings.csv} name={`抄表收费统计-${from}-${to}.csv`} />
        </div>
      )}
      {arrears && (
        <div>
          <p data-testid="arrears-totals">
            欠费 {arrears.accounts} 户，合计 ￥{formatYuan(arrears.totalFen)}（气费，不含滞纳金）
          </p>
          <CsvLink csv={arrears.csv} name="欠费清单.csv" />
          <BarChart title="欠费气费（不含滞纳金，按抄表月份）" bars={arrears.trend.map((t) => ({ label: t.month, fen: t.amountFen }))} />
        </div>
      )}
    </section>
  );
}
