/**
 * Regressions for what the property-based IPC fuzzer (ipc-fuzz.test.ts, issue 10 #19) found: each was an
 * INTERNAL or a write on refusal.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientOn, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { markDayClosed } from '../fixtures/data.js';

let host: TestHost;
beforeEach(() => {
  host = makeTestHost();
});
afterEach(() => host.dispose());

describe('fuzzer findings', () => {
  it('a cash report submitted on a closed day is refused with DAY_CLOSED, not INTERNAL from the trigger', async () => {
    markDayClosed(host, { date: '2026-11-23', closedAt: '2026-11-23T10:00:00.000Z' });
    const clerk = await signIn(host);
    expect(await clerk.call('cashReport.submit', { deposited: '10', denominations: {}, differenceReason: '' })).toEqual({
      ok: false,
      error: { code: 'DAY_CLOSED', message: '2026-11-23 已日结，不能再提交日收银报表', field: 'report' },
    });
  });

  it("a right password at another hall's counter is refused without touching the failure counters (R-SEC-27)", async () => {
    const db = host.store.sqlite;
    expect(await clientOn(host, 'c').call('auth.login', { login: 'reviewer01', password: 'wrong', counterId: 'counter-hl01' })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    const before = db.prepare('SELECT * FROM sign_in_failures ORDER BY scope').all();
    expect(before).toHaveLength(2);
    expect(await clientOn(host, 'c').call('auth.login', { login: 'reviewer01', password: '123456', counterId: 'counter-hl01' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'counterId' } });
    expect(db.prepare('SELECT * FROM sign_in_failures ORDER BY scope').all()).toEqual(before);
  });

  it('an approver who signs in right for a refused 冲正 or a refused password change leaves the failure counters alone', async () => {
    const db = host.store.sqlite;
    const clerk = await signIn(host);
    const reverse = (password: string) => clerk.call('payments.reverse', { slipNo: 'LC01-99999999', reason: '测试', approver: { login: 'manager01', password } });
    expect(await reverse('wrong')).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    const before = db.prepare('SELECT * FROM sign_in_failures ORDER BY scope').all();
    expect(await reverse('123456')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(db.prepare('SELECT * FROM sign_in_failures ORDER BY scope').all()).toEqual(before);
    expect(await clerk.call('auth.changePassword', { currentPassword: '123456', newPassword: '123456ab' })).toMatchObject({ ok: true });
    expect(await clerk.call('auth.changePassword', { currentPassword: 'wrong', newPassword: '123456cd' })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    const afterFailure = db.prepare('SELECT * FROM sign_in_failures ORDER BY scope, key').all();
    expect(afterFailure.length).toBeGreaterThan(0);
    expect(await clerk.call('auth.changePassword', { currentPassword: '123456ab', newPassword: '123456ab' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'newPassword' } });
    expect(db.prepare('SELECT * FROM sign_in_failures ORDER BY scope, key').all()).toEqual(afterFailure);
  });
});
