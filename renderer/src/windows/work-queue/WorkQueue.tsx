/**
 * 派工/回执: the hall's open businesses. For the highlighted one the window shows what comes next:
 * dispatch (R-WO-04), receipt (R-RCPT-01..04) or the follow-up form (R-RCPT-09, R-RCPT-11).
 * ↑/↓ choose, F5 refresh, Enter in a field saves.
 */
import { useEffect, useState } from 'react';
import type { ReceiptResult } from '../../../../preload/kernel/enums';
import { call } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FieldError } from '../../components/FieldError';
import { t } from '../../i18n/zh-CN';
import { useWorkQueue, type FormValues, type QueueRow } from '../../stores/work-queue';
import { ConfirmCheck } from '../fee-collection/ConfirmCheck';

/** 表方向 (左进/右进) for the install and meter-change forms. */
function DirectionSelect() {
  const { form, setForm } = useWorkQueue();
  return (
    <label>
      {t.queue.direction}
      <select name="direction" value={form.direction} onChange={(e) => setForm({ direction: e.target.value === '右进' ? '右进' : '左进' })}>
        <option value="左进">左进</option>
        <option value="右进">右进</option>
      </select>
    </label>
  );
}


function Field({ name, label, value, error }: { name: keyof FormValues; label: string; value: string; error: string | null }) {
  const setForm = useWorkQueue((s) => s.setForm);
  return (
    <>
      <label>
        {label}
        <input name={name} value={value} onChange={(e) => setForm({ [name]: e.target.value })} aria-invalid={error !== null} />
      </label>
      <FieldError message={error} id={`${name}-error`} />
    </>
  );
}

/** issue 10 #5: the 确认实收金额 checkbox at the fee's tendered field, once the server asked for it. */
function TenderConfirm() {
  const { error, confirmTender, setConfirmTender } = useWorkQueue();
  return (
    <ConfirmCheck
      shown={error?.field === 'tendered' && error.code === 'NEEDS_CONFIRMATION'}
      checked={confirmTender}
      onChange={setConfirmTender}
      label={t.pay.confirmTender}
      name="confirmFeeTender"
    />
  );
}

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
  if (row.state === '已完成' && (row.type === '点火' || row.type === '二次点火')) {
    return (
      <>
        <h3>{t.queue.ignition}</h3>
        <Field name="latestReading" label={t.queue.latestReading} value={form.latestReading} error={err('latestReading')} />
        <label className="inline">
          <input type="checkbox" name="flameFailureDevice" checked={form.flameFailureDevice} onChange={(e) => setForm({ flameFailureDevice: e.target.checked })} />
          {t.queue.flameFailure}
        </label>
        <Field name="cookerBrand" label={t.queue.cookerBrand} value={form.cookerBrand} error={err('cookerBrand')} />
        <Field name="cookerYear" label={t.queue.cookerYear} value={form.cookerYear} error={err('cookerYear')} />
        <Field name="agreementModel" label="点火单上的表型号（与安装单核对）" value={form.agreementModel} error={err('agreementModel')} />
        <label>
          点火单上的表方向
          <select
            name="agreementDirection"
            value={form.agreementDirection}
            onChange={(e) => setForm({ agreementDirection: e.target.value === '左进' || e.target.value === '右进' ? e.target.value : '' })}
          >
            <option value="">（未注明）</option>
            <option value="左进">左进</option>
            <option value="右进">右进</option>
          </select>
        </label>
        <Field name="agreementPhone" label="点火单上的联系电话（不同则新增）" value={form.agreementPhone} error={null} />
        <label className="inline">
          <input type="checkbox" name="correctMeterData" checked={form.correctMeterData} onChange={(e) => setForm({ correctMeterData: e.target.checked })} />
          已核对安装日期和照片，安装单有误，按点火单更正 (R-RCPT-09)
        </label>
        <button type="submit" className="primary">
          {t.queue.saveIgnition}
        </button>
      </>
    );
  }
  if (row.state === '已完成' && (row.type === '封表' || row.type === '拆表' || row.type === '启封')) {
    return (
      <>
        <h3>
          {t.queue.seal} ({row.type})
        </h3>
        <Field name="settledReading" label={t.queue.settledReading} value={form.settledReading} error={err('settledReading')} />
        <Field name="reason" label={t.queue.reason} value={form.reason} error={err('reason')} />
        <button type="submit" className="primary">
          {t.queue.saveSeal}
        </button>
      </>
    );
  }
  if (row.state === '已完成' && row.type === '安装') {
    return (
      <>
        <h3>{t.queue.install}</h3>
        <Field name="model" label={t.queue.model} value={form.model} error={err('model')} />
        <Field name="meterNo" label={t.queue.meterNo} value={form.meterNo} error={err('meterNo')} />
        <DirectionSelect />
        <Field name="baseReading" label={t.queue.baseReading} value={form.baseReading} error={err('baseReading')} />
        <Field name="consumableName" label={t.queue.consumable} value={form.consumableName} error={err('consumables')} />
        <Field name="consumableQty" label={t.queue.consumableQty} value={form.consumableQty} error={null} />
        <button type="submit" className="primary">
          {t.queue.saveInstall}
        </button>
      </>
    );
  }
  const consumableFields = (
    <>
      <Field name="consumableName" label={t.queue.consumable} value={form.consumableName} error={err('consumables')} />
      <Field name="consumableQty" label={t.queue.consumableQty} value={form.consumableQty} error={null} />
    </>
  );
  if (row.state === '已完成' && row.type === '换表') {
    return (
      <>
        <h3>换表单</h3>
        <div className="hint">旧表实际读数大于系统最新读数时，差额气费先生成未缴记录，请到前台收费收取 (R-VOL-01)</div>
        <Field name="oldActualReading" label="旧表实际读数" value={form.oldActualReading} error={err('oldActualReading')} />
        <Field name="model" label={`新表${t.queue.model}`} value={form.model} error={err('model')} />
        <Field name="meterNo" label={`新表${t.queue.meterNo}`} value={form.meterNo} error={err('meterNo')} />
        <DirectionSelect />
        <Field name="newReading" label="新表读数" value={form.newReading} error={err('newReading')} />
        {consumableFields}
        <button type="submit" className="primary">
          保存换表单
        </button>
      </>
    );
  }
  if (row.state === '已完成' && row.type === '改装') {
    return (
      <>
        <h3>改装单</h3>
        <Field name="fee" label="改装费（元，未收留空）" value={form.fee} error={err('fee')} />
        <Field name="feeTendered" label="实收（元）" value={form.feeTendered} error={err('tendered')} />
        <TenderConfirm />
        <Field name="invoiceNo" label="地税发票号码（备注）" value={form.invoiceNo} error={err('invoiceNo')} />
        {consumableFields}
        <button type="submit" className="primary">
          保存改装单
        </button>
      </>
    );
  }
  if (row.state === '已完成' && row.type === '校表') {
    return (
      <>
        <h3>校表信息登记</h3>
        <div className="hint">表合格：收拆装费20元及检验费；不合格：须营业厅主任确认，免费换新表，最近2次气费按误差退补。押金凭收据退还 (R-TEST-03..05, R-VOL-05, A-19)</div>
        <Field name="readingBeforeTest" label="校表前度数" value={form.readingBeforeTest} error={err('readingBeforeTest')} />
        <Field name="settledReading" label="已结算至方数" value={form.settledReading} error={err('settledReading')} />
        <Field name="signedOn" label="签约日期" value={form.signedOn} error={err('signedOn')} />
        <Field name="sentOn" label="送检日期" value={form.sentOn} error={err('sentOn')} />
        <Field name="installer" label="安装人" value={form.installer} error={err('installer')} />
        <Field name="tempMeterModel" label="临时表型号" value={form.tempMeterModel} error={err('tempMeterModel')} />
        <Field name="tempMeterNo" label="临时表号" value={form.tempMeterNo} error={err('tempMeterNo')} />
        <label>
          检测结果
          <select name="testResult" value={form.testResult} onChange={(e) => setForm({ testResult: e.target.value as FormValues['testResult'] })}>
            <option value="合格">合格</option>
            <option value="偏快">偏快</option>
            <option value="偏慢">偏慢</option>
          </select>
        </label>
        <FieldError message={err('result')} id="testResult-error" />
        <Field name="errorPercent" label="误差%（不合格时）" value={form.errorPercent} error={err('errorPercent')} />
        <Field name="handling" label="检测结果处理记录" value={form.handling} error={err('handling')} />
        <Field name="feeTendered" label="实收（元）：合格时拆装费及检验费；偏慢时补收气费" value={form.feeTendered} error={err('tendered')} />
        <TenderConfirm />
        <button type="submit" className="primary">
          保存并退押金
        </button>
      </>
    );
  }
  if (row.state === '已完成' && row.type === '其它') {
    return (
      <>
        <h3>波纹管情况（普通用户信息）</h3>
        <Field name="hoseInfo" label="波纹管情况（规格、长度、更换日期）" value={form.hoseInfo} error={err('hoseInfo')} />
        <button type="submit" className="primary">
          保存
        </button>
      </>
    );
  }
  if (row.state === '已完成') return <p className="muted">{t.queue.noFollowUp}</p>;
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

