/**
 * Gas volume is an integer count of 0.01 m³ ("centi-m³"), never a float (ARCHITECTURE).
 * Bill amounts: A-12 — consumption × unit price, rounded to the fen, half up.
 */
import { DomainError } from './errors.js';
import { assertFen, type Fen } from './money.js';

declare const centiM3Brand: unique symbol;

/**
 * An integer count of 0.01 m³, branded (issue 11 #4): passing a CentiM3 where Fen is expected (or a plain number) is a
 * compile error. Make one with parseVolume, centiM3() (a literal, a database value at the service edge) or the helpers.
 */
export type CentiM3 = number & { readonly [centiM3Brand]: 'CentiM3' };

/** The constructor at the edges: `centiM3(1250)`, `centiM3(row.readingCenti)`; refuses a non-integer. */
export function centiM3(value: number): CentiM3 {
  if (!Number.isSafeInteger(value)) throw new DomainError('INVALID_VOLUME', '立方数必须为整数单位');
  return value as CentiM3;
}

/** centiM3() for a column that may be null. */
export function centiM3OrNull(value: number | null): CentiM3 | null {
  return value === null ? null : centiM3(value);
}

export const ZERO_CENTI = 0 as CentiM3;

export function addCenti(a: CentiM3, b: CentiM3): CentiM3 {
  return centiM3(a + b);
}

export function subCenti(a: CentiM3, b: CentiM3): CentiM3 {
  return centiM3(a - b);
}

export function sumCenti(values: readonly CentiM3[]): CentiM3 {
  let total = 0;
  for (const v of values) total += v;
  return centiM3(total);
}

const VOLUME_PATTERN = /^(\d{1,8})(?:\.(\d{1,2}))?$/;

/** Parses a reading typed at the counter ("1234", "1234.5", "1234.56") into centi-m³. */
export function parseVolume(text: string, field = 'reading'): CentiM3 {
  const m = VOLUME_PATTERN.exec(text.trim());
  if (!m) {
    throw new DomainError('INVALID_VOLUME', `立方数格式不正确: "${text}"，最多两位小数`, field);
  }
  return (Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))) as CentiM3;
}

/** Takes any integer centi-m³ (the renderer formats the contract's plain numbers). */
export function formatVolume(centi: CentiM3 | number): string {
  if (!Number.isSafeInteger(centi)) throw new DomainError('INVALID_VOLUME', '立方数必须为整数单位');
  const sign = centi < 0 ? '-' : '';
  const abs = Math.abs(centi);
  const frac = abs % 100;
  return frac === 0 ? `${sign}${abs / 100}` : `${sign}${Math.floor(abs / 100)}.${String(frac).padStart(2, '0')}`;
}

/** consumption = this reading − previous reading. A reading below the previous one is refused. */
export function consumption(previous: CentiM3, current: CentiM3): CentiM3 {
  if (current < previous) {
    throw new DomainError(
      'READING_BELOW_PREVIOUS',
      `本次立方数 ${formatVolume(current)} 小于上次读数 ${formatVolume(previous)}，请核对缴费通知单`,
      'reading',
    );
  }
  return subCenti(current, previous);
}

/**
 * amount = volume × price per m³, rounded half up to the fen. Exact integer arithmetic. A price is a rate
 * (fen per m³, a plain integer), not an amount: only the volume and the result are branded.
 */
export function gasAmountFen(volume: CentiM3, priceFenPerM3: number): Fen {
  assertFen(priceFenPerM3, 'price');
  if (!Number.isSafeInteger(volume) || volume < 0) throw new DomainError('INVALID_VOLUME', '用气量不能为负');
  return assertFen(Math.floor((volume * priceFenPerM3 + 50) / 100), 'amount');
}
