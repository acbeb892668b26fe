import { FieldError } from '../../components/FieldError';
import { useBusinessAcceptance } from '../../stores/business-acceptance';

/** 其它: 换波纹管 (R-HOSE-01/03). */
export function HoseFields() {
  const state = useBusinessAcceptance();
  const { error, extras } = state;
  const fieldError = (field: string) => (error?.field === field ? error.message : null);
  return (
    <>
      <label>
        换波纹管长度（米，不换可空）
        <input name="hoseLength" value={extras.hoseLength} onChange={(e) => state.setExtras({ hoseLength: e.target.value })} />
      </label>
      <FieldError message={fieldError('hoseLength')} id="hoseLength-error" />
      <div className="hint">不锈钢波纹管只用于固定灶具；灶具须有熄火保护，热水器须为强排式且未超8年；软管不得与抽屉摩擦 (R-HOSE-03)</div>
    </>
  );
}
