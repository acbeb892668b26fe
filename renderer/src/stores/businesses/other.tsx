/** 其它 (换波纹管, R-HOSE-01/03): the hose length at acceptance, the 波纹管情况 once done. */
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { Field, useQueueForm } from '../../windows/work-queue/fields';
import { fieldAcceptance, type FieldBusiness, type PanelProps } from './types';

export interface HoseValues {
  hoseLength: string;
}
export const hoseDefaults: HoseValues = { hoseLength: '' };

/** 其它: 换波纹管 (R-HOSE-01/03). */
function HoseFields({ values: extras, set, fieldError }: PanelProps<HoseValues>) {
  return (
    <>
      <label>
        换波纹管长度（米，不换可空）
        <input name="hoseLength" value={extras.hoseLength} onChange={(e) => set({ hoseLength: e.target.value })} />
      </label>
      <FieldError message={fieldError('hoseLength')} id="hoseLength-error" />
      <div className="hint">不锈钢波纹管只用于固定灶具；灶具须有熄火保护，热水器须为强排式且未超8年；软管不得与抽屉摩擦 (R-HOSE-03)</div>
    </>
  );
}

export interface HoseForm {
  hoseInfo: string;
}
export const hoseFormDefaults: HoseForm = { hoseInfo: '' };

/** 波纹管情况 of 其它 (R-HOSE-01/03). */
function HoseFollowUp() {
  const { form, error } = useQueueForm();
  const err = (field: string) => (error?.field === field ? error.message : null);
  return (
    <>
      <h3>波纹管情况（普通用户信息）</h3>
      <Field name="hoseInfo" label="波纹管情况（规格、长度、更换日期）" value={form.hoseInfo} error={err('hoseInfo')} />
      <button type="submit" className="primary">
        保存
      </button>
    </>
  );
}

export const other: FieldBusiness<HoseForm> = {
  acceptance: fieldAcceptance<HoseValues>({
    kind: 'field',
    form: { defaults: hoseDefaults, Panel: HoseFields },
    errorFields: () => ['hoseLength'],
    acceptInput: (extras) => ({ hoseLength: extras.hoseLength }),
  }),
  followUp: {
    what: (row) => `${row.businessNo} 波纹管情况登记`,
    errorFields: ['hoseInfo'],
    defaults: hoseFormDefaults,
    Form: HoseFollowUp,
    save: (row, form) => call('followUps.hose', { businessId: row.id, hoseInfo: form.hoseInfo }),
  },
};
