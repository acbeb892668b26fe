/** 查询及报表: 气表业务综合查询 (R-STAT-04) and 点火用户统计 by community, 26th–25th (R-STAT-01..03). */
import { useState } from 'react';
import type { Input, Output } from '../../../../preload/contract';
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { CalendarPanel } from './CalendarPanel';
import { ReportsPanel } from './ReportsPanel';
import { ManagementReports } from './ManagementReports';
import { useSession } from '../../stores/session';

type Counts = Output<'stats.meterBusiness'>;
type Ignitions = Output<'stats.ignitionsByCommunity'>;
type Occurrences = Output<'stats.meterBusinessList'>;
type Kind = Input<'stats.meterBusinessList'>['kind'];

export function Statistics() {
  const today = useSession((s) => s.session?.businessDate ?? '');
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [month, setMonth] = useState(today.slice(0, 7));
  const [allHalls, setAllHalls] = useState(false);
  const [counts, setCounts] = useState<Counts | null>(null);
  const [ignitions, setIgnitions] = useState<Ignitions | null>(null);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [list, setList] = useState<{ kind: string; rows: Occurrences } | null>(null);

  const showList = async (kind: Kind) => {
    const res = await call('stats.meterBusinessList', { from, to, allHalls, kind });
    if (res.ok) setList({ kind, rows: res.value });
    else setError({ field: res.error.field ?? 'from', message: res.error.message });
  };

  const query = async () => {
    setError(null);
    const [c, i] = await Promise.all([call('stats.meterBusiness', { from, to, allHalls }), call('stats.ignitionsByCommunity', { month, allHalls })]);
    if (!c.ok) setError({ field: c.error.field ?? 'from', message: c.error.message });
    else setCounts(c.value);
    if (!i.ok) setError({ field: i.error.field ?? 'month', message: i.error.message });
    else setIgnitions(i.value);
  };

  return (
    <main className="statistics">
      <form
        className="panel"
        onSubmit={(e) => {
          e.preventDefault();
          void query();
        }}
      >
        <h2>气表业务综合查询</h2>
        <div className="stat-filters">
          <label>
            发生日期 从
            <input name="from" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label>
            至
            <input name="to" value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
          <label>
            点火统计月份
            <input name="month" value={month} onChange={(e) => setMonth(e.target.value)} />
          </label>
          <label className="inline">
            <input type="checkbox" name="allHalls" checked={allHalls} onChange={(e) => setAllHalls(e.target.checked)} />
            全部营业厅
          </label>
          <button type="submit" className="primary">
            预览报表 (Enter)
          </button>
        </div>
        <FieldError message={error?.message} id="stats-error" />
        {counts && (
          <table className="stats" aria-label="气表业务统计">
            <thead>
              <tr>
                {counts.map((r) => (
                  <th key={r.kind}>{r.kind}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {counts.map((r) => (
                  <td key={r.kind} className="num">
                    <button type="button" className="link" onClick={() => void showList(r.kind as Kind)} title="查看用户清单">
                      {r.count}
                    </button>
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        )}
        {list && (
          <>
            <h3>
              {list.kind}用户信息查询报表（{list.rows.length} 户）
            </h3>
            <table aria-label={`${list.kind}用户清单`}>
              <thead>
                <tr>
                  <th>发生日期</th>
                  <th>用户编号</th>
                  <th>用户姓名</th>
                  <th>用户地址</th>
                </tr>
              </thead>
              <tbody>
                {list.rows.map((r) => (
                  <tr key={`${r.accountNo}-${r.occurredOn}`}>
                    <td>{r.occurredOn}</td>
                    <td>{r.accountNo}</td>
                    <td>{r.name}</td>
                    <td>{r.address}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </form>
      <ManagementReports />
      <CalendarPanel year={to.slice(0, 4) || today.slice(0, 4)} />
      {ignitions && (
        <section className="panel">
          <h2>
            点火用户统计 {ignitions.from} 至 {ignitions.to}（共 {ignitions.total} 户）
          </h2>
          <p className="muted">每月26日报抄表组，作为下月抄表计划依据；与纸质点火单核对，差异须说明 (R-STAT-02/03)</p>
          <table aria-label="点火用户统计">
            <thead>
              <tr>
                <th>小区</th>
                <th>点火户数</th>
              </tr>
            </thead>
            <tbody>
              {ignitions.rows.map((r) => (
                <tr key={r.community}>
                  <td>{r.community}</td>
                  <td className="num">{r.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <ReportsPanel />
    </main>
  );
}
