import { t } from '../../i18n/zh-CN';
import { useWorkQueue } from '../../stores/work-queue';
import { Field, DirectionSelect, ConsumableFields } from './fields';

/** 换表单 (附件6, R-VOL-01). */
export function MeterChangeFollowUp() {
  const { form, error } = useWorkQueue();
  const err = (field: string) => (error?.field === field ? error.message : null);
  return (
    <>
      <h3>换表单</h3>
      <div className="hint">旧表实际读数大于系统最新读数时，差额气费先生成未缴记录，请到前台收费收取 (R-VOL-01)</div>
      <Field name="oldActualReading" label="旧表实际读数" value={form.oldActualReading} error={err('oldActualReading')} />
      <Field name="model" label={`新表${t.queue.model}`} value={form.model} error={err('model')} />
      <Field name="meterNo" label={`新表${t.queue.meterNo}`} value={form.meterNo} error={err('meterNo')} />
      <DirectionSelect />
      <Field name="newReading" label="新表读数" value={form.newReading} error={err('newReading')} />
      <ConsumableFields />
      <button type="submit" className="primary">
        保存换表单
      </button>
    </>
  );
}
