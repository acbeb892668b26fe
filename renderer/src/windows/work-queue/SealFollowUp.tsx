import { t } from '../../i18n/zh-CN';
import { useWorkQueue, type QueueRow } from '../../stores/work-queue';
import { Field } from './fields';

/** 拆封启登记 of 封表, 拆表 and 启封 (§3.10). */
export function SealFollowUp({ row }: { row: QueueRow }) {
  const { form, error } = useWorkQueue();
  const err = (field: string) => (error?.field === field ? error.message : null);
  return (
    <>
      <h3>
        {t.queue.seal} ({row.type})
      </h3>
      <Field name="settledReading" label={t.queue.settledReading} value={form.settledReading} error={err('settledReading')} />
      <Field name="reason" label={t.queue.reason} value={form.reason} error={err('reason')} />
      <button type="submit" className="primary">
        {t.queue.saveSeal}
      </button>
    </>
  );
}
