import { t } from '../../i18n/zh-CN';
import { useWorkQueue } from '../../stores/work-queue';
import { Field, DirectionSelect, ConsumableFields } from './fields';

/** 安装单 (§3.9) with its consumables. */
export function InstallFollowUp() {
  const { form, error } = useWorkQueue();
  const err = (field: string) => (error?.field === field ? error.message : null);
  return (
    <>
      <h3>{t.queue.install}</h3>
      <Field name="model" label={t.queue.model} value={form.model} error={err('model')} />
      <Field name="meterNo" label={t.queue.meterNo} value={form.meterNo} error={err('meterNo')} />
      <DirectionSelect />
      <Field name="baseReading" label={t.queue.baseReading} value={form.baseReading} error={err('baseReading')} />
      <ConsumableFields />
      <button type="submit" className="primary">
        {t.queue.saveInstall}
      </button>
    </>
  );
}
