/**
 * The renderer is untrusted: every malformed, unauthenticated or random call gets a typed error and
 * changes nothing (ARCHITECTURE "One contract").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHODS } from '../../preload/contract.js';
import { Rng } from '../../db/seed/rng.js';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';

let host: TestHost;
let ids: { accountId: string; meterId: string };

beforeAll(() => {
  host = makeTestHost();
  ids = addAccount(host, { accountNo: '40000001', name: '王五', address: '温州市瓯海区学院路1号安澜家园1幢1单元101室', reading: 5000 });
  addBill(host, ids, { id: 'bill-x', readingDate: '2026-11-01', previous: 4000, current: 5000, amountFen: 3450, dueDate: '2026-12-01' });
});
afterAll(() => host.dispose());

function snapshot(): string {
  const db = host.store.sqlite;
  return JSON.stringify([
    db.prepare('SELECT count(*) FROM payments').pluck().get(),
    db.prepare('SELECT count(*) FROM bills').pluck().get(),
    db.prepare("SELECT count(*) FROM bills WHERE status = '收讫'").pluck().get(),
    db.prepare('SELECT count(*) FROM check_slips').pluck().get(),
    db.prepare('SELECT count(*) FROM slip_prints').pluck().get(),
    db.prepare('SELECT coalesce(max(last_value), 0) FROM counter_sequences').pluck().get(),
    db.prepare('SELECT latest_reading_centi FROM meters').pluck().all(),
    // every mutation writes an audit row in its transaction: none may appear
    db.prepare('SELECT count(*) FROM audit_log').pluck().get(),
  ]);
}

describe('IPC validation', () => {
  it('refuses every non-public method before login', async () => {
    for (const method of METHODS) {
      if (method === 'auth.counters' || method === 'auth.login' || method === 'auth.session' || method === 'auth.unlock') continue;
      const res = await host.router.call('anonymous', method, {});
      expect(res, method).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
    }
  });

  it('refuses unknown methods and malformed input with field-level messages', async () => {
    const clerk = await signIn(host);
    expect(await clerk.call('payments.delete', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
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
    expect(await clerk.call('accounts.search', { query: 'x', extra: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await clerk.call('bills.enterReading', { accountId: ids.accountId, reading: '50.001', source: 'notice' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_VOLUME', field: 'reading' },
    });
  });

  it('survives 10,000 random and malformed calls across every method with a typed error and no write', async () => {
    const clerk = await signIn(host);
    const before = snapshot();
    const rng = new Rng(99);
    const junk = (): unknown => {
      const pool: unknown[] = [
        null, undefined, 0, -1, 1.5, Number.NaN, '', ' ', 'x'.repeat(5000), '1e999', '<script>', "'; DROP TABLE payments; --",
        [], {}, { __proto__: { ok: true } }, [1, 2], true, ids.accountId, 'bill-x', 'LC01-00000001', '-100', '0.001',
      ];
      return pool[rng.int(0, pool.length - 1)];
    };
    const keys = ['accountId', 'billIds', 'tendered', 'expectedTotalFen', 'query', 'reading', 'source', 'slipNo', 'login', 'password', 'counterId', 'zzz'];
    const codes = new Set<string>();
    // Methods that take no input and act when called are well-formed with any empty input: a clock sync
    // writes its audit row by design. Everything else must refuse junk without writing.
    const fuzzed = METHODS.filter((m) => m !== 'auth.logout' && m !== 'auth.login' && m !== 'handheld.syncClock');
    for (let i = 0; i < 10_000; i++) {
      const method = rng.chance(0.05) ? `x.${i}` : rng.pick(fuzzed);
      let input: unknown;
      if (rng.chance(0.2)) input = junk();
      else {
        const obj: Record<string, unknown> = {};
        for (const key of keys) if (rng.chance(0.4)) obj[key] = rng.chance(0.3) ? [junk(), junk()] : junk();
        input = obj;
      }
      const res = await clerk.call(method, input);
      if (!res.ok) {
        expect(typeof res.error.code).toBe('string');
        expect(res.error.message.length).toBeGreaterThan(0);
        codes.add(res.error.code);
      }
    }
    expect(snapshot()).toBe(before);
    expect(codes.has('VALIDATION')).toBe(true);
    expect(codes.has('INTERNAL')).toBe(false);
  });
});
