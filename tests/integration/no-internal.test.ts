/**
 * Issue 10 #12: odd input gets a normal result or a typed error, never INTERNAL. Search takes random
 * unicode (NUL, lone surrogates, FTS5 operators); and the reachable INTERNALs the sweep
 * (odd-strings-sweep.test.ts) found are pinned here one by one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../preload/kernel/errors.js';
import { AccountSearch } from '../../main/services/accounts.js';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';

let host: TestHost;
beforeEach(() => {
  host = makeTestHost({ accounts: 40 });
  const a = addAccount(host, { accountNo: '90000001', name: '张三', address: '温州市鹿城区"引号"路1号NEAR幢', reading: 12300 });
  addBill(host, a, { id: 'a-1', readingDate: '2026-10-20', previous: 10000, current: 12300, amountFen: 7935, dueDate: '2026-11-19' });
});
afterEach(() => host.dispose());

/** mulberry32: the same "random" strings on every run, so a failure replays. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['\u0000', '"', '*', 'NEAR', 'NEAR(', '^', ':', '(', ')', 'AND', 'OR', 'NOT', '-', '+', '%', '_', '\\', "'", ' ', '  ', '\t', '\n', '\ud800', '\udfff', '\ud83d', '😀', '👍🏻', '\u202e', '\u200b', '\ufeff', '\u0001', '\u007f', '幸福', '鹿城', '张', '5幢', '90000001', 'a', 'Z9', '\u00e9', 'ｱ', '﷽'];

function randomQuery(next: () => number): string {
  const n = 1 + Math.floor(next() * 8);
  let q = '';
  for (let i = 0; i < n; i++) {
    q += next() < 0.7 ? PIECES[Math.floor(next() * PIECES.length)] : String.fromCharCode(Math.floor(next() * 0x10000));
  }
  return q;
}

describe('search with odd characters (issue 10 #12)', () => {
  it('answers random unicode, NUL, lone surrogates and FTS5 operators with rows or VALIDATION, never INTERNAL', async () => {
    const clerk = await signIn(host);
    const next = prng(20261130);
    const bad: string[] = [];
    for (let i = 0; i < 600; i++) {
      const query = randomQuery(next);
      const res = await clerk.call('accounts.search', { query });
      if (res.ok) expect(Array.isArray(res.value.rows)).toBe(true);
      else if (res.error.code !== 'VALIDATION') bad.push(`${JSON.stringify(query)} → ${res.error.code}`);
      else expect(res.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(bad).toEqual([]);
  });

  it('refuses a NUL or another control character in the query with a Chinese VALIDATION message', async () => {
    const clerk = await signIn(host);
    for (const query of ['幸福\u0000小区', '\u0000', '张\u0001']) {
      expect(await clerk.call('accounts.search', { query })).toEqual({ ok: false, error: { code: 'VALIDATION', message: '查询内容不能包含控制字符', field: 'query' } });
    }
    // the service refuses it too when called without the contract (bench, scripts)
    expect(() => new AccountSearch(host.deps).search('a\u0000b')).toThrow(new DomainError('VALIDATION', '查询内容不能包含控制字符', 'query'));
    // FTS5 syntax is text, not operators
    expect(await clerk.call('accounts.search', { query: '"引号"路1号NEAR' })).toMatchObject({ ok: true, value: { rows: [{ name: '张三' }] } });
    expect(await clerk.call('accounts.search', { query: 'NEAR(' })).toMatchObject({ ok: true });
  });
});

describe('a closed business day answers DAY_CLOSED, not INTERNAL (issue 10 #12, R-CASH-05)', () => {
  it('refuses a cash report for the closed day', async () => {
    const clerk = await signIn(host);
    expect(await clerk.call('payments.payCash', { accountId: 'acc-90000001', billIds: ['a-1'], tendered: '100', expectedTotalFen: 7985 })).toMatchObject({ ok: true });
    expect(await clerk.call('cashReport.submit', { deposited: '79.85', denominations: {} })).toMatchObject({ ok: true });
    expect(await clerk.call('cashReport.review', { clerkLogin: 'clerk01', reviewer: { login: 'manager01', password: '123456' } })).toMatchObject({ ok: true });
    const boss = await signIn(host, 'manager01', 'counter-lc02');
    expect(await boss.call('day.close', { date: '2026-11-23' })).toMatchObject({ ok: true });
    const late = await signIn(host, 'clerk02', 'counter-lc02');
    expect(await late.call('cashReport.submit', { deposited: '0', denominations: {} })).toEqual({
      ok: false,
      error: { code: 'DAY_CLOSED', message: '2026-11-23 已日结，不能再提交日收银报表', field: 'report' },
    });
  });
});
