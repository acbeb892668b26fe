/**
 * Two-phase card writes (ARCHITECTURE "Card writes", R-IC-07, A-13): after a write that did not
 * clearly succeed, the card's purchase counter decides what happened. Pure.
 */
import type { Fen } from './money.js';
import { gasAmountFen, type CentiM3 } from './volume.js';
import { DomainError } from './errors.js';

export type WriteDecision = 'written' | 'not_written' | 'unknown';

export function decideCardWrite(
  write: { cardNo: string; counterBefore: number; counterAfter: number },
  card: { cardNo: string; counter: number } | null,
): WriteDecision {
  if (!card || card.cardNo !== write.cardNo) return 'unknown';
  if (card.counter === write.counterAfter) return 'written';
  if (card.counter === write.counterBefore) return 'not_written';
  return 'unknown';
}

/** R-IC-02/03: 补卡 costs 10 yuan (工本费) unless the company or a card/meter quality problem caused it. */
export const REPLACEMENT_CARD_FEE_FEN: Fen = 1_000;

export function replacementFeeFen(companyFault: boolean): Fen {
  return companyFault ? 0 : REPLACEMENT_CARD_FEE_FEN;
}

/**
 * R-IC-01: the clerk enters m³, or the amount the customer offers (用户自愿缴费金额). By amount, the
 * volume is the largest 0.01 m³ whose price (A-12, half up) does not exceed the amount; the charge is
 * that price, so volume and money always agree.
 */
export function rechargeQuote(input: { volumeCenti?: CentiM3; amountFen?: Fen }, priceFenPerM3: number): { volumeCenti: CentiM3; amountFen: Fen } {
  if (input.volumeCenti !== undefined) {
    if (input.volumeCenti <= 0) throw new DomainError('INVALID_VOLUME', '购气量须大于 0', 'volume');
    return { volumeCenti: input.volumeCenti, amountFen: gasAmountFen(input.volumeCenti, priceFenPerM3) };
  }
  const amount = input.amountFen ?? 0;
  if (amount <= 0) throw new DomainError('INVALID_AMOUNT', '购气金额须大于 0', 'amount');
  let volume = Math.floor((amount * 100) / priceFenPerM3);
  while (volume > 0 && gasAmountFen(volume, priceFenPerM3) > amount) volume--;
  while (gasAmountFen(volume + 1, priceFenPerM3) <= amount) volume++;
  if (volume === 0) throw new DomainError('INVALID_AMOUNT', '金额不足购买 0.01 方', 'amount');
  return { volumeCenti: volume, amountFen: gasAmountFen(volume, priceFenPerM3) };
}

/** R-CENS-02/03: normal when purchased = remaining + used. */
export function censusCheck(purchasedCenti: CentiM3, remainingCenti: CentiM3, usedCenti: CentiM3): { normal: boolean; differenceCenti: CentiM3 } {
  const difference = purchasedCenti - (remainingCenti + usedCenti);
  return { normal: difference === 0, differenceCenti: difference };
}
