/**
 * 过户登记 (P-TRF): the new owner replaces the old on the account; the old one stays in the ownership
 * history with the settled reading (R-TRF-04, R-TRF-05, A-10); the 5-yuan fee goes on the ledger as
 * 过户费 on a quota invoice (R-TRF-07, R-INV-07) unless waived for a direct relative with proof.
 */
import { and, eq } from 'drizzle-orm';
import { accountPhones, accounts, meters, ownershipTransfers } from '../../db/schema.js';
import type { Fen } from '../../preload/kernel/money.js';
import { businessDateOf } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { customerNameProblem } from '../domain/registration.js';
import { checkTransferArrears, transferFee } from '../domain/transfer.js';
import type { DirectRelative } from '../../preload/kernel/enums.js';
import { uuidv7 } from '../ids.js';
import { asAccountId } from '../domain/ids.js';
import { appendAudit } from './audit.js';
import { loadOpenAccount, unpaidLines } from './billing.js';
import type { Actor, ServiceDeps } from './context.js';
import { postFee, type PostedPayment } from './payments.js';

export interface TransferInput {
  accountId: string;
  newName: string;
  contactPhone: string;
  relative: DirectRelative | null;
  proofShown: boolean;
  invoiceLost: boolean;
  /** R-TRF-02: a lost invoice needs the loss declaration. */
  lossDeclaration: boolean;
  tenderedFen: Fen | null;
  /** issue 10 #5: the clerk confirmed a tender far above the fee (Settings.largeTender). */
  confirmLargeTender?: boolean;
}

export interface Transferred {
  transferId: string;
  previousName: string;
  settledReading: number;
  feeFen: Fen;
  payment: PostedPayment | null;
}

export function transferOwnership(deps: ServiceDeps, actor: Actor, input: TransferInput): Transferred {
  const { db, clock } = deps;
  const now = clock.now();
  const nameProblem = customerNameProblem(input.newName);
  if (nameProblem) throw new DomainError('VALIDATION', `${nameProblem} (R-VAL-02)`, 'newName');
  if (input.invoiceLost && !input.lossDeclaration) {
    throw new DomainError('VALIDATION', '发票遗失须填写《管道燃气报装费发票遗失声明》 (R-TRF-02)', 'lossDeclaration');
  }
  const feeFen = transferFee(input.relative, input.proofShown);
  if (feeFen > 0 && input.tenderedFen === null) throw new DomainError('VALIDATION', '请输入实收过户费', 'tendered');

  return db.transaction(
    (tx) => {
      const account = loadOpenAccount(tx, input.accountId); // R-SEC-06
      if (account.name === input.newName) throw new DomainError('VALIDATION', '新户主与原户主相同 (R-TRF-05)', 'newName');
      const unpaid = unpaidLines(tx, input.accountId);
      checkTransferArrears(unpaid);
      const meter = tx
        .select({ latest: meters.latestReadingCenti })
        .from(meters)
        .where(and(eq(meters.accountId, input.accountId), eq(meters.active, true)))
        .get();
      const settledReading = meter?.latest ?? 0;
      const payment =
        feeFen > 0 && input.tenderedFen !== null
          ? postFee(tx, actor, { accountId: asAccountId(input.accountId), chargeType: '过户费', invoiceCategory: '定额', feeFen, tenderedFen: input.tenderedFen, businessRef: null }, now, {
              rule: deps.settings.largeTender,
              confirmed: input.confirmLargeTender === true,
            })
          : null;
      const transferId = uuidv7(now.getTime());
      tx.insert(ownershipTransfers)
        .values({
          id: transferId,
          accountId: input.accountId,
          previousName: account.name,
          newName: input.newName,
          transferDate: businessDateOf(now),
          settledReadingCenti: settledReading,
          feeFen,
          waiverProof: input.relative,
          invoiceLost: input.invoiceLost,
          paymentId: payment?.paymentId ?? null,
          enteredBy: actor.staffId,
          createdAt: now.toISOString(),
        })
        .run();
      tx.update(accounts).set({ name: input.newName }).where(eq(accounts.id, input.accountId)).run();
      tx.insert(accountPhones).values({ id: uuidv7(), accountId: input.accountId, phone: input.contactPhone }).onConflictDoNothing().run();
      appendAudit(
        tx,
        {
          actorId: actor.staffId,
          action: 'account.transfer',
          entity: 'account',
          entityId: input.accountId,
          detail: { previousName: account.name, newName: input.newName, settledReading, feeFen, waiverProof: input.relative },
        },
        now,
      );
      return { transferId, previousName: account.name, settledReading, feeFen, payment };
    },
    { behavior: 'immediate' },
  );
}
