/**
 * 服务计时 (Alt+J), issue 15 #5. R-SEC-16: this counter's state; 暂停营业 with the hall director signing in on the spot
 * (F9), 恢复营业 (F10), the counter's recent pauses. R-SEC-13 (hall director, administrator): the service times per
 * clerk or counter in a date range as a histogram and a table with the share over the limit (Enter), exported as .xlsx
 * or CSV; the 暂停营业 log; the limits (§10, configurable). Every time is stamped by the back end: the window only shows.
 */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { Input, Output } from '../../../../preload/contract';
import { call } from '../../api/client';
import { base64Blob, saveFile, XLSX_TYPE } from '../../api/save-file';
import { FieldError } from '../../components/FieldError';
import { ReportTable } from '../../components/ReportTable';
import { SecondPersonFields } from '../../components/SecondPersonFields';
import { useSession } from '../../stores/session';
import { useWindowKeys } from '../../components/useWindowKeys';

const LazyHistogram = lazy(() => import('../../components/charts/TimingHistogram').then((m) => ({ default: m.TimingHistogram })));

type Status = Output<'timing.status'>;
type Query = Input<'timing.report'>;
type Report = Output<'timing.report'>;
type Pause = Status['recent'][number];
type Problem = { field: string; message: string } | null;

/** '2026-11-23T02:01:00.000Z' → '2026-11-23 10:01:00' in the hall's time zone. */
function local(iso: string | null): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

const minutes = (s: number) => `${Math.floor(s / 60)}分${s % 60 ? `${s % 60}秒` : ''}`;

/** The limits form's fields (issue 15 #5), named in a refusal that does not name them itself (应为整数 → 收费限时：应为整数). */
const LIMIT_LABELS: Record<string, string> = { feeLimitSeconds: '收费限时', otherLimitSeconds: '其它业务限时', enabled: '启用计时', limits: '' };
function withLimitLabel(p: { field: string; message: string }): string {
  const label = LIMIT_LABELS[p.field] ?? '';
  return label && !p.message.startsWith(label) ? `${label}：${p.message}` : p.message;
}

export function ServiceTiming() {
  const session = useSession((s) => s.session);
  const today = session?.businessDate ?? '';
  const isManager = session?.role === 'manager' || session?.role === 'admin';
  const [status, setStatus] = useState<Status | null>(null);
  const [reason, setReason] = useState('');
  const [director, setDirector] = useState({ login: '', password: '' });
  const [pauseError, setPauseError] = useState<Problem>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await call('timing.status', {});
    if (r.ok) setStatus(r.value);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const pause = useCallback(async () => {
    setPauseError(null);
    setDone(null);
    const r = await call('timing.pause', { reason, approver: director });
    setDirector({ login: '', password: '' });
    if (!r.ok) return setPauseError({ field: r.error.field ?? 'reason', message: r.error.message });
    setReason('');
    setDone(`已暂停营业（${local(r.value.startedAt)} 起，主任 ${r.value.approvedBy} 批准）`);
    await load();
  }, [reason, director, load]);

  const resume = useCallback(async () => {
    setPauseError(null);
    setDone(null);
    const r = await call('timing.resume', {});
    if (!r.ok) return setPauseError({ field: 'pause', message: r.error.message });
    setDone(`已恢复营业（${local(r.value.resumedAt)}）`);
    await load();
  }, [load]);

  useWindowKeys((e) => {
    if (e.key === 'F9') {
      e.preventDefault();
      void pause();
    } else if (e.key === 'F10') {
      e.preventDefault();
      void resume();
    } else if (e.key === 'F5') {
      e.preventDefault();
      void load();
    }
  });

  const paused = status?.pause ?? null;
  return (
    <main className="service-timing" data-testid="service-timing">
      <section className="panel" aria-label="本柜台营业状态">
        <h2>本柜台营业状态</h2>
        {paused ? (
          <p className="counter-paused" role="status" data-testid="counter-state">
            暂停营业中：{local(paused.startedAt)} 起，原因「{paused.reason}」，申请人 {paused.requestedBy}，主任 {paused.approvedBy} 批准。暂停期间本柜台不办理新业务。
          </p>
        ) : (
          <p className="counter-open" role="status" data-testid="counter-state">
            营业中{status?.pick ? `，正在计时：用户 ${status.pick.accountNo}（${local(status.pick.pickedAt)} 选中）` : ''}
            {status ? `。限时：收费 ${minutes(status.settings.feeLimitSeconds)}，其它业务 ${minutes(status.settings.otherLimitSeconds)}${status.settings.enabled ? '' : '（计时已关闭）'}` : ''}
          </p>
        )}
        {paused ? (
          <div className="row">
            <button type="button" className="primary" name="resumeCounter" onClick={() => void resume()}>
              恢复营业 (F10)
            </button>
          </div>
        ) : (
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              void pause();
            }}
          >
            <label>
              暂停原因
              <input name="pauseReason" value={reason} maxLength={100} onChange={(e) => setReason(e.target.value)} aria-invalid={pauseError?.field === 'reason'} />
            </label>
            <SecondPersonFields role="主任" names={['directorLogin', 'directorPassword']} login={director.login} password={director.password} onChange={(p) => setDirector((d) => ({ ...d, ...p }))} hint="（须主任到场登录批准）" />
            <button type="submit" name="pauseCounter">
              暂停营业 (F9)
            </button>
          </form>
        )}
        <FieldError message={pauseError?.message} id="pause-error" />
        {done && (
          <p className="done" role="status">
            {done}
          </p>
        )}
        <p className="hint">R-SEC-16：放置“暂停营业”牌须经主任同意；暂停与恢复均有记录。F9 暂停营业 · F10 恢复营业 · F5 刷新</p>
        <PauseList rows={status?.recent ?? []} />
      </section>
      {isManager && <TimingReports today={today} onSaved={load} />}
    </main>
  );
}

