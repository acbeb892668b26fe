/**
 * Issue 12 #3: the first-run setup wizard's state. Each step's fields are checked with the contract's own
 * schema as the step is left (the same messages main gives), the cross-field rules (a code twice, a password
 * with the 工号) by main when 完成 is pressed; any error lands at its field, on the step that owns it.
 */
import { create } from 'zustand';
import { contract, type Input } from '../../../preload/contract';
import type { StaffRole } from '../../../preload/kernel/enums';
import { call } from '../api/client';

export const SETUP_STEPS = ['公司与营业厅', '柜台', '管理员', '员工', '确认'] as const;
/** Shown once the setup is saved: the legacy data import (optional), as the new administrator. */
export const IMPORT_STEP = '导入旧数据';

export interface CounterDraft {
  code: string;
  name: string;
}
export interface StaffDraft {
  login: string;
  name: string;
  role: StaffRole;
  password: string;
  canDispatch: boolean;
}

interface SetupState {
  /** null until asked; true while the store has nobody in it. */
  needsSetup: boolean | null;
  step: number;
  companyName: string;
  hallCode: string;
  hallName: string;
  counters: CounterDraft[];
  admin: { login: string; name: string; password: string; confirm: string };
  staff: StaffDraft[];
  /** Errors by field path (company.name, counters.1.code, admin.password, staff.0.login) or '' for the step. */
  errors: Record<string, string>;
  busy: boolean;
  done: { halls: number; counters: number; staff: number; adminLogin: string } | null;
  /**
   * After 完成: the new administrator signed in at the first counter with the password they just set (the import
   * needs a signed-in administrator), or why not. Signed out again when the wizard hands over to the log-in.
   */
  adminSession: { signedIn: true; counterName: string } | { signedIn: false; message: string } | null;
  check(): Promise<void>;
  patch(values: Partial<Pick<SetupState, 'companyName' | 'hallCode' | 'hallName' | 'counters' | 'admin' | 'staff'>>): void;
  next(): void;
  back(): void;
  finish(): Promise<void>;
  /** After 完成 (and the optional import): sign the wizard's administrator out, then the log-in window. */
  toLogin(): Promise<void>;
}

type Plan = Input<'setup.complete'>;

function plan(s: SetupState): Plan {
  const hallCode = s.hallCode;
  return {
    company: { name: s.companyName },
    halls: [{ code: hallCode, name: s.hallName }],
    counters: s.counters.map((c) => ({ hallCode, code: c.code, name: c.name })),
    admin: { login: s.admin.login, name: s.admin.name, hallCode, password: s.admin.password },
    staff: s.staff.map((p) => ({ login: p.login, name: p.name, role: p.role, hallCode, password: p.password, canDispatch: p.canDispatch })),
  };
}

const shape = contract['setup.complete'].input.shape;
const STEP_PARTS: readonly (readonly (keyof typeof shape)[])[] = [['company', 'halls'], ['counters'], ['admin'], ['staff'], []];

/** The step that shows a field (its first path segment). */
export function stepOf(field: string | undefined): number {
  const head = (field ?? '').split('.')[0] ?? '';
  const step = STEP_PARTS.findIndex((parts) => (parts as readonly string[]).includes(head));
  return step < 0 ? SETUP_STEPS.length - 1 : step;
}

/** The contract's refusals of one step's fields, by path (the first per field). */
function stepErrors(s: SetupState, step: number): Record<string, string> {
  const errors: Record<string, string> = {};
  const values = plan(s);
  for (const part of STEP_PARTS[step] ?? []) {
    const parsed = shape[part].safeParse(values[part]);
    if (parsed.success) continue;
    for (const issue of parsed.error.issues) {
      const path = [part, ...issue.path.map(String)].join('.');
      errors[path] ??= issue.message;
    }
  }
  if (step === 2 && s.admin.password !== s.admin.confirm && !errors['admin.password']) errors['admin.confirm'] = '两次输入的密码不一致';
  return errors;
}

/**
 * The administrator just created signs in at the first counter of the plan with their own password, so the
 * wizard's import step runs with the administrator's role like any import (imports.* stay manager/admin only).
 */
async function signInAdmin(s: SetupState): Promise<NonNullable<SetupState['adminSession']>> {
  const first = s.counters[0]?.code.trim().toUpperCase() ?? '';
  const counters = await call('auth.counters', {});
  if (!counters.ok) return { signedIn: false, message: counters.error.message };
  const counter = counters.value.find((c) => c.code.toUpperCase() === first) ?? counters.value[0];
  if (!counter) return { signedIn: false, message: '没有可用的柜台' };
  const res = await call('auth.login', { login: s.admin.login, password: s.admin.password, counterId: counter.id });
  return res.ok ? { signedIn: true, counterName: `${counter.code} ${counter.name}` } : { signedIn: false, message: res.error.message };
}

export const useSetup = create<SetupState>((set, get) => ({
  needsSetup: null,
  step: 0,
  companyName: '',
  hallCode: '',
  hallName: '',
  counters: [{ code: '', name: '1号窗口' }],
  admin: { login: '', name: '', password: '', confirm: '' },
  staff: [],
  errors: {},
  busy: false,
  done: null,
  adminSession: null,
  async check() {
    const res = await call('setup.status', {});
    set({ needsSetup: res.ok ? res.value.needsSetup : false });
  },
  patch(values) {
    set(values);
  },
  next() {
    const s = get();
    const errors = stepErrors(s, s.step);
    set(Object.keys(errors).length > 0 ? { errors } : { errors: {}, step: Math.min(s.step + 1, SETUP_STEPS.length - 1) });
  },
  back() {
    set((s) => ({ errors: {}, step: Math.max(0, s.step - 1) }));
  },
  async finish() {
    const s = get();
    for (let step = 0; step < SETUP_STEPS.length - 1; step++) {
      const errors = stepErrors(s, step);
      if (Object.keys(errors).length > 0) return set({ errors, step });
    }
    set({ busy: true, errors: {} });
    const res = await call('setup.complete', plan(s));
    if (res.ok) {
      const adminSession = await signInAdmin(s);
      return set({ busy: false, done: res.value, adminSession, admin: { ...s.admin, password: '', confirm: '' }, staff: s.staff.map((p) => ({ ...p, password: '' })) });
    }
    const field = res.error.field ?? '';
    set({ busy: false, errors: { [field]: res.error.message }, step: field ? stepOf(field) : SETUP_STEPS.length - 1 });
  },
  async toLogin() {
    if (get().adminSession?.signedIn) await call('auth.logout', {});
    set({ needsSetup: false, done: null, adminSession: null, step: 0 });
  },
}));
