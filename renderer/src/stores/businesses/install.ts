/** 安装: the 安装单 once done (DOMAIN §3.9): the meter and the consumables. */
import { call } from '../../api/client';
import { consumablesOf, type FieldBusiness } from './types';

/** The meter on the install and meter-change forms, and their consumables line. */
export interface MeterForm {
  model: string;
  meterNo: string;
  direction: '左进' | '右进';
  consumableName: string;
  consumableUnit: string;
  consumableQty: string;
}
export const meterFormDefaults: MeterForm = { model: '', meterNo: '', direction: '左进', consumableName: '', consumableUnit: '米', consumableQty: '' };

export interface InstallForm extends MeterForm {
  baseReading: string;
}
export const installFormDefaults: InstallForm = { ...meterFormDefaults, baseReading: '' };

export const install: FieldBusiness = {
  acceptance: { kind: 'field' },
  followUp: {
    what: (row) => `${row.businessNo} 安装单登记`,
    errorFields: ['model', 'meterNo', 'baseReading', 'consumables'],
    save: (row, form) =>
      call('followUps.install', {
        businessId: row.id,
        model: form.model,
        meterNo: form.meterNo,
        direction: form.direction,
        baseReading: form.baseReading,
        consumables: consumablesOf(form),
      }),
  },
};
