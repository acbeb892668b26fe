import { describe, expect, it } from 'vitest';
import { DomainError } from '../../preload/kernel/errors.js';
import { lateFeeFen, lateFeeTrace, overdueDays, roundLateFee } from '../../main/domain/late-fee.js';
import { type Fen, fen, changeFor, formatYuan, parseYuan, sumFen } from '../../preload/kernel/money.js';
import { centiM3, consumption, formatVolume, gasAmountFen, parseVolume } from '../../preload/kernel/volume.js';

const yuanMilli = (yuan: string) => parseYuan(yuan) * 1000;

describe('money in fen', () => {
  it('parses what a clerk types, exactly', () => {
    expect(parseYuan('100')).toBe(10000);
    expect(parseYuan('99.5')).toBe(9950);
    expect(parseYuan(' 12.34 ')).toBe(1234);
    expect(parseYuan('0.01')).toBe(1);
  });
  it('asks for an amount when nothing was typed (not 金额格式不正确: "")', () => {
    for (const empty of ['', '   ']) expect(() => parseYuan(empty, 'deposit')).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT', field: 'deposit', message: '请输入金额，如 100 或 12.50' }));
  });
  it.each(['', '-1', '1.234', '1,000', '12 3', '1e3', '0x10', '１００', 'NaN'])('refuses %j with a typed error', (text) => {
    expect(() => parseYuan(text)).toThrow(DomainError);
    try {
      parseYuan(text);
    } catch (e) {
      expect((e as DomainError).code).toBe('INVALID_AMOUNT');
    }
  });
  it('formats fen as yuan with two decimals', () => {
    expect([formatYuan(0), formatYuan(5), formatYuan(1250), formatYuan(-1250), formatYuan(123456789)]).toEqual([
      '0.00', '0.05', '12.50', '-12.50', '1234567.89',
    ]);
  });
  it('gives exact change and refuses a short tender (R-PAY-07)', () => {
    expect(changeFor(fen(30000), fen(27250))).toBe(2750);
    expect(changeFor(fen(12100), fen(12100))).toBe(0);
    expect(() => changeFor(fen(12099), fen(12100))).toThrow('实收 120.99 元不足应收 121.00 元');
    expect(() => changeFor(1.5 as Fen, fen(1))).toThrow(DomainError);
  });
  it('sums integer fen only', () => {
    expect(sumFen([fen(1), fen(2), fen(3)])).toBe(6);
    expect(() => sumFen([0.1 as Fen, 0.2 as Fen])).toThrow(DomainError);
  });
});

describe('late fee (滞纳金) R-LATE-01..03', () => {
  it('rounds down to 0.5 yuan steps with the seed examples (R-LATE-02)', () => {
    expect(roundLateFee(yuanMilli('1.4'))).toBe(100);
    expect(roundLateFee(yuanMilli('1.9'))).toBe(150);
    expect(roundLateFee(yuanMilli('0.49'))).toBe(0);
    expect(roundLateFee(yuanMilli('0.50'))).toBe(50);
    expect(roundLateFee(yuanMilli('2.00'))).toBe(200);
    expect(roundLateFee(yuanMilli('2.74'))).toBe(250);
    expect(roundLateFee(49_999)).toBe(0);
    expect(roundLateFee(50_000)).toBe(50);
  });
  it('computes the worked examples of R-LATE-03', () => {
    expect(lateFeeFen(fen(12000), 4)).toBe(100); // 120.00 × 0.3% × 4 = 1.44 → 1.0
    expect(lateFeeFen(fen(15000), 4)).toBe(150); // 1.80 → 1.5
    expect(lateFeeFen(fen(3500), 3)).toBe(0); // 0.315 → 0
    expect(lateFeeFen(fen(20000), 10)).toBe(600); // 6.00 → 6.0
  });
  it('shows each bill its calculation trace with the seed examples (R-LATE-01..03)', () => {
    expect(lateFeeTrace(12000, 4)).toBe('120.00 × 0.3% × 4天 = 1.44 → 1.00（按0.5元向下取整）');
    expect(lateFeeTrace(15000, 4)).toBe('150.00 × 0.3% × 4天 = 1.80 → 1.50（按0.5元向下取整）');
    expect(lateFeeTrace(3500, 3)).toBe('35.00 × 0.3% × 3天 = 0.31 → 0.00（不足0.5元不收）');
    expect(lateFeeTrace(20000, 10)).toBe('200.00 × 0.3% × 10天 = 6.00 → 6.00（按0.5元向下取整）');
    expect(lateFeeTrace(20000, 0)).toBe('未逾期，无滞纳金');
  });
  it('charges nothing when not overdue', () => {
    expect(lateFeeFen(fen(20000), 0)).toBe(0);
    expect(lateFeeFen(fen(0), 100)).toBe(0);
  });
  it('counts calendar days after the due date (A-27)', () => {
    expect(overdueDays('2026-11-19', '2026-11-23')).toBe(4);
    expect(overdueDays('2026-11-23', '2026-11-23')).toBe(0);
    expect(overdueDays('2026-11-30', '2026-11-23')).toBe(0);
    expect(overdueDays('2024-02-28', '2024-03-01')).toBe(2);
  });
});

describe('volume in 0.01 m³ and bill amounts (A-04, A-12)', () => {
  it('parses and formats readings', () => {
    expect([parseVolume('1234'), parseVolume('1234.5'), parseVolume('0.07')]).toEqual([123400, 123450, 7]);
    expect([formatVolume(123400), formatVolume(123450), formatVolume(7)]).toEqual(['1234', '1234.50', '0.07']);
    expect(() => parseVolume('12.345')).toThrow(DomainError);
    expect(() => parseVolume('-3')).toThrow(DomainError);
  });
  it('refuses a reading below the previous one', () => {
    expect(consumption(centiM3(12000), centiM3(13050))).toBe(1050);
    expect(() => consumption(centiM3(12000), centiM3(11000))).toThrow('本次立方数 110 小于上次读数 120，请核对缴费通知单');
  });
  it('prices volume half up to the fen', () => {
    expect(gasAmountFen(centiM3(1050), 345)).toBe(3623); // 10.5 m³ × 3.45 = 36.225 → 36.23
    expect(gasAmountFen(centiM3(1000), 345)).toBe(3450);
    expect(gasAmountFen(centiM3(1), 345)).toBe(3); // 0.0345 → 0.03
    expect(gasAmountFen(centiM3(2), 345)).toBe(7); // 0.069 → 0.07
    expect(gasAmountFen(centiM3(0), 345)).toBe(0);
  });
});