/** R-RCPT-10: after a failed ignition, the rectification's consumables go on the install/modify form. */
function RectificationConsumables({ row }: { row: QueueRow }) {
  const [name, setName] = useState('');
  const [qty, setQty] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (row.state !== '待重新派工' || (row.type !== '点火' && row.type !== '二次点火')) return null;
  const save = async () => {
    const res = await call('followUps.rectificationConsumables', {
      ignitionBusinessId: row.id,
      consumables: name.trim() === '' ? [] : [{ name, unit: '个', quantity: Number(qty) }],
    });
    setMessage(res.ok ? { ok: true, text: `已记入安装/改装单 ${res.value.formBusinessNo}` } : { ok: false, text: res.error.message });
  };
  return (
    <details className="panel">
      <summary>点火未成功：整改耗材（记入安装单）</summary>
      <label>
        耗材名称
        <input name="rectConsumable" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        数量
        <input name="rectQty" value={qty} onChange={(e) => setQty(e.target.value)} />
      </label>
      {message && (message.ok ? <div className="paid">{message.text}</div> : <FieldError message={message.text} id="rect-error" />)}
      <button type="button" onClick={() => void save()}>
        保存耗材
      </button>
    </details>
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

export function WorkQueue() {
  const { rows, cursor, setCursor, refresh, save, error, notice, busy } = useWorkQueue();
  const row = rows[cursor];

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
          <NextStep row={row} />
          <ErrorNotice error={error} id="form-error" />
        </form>
        {/* Outside the form: Enter in these fields must never save the dispatch or receipt. */}
        <RectificationConsumables key={`rect-${row.id}`} row={row} />
        <DeferOrVoid key={row.id} row={row} />
        </div>
      )}
    </main>
  );
}
