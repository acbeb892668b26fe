/** The arrears refusal every account-level change uses (R-GEN-10 gives the phrase; R-SEC-08). */
import { DomainError } from '../../preload/kernel/errors.js';
import { formatYuan, type Fen } from '../../preload/kernel/money.js';

export interface UnpaidLine {
  readingDate: string;
  amountFen: Fen;
}

/** Throws when there are unpaid bills, naming how many, the total and the earliest blocking bill. */
export function refuseWhileArrears(unpaid: readonly UnpaidLine[], action: string, rule: string, field: string): void {
  const first = unpaid[0];
  if (!first) return;
  const total = unpaid.reduce((sum, b) => sum + b.amountFen, 0);
  throw new DomainError(
    'VALIDATION',
    `你还有欠费未缴,须先缴清欠费方可${action} (${rule})：未缴 ${unpaid.length} 笔共 ${formatYuan(total)} 元，最早为 ${first.readingDate} 抄表 ${formatYuan(first.amountFen)} 元`,
    field,
  );
}
