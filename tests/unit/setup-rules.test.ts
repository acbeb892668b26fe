/** Issue 12 #3: the setup's and 员工管理's cross-field rules (main/domain/setup.ts), without a store. */
import { describe, expect, it } from 'vitest';
import { checkSetupPlan, checkStaffChange, type SetupPlan } from '../../main/domain/setup.js';

const plan: SetupPlan = {
  halls: [{ code: 'LC', name: '鹿城营业厅' }, { code: 'HL', name: '黄龙营业厅' }],
  counters: [{ hallCode: 'LC', code: 'LC01', name: '1号窗口' }, { hallCode: 'HL', code: 'HL01', name: '1号窗口' }],
  admin: { login: 'boss', hallCode: 'LC', password: 'Secret2026' },
  staff: [{ login: 'clerk1', hallCode: 'HL', password: 'First2026a' }],
};
const refusal = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return { message: (e as Error).message, field: (e as { field?: string }).field };
  }
  return null;
};

describe('setup plan', () => {
  it('accepts two halls each with a counter', () => expect(refusal(() => checkSetupPlan(plan))).toBeNull());
  it.each([
    [{ ...plan, halls: [...plan.halls, { code: 'LC', name: '又一个' }] }, { message: '营业厅编号 LC 重复', field: 'halls.2.code' }],
    [{ ...plan, counters: [plan.counters[0]!] }, { message: '黄龙营业厅还没有柜台', field: 'counters' }],
    [{ ...plan, admin: { ...plan.admin, hallCode: 'XX' } }, { message: '营业厅 XX 不存在', field: 'admin.hallCode' }],
    [{ ...plan, staff: [{ login: 'BOSS', hallCode: 'LC', password: 'First2026a' }] }, { message: '工号 boss 重复', field: 'staff.0.login' }],
    [{ ...plan, staff: [{ login: 'clerk1', hallCode: 'LC', password: 'CLERK1abc' }] }, { message: '密码不能包含工号', field: 'staff.0.password' }],
  ])('refuses %#', (bad, expected) => expect(refusal(() => checkSetupPlan(bad))).toEqual(expected));
});

describe('staff changes', () => {
  const admin = { id: 'a', role: 'admin' as const, active: true };
  it('keeps one active administrator and refuses disabling oneself', () => {
    expect(refusal(() => checkStaffChange('a', admin, { kind: 'disable' }, 2))).toEqual({ message: '不能停用自己的账号', field: 'staffId' });
    expect(refusal(() => checkStaffChange('b', admin, { kind: 'disable' }, 1))).toEqual({ message: '至少要保留一名在用的系统管理员', field: 'staffId' });
    expect(refusal(() => checkStaffChange('a', admin, { kind: 'role', role: 'clerk' }, 1))).toEqual({ message: '至少要保留一名在用的系统管理员', field: 'role' });
    expect(refusal(() => checkStaffChange('b', admin, { kind: 'disable' }, 2))).toBeNull();
    expect(refusal(() => checkStaffChange('a', admin, { kind: 'role', role: 'admin' }, 1))).toBeNull();
  });
});
