/** 安装: the 安装单 once done (DOMAIN §3.9): the meter and the consumables. */
import { call } from '../../api/client';
import { t } from '../../i18n/zh-CN';
import { ConsumableFields, DirectionSelect, Field, useQueueForm } from '../../windows/work-queue/fields';
import { consumablesFormDefaults, consumablesOf, type ConsumablesForm, type FieldBusiness } from './types';

/** The meter on the install and meter-change forms, and their consumables line. */
export interface MeterForm extends ConsumablesForm {
  model: string;
  meterNo: string;
  direction: '左进' | '右进';
}
export const meterFormDefaults: MeterForm = { model: '', meterNo: '', direction: '左进', ...consumablesFormDefaults };

export interface InstallForm extends MeterForm {
  baseReading: string;
}
export const installFormDefaults: InstallForm = { ...meterFormDefaults, baseReading: '' };

/** 安装单 (§3.9) with its consumables. */
function InstallFollowUp() {
  const { form, error } = useQueueForm();
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

export const install: FieldBusiness<InstallForm> = {
  acceptance: { kind: 'field' },
  followUp: {
    what: (row) => `${row.businessNo} 安装单登记`,
    errorFields: ['model', 'meterNo', 'baseReading', 'consumables'],
    defaults: installFormDefaults,
    Form: InstallFollowUp,
    save: (row, form) =>
      call('followUps.install', {
        businessId: row.id,
        model: form.model,
        meterNo: form.meterNo,
        direction: form.direction,
        baseReading: form.baseReading,
        consumables: consumablesOf(form),
      }),
  },
};
