/**
 * 改装单 (R-RCPT-06, R-INV-08): consumables and, when one was collected, the modification fee on the
 * ledger as 安改装费 on a local-tax invoice (R-INV-04) with its invoice number.
 */
import { modificationRecords } from '../../db/schema.js';
import { DomainError } from '../../preload/kernel/errors.js';
import type { Fen } from '../../preload/kernel/money.js';
import { uuidv7 } from '../ids.js';
import { asAccountId } from '../domain/ids.js';
import { archiveWithAudit, completedBusiness, type Business } from './businesses.js';
import type { Actor, ServiceDeps } from './context.js';
import type { ConsumableLine } from './follow-ups.js';
import { postFee, type PostedPayment } from './payments.js';

export function saveModificationForm(
  deps: ServiceDeps,
  actor: Actor,
  input: { businessId: string; feeFen: Fen; tenderedFen: Fen | null; invoiceNo: string; consumables: ConsumableLine[]; confirmLargeTender?: boolean },
): { business: Business; payment: PostedPayment | null } {
  const { db, clock } = deps;
  const now = clock.now();
  if (input.feeFen > 0 && input.tenderedFen === null) throw new DomainError('VALIDATION', '请输入实收改装费', 'tendered');
  if (input.feeFen > 0 && input.invoiceNo.trim() === '') {
    throw new DomainError('VALIDATION', '收取改装费须在备注中填写地税发票号码 (R-INV-08)', 'invoiceNo');
  }
  return db.transaction(
    (tx) => {
      const b = completedBusiness(tx, input.businessId, ['改装'], '改装单');
      const payment =
        input.feeFen > 0 && input.tenderedFen !== null
          ? postFee(tx, actor, { accountId: asAccountId(b.accountId), chargeType: '安改装费', invoiceCategory: '地税', feeFen: input.feeFen, tenderedFen: input.tenderedFen, businessRef: b.id }, now, {
              rule: deps.settings.largeTender,
              confirmed: input.confirmLargeTender === true,
            })
          : null;
      tx.insert(modificationRecords)
        .values({
          id: uuidv7(now.getTime()),
          businessId: b.id,
          feeFen: input.feeFen,
          paymentId: payment?.paymentId ?? null,
          invoiceNo: input.invoiceNo.trim() === '' ? null : input.invoiceNo.trim(),
          consumables: JSON.stringify(input.consumables),
          enteredBy: actor.staffId,
          createdAt: now.toISOString(),
        })
        .run();
      const archived = archiveWithAudit(tx, actor, now, b, 'followup.modification', input);
      return { business: archived, payment };
    },
    { behavior: 'immediate' },
  );
}
