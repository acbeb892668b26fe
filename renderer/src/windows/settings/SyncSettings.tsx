/**
 * Issue 14 (中心服务器 / 同步设置): the enrolment state of this counter PC, the pusher's state (上次上传, 待上传, 上次错误) and,
 * for an administrator, 登记本机 with the server's address and the one-time code. 立即上传 for a manager or an
 * administrator; 本机日终 and 导出日终文件 (the signed USB day file for the hall manager's PC) for the counter.
 */
import { useEffect, useState } from 'react';
import type { Output } from '../../../../preload/contract';
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { useSession } from '../../stores/session';
import { PUSH_STATE_TEXT, pendingText } from '../../components/SyncStatus';

type Status = Output<'sync.status'>;

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—');

function download(name: string, base64: string): { name: string; url: string } {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return { name, url: URL.createObjectURL(new Blob([bytes], { type: 'application/json' })) };
}

export function SyncSettings() {
  const role = useSession((s) => s.session?.role);
  const admin = role === 'admin';
  const [status, setStatus] = useState<Status | null>(null);
  const [serverUrl, setServerUrl] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [file, setFile] = useState<{ name: string; url: string } | null>(null);

  const read = () => void call('sync.status', {}).then((res) => (res.ok ? setStatus(res.value) : setError(res.error)));
  useEffect(() => {
    read();
    const timer = setInterval(read, 3000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (status?.serverUrl && serverUrl === '') setServerUrl(status.serverUrl);
  }, [status?.serverUrl]);
  if (!role) return null;

  const enrol = async () => {
    setError(null);
    setDone(null);
    setBusy(true);
    const res = await call('sync.enrol', { serverUrl, code });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setStatus(res.value);
    setCode('');
    setDone(`已登记：设备 ${res.value.deviceId ?? ''}（营业厅 ${res.value.hallId ?? ''}，柜台 ${res.value.counterId ?? ''}）`);
  };
  const pushNow = async () => {
    setError(null);
    const res = await call('sync.pushNow', {});
    if (!res.ok) return setError(res.error);
    setStatus(res.value);
  };
  const endDay = async () => {
    setError(null);
    setDone(null);
    const res = await call('sync.endCounterDay', {});
    if (!res.ok) return setError(res.error);
    const v = res.value;
    setDone(`已记录本机日终 ${v.businessDate}：${v.paymentCount} 笔，合计 ${(v.totalFen / 100).toFixed(2)} 元，审计链头 #${v.headSeq}`);
    read();
  };
  const exportFile = async () => {
    setError(null);
    setDone(null);
    const res = await call('sync.exportDayFile', { date: null });
    if (!res.ok) return setError(res.error);
    setFile(download(res.value.fileName, res.value.base64));
    setDone(`日终文件已生成：${res.value.events} 条记录${res.value.marker ? '，含本机日终' : '，尚无本机日终（经理端将显示为未完成）'}；保存到U盘交营业厅经理导入`);
  };

  const push = status?.push;
  return (
    <section className="panel" aria-label="中心服务器">
      <h2>中心服务器 / 同步设置</h2>
      {status && push && (
        <dl className="sync-status" data-sync-state={push.state}>
          <dt>登记状态</dt>
          <dd>{status.enrolled ? `已登记（设备 ${status.deviceId ?? ''}，营业厅 ${status.hallId ?? ''}，柜台 ${status.counterId ?? ''}，${when(status.enrolledAt)}）` : '未登记'}</dd>
          <dt>服务器</dt>
          <dd>{status.serverUrl ?? '—'}</dd>
          <dt>上传状态</dt>
          <dd>{PUSH_STATE_TEXT[push.state]}</dd>
          <dt>待上传</dt>
          <dd data-pending={push.pending}>{push.pending === 0 ? '无' : pendingText(push).replace('待上传 ', '')}</dd>
          <dt>上次上传</dt>
          <dd>{when(push.lastPushAt)}</dd>
          <dt>上次错误</dt>
          <dd role={push.lastError ? 'alert' : undefined}>{push.lastError ? `${push.lastError}（${when(push.lastErrorAt)}）` : '无'}</dd>
          {push.retryAt && (
            <>
              <dt>下次重试</dt>
              <dd>{when(push.retryAt)}（已连续失败 {push.failures} 次）</dd>
            </>
          )}
          {push.conflicts > 0 && (
            <>
              <dt>服务器报告的异常</dt>
              <dd>{push.conflicts} 条（见营业厅经理的异常清单）</dd>
            </>
          )}
          {status.credentialsProblem && (
            <>
              <dt>凭据</dt>
              <dd role="alert">{status.credentialsProblem}</dd>
            </>
          )}
        </dl>
      )}
      {admin && (
        <div className="row">
          <label>
            服务器地址
            <input name="syncServerUrl" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} size={36} placeholder="https://sync.example.com:8443" aria-describedby="sync-url-error" />
          </label>
          <label>
            登记码
            <input
              name="syncCode"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') void enrol();
              }}
              size={16}
              placeholder="K7MQ-3XPD-9WTR"
              autoComplete="off"
              aria-describedby="sync-code-error"
            />
          </label>
          <button type="button" name="syncEnrol" disabled={busy} onClick={() => void enrol()}>
            {status?.enrolled ? '重新登记本机' : '登记本机'}
          </button>
        </div>
      )}
      <FieldError message={error?.field === 'serverUrl' ? error.message : null} id="sync-url-error" />
      <FieldError message={error?.field === 'code' ? error.message : null} id="sync-code-error" />
      <FieldError message={error && error.field !== 'serverUrl' && error.field !== 'code' ? error.message : null} id="sync-general-error" />
      <div className="row">
        {(role === 'manager' || role === 'admin') && (
          <button type="button" name="syncPushNow" onClick={() => void pushNow()}>
            立即上传
          </button>
        )}
        <button type="button" name="syncEndDay" onClick={() => void endDay()}>
          本机日终
        </button>
        {role !== 'reviewer' && (
          <button type="button" name="syncExportDayFile" onClick={() => void exportFile()}>
            导出日终文件（U盘）
          </button>
        )}
        {file && (
          <a href={file.url} download={file.name} className="download">
            保存 {file.name}
          </a>
        )}
      </div>
      {done && <div role="status">{done}</div>}
    </section>
  );
}
