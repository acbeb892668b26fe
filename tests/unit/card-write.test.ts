/** R-IC-07 (issue 10 #1): every precondition of a card write, checked before the card is touched. Pure. */
import { describe, expect, it } from 'vitest';
import { nextPurchaseCounter, purchaseRefusal, settlementDay, type PurchaseFacts } from '../../main/domain/card-write.js';
import { fen } from '../../preload/kernel/money.js';

const ok: PurchaseFacts = {
  businessDate: '2026-11-23',
  dayClosed: false,
  role: 'clerk',
  bankLock: null,
  accountId: 'acc-1',
  card: { cardNo: '20245555-1', counter: 3 },
  registered: { accountId: 'acc-1', active: true },
  pendingOnCard: 0,
  expectedCounter: 3,
  money: { dueFen: fen(6900), tenderedFen: fen(10000) },
};
const code = (f: Partial<PurchaseFacts>) => purchaseRefusal({ ...ok, ...f })?.code ?? null;

describe('purchaseRefusal', () => {
  it('lets a purchase through when everything holds', () => {
    expect(purchaseRefusal(ok)).toBeNull();
    expect(code({ money: null })).toBeNull();
  });
  it('refuses each broken precondition with its own code', () => {
    expect(code({ role: 'technician' })).toBe('FORBIDDEN');
    expect(code({ role: 'callcenter' })).toBe('FORBIDDEN');
    expect(code({ dayClosed: true })).toBe('DAY_CLOSED');
    expect(code({ bankLock: { bank: '建行', runId: 'BK20261123001' } })).toBe('BILL_NOT_PAYABLE');
    expect(purchaseRefusal({ ...ok, bankLock: { bank: '建行', runId: 'BK20261123001' } })?.message).toContain('银行卡用户现金缴费前台锁住');
    expect(code({ registered: null })).toBe('CARD_ERROR');
    expect(code({ registered: { accountId: 'acc-2', active: true } })).toBe('CARD_ERROR');
    expect(code({ registered: { accountId: 'acc-1', active: false } })).toBe('CARD_ERROR');
    expect(code({ pendingOnCard: 1 })).toBe('CARD_WRITE_UNCERTAIN');
    expect(code({ expectedCounter: 2 })).toBe('CARD_ERROR');
    expect(code({ money: { dueFen: fen(6900), tenderedFen: fen(6899) } })).toBe('INSUFFICIENT_TENDER');
  });
  it('names the closed day', () => {
    expect(purchaseRefusal({ ...ok, dayClosed: true })?.message).toBe('2026-11-23 已日结，不能再收费写卡');
  });
});

describe('settlementDay (issue 10 #1)', () => {
  const closed = (...days: string[]) => (d: string) => days.includes(d);
  it('a recharge goes on today while today is open', () => {
    expect(settlementDay({ kind: 'recharge', today: '2026-11-24', ownDay: '2026-11-23', isClosed: closed('2026-11-23') })).toEqual({ businessDate: '2026-11-24', late: false });
  });
  it('today closed: onto the write own day, late when that day is closed too', () => {
    expect(settlementDay({ kind: 'recharge', today: '2026-11-23', ownDay: '2026-11-23', isClosed: closed('2026-11-23') })).toEqual({ businessDate: '2026-11-23', late: true });
    expect(settlementDay({ kind: 'recharge', today: '2026-11-24', ownDay: '2026-11-23', isClosed: closed('2026-11-24') })).toEqual({ businessDate: '2026-11-23', late: false });
  });
  it('a 冲正 always goes on its original day, late when closed', () => {
    expect(settlementDay({ kind: 'reversal', today: '2026-11-24', ownDay: '2026-11-23', isClosed: closed() })).toEqual({ businessDate: '2026-11-23', late: false });
    expect(settlementDay({ kind: 'reversal', today: '2026-11-23', ownDay: '2026-11-23', isClosed: closed('2026-11-23') })).toEqual({ businessDate: '2026-11-23', late: true });
  });
});

describe('nextPurchaseCounter (R-IC-07)', () => {
  it('moves the card\'s purchase counter on by one and wraps at 16 bits', () => {
    expect(nextPurchaseCounter(0)).toBe(1);
    expect(nextPurchaseCounter(41)).toBe(42);
    expect(nextPurchaseCounter(65535)).toBe(0);
  });
});
