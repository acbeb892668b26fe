import { FieldError } from '../../components/FieldError';
import { useBusinessAcceptance } from '../../stores/business-acceptance';

/** 统一装表数据保存 (P-UNI): the meter of a unified installation (R-UNI-02..05, R-MTR-03). */
export function UnifiedInstallFields() {
  const state = useBusinessAcceptance();
  const { error, extras, customer } = state;
  if (!customer) return null;
  const fieldError = (field: string) => (error?.field === field ? error.message : null);
  const extraInput = (name: 'model' | 'meterNo' | 'baseReading' | 'installedOn', label: string) => (
    <>
      <label>
        {label}
        <input name={name} value={extras[name]} onChange={(e) => state.setExtras({ [name]: e.target.value })} />
      </label>
      <FieldError message={error?.field === name ? error.message : null} id={`${name}-error`} />
    </>
  );
  return (
        <>
          <div className="hint">统一装表数据保存：表状态须为「报装」；保存后受理点火或改装 (R-UNI-02/03)</div>
          {customer.account.meterStatus === '未用' && (
            <label className="inline">
              <input
                type="checkbox"
                name="switchUnusedToApplied"
                checked={extras.switchUnusedToApplied}
                onChange={(e) => state.setExtras({ switchUnusedToApplied: e.target.checked })}
              />
              先将表状态「未用」改为「报装」 (R-MTR-03)
            </label>
          )}
          <FieldError message={fieldError('switchUnusedToApplied')} id="switchUnusedToApplied-error" />
          {extraInput('model', '燃气表型号')}
          {extraInput('meterNo', '表号')}
          <label>
            表方向
            <select name="direction" value={extras.direction} onChange={(e) => state.setExtras({ direction: e.target.value === '右进' ? '右进' : '左进' })}>
              <option value="左进">左进</option>
              <option value="右进">右进</option>
            </select>
          </label>
          {extraInput('baseReading', '表底数')}
          {extraInput('installedOn', '实施日期（原安装日期；不知道留空 = 2002-01-01）')}
        </>
  );
}
