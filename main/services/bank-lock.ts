/** The bank-day lock on counter payments (R-PAY-06, R-BANK-11, A-50). */
import type { ReadTx } from '../../db/open.js';
import { statementOf } from '../../db/statements.js';
import { DomainError } from '../../preload/kernel/errors.js';
import type { AccountId, BillId } from '../domain/ids.js';

/** Seed 000 §1.2.5 2.(4), quoted in every refusal. */
export const BANK_DAY_RULE = '银行卡用户现金缴费前台锁住';

/** R-PAY-06 / A-50: the bank file still awaiting its return that holds one of this customer's bills, if any. */
export function bankLockOf(tx: ReadTx, accountId: string): { runId: string; bank: string } | null {
  return (statementOf(tx, ACCOUNT_LOCK_SQL).get(accountId) as { runId: string; bank: string } | undefined) ?? null;
}

// Prepared once per connection (issue 13 #3): both run on every counter payment.
const ACCOUNT_LOCK_SQL = `SELECT i.run_id AS runId, r.bank_name AS bank FROM bank_run_items i JOIN bank_runs r ON r.id = i.run_id
  WHERE i.account_id = ? AND i.result IS NULL`;
const BILLS_LOCK_SQL = `SELECT i.run_id AS runId, r.bank_name AS bank FROM bank_run_items i JOIN bank_runs r ON r.id = i.run_id
  WHERE i.bill_id IN (SELECT value FROM json_each(?)) AND i.result IS NULL`;

/**
 * R-PAY-06 / A-50 (issue 10 #7): on a bank deduction day the whole bank-card customer is locked at the
 * counter, not only the bill in the file, so a later bill paid in cash cannot move the paid-up reading
 * past a bill the bank still holds. The manual-slip procedure is the only way to take the cash.
 */
export function assertCustomerNotInBankRun(tx: ReadTx, accountId: AccountId): void {
  const locked = bankLockOf(tx, accountId);
  if (locked) {
    throw new DomainError(
      'BILL_NOT_PAYABLE',
      `该用户有费用在${locked.bank}代扣文件 ${locked.runId} 中等待银行回执：${BANK_DAY_RULE}（R-PAY-06）。如确认卡内无余额，可用手工核对单收费，回执后再核销`,
      'billIds',
    );
  }
}

/** R-PAY-06 / A-50: bills in a bank file still awaiting its return can't be paid at the counter. */
export function assertNotInBankRun(tx: ReadTx, billIds: readonly BillId[]): void {
  if (billIds.length === 0) return;
  const locked = statementOf(tx, BILLS_LOCK_SQL).get(JSON.stringify(billIds)) as { runId: string; bank: string } | undefined;
  if (locked) {
    throw new DomainError(
      'BILL_NOT_PAYABLE',
      `该费用已在${locked.bank}代扣文件 ${locked.runId} 中，等待银行回执，暂停柜台收现。如确认卡内无余额，可用手工核对单收费，回执后再核销 (R-PAY-06)`,
      'billIds',
    );
  }
}
