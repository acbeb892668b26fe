/**
 * The renderer is untrusted: every malformed, unauthenticated or random call gets a typed error and
 * changes nothing (ARCHITECTURE "One contract").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, METHODS } from '../../preload/contract.js';
import { addAccount, addBill, clientOn, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';

let host: TestHost;
let ids: { accountId: string; meterId: string };

beforeAll(() => {
  host = makeTestHost();
  ids = addAccount(host, { accountNo: '40000001', name: '王五', address: '温州市瓯海区学院路1号安澜家园1幢1单元101室', reading: 5000 });
  addBill(host, ids, { id: 'bill-x', readingDate: '2026-11-01', previous: 4000, current: 5000, amountFen: 3450, dueDate: '2026-12-01' });
});
afterAll(() => host.dispose());
const scalarCount = (sql: string) => host.store.sqlite.prepare(sql).pluck().get();

describe('IPC validation', () => {
  it('refuses every non-public method before login', async () => {
    // the only public methods; issue 12 #3 adds the first-run setup (setup.complete refuses once staff exist)
    const PUBLIC = ['auth.counters', 'auth.login', 'auth.session', 'auth.unlock', 'setup.status', 'setup.complete'];
    expect(METHODS.filter((m) => contract[m].access === 'public')).toEqual(PUBLIC);
    for (const method of METHODS) {
      if (PUBLIC.includes(method)) continue;
      const res = await clientOn(host, 'anonymous').callRaw(method, {});
      expect(res, method).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
    }
  });

  it('refuses unknown methods and malformed input with field-level messages', async () => {
    const clerk = await signIn(host);
    expect(await clerk.callRaw('payments.delete', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: [], tendered: '10', expectedTotalFen: 3450 })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: '请选择要缴的费用', field: 'billIds' },
    });
    expect(await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-x', 'bill-x'], tendered: '50', expectedTotalFen: 6900 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '费用重复选择' },
    });
    expect(await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-x'], tendered: '50', expectedTotalFen: 34.5 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'expectedTotalFen' },
    });
    expect(await clerk.call('accounts.search', { query: '   ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'query' } });
    expect(await clerk.callRaw('accounts.search', { query: 'x', extra: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await clerk.call('bills.enterReading', { accountId: ids.accountId, reading: '50.001', source: 'notice' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_VOLUME', field: 'reading' },
    });
  });
  it('answers a schema refusal without its own Chinese text in Chinese, never with the English field path', async () => {
    // found trying 欠费催缴 and 服务计时 at the counter: "输入不正确: individualMonths", "输入不正确: approver.password"
    const manager = await signIn(host, 'manager01', 'counter-lc02');
    const settings = { enabled: true, individualMonths: 2, organisationMonths: 1, noticeDays: 3, restoreHours: 24 };
    expect(await manager.call('arrears.saveSettings', { ...settings, individualMonths: 1.5 })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: '应为整数', field: 'individualMonths' },
    });
    expect(await manager.call('arrears.saveSettings', { ...settings, organisationMonths: 1e20 })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: '数值过大', field: 'organisationMonths' },
    });
    const clerk = await signIn(host, 'clerk02', 'counter-lc02');
    expect(await clerk.call('timing.pause', { reason: '打印机卡纸', approver: { login: 'manager01', password: 'x'.repeat(129) } })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: '输入过长（最多 128 个字符）', field: 'approver.password' },
    });
    expect(await clerk.callRaw('accounts.search', { query: 'x', extra: 1 })).toEqual({ ok: false, error: { code: 'VALIDATION', message: '输入中有多余的项' } });
    // free text of any form (the shared text()) refuses control characters at the field; tab and line breaks pass
    expect(await clerk.call('businesses.dispatch', { businessId: 'b-none', technician: '李\u0000工', remark: '' })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: '不能包含控制字符', field: 'technician' },
    });
    expect(await clerk.call('businesses.accept', { accountId: ids.accountId, type: '换表', requirement: '表坏\u001b[2J', contactPhone: '0577-88889999', priority: '尽快安排' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '不能包含控制字符', field: 'requirement' },
    });
    expect(await clerk.call('businesses.dispatch', { businessId: 'b-none', technician: '李工', remark: '第一行\r\n第二行\t备注' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(scalarCount('SELECT count(*) FROM businesses')).toBe(0);
    expect(scalarCount('SELECT count(*) FROM arrears_settings')).toBe(0);
    expect(scalarCount('SELECT count(*) FROM counter_pauses')).toBe(0);
  });

  // The random/malformed-call fuzzing is property-based now: tests/integration/ipc-fuzz.test.ts (issue 10 #19).
});
