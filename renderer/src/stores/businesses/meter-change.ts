/** 换表: IC卡表故障换普通表 at acceptance (R-ICM-01), the 换表单 once done (R-VOL-01). */
import { call } from '../../api/client';
import { meterFormDefaults, type MeterForm } from './install';
import { consumablesOf, type FieldBusiness } from './types';

export interface IcToOrdinaryValues {
  icToOrdinary: boolean;
  icTermsAcknowledged: boolean;
}
export const icToOrdinaryDefaults: IcToOrdinaryValues = { icToOrdinary: false, icTermsAcknowledged: false };

export interface MeterChangeForm extends MeterForm {
  oldActualReading: string;
  newReading: string;
}
export const meterChangeFormDefaults: MeterChangeForm = { ...meterFormDefaults, oldActualReading: '', newReading: '' };

export const meterChange: FieldBusiness = {
  acceptance: {
    kind: 'field',
    errorFields: (customer, extras) =>
      customer.account.customerType === 'IC卡' ? ['icToOrdinary', ...(extras.icToOrdinary ? ['icTermsAcknowledged'] : [])] : [],
    acceptInput: (extras) => ({ icToOrdinary: extras.icToOrdinary, icTermsAcknowledged: extras.icTermsAcknowledged }),
  },
  followUp: {
    what: (row) => `${row.businessNo} 换表单登记`,
    errorFields: ['oldActualReading', 'model', 'meterNo', 'newReading'],
    save: (row, form) =>
      call('followUps.meterChange', {
        businessId: row.id,
        oldActualReading: form.oldActualReading,
        model: form.model,
        meterNo: form.meterNo,
        direction: form.direction,
        newReading: form.newReading,
        consumables: consumablesOf(form),
      }),
  },
};
