import { useWorkQueue } from '../../stores/work-queue';
import { Field, TenderConfirm, ConsumableFields } from './fields';

/** 改装单 (附件7) with its fee (R-RCPT-06, R-INV-08). */
export function ModificationFollowUp() {
  const { form, error } = useWorkQueue();
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
