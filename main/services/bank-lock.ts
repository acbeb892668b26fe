/** The bank-day lock on counter payments (R-PAY-06, R-BANK-11, A-50). */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { bankRunItems, bankRuns } from '../../db/schema.js';
import { DomainError } from '../domain/errors.js';

/** R-PAY-06 / A-50: bills in a bank file still awaiting its return can't be paid at the counter. */
export function assertNotInBankRun(tx: Pick<Db, 'select'>, billIds: readonly string[]): void {
  if (billIds.length === 0) return;
  const locked = tx
    .select({ runId: bankRunItems.runId, bank: bankRuns.bankName })
    .from(bankRunItems)
    .innerJoin(bankRuns, eq(bankRuns.id, bankRunItems.runId))
    .where(and(inArray(bankRunItems.billId, [...billIds]), isNull(bankRunItems.result)))
    .get();
  if (locked) {
    throw new DomainError(
      'BILL_NOT_PAYABLE',
      `该费用已在${locked.bank}代扣文件 ${locked.runId} 中，等待银行回执，暂停柜台收现。如确认卡内无余额，可用手工核对单收费，回执后再核销 (R-PAY-06)`,
      'billIds',
    );
  }
}

