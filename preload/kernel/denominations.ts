/** The notes and coins a drawer is counted in (日收银报表, R-CASH-01) and their total. Pure. */
import { DomainError } from './errors.js';
import { fen, formatYuan, type Fen } from './money.js';

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
