/**
 * Settling a meter test (燃气表检测), R-TEST-03/04: a meter that passes costs the 20-yuan removal/refit fee
 * (拆装费) plus the prescribed test fee; a failed meter costs nothing. The 300-yuan deposit is
 * always handed back, against the deposit receipt (R-TEST-05).
 */
import { addFen, fen, ZERO_FEN, type Fen } from '../../preload/kernel/money.js';
import type { CentiM3 } from '../../preload/kernel/volume.js';

export const REFIT_FEE_FEN: Fen = fen(2_000);

export type TestResult = '合格' | '偏快' | '偏慢';

export function meterTestCharge(result: TestResult, testFeeFen: Fen): Fen {
  return result === '合格' ? addFen(REFIT_FEE_FEN, testFeeFen) : ZERO_FEN;
}

/** "4.5" (%) → 450 basis points; refuses anything but a plain percentage with up to two decimals. */
export function errorBasisPoints(percent: string): number {
  const m = /^(\d{1,2})(?:\.(\d{1,2}))?$/.exec(percent.trim());
  if (!m) return Number.NaN;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/**
 * the gas-fee correction of one reading after a failed test: consumption × error × unit price,
 * half up to the fen. Positive = the customer was over-charged (meter fast) and is credited; negative =
 * under-charged (meter slow) and pays the difference.
 */
export function testCorrectionFen(consumptionCenti: CentiM3, priceFenPerM3: number, errorBp: number, result: Exclude<TestResult, '合格'>): Fen {
  // centi-m³ × fen/m³ × bp / (100 × 10 000) = fen
  const magnitude = Math.floor((consumptionCenti * priceFenPerM3 * errorBp + 500_000) / 1_000_000);
  return fen(result === '偏快' ? magnitude : -magnitude);
}
