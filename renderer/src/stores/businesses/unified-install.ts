/** 统一装表数据保存 (P-UNI): the meter of a unified installation (R-UNI-02..05, R-MTR-03). */
import { call } from '../../api/client';
import type { AccountAction } from './types';

export interface UnifiedInstallValues {
  model: string;
  meterNo: string;
  direction: '左进' | '右进';
  baseReading: string;
  installedOn: string;
  switchUnusedToApplied: boolean;
}
export const unifiedInstallDefaults: UnifiedInstallValues = { model: '', meterNo: '', direction: '左进', baseReading: '', installedOn: '', switchUnusedToApplied: false };

export const unifiedInstall: AccountAction = {
  kind: 'account',
  asksPhone: false,
  errorFields: () => ['model', 'meterNo', 'baseReading', 'installedOn', 'switchUnusedToApplied'],
  async submit(ctx) {
    const { customer } = ctx;
    const { extras } = ctx.get();
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
    // Next: the 点火 or 改装 of the installed meter.
    ctx.set({ unifiedSaved: saved.value, extras: ctx.emptyExtras, busy: false, type: '点火' });
    return true;
  },
};
