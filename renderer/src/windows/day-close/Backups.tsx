/**
 * 备份与恢复 (issue 12 #6, R-INV-09), for the hall manager: take a backup now (also copied to the second path
 * when one is configured), list the backups, check one (integrity, audit chain) and choose one to restore at
 * the next start, with the heads printed on 日结 / cash reports to check it against. The store is replaced
 * only at the next start, the replaced one kept aside.
 */
import { useEffect, useState } from 'react';
import type { Output } from '../../../../preload/contract';
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';

type Backup = Output<'backup.list'>[number];

export function Backups() {
  const [list, setList] = useState<Backup[]>([]);
  const [chosen, setChosen] = useState('');
  const [heads, setHeads] = useState('');
  const [acceptLoss, setAcceptLoss] = useState(false);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const load = () => void call('backup.list', {}).then((r) => (r.ok ? setList(r.value) : setError({ field: 'file', message: r.error.message })));
  useEffect(load, []);
  const fail = (e: { field?: string; message: string }) => setError({ field: e.field ?? 'file', message: e.message });
  const takeNow = async () => {
    setError(null);
    const r = await call('backup.now', {});
    if (!r.ok) return fail(r.error);
    setMessage(`已备份 ${r.value.file}${r.value.mirror ? `，并复制到 ${r.value.mirror}` : ''}${r.value.mirrorError ? `；${r.value.mirrorError}` : ''}`);
    load();
  };
  const check = async () => {
    setError(null);
    const r = await call('backup.check', { file: chosen });
    if (!r.ok) return fail(r.error);
    setMessage(r.value.ok ? `备份完好：${r.value.payments} 笔收费记录，审计链完整` : `备份不可用：${r.value.detail}`);
  };
  const restore = async () => {
    setError(null);
    const r = await call('backup.restore', { file: chosen, heads: heads.split('\n').filter((h) => h.trim() !== ''), acceptLoss });
    if (!r.ok) return fail(r.error);
    setMessage(`已安排恢复（${r.value.payments} 笔收费记录）${r.value.lost.length ? `，将丢失：${r.value.lost.join('；')}` : ''}。请所有柜台退出后重新启动程序，启动时恢复，原数据库保留备查。`);
  };
  const fe = (field: string) => (error?.field === field ? error.message : null);
  return (
    <section className="panel no-print backups">
      <h2>备份与恢复</h2>
      <div className="row">
        <button type="button" name="backupNow" onClick={() => void takeNow()}>
          立即备份
        </button>
      </div>
      <label>
        备份
        <select name="backupFile" value={chosen} onChange={(e) => setChosen(e.target.value)} aria-describedby="file-error">
          <option value="">请选择备份</option>
          {list.map((b) => (
            <option key={b.file} value={b.file}>
              {b.at} · {(b.bytes / 1024 / 1024).toFixed(1)} MB
            </option>
          ))}
        </select>
      </label>
      <FieldError message={fe('file')} id="file-error" />
      <label>
        日结/缴款报告上打印的链头（每行一个，可不填）
        <textarea name="restoreHeads" value={heads} onChange={(e) => setHeads(e.target.value)} rows={2} aria-describedby="heads-error" />
      </label>
      <FieldError message={fe('heads')} id="heads-error" />
      <label>
        <input type="checkbox" name="acceptLoss" checked={acceptLoss} onChange={(e) => setAcceptLoss(e.target.checked)} /> 确认恢复后丢失备份之后的记录
      </label>
      <FieldError message={fe('acceptLoss')} id="acceptLoss-error" />
      <div className="row">
        <button type="button" name="checkBackup" disabled={!chosen} onClick={() => void check()}>
          检查备份
        </button>
        <button type="button" name="restoreBackup" disabled={!chosen} onClick={() => void restore()}>
          下次启动时恢复
        </button>
      </div>
      {message && <div role="status">{message}</div>}
    </section>
  );
}
