/** 安检异常录入 → 整改情况回执记录 (R-RCPT-13, §3.13): 整改类型 = 整改完成, 安检结论 = 通过. */
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { accountAction, type PanelProps } from './types';

export interface HazardValues {
  inspectionYear: string;
  arrivalDate: string;
  rectificationDate: string;
  hazardResult: string;
  rectifier: string;
}
export const hazardDefaults: HazardValues = { inspectionYear: '', arrivalDate: '', rectificationDate: '', hazardResult: '', rectifier: '' };

const FIELDS: readonly [keyof HazardValues, string][] = [
  ['inspectionYear', '安检年度'],
  ['arrivalDate', '到场日期 (YYYY-MM-DD)'],
  ['rectificationDate', '整改日期'],
  ['hazardResult', '整改结果'],
  ['rectifier', '整改人员'],
];

/** 安检异常录入 → 整改情况回执记录 (R-RCPT-13): 整改类型 = 整改完成, 安检结论 = 通过. */
function HazardFields({ values: extras, set, error }: PanelProps<HazardValues>) {
  return (
    <>
      <div className="hint">整改类型：整改完成；安检结论：通过</div>
      {FIELDS.map(([name, label]) => (
        <div key={name}>
          <label>
            {label}
            <input name={name} value={extras[name]} onChange={(e) => set({ [name]: e.target.value })} />
          </label>
          <FieldError message={error?.field === name ? error.message : null} id={`${name}-error`} />
        </div>
      ))}
    </>
  );
}

export const hazard = accountAction<HazardValues>({
  kind: 'account',
  asksPhone: false,
  form: { defaults: hazardDefaults, Panel: HazardFields },
  errorFields: () => ['inspectionYear', 'arrivalDate', 'rectificationDate', 'hazardResult', 'rectifier'],
  async submit(ctx, extras) {
    const saved = await call('followUps.hazard', {
      accountId: ctx.customer.account.id,
      inspectionYear: extras.inspectionYear,
      arrivalDate: extras.arrivalDate,
      rectificationDate: extras.rectificationDate,
      result: extras.hazardResult,
      rectifier: extras.rectifier,
      consumables: [],
    });
    if (!saved.ok) return ctx.fail(saved.error, { result: 'hazardResult' });
    ctx.set({ busy: false, values: ctx.clearedValues(), done: `整改情况回执已保存，安检结论：${saved.value.conclusion}` });
    return true;
  },
});
