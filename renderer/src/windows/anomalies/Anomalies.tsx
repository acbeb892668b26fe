/**
 * 异常 (issue 14 #3), Alt+Y: the conflicts of the hall the central server or this PC found. The hall manager sees
 * every one and decides each once: a bill paid at two counters while offline (both payments stand, the later is a
 * credit 预存 on the account) → R 退款 (with a note) or K 保留预存; the other kinds → A 已知悉. A clerk sees the
 * changes made at their own counter that the server refused, with the reason. Keyboard: ↑/↓ pick, R/K/A decide,
 * F5 refresh, H 已处理 shown or hidden, P 同步问题 (rows this PC refused, manager), Ctrl+Enter 立即同步 (manager).
 */
import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../../../preload/contract';
import { call } from '../../api/client';
import { useSession } from '../../stores/session';
import { formatYuan } from '../../../../preload/kernel/money';
import { useWindowKeys } from '../../components/useWindowKeys';

type Anomaly = Output<'anomalies.list'>[number];
type Problem = Output<'sync.problems'>[number];
type PullStatus = Output<'sync.pullStatus'>;

const STATE_LABELS: Record<PullStatus['state'], string> = {
  not_enrolled: '本机未登记中心服务器（单机）',
  snapshot: '正在下载初始数据',
  pulling: '正在同步',
  idle: '已同步',
  offline: '中心服务器不可达（离线，稍后自动重试）',
  error: '同步出错',
  revoked: '本机凭据已被吊销',
  stopped: '同步已停止',
};

export function Anomalies() {
  const role = useSession((s) => s.session?.role);
  const manager = role === 'manager' || role === 'admin';
  const [showDone, setShowDone] = useState(false);
  const [list, setList] = useState<Anomaly[]>([]);
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [status, setStatus] = useState<PullStatus | null>(null);
  const [index, setIndex] = useState(0);
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);

  const load = useCallback(async () => {
    const [r, s] = await Promise.all([call('anomalies.list', { open: !showDone }), call('sync.pullStatus', {})]);
    if (r.ok) setList(r.value);
    else setError({ field: 'list', message: r.error.message });
    if (s.ok) setStatus(s.value);
  }, [showDone]);
  useEffect(() => {
    void load();
  }, [load]);

  const current = list[Math.min(index, Math.max(0, list.length - 1))];
  const decide = useCallback(
    async (resolution: 'refund' | 'keep' | 'acknowledged') => {
      if (!current || !manager) return;
      setError(null);
      const r = await call('anomalies.decide', { id: current.id, resolution, ...(note.trim() ? { note } : {}) });
      if (!r.ok) return setError({ field: r.error.field ?? 'resolution', message: r.error.message });
      setMessage(`已处理：${r.value.kindLabel} → ${r.value.resolutionLabel ?? ''}`);
      setNote('');
      void load();
    },
    [current, manager, note, load],
  );

  useWindowKeys((e) => {
    if (e.altKey) return;
    const inNote = (e.target as HTMLElement | null)?.id === 'anomaly-note';
    if (e.key === 'ArrowDown') setIndex((i) => Math.min(i + 1, Math.max(0, list.length - 1)));
    else if (e.key === 'ArrowUp') setIndex((i) => Math.max(0, i - 1));
    else if (e.key === 'F5') void load();
    else if (e.key === 'Enter' && e.ctrlKey && manager) void call('sync.pullNow', {}).then((r) => (r.ok ? (setStatus(r.value), void load()) : setError({ field: 'sync', message: r.error.message })));
    else if (inNote) return;
    else if (e.key === 'r' || e.key === 'R') void decide('refund');
    else if (e.key === 'k' || e.key === 'K') void decide('keep');
    else if (e.key === 'a' || e.key === 'A') void decide('acknowledged');
    else if (e.key === 'h' || e.key === 'H') setShowDone((v) => !v);
    else if ((e.key === 'p' || e.key === 'P') && manager) void call('sync.problems', {}).then((r) => (r.ok ? setProblems(r.value) : setError({ field: 'problems', message: r.error.message })));
    else return;
    e.preventDefault();
  });

  return (
    <section className="window anomalies" aria-label="异常">
      <h2>{manager ? '异常（本营业厅）' : '异常（本柜台被拒绝的修改）'}</h2>
      <p className="status-line" role="status">
        同步：{status ? STATE_LABELS[status.state] : '…'}
        {status?.lastPullAt ? `　最近同步 ${status.lastPullAt.slice(0, 19).replace('T', ' ')}` : ''}
        {status?.lastError ? `　${status.lastError}` : ''}
        {status && status.state === 'snapshot' && status.snapshotTotal > 0 ? `　${status.snapshotRows}/${status.snapshotTotal}` : ''}
      </p>
      {list.length === 0 ? (
        <p>{showDone ? '没有异常记录' : '没有待处理的异常'}</p>
      ) : (
        <table className="grid">
          <thead>
            <tr>
              <th>类别</th>
              <th>柜台</th>
              <th>用户</th>
              <th>金额</th>
              <th>日期</th>
              <th>说明</th>
              <th>处理</th>
            </tr>
          </thead>
          <tbody>
            {list.map((a, i) => (
              <tr key={a.id} className={a === current ? 'selected' : undefined} aria-selected={a === current} onClick={() => setIndex(i)}>
                <td>{a.kindLabel}</td>
                <td>{a.counterCode ?? ''}</td>
                <td>{a.accountNo ? `${a.accountNo} ${a.accountName ?? ''}` : ''}</td>
                <td>{a.amountFen === null ? '' : formatYuan(a.amountFen)}</td>
                <td>{a.businessDate ?? ''}</td>
                <td>{a.detail}</td>
                <td>{a.resolution ? `${a.resolutionLabel ?? ''}（${a.resolvedBy ?? ''}）${a.sent ? '' : ' 待上传'}` : a.fromServer ? '待处理' : '待处理（本机发现，待中心确认）'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {manager && current && !current.resolution && (
        <div className="decision">
          <label htmlFor="anomaly-note">说明（退款必填）</label>
          <input id="anomaly-note" value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />
          {current.kind === 'double_payment' ? (
            <>
              <button type="button" onClick={() => void decide('refund')}>退款 (R)</button>
              <button type="button" onClick={() => void decide('keep')}>保留预存 (K)</button>
            </>
          ) : (
            <button type="button" onClick={() => void decide('acknowledged')}>已知悉 (A)</button>
          )}
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      )}
      {message && <p role="status">{message}</p>}
      {problems && (
        <div className="sync-problems">
          <h3>同步问题（本机拒收的数据，及等待缴费明细的账单）</h3>
          {problems.length === 0 ? (
            <p>没有</p>
          ) : (
            <ul>
              {problems.map((p) => (
                <li key={p.id}>
                  {p.createdAt.slice(0, 19).replace('T', ' ')} {p.source} {p.table} {p.rowId}：{p.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p className="keys">↑/↓ 选择　{manager ? 'R 退款　K 保留预存　A 已知悉　P 同步问题　Ctrl+Enter 立即同步　' : ''}H 显示/隐藏已处理　F5 刷新</p>
    </section>
  );
}
