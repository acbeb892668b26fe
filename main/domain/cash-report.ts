/**
 * 日收银报表 rules (R-CASH-01..05, A-33). Pure.
 */
import { DomainError } from '../../preload/kernel/errors.js';
import { cashDifference } from '../../preload/kernel/cash-balance.js';
import { formatYuan, type Fen } from '../../preload/kernel/money.js';
import type { CentiM3 } from '../../preload/kernel/volume.js';

/** A difference between the cash counted and the formula is recorded with a reason, never forced to zero. */
export function checkDifference(countedFen: Fen, balanceFen: Fen, reason: string): Fen {
  const difference = cashDifference(countedFen, balanceFen);
  if (difference !== 0 && reason.trim().length < 2) {
    throw new DomainError('VALIDATION', `清点现金比当日结余${difference > 0 ? '多' : '少'} ${formatYuan(Math.abs(difference))} 元，请如实填写差额原因`, 'differenceReason');
  }
  return difference;
}

export interface ReportLine {
  /** 地税发票 | 定额发票 | 国税发票 | 核对单 | 收据 | 燃气票 | 滞纳金 */
  group: string;
  item: string;
  count: number;
  amountFen: Fen;
  volumeCenti?: CentiM3;
}
