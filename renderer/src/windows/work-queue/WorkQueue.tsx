/**
 * 派工/回执: the hall's open businesses. For the highlighted one the window shows what comes next:
 * dispatch (R-WO-04), receipt (R-RCPT-01..04) or the follow-up form (R-RCPT-09, R-RCPT-11).
 * ↑/↓ choose, F5 refresh, Enter in a field saves.
 */
import { useEffect, useState } from 'react';
import { HouseholdPhotos } from '../../components/HouseholdPhotos';
import type { ReceiptResult } from '../../../../preload/kernel/enums';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FieldError } from '../../components/FieldError';
import { t } from '../../i18n/zh-CN';
import { FIELD_BUSINESSES } from '../../stores/businesses';
import { useWorkQueue, type QueueRow } from '../../stores/work-queue';
import { Field, QueueFormContext } from './fields';

function NextStep({ row }: { row: QueueRow }) {
  const { form, setForm, error } = useWorkQueue();
  const err = (field: string) => (error?.field === field ? error.message : null);
  if (row.state === '已派工') {
    return (
      <>
        <h3>
          {t.queue.receipt} {row.workOrderNo}
        </h3>
        <Field name="arrivedAt" label={`${t.queue.arrivedAt} (YYYY-MM-DD HH:mm)`} value={form.arrivedAt} error={err('arrivedAt')} />
        <Field name="implementedAt" label={t.queue.implementedAt} value={form.implementedAt} error={err('implementedAt')} />
        <Field name="leftAt" label={t.queue.leftAt} value={form.leftAt} error={err('leftAt')} />
        <label>
          {t.queue.result}
          <select name="result" value={form.result} onChange={(e) => setForm({ result: e.target.value as ReceiptResult })}>
            {row.allowedResults.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <FieldError message={err('result')} id="result-error" />
        <label className="inline">
          <input type="checkbox" name="businessValid" checked={form.businessValid} onChange={(e) => setForm({ businessValid: e.target.checked })} />
          {t.queue.businessValid}
        </label>
        <Field name="siteRemark" label={t.queue.siteRemark} value={form.siteRemark} error={err('siteRemark')} />
        <button type="submit" className="primary">
          {t.queue.saveReceipt}
        </button>
      </>
    );
  }
  if (row.state === '已完成') {
    // The business's own follow-up form (renderer/src/stores/businesses).
    const FollowUp = FIELD_BUSINESSES[row.type]?.followUp.Form;
    return FollowUp ? <FollowUp row={row} /> : <p className="muted">{t.queue.noFollowUp}</p>;
  }
  return (
    <>
      <h3>{t.queue.dispatch}</h3>
      <Field name="technician" label={t.queue.technician} value={form.technician} error={err('technician')} />
      <Field name="remark" label={t.queue.remark} value={form.remark} error={err('remark')} />
      <button type="submit" className="primary">
        {t.queue.saveDispatch}
      </button>
    </>
  );
}

/** 顺延 and 作废 for a business that is not finished (R-CANC-06, R-CANC-08). */
function DeferOrVoid({ row }: { row: QueueRow }) {
  const { defer, voidIt, error } = useWorkQueue();
  const [agreedDate, setAgreedDate] = useState('');
  const [remark, setRemark] = useState('');
  const [reason, setReason] = useState('');
  if (row.state === '已完成') return null;
  const err = (field: string) => (error?.field === field ? error.message : null);
  return (
    <details className="panel defer-void">
      <summary>顺延 / 作废</summary>
      <label>
        用户约定日期
        <input name="agreedDate" value={agreedDate} onChange={(e) => setAgreedDate(e.target.value)} placeholder="YYYY-MM-DD" />
      </label>
      <FieldError message={err('agreedDate')} id="agreedDate-error" />
      <label>
        业务顺延备注
        <input name="deferRemark" value={remark} onChange={(e) => setRemark(e.target.value)} />
      </label>
      <FieldError message={err('deferRemark')} id="deferRemark-error" />
      <button type="button" onClick={() => void defer(agreedDate, remark)}>
        保存顺延
      </button>
      <label>
        作废原因（营业厅主任）
        <input name="voidReason" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="如：楼栋未经验收/未通气" />
      </label>
      <FieldError message={err('voidReason')} id="voidReason-error" />
      <button type="button" onClick={() => void voidIt(reason)}>
        作废业务
      </button>
    </details>
  );
}

/** The follow-up forms the household's photos are shown beside: the install form and the ignition forms. */
const PHOTO_FORMS: ReadonlySet<string> = new Set(['安装', '点火', '二次点火']);

export function WorkQueue() {
  const { rows, cursor, setCursor, refresh, save, error, notice, busy, form, setForm, confirmTender, setConfirmTender } = useWorkQueue();
  const row = rows[cursor];
  // What a business offers once its job failed and waits for a new dispatch (renderer/src/stores/businesses).
  const Rework = row?.state === '待重新派工' ? FIELD_BUSINESSES[row.type]?.AwaitingRedispatch : undefined;

  useEffect(() => {
    void useWorkQueue.getState().refresh();
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const inField = target?.tagName === 'INPUT' || target?.tagName === 'SELECT' || target?.tagName === 'TEXTAREA';
      if (e.key === 'F5') {
        e.preventDefault();
        void useWorkQueue.getState().refresh();
      } else if (!inField && e.key === 'ArrowDown') {
        e.preventDefault();
        useWorkQueue.getState().moveCursor(1);
      } else if (!inField && e.key === 'ArrowUp') {
        e.preventDefault();
        useWorkQueue.getState().moveCursor(-1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <main className="work-queue">
      <section className="panel">
        <h2>
          {t.queue.title}{' '}
          <button type="button" onClick={() => void refresh()}>
            {t.queue.refresh}
          </button>
        </h2>
        {rows.length === 0 ? (
          <p className="muted">{t.queue.empty}</p>
        ) : (
          <table className="hits queue" aria-label={t.queue.title}>
            <thead>
              <tr>
                <th>{t.business.no}</th>
                <th>{t.business.type}</th>
                <th>{t.queue.customer}</th>
                <th>{t.search.address}</th>
                <th>{t.business.state}</th>
                <th>{t.business.priority}</th>
                <th>{t.business.promisedOn}</th>
                <th>{t.queue.workOrder}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.id} className={i === cursor ? 'cursor' : undefined} onClick={() => setCursor(i)} aria-selected={i === cursor}>
                  <td>{r.businessNo}</td>
                  <td>{r.type}</td>
                  <td>{r.name}</td>
                  <td>{r.address}</td>
                  <td>{r.state}</td>
                  <td>{r.priority}</td>
                  <td>{r.deferredTo ?? r.promisedOn}</td>
                  <td>{r.workOrderNo ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <FieldError message={error?.field === 'queue' ? error.message : null} id="queue-error" />
        {notice && (
          <div className="paid" role="status">
            {t.queue.done(notice)}
          </div>
        )}
      </section>
      {row && (
        <div className="column">
        <form
          className="panel next-step"
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy) void save();
          }}
        >
          <div className="muted">
            {row.businessNo} · {row.name} · {row.address} · {row.contactPhone}
            {row.requirement ? ` · 要求：${row.requirement}` : ''}
          </div>
          <QueueFormContext.Provider value={{ form, setForm, error, confirmTender, setConfirmTender }}>
            <NextStep row={row} />
          </QueueFormContext.Provider>
          <ErrorNotice error={error} id="form-error" />
        </form>
        {/* Outside the form: Enter in these fields must never save the dispatch or receipt. */}
        {Rework && <Rework key={`rect-${row.id}`} row={row} />}
        {/* Issue 15 #7 (R-RCPT-09): the household's installation photos beside its install and ignition forms. */}
        {row.state === '已完成' && PHOTO_FORMS.has(row.type) && <HouseholdPhotos accountNo={row.accountNo} />}
        <DeferOrVoid key={row.id} row={row} />
        </div>
      )}
    </main>
  );
}
