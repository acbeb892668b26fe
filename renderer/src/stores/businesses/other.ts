/** 其它 (换波纹管, R-HOSE-01/03): the hose length at acceptance, the 波纹管情况 once done. */
import { call } from '../../api/client';
import type { FieldBusiness } from './types';

export interface HoseValues {
  hoseLength: string;
}
export const hoseDefaults: HoseValues = { hoseLength: '' };

export interface HoseForm {
  hoseInfo: string;
}
export const hoseFormDefaults: HoseForm = { hoseInfo: '' };

export const other: FieldBusiness = {
  acceptance: { kind: 'field', errorFields: () => ['hoseLength'], acceptInput: (extras) => ({ hoseLength: extras.hoseLength }) },
  followUp: {
    what: (row) => `${row.businessNo} 波纹管情况登记`,
    errorFields: ['hoseInfo'],
    save: (row, form) => call('followUps.hose', { businessId: row.id, hoseInfo: form.hoseInfo }),
  },
};
