/** issue 10 #5: which values need the clerk's explicit confirmation (A-35 large volume; the large-tender ASSUMPTION). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LARGE_TENDER, unusualReading, unusualTender } from '../../main/domain/confirmations.js';
import { DEFAULT_LARGE_VOLUME, largeVolume, readingAnomalies } from '../../main/domain/handheld.js';
import { fen } from '../../preload/kernel/money.js';
import { centiM3 } from '../../preload/kernel/volume.js';

describe('A-35 large volume, one rule for the handheld and the counter', () => {
  it('more than 100 m³, or more than 3 × the monthly average × months; exactly at the limit is not large', () => {
    expect(largeVolume(centiM3(10_000), { monthlyAverageCenti: centiM3(0), months: 1 })).toBeNull();
    expect(largeVolume(centiM3(10_001), { monthlyAverageCenti: centiM3(0), months: 1 })).toBe('absolute');
    expect(largeVolume(centiM3(6_000), { monthlyAverageCenti: centiM3(1_000), months: 2 })).toBeNull();
    expect(largeVolume(centiM3(6_001), { monthlyAverageCenti: centiM3(1_000), months: 2 })).toBe('average');
    expect(readingAnomalies({ readingCenti: centiM3(16_001), status: 0, meterNo: 'M' }, { lastCenti: centiM3(10_000), monthlyAverageCenti: centiM3(1_000), meterNo: 'M', months: 2 })).toEqual(['large']);
  });

  it('names what is unusual, in the words shown to the clerk', () => {
    expect(unusualReading(centiM3(9_999_898_200), { monthlyAverageCenti: centiM3(0), months: 1 }, DEFAULT_LARGE_VOLUME)).toBe('本次用气 99998982 方，超过 100 方');
    expect(unusualReading(centiM3(6_001), { monthlyAverageCenti: centiM3(1_000), months: 2 }, DEFAULT_LARGE_VOLUME)).toBe('本次用气 60.01 方，超过月均 10 方 × 2 个月的 3 倍');
    expect(unusualReading(centiM3(1_050), { monthlyAverageCenti: centiM3(1_000), months: 1 }, DEFAULT_LARGE_VOLUME)).toBeNull();
  });
});

describe('large tender (Settings.largeTender, default 1000 yuan above the cash due)', () => {
  it('asks only when the change would exceed the margin', () => {
    expect(DEFAULT_LARGE_TENDER.marginFen).toBe(100_000);
    expect(unusualTender(fen(112_100), fen(12_100), DEFAULT_LARGE_TENDER)).toBeNull();
    expect(unusualTender(fen(112_101), fen(12_100), DEFAULT_LARGE_TENDER)).toBe('实收 1121.01 元比应收 121.00 元多出 1000 元以上');
    expect(unusualTender(fen(99_999_999_900), fen(12_100), { marginFen: fen(50_050) })).toBe('实收 999999999.00 元比应收 121.00 元多出 500.50 元以上');
  });
});
