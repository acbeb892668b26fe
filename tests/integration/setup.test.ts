/**
 * Issue 12 #3: the first run. An empty, non-demo store has no hall, counter or user; `setup.complete` (public
 * only while nobody exists) creates the company, halls, counters, the first administrator with their own
 * password and the staff in one audited transaction; a second run, or bad input, changes nothing. Afterwards
 * administrators manage staff (add, disable, reset password — changed at the next log-in — and roles).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SIGN_IN_THROTTLE } from '../../main/domain/sign-in-throttle.js';
import type { Input } from '../../preload/contract.js';
import { TEMPLATES_DIR } from '../../scripts/gen-templates.js';
import { clientOn, makeTestHost, ok, type TestHost } from '../fixtures/host.js';

const hosts: TestHost[] = [];
function emptyHost(options: { throttled?: boolean } = {}): TestHost {
  const host = makeTestHost({ seed: false, demo: false, ...(options.throttled ? { settings: { signInThrottle: DEFAULT_SIGN_IN_THROTTLE } } : {}) });
  hosts.push(host);
  return host;
}
afterEach(() => {
  for (const h of hosts.splice(0)) h.dispose();
});

let connections = 0;
const anonymous = (host: TestHost) => clientOn(host, `setup-${++connections}`);

const PLAN: Input<'setup.complete'> = {
  company: { name: '温州燃气有限公司' },
  halls: [{ code: 'ou', name: '瓯海营业厅' }],
  counters: [
    { hallCode: 'OU', code: 'ou01', name: '1号窗口' },
    { hallCode: 'OU', code: 'OU02', name: '2号窗口' },
  ],
  admin: { login: 'zhangadmin', name: '张伟', hallCode: 'OU', password: 'Ouhai2026a' },
  staff: [
    { login: 'li01', name: '李娜', role: 'clerk', hallCode: 'OU', password: 'Start2026x', canDispatch: false },
    { login: 'zhao01', name: '赵强', role: 'manager', hallCode: 'OU', password: 'Start2026y', canDispatch: true },
  ],
};

function auditActions(host: TestHost): string[] {
  return host.store.sqlite.prepare('SELECT action FROM audit_log ORDER BY seq').pluck().all().map(String);
}

async function setUp(host: TestHost) {
  ok(await anonymous(host).call('setup.complete', PLAN));
  const counter = ok(await anonymous(host).call('auth.counters', {})).find((c) => c.code === 'OU01');
  if (!counter) throw new Error('no counter OU01');
  const admin = anonymous(host);
  ok(await admin.call('auth.login', { login: 'zhangadmin', password: 'Ouhai2026a', counterId: counter.id }));
  return { admin, counterId: counter.id };
}

describe('first run', () => {
  it('an empty store needs setup; nobody can sign in until it is done', async () => {
    const host = emptyHost();
    expect(ok(await anonymous(host).call('setup.status', {}))).toEqual({ needsSetup: true, companyName: null });
    expect(ok(await anonymous(host).call('auth.counters', {}))).toEqual([]);
  });

  it('setup.complete creates everything; the administrator signs in with their own password, no change asked', async () => {
    const host = emptyHost();
    expect(ok(await anonymous(host).call('setup.complete', PLAN))).toEqual({ halls: 1, counters: 2, staff: 3, adminLogin: 'zhangadmin' });
    expect(ok(await anonymous(host).call('setup.status', {}))).toEqual({ needsSetup: false, companyName: '温州燃气有限公司' });
    const counters = ok(await anonymous(host).call('auth.counters', {}));
    expect(counters.map((c) => [c.code, c.name, c.hallName])).toEqual([
      ['OU01', '1号窗口', '瓯海营业厅'],
      ['OU02', '2号窗口', '瓯海营业厅'],
    ]);
    const counterId = counters[0]?.id ?? '';
    const admin = anonymous(host);
    expect(await admin.call('auth.login', { login: 'zhangadmin', password: '123456', counterId })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    const session = ok(await admin.call('auth.login', { login: 'zhangadmin', password: 'Ouhai2026a', counterId }));
    expect(session).toMatchObject({ staffName: '张伟', role: 'admin', hallName: '瓯海营业厅', counterCode: 'OU01' });
    expect(session.mustChangePassword).toBeUndefined();
    // the staff set up by the administrator change their first password at their first log-in
    const clerk = anonymous(host);
    expect(ok(await clerk.call('auth.login', { login: 'li01', password: 'Start2026x', counterId })).mustChangePassword).toBe(true);
    expect(auditActions(host)).toEqual(['setup.complete', 'auth.sign_in_failed', 'auth.login', 'auth.login']);
  });

  it('a second setup.complete is refused and changes nothing', async () => {
    const host = emptyHost();
    ok(await anonymous(host).call('setup.complete', PLAN));
    const again: Input<'setup.complete'> = { ...PLAN, company: { name: '别的公司' }, halls: [{ code: 'XX', name: '新厅' }], counters: [{ hallCode: 'XX', code: 'XX01', name: '1号' }], admin: { ...PLAN.admin, login: 'intruder' }, staff: [] };
    expect(await anonymous(host).call('setup.complete', again)).toEqual({
      ok: false,
      error: { code: 'SETUP_DONE', message: '系统已完成初始设置，不能再次设置；请由系统管理员登录后在“员工管理”中维护员工' },
    });
    expect(ok(await anonymous(host).call('auth.counters', {})).map((c) => c.code)).toEqual(['OU01', 'OU02']);
    expect(ok(await anonymous(host).call('setup.status', {})).companyName).toBe('温州燃气有限公司');
    expect(auditActions(host)).toEqual(['setup.complete']);
    // a demo-seeded store is not empty either
    const seeded = makeTestHost();
    hosts.push(seeded);
    expect(ok(await anonymous(seeded).call('setup.status', {})).needsSetup).toBe(false);
    expect(await anonymous(seeded).call('setup.complete', PLAN)).toMatchObject({ ok: false, error: { code: 'SETUP_DONE' } });
  });

  it.each([
    ['an empty hall name', { ...PLAN, halls: [{ code: 'OU', name: '  ' }] }, { code: 'VALIDATION', message: '请输入营业厅名称', field: 'halls.0.name' }],
    ['a duplicate counter code', { ...PLAN, counters: [...PLAN.counters, { hallCode: 'OU', code: 'Ou01', name: '3号窗口' }] }, { code: 'VALIDATION', message: '柜台编号 OU01 重复', field: 'counters.2.code' }],
    ['a weak administrator password', { ...PLAN, admin: { ...PLAN.admin, password: 'abcdefgh' } }, { code: 'VALIDATION', message: '新密码须同时包含字母和数字', field: 'admin.password' }],
    ['the initial password', { ...PLAN, admin: { ...PLAN.admin, password: '123456' } }, { code: 'VALIDATION', message: '新密码至少8位', field: 'admin.password' }],
    ['a password with the 工号 in it', { ...PLAN, admin: { ...PLAN.admin, password: 'zhangadmin1' } }, { code: 'VALIDATION', message: '密码不能包含工号', field: 'admin.password' }],
    ['a counter of no hall', { ...PLAN, counters: [{ hallCode: 'LC', code: 'LC01', name: '1号窗口' }] }, { code: 'VALIDATION', message: '柜台所属营业厅 LC 不存在', field: 'counters.0.hallCode' }],
    ['a 工号 twice', { ...PLAN, staff: [...(PLAN.staff ?? []), { login: 'LI01', name: '李四', role: 'clerk' as const, hallCode: 'OU', password: 'Start2026z' }] }, { code: 'VALIDATION', message: '工号 li01 重复', field: 'staff.2.login' }],
    ['an unknown role', { ...PLAN, staff: [{ login: 'x01', name: '某', role: 'boss' as 'clerk', hallCode: 'OU', password: 'Start2026z' }] }, { code: 'VALIDATION', message: '请选择岗位', field: 'staff.0.role' }],
  ])('refuses %s with a typed error at the field and writes nothing', async (_what, plan, error) => {
    const host = emptyHost();
    expect(await anonymous(host).call('setup.complete', plan)).toEqual({ ok: false, error });
    expect(ok(await anonymous(host).call('setup.status', {}))).toEqual({ needsSetup: true, companyName: null });
    expect(ok(await anonymous(host).call('auth.counters', {}))).toEqual([]);
    expect(auditActions(host)).toEqual([]);
  });
});

describe('员工管理', () => {
  it('an administrator adds staff, who change the given password at their first log-in', async () => {
    const host = emptyHost();
    const { admin, counterId } = await setUp(host);
    const added = ok(await admin.call('staff.add', { login: 'wang02', name: '王芳', role: 'clerk', hallCode: 'ou', password: 'Temp2026ab' }));
    expect(added).toMatchObject({ login: 'wang02', name: '王芳', role: 'clerk', hallName: '瓯海营业厅', active: true, canDispatch: false, mustChangePassword: true });
    expect(await admin.call('staff.add', { login: 'WANG02', name: '重名', role: 'clerk', hallCode: 'OU', password: 'Temp2026ab' })).toEqual({ ok: false, error: { code: 'VALIDATION', message: '工号 WANG02 已存在', field: 'login' } });
    expect(await admin.call('staff.add', { login: 'wang03', name: '王三', role: 'clerk', hallCode: 'OU', password: 'short1' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'password' } });
    const clerk = anonymous(host);
    expect(ok(await clerk.call('auth.login', { login: 'wang02', password: 'Temp2026ab', counterId })).mustChangePassword).toBe(true);
    expect(await clerk.call('accounts.search', { query: '温州' })).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    ok(await clerk.call('auth.changePassword', { currentPassword: 'Temp2026ab', newPassword: 'Mine2026cd' }));
    const list = ok(await admin.call('staff.list', {}));
    expect(list.staff.map((s) => [s.login, s.role, s.active, s.mustChangePassword])).toEqual([
      ['li01', 'clerk', true, true],
      ['wang02', 'clerk', true, false],
      ['zhangadmin', 'admin', true, false],
      ['zhao01', 'manager', true, true],
    ]);
    expect(list.halls.map((h) => h.code)).toEqual(['OU']);
  });

  it('disables a member (who can no longer sign in) and resets a password (changed at the next log-in)', async () => {
    const host = emptyHost();
    const { admin, counterId } = await setUp(host);
    const li = ok(await admin.call('staff.list', {})).staff.find((s) => s.login === 'li01');
    const zhao = ok(await admin.call('staff.list', {})).staff.find((s) => s.login === 'zhao01');
    if (!li || !zhao) throw new Error('staff missing');
    const signedInClerk = anonymous(host);
    ok(await signedInClerk.call('auth.login', { login: 'li01', password: 'Start2026x', counterId }));
    expect(ok(await admin.call('staff.disable', { staffId: li.id }))).toMatchObject({ login: 'li01', active: false });
    // the disabled member's open session ends at once
    expect(await signedInClerk.call('auth.session', {})).toEqual({ ok: true, value: null });
    expect(await anonymous(host).call('auth.login', { login: 'li01', password: 'Start2026x', counterId })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    expect(ok(await admin.call('staff.resetPassword', { staffId: zhao.id, password: 'Reset2026q' }))).toMatchObject({ login: 'zhao01', mustChangePassword: true });
    const manager = anonymous(host);
    expect(await manager.call('auth.login', { login: 'zhao01', password: 'Start2026y', counterId })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    expect(ok(await manager.call('auth.login', { login: 'zhao01', password: 'Reset2026q', counterId })).mustChangePassword).toBe(true);
    expect(auditActions(host)).toEqual(expect.arrayContaining(['staff.disable', 'staff.password_reset']));
  });

  it('a password reset also lifts the sign-in lockout of the member', async () => {
    const host = emptyHost({ throttled: true });
    const { admin, counterId } = await setUp(host);
    for (let i = 0; i < 5; i++) {
      await anonymous(host).call('auth.login', { login: 'li01', password: 'forgotten1', counterId: 'nowhere' });
      host.clock.current = new Date(host.clock.current.getTime() + 60_000);
    }
    expect(await anonymous(host).call('auth.login', { login: 'li01', password: 'Start2026x', counterId })).toMatchObject({ ok: false, error: { code: 'THROTTLED' } });
    const li = ok(await admin.call('staff.list', {})).staff.find((s) => s.login === 'li01');
    ok(await admin.call('staff.resetPassword', { staffId: li?.id ?? '', password: 'Reset2026q' }));
    expect(ok(await anonymous(host).call('auth.login', { login: 'li01', password: 'Reset2026q', counterId })).mustChangePassword).toBe(true);
  });

  it('sets roles; an administrator cannot disable themselves or leave the store without an administrator', async () => {
    const host = emptyHost();
    const { admin, counterId } = await setUp(host);
    const people = ok(await admin.call('staff.list', {})).staff;
    const self = people.find((s) => s.login === 'zhangadmin');
    const zhao = people.find((s) => s.login === 'zhao01');
    if (!self || !zhao) throw new Error('staff missing');
    expect(await admin.call('staff.disable', { staffId: self.id })).toEqual({ ok: false, error: { code: 'VALIDATION', message: '不能停用自己的账号', field: 'staffId' } });
    expect(await admin.call('staff.setRole', { staffId: self.id, role: 'manager' })).toEqual({ ok: false, error: { code: 'VALIDATION', message: '至少要保留一名在用的系统管理员', field: 'role' } });
    expect(ok(await admin.call('staff.setRole', { staffId: zhao.id, role: 'admin', canDispatch: false }))).toMatchObject({ role: 'admin', canDispatch: false });
    // with a second administrator the first may step down; the second then cannot disable the last one
    expect(ok(await admin.call('staff.setRole', { staffId: self.id, role: 'manager' }))).toMatchObject({ role: 'manager' });
    // a changed role takes effect at once: the session ends, and signed in again the manager may not manage staff
    expect(await admin.call('staff.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    ok(await admin.call('auth.login', { login: 'zhangadmin', password: 'Ouhai2026a', counterId }));
    expect(await admin.call('staff.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const second = anonymous(host);
    ok(await second.call('auth.login', { login: 'zhao01', password: 'Start2026y', counterId }));
    ok(await second.call('auth.changePassword', { currentPassword: 'Start2026y', newPassword: 'Zhao2026new' }));
    expect(await second.call('staff.disable', { staffId: zhao.id })).toMatchObject({ ok: false, error: { message: '不能停用自己的账号' } });
    expect(await second.call('staff.setRole', { staffId: zhao.id, role: 'clerk' })).toMatchObject({ ok: false, error: { message: '至少要保留一名在用的系统管理员' } });
  });

  it('only administrators manage staff: a clerk is FORBIDDEN, an anonymous caller UNAUTHENTICATED', async () => {
    const host = emptyHost();
    const { counterId } = await setUp(host);
    const clerk = anonymous(host);
    ok(await clerk.call('auth.login', { login: 'li01', password: 'Start2026x', counterId }));
    ok(await clerk.call('auth.changePassword', { currentPassword: 'Start2026x', newPassword: 'Li2026pass' }));
    const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: '您的岗位没有此项操作权限' } };
    expect(await clerk.call('staff.list', {})).toEqual(forbidden);
    expect(await clerk.call('staff.add', { login: 'x01', name: '某', role: 'admin', hallCode: 'OU', password: 'Start2026z' })).toEqual(forbidden);
    expect(await clerk.call('staff.setRole', { staffId: 'any', role: 'admin' })).toEqual(forbidden);
    expect(await anonymous(host).call('staff.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe("the wizard's import step (issue 12 #3)", () => {
  const shipped = (kind: string) => readFileSync(join(TEMPLATES_DIR, `${kind}-sample.csv`)).toString('base64');

  it('imports only as the signed-in administrator; the shipped samples land in their hall and an imported account pays', async () => {
    const host = emptyHost();
    // before the wizard signs its administrator in, and after it signs out, the import is refused
    const before = anonymous(host);
    expect(await before.call('imports.run', { kind: 'tariffs', file: shipped('tariffs') })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const { admin, counterId } = await setUp(host);
    const clerk = anonymous(host);
    ok(await clerk.call('auth.login', { login: 'li01', password: 'Start2026x', counterId }));
    ok(await clerk.call('auth.changePassword', { currentPassword: 'Start2026x', newPassword: 'Li2026pass' }));
    expect(await clerk.call('imports.run', { kind: 'tariffs', file: shipped('tariffs') })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const counts = [];
    for (const kind of ['tariffs', 'accounts', 'bills'] as const) counts.push(ok(await admin.call('imports.run', { kind, file: shipped(kind) })).counts);
    expect(counts).toEqual([
      { rows: 2, inserted: 2, updated: 0, unchanged: 0 },
      { rows: 3, inserted: 3, updated: 0, unchanged: 0 },
      { rows: 3, inserted: 3, updated: 0, unchanged: 0 },
    ]);
    ok(await admin.call('auth.logout', {}));
    expect(await admin.call('imports.run', { kind: 'tariffs', file: shipped('tariffs') })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // the clerk of that hall finds the imported accounts and takes a payment for one
    const hits = ok(await clerk.call('accounts.search', { query: '府前街12号' })).rows;
    expect(hits.map((h) => [h.accountNo, h.unpaidCount, h.unpaidFen])).toEqual([
      ['90000001', 1, 11923],
      ['90000002', 2, 19320],
    ]);
    const lisi = ok(await clerk.call('bills.unpaid', { accountId: hits[1]?.id ?? '' }));
    // no 应缴日期 in the file: due 30 days after the reading; on 2026-11-23 103.50 × 0.3% × 34天 = 10.55 → 10.50
    expect([lisi.gasFen, lisi.totalFen, lisi.bills.map((b) => [b.readingDate, b.dueDate, b.gasFen, b.lateFeeFen])]).toEqual([
      19320,
      20370,
      [
        ['2026-09-20', '2026-10-20', 10350, 1050],
        ['2026-11-18', '2026-12-18', 8970, 0],
      ],
    ]);
    const zhang = ok(await clerk.call('bills.unpaid', { accountId: hits[0]?.id ?? '' }));
    expect([zhang.gasFen, zhang.lateFeeFen, zhang.totalFen]).toEqual([11923, 300, 12223]);
    const paid = ok(await clerk.call('payments.payCash', { accountId: hits[0]?.id ?? '', billIds: zhang.bills.map((b) => b.id), tendered: '130', expectedTotalFen: 12223 }));
    expect(paid).toMatchObject({ totalFen: 12223, changeFen: 777 });
  });
});
