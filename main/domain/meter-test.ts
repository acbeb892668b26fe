/**
 * Settling a meter test (燃气表检测), R-TEST-03/04: a meter that passes costs the 20-yuan removal/refit fee
 * (拆装费) plus the prescribed test fee; a failed meter costs nothing. The 300-yuan deposit is
 * always handed back, against the deposit receipt (R-TEST-05).
 */
import type { Fen } from './money.js';

export const REFIT_FEE_FEN: Fen = 2_000;

export type TestResult = '合格' | '偏快' | '偏慢';

export function meterTestCharge(result: TestResult, testFeeFen: Fen): Fen {
  return result === '合格' ? REFIT_FEE_FEN + testFeeFen : 0;
}
