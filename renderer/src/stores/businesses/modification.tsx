/** 改装: the 改装单 once done, with its fee (R-RCPT-06, R-INV-08) and consumables. */
import { call } from '../../api/client';
import { ConsumableFields, Field, TenderConfirm, useQueueForm } from '../../windows/work-queue/fields';
import { consumablesFormDefaults, consumablesOf, type ConsumablesForm, type FieldBusiness } from './types';

export interface ModificationForm extends ConsumablesForm {
  fee: string;
  /** The amount tendered for the fee (also the meter test's charge). */
  feeTendered: string;
  invoiceNo: string;
}
export const modificationFormDefaults: ModificationForm = { fee: '', feeTendered: '', invoiceNo: '', ...consumablesFormDefaults };

/** 改装单 (附件7) with its fee (R-RCPT-06, R-INV-08). */
function ModificationFollowUp() {
  const { form, error } = useQueueForm();
  const err = (field: string) => (error?.field === field ? error.message : null);
  return (
    <>
      <h3>改装单</h3>
      <Field name="fee" label="改装费（元，未收留空）" value={form.fee} error={err('fee')} />
      <Field name="feeTendered" label="实收（元）" value={form.feeTendered} error={err('tendered')} />
      <TenderConfirm />
      <Field name="invoiceNo" label="地税发票号码（备注）" value={form.invoiceNo} error={err('invoiceNo')} />
      <ConsumableFields />
      <button type="submit" className="primary">
        保存改装单
      </button>
    </>
  );
}

export const modification: FieldBusiness<ModificationForm> = {
  acceptance: { kind: 'field' },
  followUp: {
    what: (row) => `${row.businessNo} 改装单登记`,
    errorFields: ['fee', 'tendered', 'invoiceNo'],
    defaults: modificationFormDefaults,
    tenderFields: ['fee', 'feeTendered'],
    Form: ModificationFollowUp,
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
