/** 校表: the 300-yuan deposit at acceptance (R-TEST-02), the 校表信息登记 and the deposit refund once done (R-TEST-03..05). */
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { t } from '../../i18n/zh-CN';
import { ConfirmCheck } from '../../windows/fee-collection/ConfirmCheck';
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

export const meterTest: FieldBusiness = {
  acceptance: fieldAcceptance<DepositValues>({
    kind: 'field',
    form: { defaults: depositDefaults, tenderFields: ['depositTendered'], Panel: DepositFields },
    errorFields: () => ['depositTendered'],
    acceptInput: (extras, confirmTender) => ({ depositTendered: extras.depositTendered, confirmLargeTender: confirmTender }),
  }),
  followUp: {
    what: (row) => `${row.businessNo} 校表登记，押金已退`,
    errorFields: ['readingBeforeTest', 'settledReading', 'signedOn', 'sentOn', 'installer', 'tempMeterModel', 'tempMeterNo', 'result', 'errorPercent', 'handling', 'tendered'],
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
