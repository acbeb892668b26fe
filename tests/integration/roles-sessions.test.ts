/**
 * Roles and sessions (issue 6): every method has an access rule; a technician syncs handhelds but takes
 * no money; a reviewer reviews but doesn't close the day; the screen locks after idling or on demand
 * and only the same clerk's password unlocks it, the session (and the windows) kept.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, METHODS } from '../../preload/contract.js';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';

let host: TestHost;

beforeEach(() => {
  host = makeTestHost();
  const a = addAccount(host, { accountNo: '93000001', name: '权限', address: '温州市鹿城区权限路1号', reading: 12300 });
  addBill(host, a, { id: 'r-1', readingDate: '2026-11-10', previous: 10000, current: 12300, amountFen: 7935, dueDate: '2026-12-10' });
});
afterEach(() => host.dispose());

describe('roles', () => {
  it('every method names who may call it', () => {
    for (const m of METHODS) expect(contract[m].access, m).toBeDefined();
    const moneyMethods = METHODS.filter((m) => /^(payments|cards|bank)\./.test(m) || m === 'bills.split');
    for (const m of moneyMethods) expect(contract[m].access, m).not.toContain('technician');
  });

  it('a technician syncs the handheld and is refused money; a reviewer cannot close the day or reverse', async () => {
    const tech = await signIn(host, 'tech01');
    expect(await tech.call('handheld.readers', {})).toMatchObject({ ok: true });
    expect(await tech.call('payments.payCash', { accountId: 'acc-93000001', billIds: ['r-1'], tendered: '80', expectedTotalFen: 7935 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await tech.call('bank.runs', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const reviewer = await signIn(host, 'reviewer01');
    expect(await reviewer.call('day.close', { date: '2026-11-23' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const clerk = await signIn(host);
    await clerk.call('payments.payCash', { accountId: 'acc-93000001', billIds: ['r-1'], tendered: '80', expectedTotalFen: 7935 });
    expect(await clerk.call('payments.reverse', { slipNo: 'LC01-00000001', reason: '测试', approver: { login: 'reviewer01', password: '123456' } })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
  });
});

describe('screen lock', () => {
  it('locks after 15 idle minutes; only the same password unlocks; the session continues', async () => {
    const clerk = await signIn(host);
    expect(await clerk.call('bills.unpaid', { accountId: 'acc-93000001' })).toMatchObject({ ok: true });
    host.clock.current = new Date(host.clock.current.getTime() + 16 * 60_000);
    expect(await clerk.call('bills.unpaid', { accountId: 'acc-93000001' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await clerk.call('auth.unlock', { password: 'wrong' })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    expect(await clerk.call('auth.unlock', { password: '123456' })).toMatchObject({ ok: true, value: { staffName: '王丽', counterCode: 'LC01' } });
    expect(await clerk.call('bills.unpaid', { accountId: 'acc-93000001' })).toMatchObject({ ok: true });
  });

  it('locks on demand; logout still works while locked', async () => {
    const clerk = await signIn(host);
    expect(await clerk.call('auth.lock', {})).toMatchObject({ ok: true });
    expect(await clerk.call('payments.payCash', { accountId: 'acc-93000001', billIds: ['r-1'], tendered: '80', expectedTotalFen: 7935 })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await clerk.call('auth.logout', {})).toMatchObject({ ok: true });
    expect(await clerk.call('auth.unlock', { password: '123456' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
