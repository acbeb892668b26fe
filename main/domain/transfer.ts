/**
 * 过户 (transfer of ownership), P-TRF: arrears block (R-TRF-04, R-SEC-07/08), the 5-yuan fee waived for
 * direct relatives with proof (R-TRF-07; A-51 lists who counts), the new owner's name rule (R-VAL-02).
 */
import { DomainError } from '../../preload/kernel/errors.js';
import { refuseWhileArrears, type UnpaidLine } from './arrears.js';
import { fen, ZERO_FEN, type Fen } from '../../preload/kernel/money.js';
import type { DirectRelative } from '../../preload/kernel/enums.js';

export const TRANSFER_FEE_FEN: Fen = fen(500);

export function transferFee(relative: DirectRelative | null, proofShown: boolean): Fen {
  if (relative === null) return TRANSFER_FEE_FEN;
  if (!proofShown) {
    throw new DomainError('VALIDATION', '直系亲属免收过户费须出示有效证明 (R-TRF-07)', 'proofShown');
  }
  return ZERO_FEN;
}

export function checkTransferArrears(unpaid: readonly UnpaidLine[]): void {
  refuseWhileArrears(unpaid, '办理过户', 'R-TRF-04', 'accountId');
}
