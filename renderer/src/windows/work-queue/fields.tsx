/** The fields the 派工/回执 forms share. */
import { FieldError } from '../../components/FieldError';
import { t } from '../../i18n/zh-CN';
import { useWorkQueue, type FormValues } from '../../stores/work-queue';
import { ConfirmCheck } from '../fee-collection/ConfirmCheck';

/** 表方向 (左进/右进) for the install and meter-change forms. */
export function DirectionSelect() {
  const { form, setForm } = useWorkQueue();
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
  const setForm = useWorkQueue((s) => s.setForm);
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
  const { error, confirmTender, setConfirmTender } = useWorkQueue();
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
  const { form, error } = useWorkQueue();
  return (
    <>
      <Field name="consumableName" label={t.queue.consumable} value={form.consumableName} error={error?.field === 'consumables' ? error.message : null} />
      <Field name="consumableQty" label={t.queue.consumableQty} value={form.consumableQty} error={null} />
    </>
  );
}
