/** 缴费方式变更 (P-PMC) on the account, arrears first (R-PMC-03), audited with the old and new values. */
import { eq } from 'drizzle-orm';
import { accounts } from '../../db/schema.js';
import { refuseWhileArrears } from '../domain/arrears.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { planPaymentMethodChange } from '../domain/payment-method.js';
import { appendAudit } from './audit.js';
import { unpaidLines } from './billing.js';
import type { Actor, ServiceDeps } from './context.js';

export function changePaymentMethod(
  deps: ServiceDeps,
  actor: Actor,
  input: { accountId: string; toMethod: '现金' | '银行代缴' | '银行托收'; bankName: string; bankCardNo: string; cardHolder: string },
) {
  const { db, clock } = deps;
  const now = clock.now();
  return db.transaction(
    (tx) => {
      const account = tx.select().from(accounts).where(eq(accounts.id, input.accountId)).get();
      if (!account) throw new DomainError('NOT_FOUND', '未找到该用户，请重新检索', 'accountId');
      const unpaid = unpaidLines(tx, input.accountId);
      refuseWhileArrears(unpaid, '变更缴费方式', 'R-PMC-03', 'toMethod');
      const bank = planPaymentMethodChange({
        customerType: account.customerType,
        fromMethod: account.paymentMethod,
        fromBank: account.bankName,
        ...input,
      });
      tx.update(accounts).set({ paymentMethod: input.toMethod, ...bank }).where(eq(accounts.id, account.id)).run();
      appendAudit(
        tx,
        {
          actorId: actor.staffId,
          action: 'account.payment_method',
          entity: 'account',
          entityId: account.id,
          detail: {
            from: { method: account.paymentMethod, bankName: account.bankName, bankCardNo: account.bankCardNo, cardHolder: account.cardHolder },
            to: { method: input.toMethod, ...bank },
          },
        },
        now,
      );
      return { paymentMethod: input.toMethod, ...bank };
    },
    { behavior: 'immediate' },
  );
}