function PauseList({ rows }: { rows: readonly Pause[] }) {
  if (rows.length === 0) return <p className="muted">本柜台没有暂停营业记录</p>;
  return (
    <table aria-label="本柜台暂停营业记录" className="pause-log">
      <thead>
        <tr>
          <th>暂停时间</th>
          <th>恢复时间</th>
          <th>原因</th>
          <th>申请人</th>
          <th>批准（主任）</th>
          <th>恢复人</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.id}>
            <td>{local(p.startedAt)}</td>
            <td>{p.resumedAt ? local(p.resumedAt) : '暂停中'}</td>
            <td>{p.reason}</td>
            <td>{p.requestedBy}</td>
            <td>{p.approvedBy}</td>
            <td>{p.resumedBy ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type Kind = 'clerk' | 'counter' | 'pauses';

function TimingReports({ today, onSaved }: { today: string; onSaved: () => Promise<void> }) {
  const [kind, setKind] = useState<Kind>('clerk');
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const [report, setReport] = useState<{ query: Query; value: Report } | null>(null);
  const [error, setError] = useState<Problem>(null);
  const [busy, setBusy] = useState(false);
  const [limits, setLimits] = useState<{ enabled: boolean; fee: string; other: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    void call('timing.settings', {}).then((r) => r.ok && setLimits({ enabled: r.value.enabled, fee: String(r.value.feeLimitSeconds), other: String(r.value.otherLimitSeconds) }));
  }, []);

  const run = async () => {
    setError(null);
    const query: Query = kind === 'pauses' ? { report: 'pauses', from, to } : { report: 'timing', from, to, by: kind };
    const r = await call('timing.report', query);
    if (r.ok) setReport({ query, value: r.value });
    else {
      setReport(null);
      setError({ field: r.error.field ?? 'report', message: r.error.message });
    }
  };

  const exportFile = async (format: 'xlsx' | 'csv') => {
    if (!report) return;
    setBusy(true);
    const r = await call('timing.export', { format, query: report.query });
    setBusy(false);
    if (!r.ok) return setError({ field: 'report', message: r.error.message });
    saveFile(r.value.fileName, base64Blob(r.value.base64, format === 'xlsx' ? XLSX_TYPE : 'text/csv;charset=utf-8'));
  };

  const saveLimits = async () => {
    if (!limits) return;
    setSaved(null);
    setError(null);
    const r = await call('timing.saveSettings', { enabled: limits.enabled, feeLimitSeconds: Number(limits.fee), otherLimitSeconds: Number(limits.other) });
    if (!r.ok) return setError({ field: r.error.field ?? 'limits', message: r.error.message });
    setSaved(`已保存：收费 ${minutes(r.value.feeLimitSeconds)}，其它业务 ${minutes(r.value.otherLimitSeconds)}${r.value.enabled ? '' : '，计时已关闭'}`);
    await onSaved();
  };

  // the limits' own refusal is shown under the limits, not under the report's query above a report's table and chart
  const limitsError = error && error.field in LIMIT_LABELS ? error : null;
  const table = report?.value.table;
  const flagged = new Set(report?.value.flagged ?? []);
  const histogram = report?.value.histogram;
  return (
    <section className="panel" aria-label="服务计时统计">
      <h2>服务计时统计 (R-SEC-13)</h2>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label>
          统计
          <select name="timingReport" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="clerk">按营业员</option>
            <option value="counter">按柜台</option>
            <option value="pauses">暂停营业记录</option>
          </select>
        </label>
        <label>
          起
          <input name="timingFrom" value={from} onChange={(e) => setFrom(e.target.value)} aria-invalid={error?.field === 'from'} />
        </label>
        <label>
          止
          <input name="timingTo" value={to} onChange={(e) => setTo(e.target.value)} aria-invalid={error?.field === 'to'} />
        </label>
        <button type="submit" className="primary" name="timingRun">
          查询 (Enter)
        </button>
      </form>
      <FieldError message={limitsError ? null : error?.message} id="timing-error" />
      {table && report && (
        <div className="mgmt-report" data-report={report.query.report}>
          <h3>
            {table.title}　<span className="muted">{table.period}</span>
          </h3>
          {report.query.report === 'timing' && (
            <p className={flagged.size ? 'field-error' : 'muted'} data-testid="timing-verdict">
              {table.rows.length === 0 ? '期间内没有计时记录' : flagged.size ? `有 ${flagged.size} 行存在超时办理（红色）` : '全部在限时内办结'}
            </p>
          )}
          <ReportTable table={table} flagged={flagged} totalsWhenEmpty={false} />
          <div className="export-row">
            <button type="button" name="timingXlsx" disabled={busy} onClick={() => void exportFile('xlsx')}>
              导出 Excel (.xlsx)
            </button>
            <button type="button" name="timingCsv" disabled={busy} onClick={() => void exportFile('csv')}>
              导出 CSV
            </button>
          </div>
          {histogram && histogram.series.length > 0 && (
            <Suspense fallback={<p className="muted">正在加载图表…</p>}>
              <LazyHistogram title={`服务用时分布 ${from} 至 ${to}`} buckets={histogram.buckets} series={histogram.series} fileName={`服务用时分布-${from}-${to}`} />
            </Suspense>
          )}
        </div>
      )}
      {limits && (
        <form
          className="row timing-limits"
          aria-label="限时设置"
          onSubmit={(e) => {
            e.preventDefault();
            void saveLimits();
          }}
        >
          <strong>限时设置（主任）</strong>
          <label>
            <input type="checkbox" name="timingEnabled" checked={limits.enabled} onChange={(e) => setLimits({ ...limits, enabled: e.target.checked })} />
            启用计时
          </label>
          <label>
            收费限时（秒）
            <input name="feeLimitSeconds" value={limits.fee} onChange={(e) => setLimits({ ...limits, fee: e.target.value })} aria-invalid={error?.field === 'feeLimitSeconds'} />
          </label>
          <label>
            其它业务限时（秒）
            <input name="otherLimitSeconds" value={limits.other} onChange={(e) => setLimits({ ...limits, other: e.target.value })} aria-invalid={error?.field === 'otherLimitSeconds'} />
          </label>
          <button type="submit" name="saveTimingLimits">
            保存限时
          </button>
          {saved && <span role="status">{saved}</span>}
        </form>
      )}
      <FieldError message={limitsError ? withLimitLabel(limitsError) : null} id="timing-limits-error" />
    </section>
  );
}
