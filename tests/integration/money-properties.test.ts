/**
 * Property test: whatever mix of cash, tickets, coupons, splits and reversals the counter takes, money
 * balances. For every ledger row tendered + tickets = total + change; items add up to their payment;
 * every 收讫 bill belongs to exactly one standing payment; the ledger sums to what stands.
 */
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../main/services/audit.js';
import { verifyDayTotals } from '../../main/services/day-totals.js';
import { addAccount, addBill, makeTestHost, signIn } from '../fixtures/host.js';
import { ledgerProblems } from '../fixtures/ledger.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

describe('money always balances', () => {
  it('holds over 250 random counter operations', async () => {
    const host = makeTestHost();
    try {
      const rand = rng(4242);
      const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
      const accounts = Array.from({ length: 6 }, (_, i) => addAccount(host, { accountNo: `3000000${i}`, name: `用户${i}`, address: `测试路${i}号`, reading: 0 }));
      const reading = new Map(accounts.map((a) => [a.accountId, 0]));
      const clerk = await signIn(host);
      const db = host.store.sqlite;
      let bills = 0;
      for (let step = 0; step < 250; step++) {
        const acc = pick(accounts);
        const roll = rand();
        if (roll < 0.3) {
          const prev = reading.get(acc.accountId) ?? 0;
          const used = 100 + Math.floor(rand() * 3000);
          reading.set(acc.accountId, prev + used);
          const due = pick(['2026-10-01', '2026-11-20', '2026-12-20']);
          addBill(host, acc, { id: `b${++bills}`, readingDate: '2026-10-05', previous: prev, current: prev + used, amountFen: Math.floor((used * 345 + 50) / 100), dueDate: due });
          continue;
        }
        const unpaid = await clerk.call('bills.unpaid', { accountId: acc.accountId });
        if (!unpaid.ok) throw new Error(unpaid.error.message);
        const list = unpaid.value;
        if (roll < 0.4 && list.bills[0] && list.bills[0].consumption > 600) {
          await clerk.call('bills.split', { billId: list.bills[0].id, split: '5' });
        } else if (roll < 0.8 && list.bills.length > 0) {
          const chosen = list.bills.slice(0, 1 + Math.floor(rand() * list.bills.length));
          const due = chosen.reduce((a, b) => a + b.totalFen, 0);
          const m3 = chosen.reduce((a, b) => a + b.consumption, 0);
          const kind = rand();
          const back = { backName: '某某', backAddress: '某路' };
          const tickets =
            kind < 0.5 ? [] : kind < 0.8 ? [{ kind: '燃气票' as const, year: 2026, quarter: 4, count: Math.max(1, Math.ceil(m3 / 500)), ...back, faceValue: pick(['0', '1']) }] : [{ kind: '优惠券' as const, year: 2026, quarter: 4, count: 1, faceValue: '5', ...back }];
          const tendered = ((due + Math.floor(rand() * 5000)) / 100).toFixed(2);
          await clerk.call('payments.payCash', { accountId: acc.accountId, billIds: chosen.map((b) => b.id), tendered, expectedTotalFen: due, tickets, overrides: [{ rule: 'R-TKT-05', reason: '测试' }, { rule: 'R-TKT-06', reason: '测试' }] });
        } else {
          const slip = db.prepare("SELECT slip_no FROM payments WHERE reverses_payment_id IS NULL AND id NOT IN (SELECT reverses_payment_id FROM payments WHERE reverses_payment_id IS NOT NULL) ORDER BY random() LIMIT 1").pluck().get() as string | undefined;
          if (slip) await clerk.call('payments.reverse', { slipNo: slip, reason: '测试冲正', approver: { login: 'manager01', password: '123456' } });
        }
      }
      // the balance checks are shared with the IPC fuzzer (issue 10 #19)
      expect(ledgerProblems(db)).toEqual([]);
      expect(Number(db.prepare('SELECT count(*) FROM payments').pluck().get())).toBeGreaterThan(40);
      expect(Number(db.prepare('SELECT count(*) FROM reversals').pluck().get())).toBeGreaterThan(5);
      expect(Number(db.prepare('SELECT count(*) FROM ticket_tenders').pluck().get())).toBeGreaterThan(5);
      expect(verifyAuditChain(host.store.db).ok).toBe(true);
      // issue 13 #2: the per-day totals the reports read equal the ledger, to the fen
      expect(verifyDayTotals(host.store)).toMatchObject({ ok: true, mismatches: [] });
    } finally {
      host.dispose();
    }
  });
});
