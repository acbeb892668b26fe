/**
 * 日收银报表 rules (R-CASH-01..05, A-33). Pure.
 */
import { DomainError } from '../../preload/kernel/errors.js';
import { fen, formatYuan, type Fen } from '../../preload/kernel/money.js';
import type { CentiM3 } from '../../preload/kernel/volume.js';

/** R-CASH-04: 前日现金结余 + 本日营业收入 − 存入银行或财务金额 = 当日现金结余 (500.00 + 3215.50 − 3000.00 = 715.50). */
export function cashBalance(previousFen: Fen, incomeFen: Fen, depositedFen: Fen): Fen {
  if (depositedFen < 0) throw new DomainError('VALIDATION', '存入金额不能为负', 'deposited');
  return fen(previousFen + incomeFen - depositedFen);
}

/** A difference between the cash counted and the formula is recorded with a reason, never forced to zero. */
export function checkDifference(countedFen: Fen, balanceFen: Fen, reason: string): Fen {
  const difference = countedFen - balanceFen;
  if (difference !== 0 && reason.trim().length < 2) {
    throw new DomainError('VALIDATION', `清点现金比当日结余${difference > 0 ? '多' : '少'} ${formatYuan(Math.abs(difference))} 元，请如实填写差额原因`, 'differenceReason');
  }
  return fen(difference);
}

export interface ReportLine {
  /** 地税发票 | 定额发票 | 国税发票 | 核对单 | 收据 | 燃气票 | 滞纳金 */
  group: string;
  item: string;
  count: number;
  amountFen: Fen;
  volumeCenti?: CentiM3;
}
