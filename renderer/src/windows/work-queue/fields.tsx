/**
 * The fields the 派工/回执 forms share. They read the window's form through QueueFormContext (WorkQueue.tsx
 * provides it), not the store, so a business's follow-up form in renderer/src/stores/businesses can use them.
 */
import { createContext, useContext } from 'react';
import { FieldError } from '../../components/FieldError';
import { t } from '../../i18n/zh-CN';
import type { FieldError as QueueError, FormValues } from '../../stores/work-queue';
import { ConfirmCheck } from '../fee-collection/ConfirmCheck';

/** The 派工/回执 form of the selected row, as the window's store holds it. */
export interface QueueForm {
  form: FormValues;
  setForm(patch: Partial<FormValues>): void;
  error: QueueError | null;
  confirmTender: boolean;
  setConfirmTender(v: boolean): void;
}

export const QueueFormContext = createContext<QueueForm | null>(null);

export function useQueueForm(): QueueForm {
  const form = useContext(QueueFormContext);
  if (!form) throw new Error('useQueueForm outside QueueFormContext');
  return form;
}

/** 表方向 (左进/右进) for the install and meter-change forms. */
export function DirectionSelect() {
  const { form, setForm } = useQueueForm();
  return (
    <label>
      {t.queue.direction}
      <select name="direction" value={form.direction} onChange={(e) => setForm({ direction: e.target.value === '右进' ? '右进' : '左进' })}>
        <option value="左进">左进</option>
        <option value="右进">右进</option>
      </select>
    </label>
  );
}

export function Field({ name, label, value, error }: { name: keyof FormValues; label: string; value: string; error: string | null }) {
  const { setForm } = useQueueForm();
  return (
    <>
      <label>
        {label}
        <input name={name} value={value} onChange={(e) => setForm({ [name]: e.target.value })} aria-invalid={error !== null} />
      </label>
      <FieldError message={error} id={`${name}-error`} />
    </>
  );
}

/** issue 10 #5: the 确认实收金额 checkbox at the fee's tendered field, once the server asked for it. */
export function TenderConfirm() {
  const { error, confirmTender, setConfirmTender } = useQueueForm();
  return (
    <ConfirmCheck
      shown={error?.field === 'tendered' && error.code === 'NEEDS_CONFIRMATION'}
      checked={confirmTender}
      onChange={setConfirmTender}
      label={t.pay.confirmTender}
      name="confirmFeeTender"
    />
  );
}

/** The consumables line of the install, meter-change and modification forms. */
export function ConsumableFields() {
  const { form, error } = useQueueForm();
  return (
    <>
      <Field name="consumableName" label={t.queue.consumable} value={form.consumableName} error={error?.field === 'consumables' ? error.message : null} />
      <Field name="consumableQty" label={t.queue.consumableQty} value={form.consumableQty} error={null} />
    </>
  );
}
