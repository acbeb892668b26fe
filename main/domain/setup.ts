/**
 * Issue 12 #3: the rules of the first-run setup and of 员工管理 that span more than one field (each field's
 * own format — codes, names, 工号, password strength — is the contract's, preload/contract/setup.ts, the
 * password the same as at the first-log-in change). Pure: the service passes what the store holds.
 */
import { DomainError } from '../../preload/kernel/errors.js';
import type { StaffRole } from '../../preload/kernel/enums.js';

export interface SetupPlan {
  halls: readonly { code: string; name: string }[];
  counters: readonly { hallCode: string; code: string; name: string }[];
  admin: { login: string; hallCode: string; password: string };
  staff: readonly { login: string; hallCode: string; password: string }[];
}

/** The first index in `values` whose value came before, or -1. */
function firstRepeat(values: readonly string[]): number {
  const seen = new Set<string>();
  for (const [i, v] of values.entries()) {
    if (seen.has(v)) return i;
    seen.add(v);
  }
  return -1;
}

/** A chosen password may not contain the 工号 (checked as the person types it at the log-in). */
export function checkPasswordForLogin(login: string, password: string, field: string): void {
  if (login.length > 0 && password.toLowerCase().includes(login.toLowerCase())) {
    throw new DomainError('VALIDATION', '密码不能包含工号', field);
  }
}

/** Refuses a plan whose halls, counters or 工号 repeat, or that names a hall it does not set up. */
export function checkSetupPlan(plan: SetupPlan): void {
  const hallRepeat = firstRepeat(plan.halls.map((h) => h.code));
  if (hallRepeat >= 0) throw new DomainError('VALIDATION', `营业厅编号 ${plan.halls[hallRepeat]?.code} 重复`, `halls.${hallRepeat}.code`);
  const hallNameRepeat = firstRepeat(plan.halls.map((h) => h.name));
  if (hallNameRepeat >= 0) throw new DomainError('VALIDATION', `营业厅名称 ${plan.halls[hallNameRepeat]?.name} 重复`, `halls.${hallNameRepeat}.name`);
  const hallCodes = new Set(plan.halls.map((h) => h.code));
  for (const [i, c] of plan.counters.entries()) {
    if (!hallCodes.has(c.hallCode)) throw new DomainError('VALIDATION', `柜台所属营业厅 ${c.hallCode} 不存在`, `counters.${i}.hallCode`);
  }
  const counterRepeat = firstRepeat(plan.counters.map((c) => c.code));
  if (counterRepeat >= 0) throw new DomainError('VALIDATION', `柜台编号 ${plan.counters[counterRepeat]?.code} 重复`, `counters.${counterRepeat}.code`);
  for (const hall of plan.halls) {
    if (!plan.counters.some((c) => c.hallCode === hall.code)) {
      throw new DomainError('VALIDATION', `${hall.name}还没有柜台`, 'counters');
    }
  }
  if (!hallCodes.has(plan.admin.hallCode)) throw new DomainError('VALIDATION', `营业厅 ${plan.admin.hallCode} 不存在`, 'admin.hallCode');
  checkPasswordForLogin(plan.admin.login, plan.admin.password, 'admin.password');
  const logins = [plan.admin.login, ...plan.staff.map((s) => s.login)].map((l) => l.toLowerCase());
  const loginRepeat = firstRepeat(logins);
  if (loginRepeat >= 0) throw new DomainError('VALIDATION', `工号 ${logins[loginRepeat]} 重复`, `staff.${loginRepeat - 1}.login`);
  for (const [i, s] of plan.staff.entries()) {
    if (!hallCodes.has(s.hallCode)) throw new DomainError('VALIDATION', `营业厅 ${s.hallCode} 不存在`, `staff.${i}.hallCode`);
    checkPasswordForLogin(s.login, s.password, `staff.${i}.password`);
  }
}

export interface StaffState {
  id: string;
  role: StaffRole;
  active: boolean;
}

/**
 * 员工管理: an administrator does not disable themselves, and the store always keeps one active administrator
 * (disabling or changing the role of the last one is refused).
 */
export function checkStaffChange(
  actorId: string,
  target: StaffState,
  change: { kind: 'disable' } | { kind: 'role'; role: StaffRole },
  activeAdmins: number,
): void {
  if (change.kind === 'disable' && target.id === actorId) throw new DomainError('VALIDATION', '不能停用自己的账号', 'staffId');
  if (change.kind === 'disable' && !target.active) throw new DomainError('VALIDATION', '该员工已停用', 'staffId');
  const losesAdmin = target.role === 'admin' && target.active && (change.kind === 'disable' || change.role !== 'admin');
  if (losesAdmin && activeAdmins <= 1) {
    throw new DomainError('VALIDATION', '至少要保留一名在用的系统管理员', change.kind === 'role' ? 'role' : 'staffId');
  }
}
