/** 校表: the 300-yuan deposit at acceptance (R-TEST-02), the 校表信息登记 and the deposit refund once done (R-TEST-03..05). */
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { t } from '../../i18n/zh-CN';
import { ConfirmCheck } from '../../windows/fee-collection/ConfirmCheck';
import { Field, TenderConfirm, useQueueForm } from '../../windows/work-queue/fields';
import { fieldAcceptance, type FieldBusiness, type PanelProps } from './types';

export interface DepositValues {
  depositTendered: string;
}
export const depositDefaults: DepositValues = { depositTendered: '' };

/** 校表: the 300-yuan deposit (R-TEST-02). */
function DepositFields({ values: extras, set, error, fieldError, confirmTender, setConfirmTender }: PanelProps<DepositValues>) {
  return (
    <>
      <div className="hint">检测押金 300 元；表合格收拆装费 20 元及检验费，不合格免费换新表并退补最近2次气费 (R-TEST-02..04)</div>
      <label>
        实收检测押金（元）
        <input name="depositTendered" value={extras.depositTendered} onChange={(e) => set({ depositTendered: e.target.value })} />
      </label>
      <FieldError message={fieldError('depositTendered')} id="depositTendered-error" />
      <ConfirmCheck
        shown={error?.field === 'depositTendered' && error.code === 'NEEDS_CONFIRMATION'}
        checked={confirmTender}
        onChange={setConfirmTender}
        label={t.pay.confirmTender}
        name="confirmDepositTender"
      />
    </>
  );
}

export interface MeterTestForm {
  readingBeforeTest: string;
  settledReading: string;
  signedOn: string;
  sentOn: string;
  installer: string;
  tempMeterModel: string;
  tempMeterNo: string;
  testResult: '合格' | '偏快' | '偏慢';
  errorPercent: string;
  handling: string;
  feeTendered: string;
}
export const meterTestFormDefaults: MeterTestForm = {
  readingBeforeTest: '',
  settledReading: '',
  signedOn: '',
  sentOn: '',
  installer: '',
  tempMeterModel: '',
  tempMeterNo: '',
  testResult: '合格',
  errorPercent: '',
  handling: '',
  feeTendered: '',
};

/** 校表信息登记 and the deposit refund (R-RCPT-12, R-TEST-03..05). */
function MeterTestFollowUp() {
  const { form, setForm, error } = useQueueForm();
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
        <select name="testResult" value={form.testResult} onChange={(e) => setForm({ testResult: e.target.value as MeterTestForm['testResult'] })}>
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

export const meterTest: FieldBusiness<MeterTestForm> = {
  acceptance: fieldAcceptance<DepositValues>({
    kind: 'field',
    form: { defaults: depositDefaults, tenderFields: ['depositTendered'], Panel: DepositFields },
    errorFields: () => ['depositTendered'],
    acceptInput: (extras, confirmTender) => ({ depositTendered: extras.depositTendered, confirmLargeTender: confirmTender }),
  }),
  followUp: {
    what: (row) => `${row.businessNo} 校表登记，押金已退`,
    errorFields: ['readingBeforeTest', 'settledReading', 'signedOn', 'sentOn', 'installer', 'tempMeterModel', 'tempMeterNo', 'result', 'errorPercent', 'handling', 'tendered'],
    defaults: meterTestFormDefaults,
    tenderFields: ['feeTendered', 'testResult'],
    Form: MeterTestFollowUp,
    save: (row, form, confirmTender) =>
      call('followUps.meterTest', {
        businessId: row.id,
        readingBeforeTest: form.readingBeforeTest,
        settledReading: form.settledReading,
        signedOn: form.signedOn,
        sentOn: form.sentOn,
        installer: form.installer,
        tempMeterModel: form.tempMeterModel,
        tempMeterNo: form.tempMeterNo,
        result: form.testResult,
        errorPercent: form.errorPercent,
        handling: form.handling,
        tendered: form.feeTendered.trim() === '' ? null : form.feeTendered,
        confirmLargeTender: confirmTender,
      }),
  },
};
