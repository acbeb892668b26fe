/**
 * Gas volume is an integer count of 0.01 m³ ("centi-m³"), never a float (ARCHITECTURE).
 * Bill amounts: A-12 — consumption × unit price, rounded to the fen, half up.
 */
import { DomainError } from './errors.js';
import { assertFen, type Fen } from './money.js';

export type CentiM3 = number;

const VOLUME_PATTERN = /^(\d{1,8})(?:\.(\d{1,2}))?$/;

/** Parses a reading typed at the counter ("1234", "1234.5", "1234.56") into centi-m³. */
export function parseVolume(text: string, field = 'reading'): CentiM3 {
  const m = VOLUME_PATTERN.exec(text.trim());
  if (!m) {
    throw new DomainError('INVALID_VOLUME', `立方数格式不正确: "${text}"，最多两位小数`, field);
  }
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export function formatVolume(centi: CentiM3): string {
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
  return current - previous;
}

/** amount = volume × price per m³, rounded half up to the fen. Exact integer arithmetic. */
export function gasAmountFen(volume: CentiM3, priceFenPerM3: Fen): Fen {
  assertFen(priceFenPerM3, 'price');
  if (!Number.isSafeInteger(volume) || volume < 0) throw new DomainError('INVALID_VOLUME', '用气量不能为负');
  return assertFen(Math.floor((volume * priceFenPerM3 + 50) / 100), 'amount');
}
