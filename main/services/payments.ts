/**
 * Cash payment of unpaid bills (P-PAY, R-PAY-02..09). One immediate transaction: bills move 未缴 → 收讫,
 * the payment with its items, its gap-free check-slip number and the audit row commit together or not at
 * all. The slip is printed afterwards (no device IO inside a transaction).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import {
  accounts,
  bills,
  businessDays,
  checkSlips,
  PAYMENT_METHOD_CASH,
  paymentItems,
  payments,
} from '../../db/schema.js';
import { businessDateOf } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import { changeFor, formatYuan, sumFen, type Fen } from '../domain/money.js';
import { uuidv7 } from '../ids.js';
import { appendAudit } from './audit.js';
import { formatCounterNo, nextCounterNumber } from './sequences.js';
import { loadAccount, priceBill, unpaidBillRows } from './billing.js';
import type { Actor, ServiceDeps } from './context.js';

type Tx = Pick<Db, 'select' | 'insert' | 'update'>;

export interface CashPaymentInput {
  accountId: string;
  billIds: readonly string[];
  tenderedFen: Fen;
  /** The total the clerk saw and called out; if the server's total differs, nothing is posted. */
  expectedTotalFen: Fen;
}

export interface PostedPayment {
  paymentId: string;
  slipNo: string;
  businessDate: string;
  gasFen: Fen;
  lateFeeFen: Fen;
  totalFen: Fen;
  tenderedFen: Fen;
  changeFen: Fen;
}

export const CHECK_SLIP_SEQUENCE = 'check_slip';

export function assertDayOpen(tx: Tx, hallId: string, businessDate: string): void {
  const day = tx
    .select({ closedAt: businessDays.closedAt })
    .from(businessDays)
    .where(and(eq(businessDays.hallId, hallId), eq(businessDays.businessDate, businessDate)))
    .get();
  if (day?.closedAt) throw new DomainError('DAY_CLOSED', `${businessDate} 已日结，不能再收费`);
}

export function payCash(deps: ServiceDeps, actor: Actor, input: CashPaymentInput): PostedPayment {
  const { db, clock } = deps;
  const now = clock.now();
  const businessDate = businessDateOf(now);
  return db.transaction(
    (tx) => {
      assertDayOpen(tx, actor.hallId, businessDate);
      loadAccount(tx, input.accountId);
      const rows = unpaidBillRows(tx, input.accountId, input.billIds);
      if (rows.length !== input.billIds.length) {
        throw new DomainError('BILL_NOT_PAYABLE', '所选费用已缴或不属于该用户，请刷新未缴费用清单', 'billIds');
      }
      const priced = rows.map((b) => priceBill(b, businessDate));
      const gasFen = sumFen(priced.map((b) => b.gasFen));
      const lateFeeFen = sumFen(priced.map((b) => b.lateFeeFen));
      const totalFen = gasFen + lateFeeFen;
      if (totalFen !== input.expectedTotalFen) {
        throw new DomainError(
          'AMOUNT_CHANGED',
          `应收金额已变为 ${formatYuan(totalFen)} 元（原显示 ${formatYuan(input.expectedTotalFen)} 元），请重新确认`,
          'tendered',
        );
      }
      const changeFen = changeFor(input.tenderedFen, totalFen);
      const seq = nextCounterNumber(tx, actor.counterId, CHECK_SLIP_SEQUENCE);
      const slipNo = formatCounterNo(actor.counterCode, seq);
      const paymentId = uuidv7(now.getTime());
      tx.insert(checkSlips)
        .values({ slipNo, counterId: actor.counterId, seq, hallId: actor.hallId, businessDate })
        .run();
      tx.insert(payments)
        .values({
          id: paymentId,
          slipNo,
          accountId: input.accountId,
          hallId: actor.hallId,
          counterId: actor.counterId,
          clerkId: actor.staffId,
          businessDate,
          method: PAYMENT_METHOD_CASH,
          gasFen,
          lateFeeFen,
          totalFen,
          tenderedFen: input.tenderedFen,
          changeFen,
        })
        .run();
      let settled = 0;
      for (const bill of priced) {
        tx.insert(paymentItems)
          .values({
            id: uuidv7(now.getTime()),
            paymentId,
            billId: bill.id,
            gasFen: bill.gasFen,
            lateFeeFen: bill.lateFeeFen,
            overdueDays: bill.overdueDays,
          })
          .run();
        const changed = tx
          .update(bills)
          .set({ status: '收讫', paidPaymentId: paymentId })
          .where(and(eq(bills.id, bill.id), eq(bills.status, '未缴')))
          .run();
        if (changed.changes !== 1) throw new DomainError('BILL_NOT_PAYABLE', '费用状态已变化，请刷新后重试', 'billIds');
        settled = Math.max(settled, bill.thisReading);
      }
      tx.update(accounts)
        .set({ settledReadingCenti: sql`max(${accounts.settledReadingCenti}, ${settled})` })
        .where(eq(accounts.id, input.accountId))
        .run();
      appendAudit(
        tx,
        {
          actorId: actor.staffId,
          action: 'payment.cash',
          entity: 'payment',
          entityId: paymentId,
          detail: { slipNo, accountId: input.accountId, billIds: priced.map((b) => b.id), totalFen, tenderedFen: input.tenderedFen, changeFen },
        },
        now,
      );
      return { paymentId, slipNo, businessDate, gasFen, lateFeeFen, totalFen, tenderedFen: input.tenderedFen, changeFen };
    },
    { behavior: 'immediate' },
  );
}
