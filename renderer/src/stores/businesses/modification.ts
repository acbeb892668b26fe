/** 改装: the 改装单 once done, with its fee (R-RCPT-06, R-INV-08) and consumables. */
import { call } from '../../api/client';
import { consumablesOf, type FieldBusiness } from './types';

export interface ModificationForm {
  fee: string;
  /** The amount tendered for the fee (also the meter test's charge). */
  feeTendered: string;
  invoiceNo: string;
}
export const modificationFormDefaults: ModificationForm = { fee: '', feeTendered: '', invoiceNo: '' };

export const modification: FieldBusiness = {
  acceptance: { kind: 'field' },
  followUp: {
    what: (row) => `${row.businessNo} 改装单登记`,
    errorFields: ['fee', 'tendered', 'invoiceNo'],
    save: (row, form, confirmTender) =>
      call('followUps.modification', {
        businessId: row.id,
        fee: form.fee,
        tendered: form.fee.trim() === '' ? null : form.feeTendered,
        invoiceNo: form.invoiceNo,
        consumables: consumablesOf(form),
        confirmLargeTender: confirmTender,
      }),
  },
};
