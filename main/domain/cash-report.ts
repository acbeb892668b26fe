/**
 * 日收银报表 rules (R-CASH-01..05, A-33). Pure.
 */
import { DomainError } from './errors.js';
import { fen, formatYuan, type Fen } from './money.js';
import type { CentiM3 } from './volume.js';

/**
 * Notes and coins counted (fen): 100, 50, 20, 10, 5, 1 yuan, 5 角, 1 角 and 5, 2, 1 分 (issue 10 #4: change
 * such as ¥0.02 is given, so a balanced drawer like 960.43 must be countable to the fen).
 */
export const DENOMINATIONS_FEN = [10000, 5000, 2000, 1000, 500, 100, 50, 10, 5, 2, 1] as const;

/** How the window names a denomination: 100元 … 1元, 5角, 1角, 5分, 2分, 1分. */
export function denominationLabel(fen: number): string {
  return fen >= 100 ? `${fen / 100}元` : fen >= 10 ? `${fen / 10}角` : `${fen}分`;
}

const assertTotal = (total: number): Fen => fen(total);

export function countedTotal(counts: Readonly<Record<string, number>>): Fen {
  let total = 0;
  for (const [key, n] of Object.entries(counts)) {
    const fen = Number(key);
    if (!(DENOMINATIONS_FEN as readonly number[]).includes(fen)) throw new DomainError('VALIDATION', `没有面额 ${key}`, 'denominations');
    if (!Number.isSafeInteger(n) || n < 0) throw new DomainError('VALIDATION', `面额 ${formatYuan(fen)} 元的张数须为非负整数`, 'denominations');
    total += fen * n;
  }
  return assertTotal(total);
}

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
