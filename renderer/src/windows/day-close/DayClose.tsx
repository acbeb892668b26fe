/**
 * 日结 (Alt+D): each clerk's 日收银报表, then the hall manager's close with the numbered report (printed
 * on the receipt printer; A4 / PDF with Ctrl+P) and the month-end report for finance.
 */
import { useEffect, useState } from 'react';
import type { Output } from '../../../../preload/contract';
import { formatHead } from '../../../../preload/kernel/chain-head';
import { formatYuan } from '../../../../preload/kernel/money';
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { useSession } from '../../stores/session';
import { CashReport } from './CashReport';
import { ShiftHandover } from './ShiftHandover';
import { Backups } from './Backups';
import { ManagerTools } from './ManagerTools';
import { LateRows } from './LateRows';

type Summary = Output<'day.report'>;

function Totals({ title, rows }: { title: string; rows: { label: string; count: number; totalFen: number; cashFen: number }[] }) {
  return (
    <table>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th />
          <th>笔数</th>
          <th>金额</th>
          <th>其中现金</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <td>{r.label}</td>
            <td className="num">{r.count}</td>
            <td className="num">{formatYuan(r.totalFen)}</td>
            <td className="num">{formatYuan(r.cashFen)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DayClose() {
  const session = useSession((s) => s.session);
  const [date, setDate] = useState(session?.businessDate ?? '');
  const [status, setStatus] = useState<Output<'day.status'> | null>(null);
  const [report, setReport] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const manager = session?.role === 'manager' || session?.role === 'admin';
  // issue 10 #3: the manager picks one of the hall's open days (today or earlier, not closed), never types one
  const [days, setDays] = useState<Output<'day.openDays'> | null>(null);
  const loadDays = () => {
    if (manager) void call('day.openDays', {}).then((r) => (r.ok ? setDays(r.value) : setError(r.error.message)));
  };
  useEffect(loadDays, [manager]);
  const refresh = async () => {
    setError(null);
    setReport(null);
    const res = await call('day.status', { date });
    if (!res.ok) return setError(res.error.message);
    setStatus(res.value);
    if (res.value.closed) {
      const r = await call('day.report', { date });
      if (r.ok) setReport(r.value);
    }
  };
  const close = async () => {
    setError(null);
    const res = await call('day.close', { date });
    if (!res.ok) return setError(res.error.message);
    setMessage(res.value.print.printed ? `日结完成：${res.value.report.closeNo}，报告已打印` : `日结完成：${res.value.report.closeNo}。${res.value.print.message ?? ''}`);
    await refresh();
    loadDays();
  };
  return (
    <main className="day-close">
      <CashReport />
      <ShiftHandover />
      <section className="panel no-print">
        <h2>营业厅日结（营业厅主任）</h2>
        <div className="row">
          <label>
            营业日期
            <select name="closeDate" value={date} onChange={(e) => setDate(e.target.value)}>
              {!days && <option value={date}>{date}</option>}
              {days && (
                <optgroup label="未日结">
                  {days.open.map((d) => (
                    <option key={d.date} value={d.date}>
                      {d.date}
                      {d.date === days.today ? '（今天）' : ''} {d.payments} 笔
                    </option>
                  ))}
                </optgroup>
              )}
              {days && days.closed.length > 0 && (
                <optgroup label="已日结（查看报告）">
                  {days.closed.map((d) => (
                    <option key={d.date} value={d.date}>
                      {d.date} {d.closeNo}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          </label>
          <button type="button" name="dayStatus" onClick={() => void refresh()}>
            查看
          </button>
          {manager && (
            <button type="button" name="closeDay" className="primary" disabled={!status || status.closed} onClick={() => void close()}>
              日结
            </button>
          )}
          <button type="button" disabled={!report} onClick={() => window.print()}>
            打印 / 存为PDF (Ctrl+P)
          </button>
        </div>
        <FieldError message={error} id="close-error" />
        {message && <div role="status">{message}</div>}
        {status && (
          <ul data-testid="day-status">
            {status.clerks.map((c) => (
              <li key={c.name}>
                {c.name}：{c.payments} 笔，日收银报表{c.report}
              </li>
            ))}
            {status.closed && <li>已日结 {status.closeNo}</li>}
          </ul>
        )}
      </section>
      {manager && <ManagerTools today={session?.businessDate ?? ''} />}
      {manager && <Backups />}
      {report && (
        <article className="sheet close-report">
          <h1>
            {report.hallName} 营业厅日结报告 {report.closeNo}
          </h1>
          <p>
            营业日期 {report.businessDate} · 日结人 {report.closedBy} · 合计 {report.all.count} 笔 ￥{formatYuan(report.all.totalFen)}，其中现金 ￥{formatYuan(report.all.cashFen)}
          </p>
          {report.head && <p data-testid="chain-head">审计链头 {formatHead(report.head)}</p>}
          <Totals title="按收款项目" rows={report.byCharge.map((r) => ({ label: r.chargeType, ...r }))} />
          <Totals title="按缴费方式" rows={report.byMethod.map((r) => ({ label: r.method, ...r }))} />
          <Totals title="按营业员" rows={report.byClerk.map((r) => ({ label: r.name, ...r }))} />
          <Totals title="按窗口" rows={report.byCounter.map((r) => ({ label: r.code, ...r }))} />
          <LateRows late={report.late} closed={report.all} ledger={report.ledger} />
        </article>
      )}
    </main>
  );
}
