/** Bill pricing from readings: one unit price by default, tier bands by annual volume when set. */
import { describe, expect, it } from 'vitest';
import { priceConsumption, pricingText } from '../../main/domain/tariff.js';
import { fen } from '../../preload/kernel/money.js';
import { centiM3 } from '../../preload/kernel/volume.js';

describe('priceConsumption', () => {
  it('one unit price: 23 m³ × 3.45 = 79.35', () => {
    const p = priceConsumption(centiM3(2300), centiM3(0), 345, []);
    expect(p).toEqual({ amountFen: fen(7935), lines: [{ band: 1, fromCenti: centiM3(0), volumeCenti: centiM3(2300), priceFenPerM3: 345 }], marginalPriceFenPerM3: 345 });
    expect(pricingText(p, false)).toBe('23 m³ × 3.45 = 79.35');
  });
  it('rounds the sum once, half up: 10.33 m³ × 3.45 = 35.6385 → 35.64', () => {
    expect(priceConsumption(centiM3(1033), centiM3(0), 345, []).amountFen).toBe(3564);
  });
  const tiers = [
    { fromCenti: centiM3(0), priceFenPerM3: 300 },
    { fromCenti: centiM3(35000), priceFenPerM3: 360 },
    { fromCenti: centiM3(50000), priceFenPerM3: 450 },
  ];
  it('crosses a band inside one bill: 340 m³ used this year, 20 m³ more → 10 at 3.00 + 10 at 3.60', () => {
    const p = priceConsumption(centiM3(2000), centiM3(34000), 345, tiers);
    expect(p.lines).toEqual([
      { band: 1, fromCenti: centiM3(0), volumeCenti: centiM3(1000), priceFenPerM3: 300 },
      { band: 2, fromCenti: centiM3(35000), volumeCenti: centiM3(1000), priceFenPerM3: 360 },
    ]);
    expect(p.amountFen).toBe(6600);
    expect(p.marginalPriceFenPerM3).toBe(360);
    expect(pricingText(p, true)).toBe('第1档(年用气0方起) 10 m³ × 3.00 + 第2档(年用气350方起) 10 m³ × 3.60 = 66.00');
  });
  it('spans all three bands and starts in the right band after earlier bills', () => {
    expect(priceConsumption(centiM3(20000), centiM3(34000), 345, tiers).lines.map((l) => [l.band, l.volumeCenti])).toEqual([
      [1, 1000],
      [2, 15000],
      [3, 4000],
    ]);
    expect(priceConsumption(centiM3(1000), centiM3(60000), 345, tiers).lines).toEqual([{ band: 3, fromCenti: centiM3(50000), volumeCenti: centiM3(1000), priceFenPerM3: 450 }]);
  });
});
