/** Issue 11 #3: post-commit effects are declared once; every successful call is announced on the hook after its prints. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Committed } from '../../main/ipc/after-commit.js';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';

let host: TestHost;
let ids: { accountId: string; meterId: string };
beforeEach(() => {
  host = makeTestHost();
  ids = addAccount(host, { accountNo: '90000002', name: '钱一', address: '温州市鹿城区府前街5号', reading: 15000 });
  addBill(host, ids, { id: 'ac-bill', readingDate: '2026-11-01', previous: 12000, current: 15000, amountFen: 10350, dueDate: '2026-12-01' });
});
afterEach(() => host.dispose());

describe('after commit', () => {
  it('announces a payment once, after its slip printed, with the answer the window gets; a failing listener changes nothing', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const seen: Committed[] = [];
    const printedBefore: number[] = [];
    host.afterCommit.on(() => {
      throw new Error('a broken listener');
    });
    const off = host.afterCommit.on((event) => {
      seen.push(event);
      printedBefore.push(host.sim.jobs.length);
    });
    const clerk = await signIn(host);
    const paid = await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['ac-bill'], tendered: '110', expectedTotalFen: 10350 });
    expect(paid).toMatchObject({ ok: true, value: { slipNo: 'LC01-00000001', changeFen: 650, print: { printed: true, copy: false } } });
    const payment = seen.filter((e) => e.method === 'payments.payCash');
    expect(payment).toHaveLength(1);
    expect(payment[0]?.actor?.counterCode).toBe('LC01');
    expect(payment[0]?.value).toMatchObject({ slipNo: 'LC01-00000001', print: { printed: true } });
    expect(printedBefore[seen.indexOf(payment[0] as Committed)]).toBe(1);
    // a refusal is not announced
    const before = seen.length;
    expect(await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['ac-bill'], tendered: '110', expectedTotalFen: 10350 })).toMatchObject({ ok: false });
    expect(seen).toHaveLength(before);
    off();
    await clerk.call('receipts.reprint', { slipNo: 'LC01-00000001' });
    expect(seen).toHaveLength(before);
    expect(logged).toHaveBeenCalledWith('after-commit listener of payments.payCash failed', expect.any(Error));
    logged.mockRestore();
  });
});
