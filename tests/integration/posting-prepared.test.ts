/**
 * Issue 13 #3: durable cash posting runs statements prepared once per connection. After a first payment, another
 * one prepares nothing new, and it still writes the same rows and extends the same audit chain.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { verifyAuditChain } from '../../main/services/audit.js';
import type { Actor } from '../../main/services/context.js';
import { payBills } from '../../main/services/payments.js';
import { asAccountId, asBillId } from '../../main/domain/ids.js';
import { fen } from '../../preload/kernel/money.js';
import { addAccount, addBill, makeTestHost, type TestHost } from '../fixtures/host.js';
import { scalar } from '../fixtures/data.js';

const clerk: Actor = {
  staffId: 'staff-clerk01',
  staffName: '王丽',
  role: 'clerk',
  hallId: 'hall-lc',
  hallName: '鹿城营业厅',
  counterId: 'counter-lc01',
  counterCode: 'LC01',
  counterName: '1号窗口',
};

let host: TestHost;
beforeEach(() => {
  host = makeTestHost();
  for (const n of [1, 2, 3]) {
    const ids = addAccount(host, { accountNo: `2024000${n}`, name: `用户${n}`, address: `温州市鹿城区人民路${n}号`, reading: 15000 });
    addBill(host, ids, { id: `bill-${n}a`, readingDate: '2026-10-20', previous: 11522, current: 15000, amountFen: 12000, dueDate: '2026-11-19' });
    addBill(host, ids, { id: `bill-${n}b`, readingDate: '2026-10-21', previous: 15000, current: 19348, amountFen: 15000, dueDate: '2026-11-19' });
  }
});
afterEach(() => host.dispose());

const pay = (n: number) =>
  payBills(host.deps, clerk, {
    accountId: asAccountId(`acc-2024000${n}`),
    billIds: [asBillId(`bill-${n}a`), asBillId(`bill-${n}b`)],
    tenderedFen: fen(30000),
    expectedTotalFen: fen(27250),
  });

describe('durable cash posting with statements prepared once', () => {
  it('a payment after the first prepares no statement, posts the same rows and keeps the audit chain', () => {
    const first = pay(1);
    const prepare = vi.spyOn(host.store.sqlite, 'prepare');
    const second = pay(2);
    const third = pay(3);
    expect(prepare).not.toHaveBeenCalled();
    prepare.mockRestore();
    expect([first.slipNo, second.slipNo, third.slipNo]).toEqual(['LC01-00000001', 'LC01-00000002', 'LC01-00000003']);
    expect(second).toMatchObject({ gasFen: 27000, lateFeeFen: 250, totalFen: 27250, tenderedFen: 30000, changeFen: 2750, method: '现金' });
    expect(scalar(host, "SELECT count(*) FROM bills WHERE status = '收讫' AND paid_payment_id IS NOT NULL")).toBe(6);
    expect(scalar(host, 'SELECT count(*) FROM payment_items')).toBe(6);
    expect(scalar(host, 'SELECT sum(gas_fen + late_fee_fen) FROM payment_items')).toBe(3 * 27250);
    expect(scalar(host, "SELECT settled_reading_centi FROM accounts WHERE id = 'acc-20240002'")).toBe(19348);
    expect(scalar(host, "SELECT count(*) FROM audit_log WHERE action = 'payment.cash'")).toBe(3);
    expect(verifyAuditChain(host.store.db).ok).toBe(true);
  });
});
