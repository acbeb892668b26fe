/** 封表, 拆表 and 启封 (DOMAIN §3.10): the 拆封启登记 once done; 启封 asks whether the ownership changed (R-UNSEAL-01/04). */
import { call } from '../../api/client';
import type { FieldBusiness, FollowUp } from './types';

export interface UnsealValues {
  ownershipChanged: boolean;
}
export const unsealDefaults: UnsealValues = { ownershipChanged: false };

/** 气表拆、封、启 form. */
export interface SealForm {
  settledReading: string;
  reason: string;
}
export const sealFormDefaults: SealForm = { settledReading: '', reason: '' };

const sealFollowUp: FollowUp = {
  what: (row) => `${row.businessNo} ${row.type}登记`,
  errorFields: ['settledReading', 'reason'],
  save: (row, form) => call('followUps.seal', { businessId: row.id, settledReading: form.settledReading, reason: form.reason }),
};

export const seal: FieldBusiness = { acceptance: { kind: 'field' }, followUp: sealFollowUp };
export const removal: FieldBusiness = { acceptance: { kind: 'field' }, followUp: sealFollowUp };
export const unseal: FieldBusiness = {
  acceptance: {
    kind: 'field',
    cookerNotice: true,
    errorFields: () => ['ownershipChanged'],
    acceptInput: (extras) => ({ ownershipChanged: extras.ownershipChanged }),
  },
  followUp: sealFollowUp,
};
