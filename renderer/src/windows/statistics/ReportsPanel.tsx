/**
 * 收银统计报表, 抄表收费统计查询 and 欠费清单 (DOMAIN §7, issue 6) with their charts (Apache ECharts, issue 15 #8) and
 * exports: a real .xlsx built by the back end (reports.export), and the CSV as before.
 */
import { lazy, Suspense, useMemo, useState } from 'react';
import type { Input, Output } from '../../../../preload/contract';
import { formatYuan } from '../../../../preload/kernel/money';
import { formatVolume } from '../../../../preload/kernel/volume';
import { call } from '../../api/client';
import { base64Blob, saveFile, XLSX_TYPE } from '../../api/save-file';
import { FieldError } from '../../components/FieldError';
import { useSession } from '../../stores/session';

/** ECharts is loaded with the first chart (its own chunk), not with every window at start. */
const LazyMoneyBarChart = lazy(() => import('../../components/charts/MoneyBarChart').then((m) => ({ default: m.MoneyBarChart })));
function MoneyBarChart(props: Parameters<typeof LazyMoneyBarChart>[0]) {
  return (
    <Suspense fallback={<p className="muted">正在加载图表…</p>}>
      <LazyMoneyBarChart {...props} />
    </Suspense>
  );
}

function CsvLink({ csv, name }: { csv: string; name: string }) {
  const url = useMemo(() => URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' })), [csv]);
  return (
    <a className="download" href={url} download={name}>
      导出 CSV
    </a>
  );
}

/** 导出 Excel: the back end builds the .xlsx of exactly the report shown (its filter), the window saves it. */
function XlsxButton({ request, onError }: { request: Input<'reports.export'>; onError: (message: string) => void }) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const r = await call('reports.export', request);
    setBusy(false);
    if (!r.ok) return onError(r.error.message);
    saveFile(r.value.fileName, base64Blob(r.value.base64, XLSX_TYPE));
  };
  return (
    <button type="button" name={`xlsx-${request.report}`} disabled={busy} onClick={() => void run()}>
      {busy ? '正在生成…' : '导出 Excel (.xlsx)'}
    </button>
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
  /** The filter each report was run with, so its export is the report on the screen. */
  const [ran, setRan] = useState<{ cash?: Input<'reports.export'>; readings?: Input<'reports.export'> }>({});
  const cashBars = useMemo(() => (cash ? cash.daily.map((d) => ({ label: d.date, fen: d.totalFen })) : []), [cash]);
  const arrearsBars = useMemo(() => (arrears ? arrears.trend.map((t) => ({ label: t.month, fen: t.amountFen })) : []), [arrears]);
  const run = async (kind: 'cash' | 'readings' | 'arrears') => {
    setError(null);
    if (kind === 'cash') {
      const filter = { from, to, ...(clerk ? { clerkLogin: clerk } : {}) };
      const r = await call('reports.cash', filter);
      if (r.ok) {
        setCash(r.value);
        setRan((x) => ({ ...x, cash: { report: 'cash', format: 'xlsx', ...filter } }));
      } else setError(r.error.message);
    } else if (kind === 'readings') {
      const filter = { from, to, ...(status ? { status } : {}) };
      const r = await call('reports.readings', filter);
      if (r.ok) {
        setReadings(r.value);
        setRan((x) => ({ ...x, readings: { report: 'readings', format: 'xlsx', ...filter } }));
      } else setError(r.error.message);
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
          <div className="export-row">
            {ran.cash && <XlsxButton request={ran.cash} onError={setError} />}
            <CsvLink csv={cash.csv} name={`收银统计报表-${from}-${to}.csv`} />
          </div>
          <MoneyBarChart title="每日营业收入" barName="营业收入" bars={cashBars} fileName={`每日营业收入-${from}-${to}`} />
        </div>
      )}
      {readings && (
        <div>
          <p data-testid="reading-totals">
            共 {readings.totals.count} 条，用气 {formatVolume(readings.totals.consumption)} 方，气费 ￥{formatYuan(readings.totals.amountFen)}
            {readings.truncated ? '（仅列前5000条）' : ''}
          </p>
          <div className="export-row">
            {ran.readings && <XlsxButton request={ran.readings} onError={setError} />}
            <CsvLink csv={readings.csv} name={`抄表收费统计-${from}-${to}.csv`} />
          </div>
        </div>
      )}
      {arrears && (
        <div>
          <p data-testid="arrears-totals">
            欠费 {arrears.accounts} 户，合计 ￥{formatYuan(arrears.totalFen)}（气费，不含滞纳金）
          </p>
          <div className="export-row">
            <XlsxButton request={{ report: 'arrears', format: 'xlsx' }} onError={setError} />
            <CsvLink csv={arrears.csv} name="欠费清单.csv" />
          </div>
          <MoneyBarChart title="欠费气费（不含滞纳金，按抄表月份）" barName="欠费气费" bars={arrearsBars} fileName="欠费趋势" />
        </div>
      )}
    </section>
  );
}
