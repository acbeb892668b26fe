import { FieldError } from '../../components/FieldError';
import { useWorkQueue, type FormValues } from '../../stores/work-queue';
import { Field, TenderConfirm } from './fields';

/** 校表信息登记 and the deposit refund (R-RCPT-12, R-TEST-03..05). */
export function MeterTestFollowUp() {
  const { form, setForm, error } = useWorkQueue();
  const err = (field: string) => (error?.field === field ? error.message : null);
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
