/**
 * The 日收银报表 balance equation (R-CASH-04) and the difference of the cash counted from it (the shortage or
 * overage reported at once, R-SEC-22): the one place
 * both the back end (main/services/cash-report.ts, when the report is submitted) and the 缴款报告 window
 * (the figures it shows as the clerk types) compute them (issue 11 #4). Pure.
 */
import { DomainError } from './errors.js';
import { fen, subFen, type Fen } from './money.js';

/** R-CASH-04: 前日现金结余 + 本日营业收入 − 存入银行或财务金额 = 当日现金结余 (500.00 + 3215.50 − 3000.00 = 715.50). */
export function cashBalance(previousFen: Fen, incomeFen: Fen, depositedFen: Fen): Fen {
  if (depositedFen < 0) throw new DomainError('VALIDATION', '存入金额不能为负', 'deposited');
  return fen(previousFen + incomeFen - depositedFen);
}

/** The cash counted minus the balance: positive when the drawer holds more than the formula says. */
export function cashDifference(countedFen: Fen, balanceFen: Fen): Fen {
  return subFen(countedFen, balanceFen);
}
