import { t } from '../../i18n/zh-CN';
import { useWorkQueue } from '../../stores/work-queue';
import { Field } from './fields';

/** 点火登记 of 点火 and 二次点火 (§3.12), with the agreement checked against the install form (R-RCPT-09). */
export function IgnitionFollowUp() {
  const { form, setForm, error } = useWorkQueue();
  const err = (field: string) => (error?.field === field ? error.message : null);
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
