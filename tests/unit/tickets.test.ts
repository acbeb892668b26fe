/** Gas tickets, coupons and vouchers (DOMAIN §6.2) with the seed's examples. */
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../preload/kernel/errors.js';
import {
  allocateVolume,
  assertCouponsFit,
  assertTicketValid,
  monthlyAverageCenti,
  softRuleWarnings,
  splitBill,
  ticketCountsPerBill,
  ticketValidity,
  validityWindow,
} from '../../main/domain/tickets.js';
import { centiM3, gasAmountFen } from '../../preload/kernel/volume.js';
import { fen } from '../../preload/kernel/money.js';

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof DomainError ? e.code : 'OTHER';
  }
}

describe('R-TKT-01/02 validity by year and quarter with one month of grace', () => {
  it('a 2024-Q2 ticket is valid 2024-04-01 … 2024-07-31', () => {
    expect(validityWindow(2024, 2)).toEqual({ from: '2024-04-01', to: '2024-07-31' });
    expect(ticketValidity(2024, 2, '2024-03-31')).toBe('not_yet');
    expect(ticketValidity(2024, 2, '2024-04-01')).toBe('valid');
    expect(ticketValidity(2024, 2, '2024-07-31')).toBe('valid');
    expect(ticketValidity(2024, 2, '2024-08-01')).toBe('expired');
  });
  it('Q4 extends into January of the next year; Q1 grace month is April', () => {
    expect(validityWindow(2026, 4)).toEqual({ from: '2026-10-01', to: '2027-01-31' });
    expect(validityWindow(2026, 1)).toEqual({ from: '2026-01-01', to: '2026-04-30' });
  });
  it('A-29: a year-only ticket runs to 31 January of the following year', () => {
    expect(validityWindow(2026, null)).toEqual({ from: '2026-01-01', to: '2027-01-31' });
  });
  it('refuses with the seed words', () => {
    expect(() => assertTicketValid(2024, 2, '2024-08-01')).toThrow('请你及时到燃气票发放单位调换');
    expect(() => assertTicketValid(2024, 2, '2024-03-31')).toThrow('请你按票面上标明的季度使用');
  });
});

describe('allocation of ticket volume (R-TKT-03/09/10/11)', () => {
  const bill = (id: string, m3: number, gas: number) => ({ id, consumption: centiM3(m3 * 100), gasFen: fen(gas) });
  it('consumption 23 m³ and 4 tickets (20 m³): split required, suggesting 20 m³ (seed example)', () => {
    expect(() => allocateVolume([bill('a', 23, 7935)], centiM3(2000))).toThrow('请先在该笔拆分 20 m³');
  });
  it('after the split the 20 m³ record is paid by tickets and the 3 m³ record in cash', () => {
    const a = allocateVolume([bill('t', 20, 6900), bill('c', 3, 1035)], centiM3(2000));
    expect(a).toEqual({ ticketBillIds: ['t'], cashBillIds: ['c'], usedCenti: centiM3(2000), leftoverCenti: 0, ticketFen: fen(6900) });
  });
  it('consumption under 5 m³: the rest of the ticket is kept as prepaid', () => {
    expect(allocateVolume([bill('a', 3.5, 1208)], centiM3(500))).toMatchObject({ ticketBillIds: ['a'], leftoverCenti: 150, ticketFen: fen(1208) });
  });
  it('a whole ticket too many is refused', () => {
    expect(() => allocateVolume([bill('a', 3, 1035)], centiM3(1000))).toThrow('请退还 1 张');
  });
  it('merged payment: one set of tickets pays two bills, 实收气票 0 then the count', () => {
    expect(allocateVolume([bill('a', 8, 2760), bill('b', 12, 4140)], centiM3(2000))).toMatchObject({ ticketBillIds: ['a', 'b'], ticketFen: fen(6900) });
    expect(ticketCountsPerBill(2, 4)).toEqual([0, 4]);
    expect(ticketCountsPerBill(1, 4)).toEqual([4]);
  });
});

describe('R-TKT-10 split billing adds up to the fen', () => {
  it('23 m³ at 3.45: 20 m³ = 69.00 and 3 m³ = 10.35', () => {
    const [a, b] = splitBill({ previousReading: centiM3(10000), thisReading: centiM3(12300), consumption: centiM3(2300), amountFen: fen(7935), priceFenPerM3: 345 }, centiM3(2000), gasAmountFen);
    expect(a).toEqual({ thisReading: centiM3(12000), consumption: centiM3(2000), amountFen: fen(6900) });
    expect(b).toEqual({ previousReading: centiM3(12000), consumption: centiM3(300), amountFen: fen(1035) });
  });
  it('with an odd price the remainder takes the rounding so the parts sum to the original', () => {
    const [a, b] = splitBill({ previousReading: centiM3(0), thisReading: centiM3(1033), consumption: centiM3(1033), amountFen: fen(3564), priceFenPerM3: 345 }, centiM3(500), gasAmountFen);
    expect(a.amountFen + b.amountFen).toBe(3564);
    expect(a.amountFen).toBe(1725);
  });
  it('refuses a split of zero or of the whole volume', () => {
    const b = { previousReading: centiM3(0), thisReading: centiM3(1000), consumption: centiM3(1000), amountFen: fen(3450), priceFenPerM3: 345 };
    expect(codeOf(() => splitBill(b, centiM3(0), gasAmountFen))).toBe('VALIDATION');
    expect(codeOf(() => splitBill(b, centiM3(1000), gasAmountFen))).toBe('VALIDATION');
  });
});

describe('soft rules (R-TKT-05/06, A-17)', () => {
  it('average 10 m³/month → at most 6 tickets', () => {
    const recent = [centiM3(1000), centiM3(1000), centiM3(1000)];
    expect(monthlyAverageCenti(recent)).toBe(1000);
    expect(softRuleWarnings({ tickets: 6, recentConsumption: recent, prepaidCenti: centiM3(0) })).toEqual([]);
    expect(softRuleWarnings({ tickets: 7, recentConsumption: recent, prepaidCenti: centiM3(0) })).toEqual([
      { rule: 'R-TKT-05', message: '月均用气 10 m³，原则上最多收 6 张（3 倍月均），本次 7 张' },
    ]);
  });
  it('no history: no cap warning', () => {
    expect(softRuleWarnings({ tickets: 40, recentConsumption: [], prepaidCenti: centiM3(0) })).toEqual([]);
  });
  it('no new consumption while prepaid ticket volume is unused', () => {
    expect(softRuleWarnings({ tickets: 1, recentConsumption: [centiM3(0), centiM3(2000)], prepaidCenti: centiM3(200) }).map((w) => w.rule)).toEqual(['R-TKT-06']);
    expect(softRuleWarnings({ tickets: 1, recentConsumption: [centiM3(300), centiM3(2000)], prepaidCenti: centiM3(200) })).toEqual([]);
  });
});

describe('R-TKT-12 coupons', () => {
  it('face value × count up to the gas due, no change', () => {
    expect(assertCouponsFit(fen(2 * 2000), fen(4500))).toBe(4000);
    expect(() => assertCouponsFit(fen(3 * 2000), fen(4500))).toThrow('券不找零');
  });
});
