/**
 * Issue 10 #13 (R-SEC-27): log-in, screen unlock and an approver's sign-in are throttled per user and per
 * counter (back-off doubling after the 3rd failure, lockout at the 5th until an administrator unlocks or
 * 30 minutes pass), counted in the store; every failure is audited; an unknown login costs one scrypt like
 * a wrong password, and a right password of the wrong role fails exactly like a wrong one. Outside demo
 * mode the initial password must be changed first. The clock is the fixture's: nothing sleeps.
 */
import * as crypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backoffDelayMs, DEFAULT_SIGN_IN_THROTTLE } from '../../main/domain/sign-in-throttle.js';
import { addAccount, addBill, clientOn, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { deactivateStaff } from '../fixtures/data.js';

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, scryptSync: vi.fn(actual.scryptSync) };
});
const scryptCalls = () => vi.mocked(crypto.scryptSync).mock.calls.length;

const hosts: TestHost[] = [];
function throttledHost(options: { demo?: boolean; dir?: string; seed?: boolean } = {}): TestHost {
  const host = makeTestHost({ ...options, settings: { signInThrottle: DEFAULT_SIGN_IN_THROTTLE } });
  hosts.push(host);
  return host;
}
afterEach(() => {
  for (const h of hosts.splice(0)) h.dispose();
});

const BAD_LOGIN = { ok: false, error: { code: 'BAD_CREDENTIALS', message: '工号或密码错误', field: 'password' } };
const BAD_APPROVER = { ok: false, error: { code: 'BAD_CREDENTIALS', message: '审批人工号或密码错误', field: 'approver' } };

function advance(host: TestHost, ms: number): void {
  host.clock.current = new Date(host.clock.current.getTime() + ms);
}

function audit(host: TestHost, action: string): { entity_id: string; actor_id: string | null; detail: string }[] {
  return host.store.sqlite.prepare('SELECT entity_id, actor_id, detail FROM audit_log WHERE action = ? ORDER BY seq').all(action) as never;
}

describe('no enumeration', () => {
  it('an unknown login, an inactive one and a wrong password each cost one scrypt and get the same answer', async () => {
    const host = throttledHost();
    deactivateStaff(host, 'clerk03');
    const answers = [];
    for (const [login, password] of [['nobody', '123456'], ['clerk01', 'wrong'], ['clerk03', '123456']] as const) {
      const before = scryptCalls();
      answers.push(await clientOn(host, `c-${login}`).call('auth.login', { login, password, counterId: 'counter-lc01' }));
      expect(scryptCalls() - before, login).toBe(1);
    }
    for (const answer of answers) expect(answer).toEqual(BAD_LOGIN);
    expect(audit(host, 'auth.sign_in_failed').map((r) => [r.entity_id, JSON.parse(r.detail).reason])).toEqual([
      ['nobody', 'unknown_user'],
      ['clerk01', 'bad_password'],
      ['clerk03', 'inactive'],
    ]);
  });

  it('an approver with the right password but a role that may not approve is refused exactly like a wrong password', async () => {
    const host = throttledHost();
    const ids = addAccount(host, { accountNo: '93100001', name: '审批', address: '温州市鹿城区审批路1号', reading: 12300 });
    addBill(host, ids, { id: 'r-1', readingDate: '2026-11-10', previous: 10000, current: 12300, amountFen: 7935, dueDate: '2026-12-10' });
    const clerk = await signIn(host);
    expect(await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['r-1'], tendered: '80', expectedTotalFen: 7935 })).toMatchObject({ ok: true });
    const reverse = (login: string, password: string) => clerk.call('payments.reverse', { slipNo: 'LC01-00000001', reason: '测试', approver: { login, password } });
    const wrongRole = await reverse('reviewer01', '123456');
    advance(host, 60_000);
    const wrongPassword = await reverse('manager01', 'wrong');
    advance(host, 60_000);
    const unknown = await reverse('nobody', '123456');
    expect(wrongRole).toEqual(BAD_APPROVER);
    expect(wrongPassword).toEqual(BAD_APPROVER);
    expect(unknown).toEqual(BAD_APPROVER);
    expect(audit(host, 'auth.sign_in_failed').map((r) => JSON.parse(r.detail).reason)).toEqual(['wrong_role', 'bad_password', 'unknown_user']);
    // a clerk may not approve a waiver and a technician may not review a cash report (R-CASH-05): same answer
    advance(host, 60_000);
    expect(await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['r-1'], tendered: '80', expectedTotalFen: 7935, approver: { login: 'clerk02', password: '123456' } })).toEqual(BAD_APPROVER);
    advance(host, 60_000);
    expect(await clerk.call('cashReport.review', { clerkLogin: 'clerk02', reviewer: { login: 'tech01', password: '123456' } })).toEqual({
      ok: false,
      error: { code: 'BAD_CREDENTIALS', message: '审批人工号或密码错误', field: 'reviewer' },
    });
    advance(host, 60_000);
    expect(await reverse('manager01', '123456')).toMatchObject({ ok: true });
  });
});

