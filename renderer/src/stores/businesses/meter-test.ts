/** 校表: the 300-yuan deposit at acceptance (R-TEST-02), the 校表信息登记 and the deposit refund once done (R-TEST-03..05). */
import { call } from '../../api/client';
import type { FieldBusiness } from './types';

export interface DepositValues {
  depositTendered: string;
}
export const depositDefaults: DepositValues = { depositTendered: '' };

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
  acceptance: {
    kind: 'field',
    errorFields: () => ['depositTendered'],
    acceptInput: (extras, confirmTender) => ({ depositTendered: extras.depositTendered, confirmLargeTender: confirmTender }),
  },
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
