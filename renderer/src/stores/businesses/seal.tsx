/** 封表, 拆表 and 启封 (DOMAIN §3.10): the 拆封启登记 once done; 启封 asks whether the ownership changed (R-UNSEAL-01/04). */
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { t } from '../../i18n/zh-CN';
import type { QueueRow } from '../work-queue';
import { Field, useQueueForm } from '../../windows/work-queue/fields';
import { fieldAcceptance, type FieldBusiness, type FollowUp, type PanelProps } from './types';

export interface UnsealValues {
  ownershipChanged: boolean;
}
export const unsealDefaults: UnsealValues = { ownershipChanged: false };

/** 启封: the owner's documents, and whether the ownership changed (R-UNSEAL-01/04). */
function UnsealFields({ values: extras, set, fieldError }: PanelProps<UnsealValues>) {
  return (
    <>
      <div className="hint">启封须户主身份证，他人代办须带身份证复印件，并填写启封申请表 (R-UNSEAL-01/04)</div>
      <label className="inline">
        <input type="checkbox" name="ownershipChanged" checked={extras.ownershipChanged} onChange={(e) => set({ ownershipChanged: e.target.checked })} />
        房屋产权已变更（须先过户）
      </label>
      <FieldError message={fieldError('ownershipChanged')} id="ownershipChanged-error" />
    </>
  );
}

/** 气表拆、封、启 form. */
export interface SealForm {
  settledReading: string;
  reason: string;
}
export const sealFormDefaults: SealForm = { settledReading: '', reason: '' };

/** 拆封启登记 of 封表, 拆表 and 启封 (§3.10). */
function SealFollowUp({ row }: { row: QueueRow }) {
  const { form, error } = useQueueForm();
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

const sealFollowUp: FollowUp<SealForm> = {
  what: (row) => `${row.businessNo} ${row.type}登记`,
  errorFields: ['settledReading', 'reason'],
  defaults: sealFormDefaults,
  Form: SealFollowUp,
  save: (row, form) => call('followUps.seal', { businessId: row.id, settledReading: form.settledReading, reason: form.reason }),
};

export const seal: FieldBusiness<SealForm> = { acceptance: { kind: 'field' }, followUp: sealFollowUp };
export const removal: FieldBusiness<SealForm> = { acceptance: { kind: 'field' }, followUp: sealFollowUp };
export const unseal: FieldBusiness<SealForm> = {
  acceptance: fieldAcceptance<UnsealValues>({
    kind: 'field',
    cookerNotice: true,
    form: { defaults: unsealDefaults, Panel: UnsealFields },
    errorFields: () => ['ownershipChanged'],
    acceptInput: (extras) => ({ ownershipChanged: extras.ownershipChanged }),
  }),
  followUp: sealFollowUp,
};