describe('throttling', () => {
  it('the wait doubles after the 3rd failure', () => {
    const rule = DEFAULT_SIGN_IN_THROTTLE.user;
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelayMs(rule, n))).toEqual([0, 0, 5_000, 10_000, 20_000, 40_000]);
  });

  it('per user: back-off after 3 failures, lockout at 5 until 30 minutes pass, each failure audited', async () => {
    const host = throttledHost();
    const login = (password: string, counterId = 'counter-lc01') => clientOn(host, 'c-1').call('auth.login', { login: 'clerk01', password, counterId });
    for (let i = 0; i < 3; i++) expect(await login('wrong')).toEqual(BAD_LOGIN);
    // 10:00:00 + 5 s, in the hall's time zone; even the right password waits, and at another counter too
    const backoff = { ok: false, error: { code: 'THROTTLED', message: '登录失败次数过多，请于 2026-11-23 10:00:05 后再试', field: 'password' } };
    expect(await login('123456')).toEqual(backoff);
    expect(await login('123456', 'counter-lc02')).toEqual(backoff);
    advance(host, 5_000);
    expect(await login('wrong')).toEqual(BAD_LOGIN);
    advance(host, 9_999);
    expect(await login('wrong')).toMatchObject({ ok: false, error: { code: 'THROTTLED', message: '登录失败次数过多，请于 2026-11-23 10:00:15 后再试' } });
    advance(host, 1);
    expect(await login('wrong')).toEqual(BAD_LOGIN);
    const lockedOut = {
      ok: false,
      error: { code: 'THROTTLED', message: '登录失败次数过多，已暂时锁定，请于 2026-11-23 10:30:15 后再试，或请系统管理员解锁', field: 'password' },
    };
    expect(await login('123456')).toEqual(lockedOut);
    advance(host, 29 * 60_000);
    expect(await login('123456')).toEqual(lockedOut);
    expect(audit(host, 'auth.sign_in_failed')).toHaveLength(5);
    expect(audit(host, 'auth.sign_in_failed').every((r) => r.entity_id === 'clerk01' && JSON.parse(r.detail).counterId === 'counter-lc01')).toBe(true);
    expect(audit(host, 'auth.sign_in_throttled')).toHaveLength(5);
    advance(host, 60_000);
    expect(await login('123456')).toMatchObject({ ok: true, value: { staffName: '王丽' } });
    // success starts over
    expect(host.store.sqlite.prepare('SELECT count(*) FROM sign_in_failures').pluck().get()).toBe(0);
  });

  it('per counter: many logins tried at one counter lock that counter, not the others', async () => {
    const host = throttledHost();
    const rule = DEFAULT_SIGN_IN_THROTTLE.counter;
    for (let i = 1; i <= rule.lockoutAfter; i++) {
      expect(await clientOn(host, 'c').call('auth.login', { login: `guess${i}`, password: 'x', counterId: 'counter-lc02' })).toEqual(BAD_LOGIN);
      advance(host, backoffDelayMs(rule, i));
    }
    expect(await clientOn(host, 'c').call('auth.login', { login: 'clerk02', password: '123456', counterId: 'counter-lc02' })).toMatchObject({ ok: false, error: { code: 'THROTTLED' } });
    expect(await clientOn(host, 'c').call('auth.login', { login: 'clerk02', password: '123456', counterId: 'counter-lc01' })).toMatchObject({ ok: true });
  });

  it('per counter: a made-up counterId on each try still counts, under one key (issue 10 #13)', async () => {
    const host = throttledHost();
    const rule = DEFAULT_SIGN_IN_THROTTLE.counter;
    const tries = rule.lockoutAfter + 2;
    const answers = [];
    for (let i = 1; i <= tries; i++) {
      const before = scryptCalls();
      answers.push(await clientOn(host, 'c').call('auth.login', { login: `guess${i}`, password: 'x', counterId: `made-up-${i}` }));
      // the same cost and answer as at a real counter, until the throttle refuses before any scrypt
      if (i <= rule.lockoutAfter) expect(scryptCalls() - before, `try ${i}`).toBe(1);
      if (i < rule.lockoutAfter) advance(host, backoffDelayMs(rule, i));
    }
    expect(answers.slice(0, rule.lockoutAfter)).toEqual(Array(rule.lockoutAfter).fill(BAD_LOGIN));
    for (const answer of answers.slice(rule.lockoutAfter)) expect(answer).toMatchObject({ ok: false, error: { code: 'THROTTLED', field: 'password' } });
    // one row per guessed login plus at most one for every unknown counter together
    const counterRows = host.store.sqlite.prepare("SELECT count(*) FROM sign_in_failures WHERE scope = 'counter'").pluck().get();
    expect(counterRows).toBe(1);
    expect(host.store.sqlite.prepare('SELECT count(*) FROM sign_in_failures').pluck().get()).toBe(rule.lockoutAfter + 1);
    // the audit keeps what the client sent; the real counters are not locked by it
    expect(audit(host, 'auth.sign_in_failed').map((r) => JSON.parse(r.detail).counterId)).toEqual(Array.from({ length: rule.lockoutAfter }, (_, i) => `made-up-${i + 1}`));
    expect(await clientOn(host, 'c').call('auth.login', { login: 'clerk01', password: '123456', counterId: 'counter-lc01' })).toMatchObject({ ok: true });
  });

  it('survives a restart; an administrator unlocks (clerks may not)', async () => {
    const first = makeTestHost({ settings: { signInThrottle: DEFAULT_SIGN_IN_THROTTLE } });
    for (let i = 0; i < 5; i++) {
      await clientOn(first, 'c').call('auth.login', { login: 'clerk01', password: 'wrong', counterId: 'counter-lc01' });
      advance(first, 60_000);
    }
    first.close();
    const host = throttledHost({ dir: first.dir, seed: false });
    host.clock.current = first.clock.current;
    expect(await clientOn(host, 'c').call('auth.login', { login: 'clerk01', password: '123456', counterId: 'counter-lc01' })).toMatchObject({ ok: false, error: { code: 'THROTTLED' } });
    const clerk = await signIn(host, 'clerk02', 'counter-lc02');
    expect(await clerk.call('auth.unlockSignIns', { login: 'clerk01' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const admin = await signIn(host, 'admin01', 'counter-lc02');
    expect(await admin.call('auth.unlockSignIns', { login: 'clerk01', counterId: 'counter-lc01' })).toEqual({ ok: true, value: { cleared: 2 } });
    expect(audit(host, 'auth.sign_in_unlocked')).toEqual([{ entity_id: 'clerk01', actor_id: 'staff-admin01', detail: JSON.stringify({ login: 'clerk01', counterId: 'counter-lc01' }) }]);
    expect(await admin.call('auth.unlockSignIns', { login: 'clerk01' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await clientOn(host, 'c').call('auth.login', { login: 'clerk01', password: '123456', counterId: 'counter-lc01' })).toMatchObject({ ok: true });
  });

  it('screen unlock and approver sign-ins are throttled the same way', async () => {
    const host = throttledHost();
    const clerk = await signIn(host);
    await clerk.call('auth.lock', {});
    for (let i = 0; i < 3; i++) expect(await clerk.call('auth.unlock', { password: 'wrong' })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    expect(await clerk.call('auth.unlock', { password: '123456' })).toMatchObject({ ok: false, error: { code: 'THROTTLED' } });
    expect(audit(host, 'auth.sign_in_failed').map((r) => [r.actor_id, JSON.parse(r.detail).kind])).toEqual(Array(3).fill(['staff-clerk01', 'unlock']));
    advance(host, 5_000);
    expect(await clerk.call('auth.unlock', { password: '123456' })).toMatchObject({ ok: true });
    const reverse = (password: string) => clerk.call('payments.reverse', { slipNo: 'LC01-00000009', reason: '测试', approver: { login: 'manager01', password } });
    for (let i = 0; i < 3; i++) expect(await reverse('wrong')).toEqual(BAD_APPROVER);
    expect(await reverse('123456')).toMatchObject({ ok: false, error: { code: 'THROTTLED', field: 'approver' } });
  });
});

describe('initial password (outside demo mode)', () => {
  it('must be changed before any other call; the new one then works and 123456 no longer does', async () => {
    const host = throttledHost({ demo: false });
    const c = clientOn(host, 'c-1').call;
    expect(await c('auth.login', { login: 'clerk01', password: '123456', counterId: 'counter-lc01' })).toMatchObject({ ok: true, value: { mustChangePassword: true } });
    expect(await c('auth.session', {})).toMatchObject({ ok: true, value: { mustChangePassword: true } });
    expect(await c('accounts.search', { query: '王' })).toEqual({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED', message: '首次登录请先修改初始密码' } });
    expect(await c('auth.changePassword', { currentPassword: '123456', newPassword: '12345678' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'newPassword' } });
    expect(await c('auth.changePassword', { currentPassword: 'nope', newPassword: 'Lucheng2026' })).toEqual({
      ok: false,
      error: { code: 'BAD_CREDENTIALS', message: '原密码错误', field: 'currentPassword' },
    });
    const changed = await c('auth.changePassword', { currentPassword: '123456', newPassword: 'Lucheng2026' });
    expect(changed).toMatchObject({ ok: true, value: { staffName: '王丽' } });
    expect(changed.ok && 'mustChangePassword' in changed.value).toBe(false);
    expect(await c('accounts.search', { query: '王' })).toMatchObject({ ok: true });
    expect(audit(host, 'auth.password_changed')).toHaveLength(1);
    await c('auth.logout', {});
    advance(host, 60_000);
    expect(await c('auth.login', { login: 'clerk01', password: '123456', counterId: 'counter-lc01' })).toEqual(BAD_LOGIN);
    expect(await c('auth.login', { login: 'clerk01', password: 'Lucheng2026', counterId: 'counter-lc01' })).toMatchObject({ ok: true, value: { staffName: '王丽' } });
    expect(await c('accounts.search', { query: '王' })).toMatchObject({ ok: true });
  });

  it('demo mode (GAS_DEMO=1) keeps 123456 usable', async () => {
    const host = throttledHost({ demo: true });
    const clerk = await signIn(host);
    expect(await clerk.call('auth.session', {})).toMatchObject({ ok: true, value: { staffName: '王丽' } });
    expect(await clerk.call('accounts.search', { query: '王' })).toMatchObject({ ok: true });
  });
});
