/**
 * Issue 10 #12 sweep: every method of the contract, called by a clerk, a manager and an admin with
 * schema-valid input whose free-text fields hold an odd string (NUL, control characters, very long,
 * emoji, lone surrogates, FTS operators, bidi marks), answers a result or a typed error, never INTERNAL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, METHODS } from '../../preload/contract.js';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { sample, type Overrides } from '../fixtures/schema-sample.js';

/** Methods that end the caller's session; the sweep needs it. */
const SKIP = new Set(['auth.logout', 'auth.lock']);

export const ODD_STRINGS: Record<string, string> = {
  nul: '幸福\u0000小区',
  control: 'a\u0001\u001b[31m\u007fb',
  long: '温州市鹿城区人民路'.repeat(1200),
  emoji: '😀张👍🏻三🀄',
  surrogates: '\ud800张\udfff三\ud83d',
  fts: '"* NEAR(a b) ^x : OR NOT ("',
  bidi: '\u202e张三\u200b\ufeff',
};

let host: TestHost;
let real: Overrides;
let accountId: string;
beforeAll(() => {
  host = makeTestHost({ accounts: 30 });
  const ids = addAccount(host, { accountNo: '79000001', name: '张三', address: '温州市鹿城区人民路1号', reading: 12000 });
  addBill(host, ids, { id: 'odd-bill', readingDate: '2026-10-20', previous: 10000, current: 12000, amountFen: 6900, dueDate: '2026-11-19' });
  addBill(host, ids, { id: 'odd-paid', readingDate: '2026-09-20', previous: 9000, current: 10000, amountFen: 3450, dueDate: '2026-12-19' });
  accountId = ids.accountId;
  real = { accountId: ids.accountId, billId: 'odd-bill', billIds: ['odd-bill'], accountNo: '79000001', inspectionYear: '2026', prefix: '33010000' };
  // amounts and volumes typed as text: a number, so the odd string reaches the free-text fields behind them
  for (const key of ['tendered', 'reading', 'split', 'value', 'remaining', 'amount', 'deposited', 'minConsumption', 'price', 'depositTendered', 'latestReading', 'settledReading', 'baseReading', 'connectionFee', 'oldActualReading', 'fee', 'readingBeforeTest', 'float', 'newBaseReading', 'counted']) {
    real[key] = '10';
  }
});
afterAll(() => host.dispose());

/** A paid slip, an accepted and dispatched business: so slip- and business-keyed methods get past their lookup. */
async function realRecords(): Promise<void> {
  const manager = await signIn(host, 'manager01', 'counter-lc02');
  const paid = await manager.call('payments.payCash', { accountId, billIds: ['odd-paid'], tendered: '50', expectedTotalFen: 3450 });
  if (paid.ok) real.slipNo = paid.value.slipNo;
  const accepted = await manager.call('businesses.accept', { accountId, type: '其它', requirement: '换波纹管', contactPhone: '13800000000', priority: '尽快安排' });
  if (accepted.ok) {
    real.businessId = accepted.value.id;
    const sent = await manager.call('businesses.dispatch', { businessId: accepted.value.id, technician: '李师傅', remark: '' });
    if (sent.ok) real.workOrderNo = sent.value.workOrderNo;
  }
}

describe('odd strings in every method (issue 10 #12)', () => {
  it('never gets INTERNAL for a clerk, a manager or an admin', async () => {
    await realRecords();
    expect(Object.keys(real)).toEqual(expect.arrayContaining(['slipNo', 'businessId', 'workOrderNo']));
    const internals: string[] = [];
    let called = 0;
    for (const [login, counter] of [['clerk01', 'counter-lc01'], ['manager01', 'counter-lc02'], ['admin01', 'counter-lc01']] as const) {
      for (const [kind, odd] of Object.entries(ODD_STRINGS)) {
        const caller = await signIn(host, login, counter);
        // day.close last in a pass: the passes before the manager's first close run on an open day, the rest on a closed one
        for (const method of [...METHODS.filter((m) => m !== 'day.close'), 'day.close' as const]) {
          if (SKIP.has(method)) continue;
          const input = sample(contract[method].input, odd, real);
          if (!contract[method].input.safeParse(input).success) continue;
          called++;
          const result = await caller.callRaw(method, input);
          if (!result.ok && result.error.code === 'INTERNAL') internals.push(`${login} ${method} ${kind}`);
        }
      }
    }
    expect(called).toBeGreaterThan(METHODS.length * 3 * Object.keys(ODD_STRINGS).length * 0.8);
    expect(internals).toEqual([]);
  });
});
