/**
 * Pricing a bill from its consumption (A-11, A-12): one unit price, or tier bands by annual volume
 * (none active by default, A-11). Pure, exact: the amount is Σ volume × price rounded half up once.
 */
import { fen, formatYuan, type Fen } from '../../preload/kernel/money.js';
import { centiM3, formatVolume, ZERO_CENTI, type CentiM3 } from '../../preload/kernel/volume.js';

export interface Tier {
  /** The band starts at this annual volume (0.01 m³); the first band starts at 0. */
  fromCenti: CentiM3;
  priceFenPerM3: number;
}

export interface PricedLine {
  /** 1-based band number (第N档). */
  band: number;
  fromCenti: CentiM3;
  volumeCenti: CentiM3;
  priceFenPerM3: number;
}

export interface Priced {
  amountFen: Fen;
  lines: PricedLine[];
  /** The price of the last band used: what a split of the bill uses (A-12). */
  marginalPriceFenPerM3: number;
}

/**
 * Prices `consumption` that follows `yearToDate` of the same calendar year across the bands. With no
 * tiers the unit price applies to all of it.
 */
export function priceConsumption(consumption: CentiM3, yearToDate: CentiM3, unitPriceFenPerM3: number, tiers: readonly Tier[]): Priced {
  const bands = tiers.length === 0 ? [{ fromCenti: ZERO_CENTI, priceFenPerM3: unitPriceFenPerM3 }] : [...tiers].sort((a, b) => a.fromCenti - b.fromCenti);
  const lines: PricedLine[] = [];
  let start: number = yearToDate;
  const end = yearToDate + consumption;
  bands.forEach((band, i) => {
    const bandEnd = bands[i + 1]?.fromCenti ?? Number.POSITIVE_INFINITY;
    const from = Math.max(start, band.fromCenti);
    const to = Math.min(end, bandEnd);
    if (to > from) {
      lines.push({ band: i + 1, fromCenti: band.fromCenti, volumeCenti: centiM3(to - from), priceFenPerM3: band.priceFenPerM3 });
      start = to;
    }
  });
  const centiFen = lines.reduce((a, l) => a + l.volumeCenti * l.priceFenPerM3, 0);
  return { amountFen: fen(Math.floor((centiFen + 50) / 100)), lines, marginalPriceFenPerM3: lines.at(-1)?.priceFenPerM3 ?? bands[0]?.priceFenPerM3 ?? unitPriceFenPerM3 };
}

/** "23 m³ × 3.45 = 79.35" or, with bands, "第1档 15 m³ × 3.00 + 第2档 8 m³ × 3.60 = 73.80". */
export function pricingText(priced: Priced, tiered: boolean): string {
  const parts = priced.lines.map((l) => `${tiered ? `第${l.band}档(年用气${formatVolume(l.fromCenti)}方起) ` : ''}${formatVolume(l.volumeCenti)} m³ × ${formatYuan(l.priceFenPerM3)}`);
  return `${parts.join(' + ')} = ${formatYuan(priced.amountFen)}`;
}
