/**
 * Two-phase card writes (ARCHITECTURE "Card writes", R-IC-07, A-13): after a write that did not
 * clearly succeed, the card's purchase counter decides what happened. Pure.
 */
import { changeFor, fen, ZERO_FEN, type Fen } from '../../preload/kernel/money.js';
import { centiM3, gasAmountFen, type CentiM3 } from '../../preload/kernel/volume.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { checkLargeTender, type LargeTenderRule } from './confirmations.js';

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

/** Staff who take money at the counter (R-IC-01): not technicians nor the call centre. */
export const PURCHASE_ROLES: readonly string[] = ['clerk', 'reviewer', 'manager', 'admin'];

/** Everything a card write depends on, gathered before the card is touched (R-IC-07, issue 10 #1). */
export interface PurchaseFacts {
  businessDate: string;
  /** The business day the payment would be posted on is closed (日结). */
  dayClosed: boolean;
  role: string;
  /** R-PAY-06 / A-50: the customer has a bill in a bank file still awaiting its return. */
  bankLock: { bank: string; runId: string } | null;
  /** The account the purchase is for, and the card in the reader. */
  accountId: string;
  card: { cardNo: string; counter: number };
  /** The card as registered in the system (null: unknown card). */
  registered: { accountId: string; active: boolean } | null;
  /** Writes still in doubt on this card. */
  pendingOnCard: number;
  /** The purchase counter the system expects on this account's card. */
  expectedCounter: number;
  /**
   * Cash due and tendered (null: nothing to check, e.g. a retry of a write already priced); with the
   * large-tender rule and whether the clerk confirmed a tender far above the due (issue 10 #5).
   */
  money: { dueFen: Fen; tenderedFen: Fen; largeTender?: { rule: LargeTenderRule; confirmed: boolean } } | null;
}

/**
 * R-IC-07 (issue 10 #1): the first reason a card write may not start, or null. Every precondition of
 * the purchase is here so that nothing can refuse it after the gas is on the card. Pure.
 */
export function purchaseRefusal(f: PurchaseFacts): DomainError | null {
  if (!PURCHASE_ROLES.includes(f.role)) return new DomainError('FORBIDDEN', '只有营业员可以收费写卡', 'card');
  if (f.dayClosed) return new DomainError('DAY_CLOSED', `${f.businessDate} 已日结，不能再收费写卡`, 'card');
  if (f.bankLock) {
    return new DomainError(
      'BILL_NOT_PAYABLE',
      `该用户有费用在${f.bankLock.bank}代扣文件 ${f.bankLock.runId} 中等待银行回执：银行卡用户现金缴费前台锁住 (R-PAY-06)`,
      'accountId',
    );
  }
  if (!f.registered || f.registered.accountId !== f.accountId) return new DomainError('CARD_ERROR', '插入的不是这位用户的卡', 'card');
  if (!f.registered.active) return new DomainError('CARD_ERROR', `卡 ${f.card.cardNo} 已补卡作废，请使用新卡`, 'card');
  if (f.pendingOnCard > 0) return new DomainError('CARD_WRITE_UNCERTAIN', '这张卡有未确认的写卡，请先点“恢复”处理', 'card');
  if (f.card.counter !== f.expectedCounter) {
    return new DomainError('CARD_ERROR', `卡上购气次数 ${f.card.counter} 与系统记录 ${f.expectedCounter} 不符，请联系信息中心核查`, 'card');
  }
  if (f.money) {
    try {
      changeFor(f.money.tenderedFen, f.money.dueFen);
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
    if (f.money.largeTender) {
      const checked = checkLargeTender({ tenderedFen: f.money.tenderedFen, cashDueFen: f.money.dueFen, ...f.money.largeTender });
      if ('refusal' in checked) return checked.refusal;
    }
  }
  return null;
}

export function assertPurchaseAllowed(f: PurchaseFacts): void {
  const refusal = purchaseRefusal(f);
  if (refusal) throw refusal;
}

/**
 * R-IC-07 (issue 10 #1): the business day a card write is posted on once the card shows it. The card
 * already carries the gas, so nothing may refuse the posting now: a recharge goes on today while it is
 * open, else onto the write's own day; a 冲正 on its original's day. A closed target day takes it as a
 * late row flagged for the manager (the closed-day triggers admit only an unsettled write begun before
 * the close). Pure.
 */
export function settlementDay(s: {
  kind: 'recharge' | 'reversal';
  today: string;
  /** The write's own business day (recharge) or the reversed payment's day (冲正). */
  ownDay: string;
  isClosed: (day: string) => boolean;
}): { businessDate: string; late: boolean } {
  if (s.kind === 'recharge' && !s.isClosed(s.today)) return { businessDate: s.today, late: false };
  return { businessDate: s.ownDay, late: s.isClosed(s.ownDay) };
}

/**
 * R-IC-07: each purchase written to a card moves its purchase counter on by one; the card stores it in
 * 16 bits (hardware/card/PROTOCOL.md), so it wraps to 0 after 65535. A business rule, not the codec's.
 */
export function nextPurchaseCounter(counter: number): number {
  return (counter + 1) & 0xffff;
}

/** R-IC-02/03: 补卡 costs 10 yuan (工本费) unless the company or a card/meter quality problem caused it. */
export const REPLACEMENT_CARD_FEE_FEN: Fen = fen(1_000);

export function replacementFeeFen(companyFault: boolean): Fen {
  return companyFault ? ZERO_FEN : REPLACEMENT_CARD_FEE_FEN;
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
  while (volume > 0 && gasAmountFen(centiM3(volume), priceFenPerM3) > amount) volume--;
  while (gasAmountFen(centiM3(volume + 1), priceFenPerM3) <= amount) volume++;
  if (volume === 0) throw new DomainError('INVALID_AMOUNT', '金额不足购买 0.01 方', 'amount');
  return { volumeCenti: centiM3(volume), amountFen: gasAmountFen(centiM3(volume), priceFenPerM3) };
}

/** R-CENS-02/03: normal when purchased = remaining + used. */
export function censusCheck(purchasedCenti: CentiM3, remainingCenti: CentiM3, usedCenti: CentiM3): { normal: boolean; differenceCenti: CentiM3 } {
  const difference = purchasedCenti - (remainingCenti + usedCenti);
  return { normal: difference === 0, differenceCenti: centiM3(difference) };
}
