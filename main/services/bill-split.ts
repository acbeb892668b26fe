/**
 * 拆分立方数 (R-TKT-10): when tickets do not cover a month's whole consumption, the unpaid reading record
 * is split in two — the part the tickets pay and the rest — which add up to the original to the fen.
 * The original stays, marked 已拆分; 未缴费用清单 then shows the two parts.
 */
import { and, eq } from 'drizzle-orm';
import { bills } from '../../db/schema.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { splitBill } from '../domain/tickets.js';
import { centiM3, formatVolume, gasAmountFen, type CentiM3 } from '../../preload/kernel/volume.js';
import { fen } from '../../preload/kernel/money.js';
import { uuidv7 } from '../ids.js';
import { asBillId } from '../domain/ids.js';
import { appendAudit } from './audit.js';
import { assertNotInBankRun } from './bank-lock.js';
import type { Actor, ServiceDeps } from './context.js';

export function splitUnpaidBill(deps: ServiceDeps, actor: Actor, input: { billId: string; splitCenti: CentiM3 }): { billIds: [string, string] } {
  const now = deps.clock.now();
  return deps.db.transaction(
    (tx) => {
      const bill = tx.select().from(bills).where(eq(bills.id, input.billId)).get();
      if (!bill || bill.status !== '未缴') throw new DomainError('BILL_NOT_PAYABLE', '只能拆分未缴的费用，请刷新未缴费用清单', 'billId');
      assertNotInBankRun(tx, [asBillId(bill.id)]);
      const [first, second] = splitBill(
        {
          previousReading: centiM3(bill.previousReadingCenti),
          thisReading: centiM3(bill.thisReadingCenti),
          consumption: centiM3(bill.consumptionCenti),
          amountFen: fen(bill.amountFen),
          priceFenPerM3: bill.priceFenPerM3,
        },
        input.splitCenti,
        gasAmountFen,
      );
      const { id: _id, createdAt: _createdAt, paidPaymentId: _paid, ...base } = bill;
      const firstId = uuidv7(now.getTime());
      const secondId = uuidv7(now.getTime());
      tx.insert(bills)
        .values({ ...base, id: firstId, splitFrom: bill.id, thisReadingCenti: first.thisReading, consumptionCenti: first.consumption, amountFen: first.amountFen, createdBy: actor.staffId })
        .run();
      tx.insert(bills)
        .values({ ...base, id: secondId, splitFrom: bill.id, previousReadingCenti: second.previousReading, consumptionCenti: second.consumption, amountFen: second.amountFen, createdBy: actor.staffId })
        .run();
      const changed = tx.update(bills).set({ status: '已拆分' }).where(and(eq(bills.id, bill.id), eq(bills.status, '未缴'))).run();
      if (changed.changes !== 1) throw new DomainError('BILL_NOT_PAYABLE', '费用状态已变化，请刷新后重试', 'billId');
      appendAudit(
        tx,
        {
          actorId: actor.staffId,
          action: 'bill.split',
          entity: 'bill',
          entityId: bill.id,
          detail: { splitVolume: formatVolume(input.splitCenti), parts: [firstId, secondId], amounts: [first.amountFen, second.amountFen] },
        },
        now,
      );
      return { billIds: [firstId, secondId] as [string, string] };
    },
    { behavior: 'immediate' },
  );
}
