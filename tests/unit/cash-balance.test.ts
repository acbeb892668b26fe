/** R-CASH-04: the balance equation and the counted difference, one rule for the report and its window (issue 11 #4). */
import { describe, expect, it } from 'vitest';
import { cashBalance, cashDifference } from '../../preload/kernel/cash-balance.js';
import { countedTotal } from '../../preload/kernel/denominations.js';
import { fen } from '../../preload/kernel/money.js';

describe('日收银报表 balance', () => {
  it('前日结余 500.00 + 收入 3215.50 − 存入 3000.00 = 715.50 (R-CASH-04)', () => {
    expect(cashBalance(fen(50000), fen(321550), fen(300000))).toBe(71550);
  });
  it('refuses a negative deposit at the field', () => {
    expect(() => cashBalance(fen(0), fen(0), fen(-1))).toThrow(expect.objectContaining({ code: 'VALIDATION', field: 'deposited' }));
  });
  it('states the counted cash against the balance to the fen, more as positive (R-SEC-22)', () => {
    const counted = countedTotal({ 10000: 7, 1000: 1, 500: 1, 10: 5 });
    expect(counted).toBe(71550);
    expect(cashDifference(counted, fen(71550))).toBe(0);
    expect(cashDifference(counted, fen(71548))).toBe(2);
    expect(cashDifference(fen(71500), fen(71550))).toBe(-50);
  });
});
