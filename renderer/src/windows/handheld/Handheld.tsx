/**
 * 抄表机数据处理 (R-HH-01..05): 校正抄表机时钟, 抄表用户导出 (count agreed first, upload with progress),
 * 已抄表记录导入 with anomalies, 退回重抄, 入库. Keys: F5 import, F9 入库.
 */
import { useEffect, useRef } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FieldError } from '../../components/FieldError';
import { formatVolume } from '../../../../preload/kernel/volume';
import { largeRows, useHandheld } from '../../stores/handheld';
import { ReadingsTable } from './ReadingsTable';

export function Handheld() {
  const s = useHandheld();
  useEffect(() => {
    void useHandheld.getState().loadReaders();
    const onKey = (e: KeyboardEvent) => {
      const state = useHandheld.getState();
      if (e.key === 'F5') {
        e.preventDefault();
        if (!state.busy) void state.importReadings();
      } else if (e.key === 'F9') {
        e.preventDefault();
        if (!state.busy && state.batch) void state.commit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const confirmLarge = useRef<HTMLInputElement>(null);
  // F9 refused for unconfirmed 大额方数 (R-HH-04): the confirmation sits under the route's whole list, out of
  // view; focus takes the clerk there (Space ticks it, F9 again commits).
  useEffect(() => {
    if (s.error?.field === 'confirmLarge') confirmLarge.current?.focus();
  }, [s.error]);
  const fieldError = (...f: string[]) => (s.error && f.includes(s.error.field) ? s.error.message : null);
  const p = s.progress;
  const large = largeRows(s.batch);
  return (
    <main className="handheld">
      <ErrorNotice error={s.error} id="handheld-general-error" />
      <section className="panel">
        <h2>抄表机设置</h2>
        <p className="hint">先确认电脑时钟正确，再插好数据线 (R-HH-01/02)。</p>
        <button type="button" name="syncClock" disabled={s.busy} onClick={() => void s.syncClock()}>
          校正抄表机时钟
        </button>
      </section>
      <section className="panel">
        <h2>抄表用户导出（每月最后一天）</h2>
        <div className="row">
          <label>
            抄表员
            <select name="meterReader" value={s.meterReader} onChange={(e) => s.set({ meterReader: e.target.value })}>
              {s.readers.map((r) => (
                <option key={r.meterReader} value={r.meterReader}>
                  {r.meterReader}（{r.accounts} 户）
                </option>
              ))}
            </select>
          </label>
          <label>
            <input type="radio" name="months" checked={s.months === 1} onChange={() => s.set({ months: 1 })} /> 单月（奇数月抄表户）
          </label>
          <label>
            <input type="radio" name="months" checked={s.months === 2} onChange={() => s.set({ months: 2 })} /> 双月（偶数月抄表户）
          </label>
          <button type="button" name="showList" disabled={s.busy || !s.meterReader} onClick={() => void s.showList()}>
            显示抄表用户清单
          </button>
        </div>
        <FieldError message={fieldError('meterReader')} id="reader-error" />
        {s.list && (
          <>
            <div data-testid="export-count">
              清单共 <b>{s.list.count}</b> 户。请与抄表员核对下月抄表户数，有差异须查明后再导出。
            </div>
            <label>
              核对户数
              <input name="confirmedCount" inputMode="numeric" value={s.confirmedCount} onChange={(e) => s.set({ confirmedCount: e.target.value })} />
            </label>
            <FieldError message={fieldError('confirmedCount')} id="confirmed-error" />
            <button type="button" name="upload" className="primary" disabled={s.busy} onClick={() => void s.upload()}>
              上传至抄表机
            </button>
          </>
        )}
      </section>
      <section className="panel">
        <h2>已抄表记录导入</h2>
        <button type="button" name="import" disabled={s.busy} onClick={() => void s.importReadings()}>
          导入已抄表记录 (F5)
        </button>
        {s.busy && p?.job && (
          <div className="progress">
            {p.job === 'upload' ? '上传' : '导入'} <progress max={p.total || 1} value={p.done} /> {p.total ? Math.floor((p.done * 100) / p.total) : 0}%
          </div>
        )}
        <FieldError message={fieldError('handheld')} id="handheld-error" />
        {s.message && <div role="status">{s.message}</div>}
      </section>
      {s.batch && (
        <section className="panel">
          <h2>
            批次 {s.batch.batch.id} · {s.batch.batch.meterReader} · {s.batch.batch.months === 1 ? '单月' : '双月'} · {s.batch.batch.status === 'committed' ? '已入库' : '待入库'}
          </h2>
          <div data-testid="batch-summary">
            导出 {s.batch.batch.accountCount} 户，已抄 {s.batch.batch.accountCount - s.batch.notRead} 户，未抄 {s.batch.notRead} 户，异常 {s.batch.anomalies} 户
          </div>
          <ReadingsTable />
          {s.batch.batch.status !== 'committed' && large.length > 0 && (
            <div className="panel large-volumes" role="alert">
              <b>大额方数 {large.length} 户，入库前须逐户核对 (R-HH-04)：</b>
              <ul>
                {large.map((r) => (
                  <li key={r.id}>
                    {r.accountNo} {r.name} 用气 {formatVolume(r.consumption)} 方
                  </li>
                ))}
              </ul>
              <label>
                <input ref={confirmLarge} type="checkbox" name="confirmLarge" checked={s.confirmLarge} onChange={(e) => s.set({ confirmLarge: e.target.checked })} /> 已与抄表员逐户核对，确认以上大额方数
              </label>
              <FieldError message={fieldError('confirmLarge')} id="confirm-large-error" />
            </div>
          )}
          {s.batch.batch.status !== 'committed' && (
            <div className="row">
              <button type="button" name="sendBack" disabled={s.busy || s.selected.length === 0} onClick={() => void s.sendBack()}>
                退回重抄（{s.selected.length}）
              </button>
              <button type="button" name="commit" className="primary" disabled={s.busy} onClick={() => void s.commit()}>
                入库 (F9)
              </button>
            </div>
          )}
          <div className="muted">用气量合计 {formatVolume(s.batch.rows.reduce((a, r) => a + Math.max(0, r.consumption), 0))} 方</div>
        </section>
      )}
    </main>
  );
}
