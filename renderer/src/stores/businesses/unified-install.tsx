/** 统一装表数据保存 (P-UNI): the meter of a unified installation (R-UNI-02..05, R-MTR-03). */
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { accountAction, type PanelProps } from './types';

export interface UnifiedInstallValues {
  model: string;
  meterNo: string;
  direction: '左进' | '右进';
  baseReading: string;
  installedOn: string;
  switchUnusedToApplied: boolean;
}
export const unifiedInstallDefaults: UnifiedInstallValues = { model: '', meterNo: '', direction: '左进', baseReading: '', installedOn: '', switchUnusedToApplied: false };

/** 统一装表数据保存 (P-UNI): the meter of a unified installation (R-UNI-02..05, R-MTR-03). */
function UnifiedInstallFields({ customer, values: extras, set, error, fieldError }: PanelProps<UnifiedInstallValues>) {
  const extraInput = (name: 'model' | 'meterNo' | 'baseReading' | 'installedOn', label: string) => (
    <>
      <label>
        {label}
        <input name={name} value={extras[name]} onChange={(e) => set({ [name]: e.target.value })} />
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
                onChange={(e) => set({ switchUnusedToApplied: e.target.checked })}
              />
              先将表状态「未用」改为「报装」 (R-MTR-03)
            </label>
          )}
          <FieldError message={fieldError('switchUnusedToApplied')} id="switchUnusedToApplied-error" />
          {extraInput('model', '燃气表型号')}
          {extraInput('meterNo', '表号')}
          <label>
            表方向
            <select name="direction" value={extras.direction} onChange={(e) => set({ direction: e.target.value === '右进' ? '右进' : '左进' })}>
              <option value="左进">左进</option>
              <option value="右进">右进</option>
            </select>
          </label>
          {extraInput('baseReading', '表底数')}
          {extraInput('installedOn', '实施日期（原安装日期；不知道留空 = 2002-01-01）')}
        </>
  );
}

export const unifiedInstall = accountAction<UnifiedInstallValues>({
  kind: 'account',
  asksPhone: false,
  form: { defaults: unifiedInstallDefaults, Panel: UnifiedInstallFields },
  errorFields: () => ['model', 'meterNo', 'baseReading', 'installedOn', 'switchUnusedToApplied'],
  async submit(ctx, extras) {
    const { customer } = ctx;
    const saved = await call('meters.unifiedInstall', {
      accountId: customer.account.id,
      model: extras.model,
      meterNo: extras.meterNo,
      direction: extras.direction,
      baseReading: extras.baseReading,
      installedOn: extras.installedOn,
      switchUnusedToApplied: extras.switchUnusedToApplied,
    });
    if (!saved.ok) return ctx.fail(saved.error, { accountId: 'type' });
    await ctx.get().load(customer.account.id);
    const done = saved.value;
    // Next: the 点火 or 改装 of the installed meter.
    ctx.set({
      done: `统一装表数据已保存：表状态 ${done.meterStatus}，实施日期 ${done.installedOn}；请受理点火或改装`,
      values: ctx.clearedValues(),
      busy: false,
      type: '点火',
    });
    return true;
  },
});
