/** 安检异常录入 → 整改情况回执记录 (R-RCPT-13, §3.13): 整改类型 = 整改完成, 安检结论 = 通过. */
import { call } from '../../api/client';
import type { AccountAction } from './types';

export interface HazardValues {
  inspectionYear: string;
  arrivalDate: string;
  rectificationDate: string;
  hazardResult: string;
  rectifier: string;
}
export const hazardDefaults: HazardValues = { inspectionYear: '', arrivalDate: '', rectificationDate: '', hazardResult: '', rectifier: '' };

export const hazard: AccountAction = {
  kind: 'account',
  asksPhone: false,
  errorFields: () => ['inspectionYear', 'arrivalDate', 'rectificationDate', 'hazardResult', 'rectifier'],
  async submit(ctx) {
    const { extras } = ctx.get();
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
    ctx.set({ busy: false, extras: ctx.emptyExtras, hazardSaved: `整改情况回执已保存，安检结论：${saved.value.conclusion}` });
    return true;
  },
};
