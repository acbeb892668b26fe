import { FieldError } from '../../components/FieldError';
import { useBusinessAcceptance, type ExtraValues } from '../../stores/business-acceptance';

type HazardField = 'inspectionYear' | 'arrivalDate' | 'rectificationDate' | 'hazardResult' | 'rectifier';

const FIELDS: readonly [HazardField, string][] = [
  ['inspectionYear', '安检年度'],
  ['arrivalDate', '到场日期 (YYYY-MM-DD)'],
  ['rectificationDate', '整改日期'],
  ['hazardResult', '整改结果'],
  ['rectifier', '整改人员'],
];

/** 安检异常录入 → 整改情况回执记录 (R-RCPT-13): 整改类型 = 整改完成, 安检结论 = 通过. */
export function HazardFields() {
  const state = useBusinessAcceptance();
  const { error, extras } = state;
  return (
    <>
      <div className="hint">整改类型：整改完成；安检结论：通过</div>
      {FIELDS.map(([name, label]) => (
        <div key={name}>
          <label>
            {label}
            <input name={name} value={extras[name]} onChange={(e) => state.setExtras({ [name]: e.target.value } as Partial<ExtraValues>)} />
          </label>
          <FieldError message={error?.field === name ? error.message : null} id={`${name}-error`} />
        </div>
      ))}
    </>
  );
}
