/**
 * Money is always an integer number of fen (分). Never floats (ARCHITECTURE "Money is integer fen").
 * Every rounding rule is a named function here or in its own domain file.
 */
import { DomainError } from './errors.js';

export type Fen = number;

export function assertFen(value: number, field = 'amount'): Fen {
  if (!Number.isSafeInteger(value)) {
    throw new DomainError('INVALID_AMOUNT', `金额必须是整数分: ${String(value)}`, field);
  }
  return value;
}

const YUAN_PATTERN = /^(\d{1,9})(?:\.(\d{1,2}))?$/;

/** Parses what a clerk types ("100", "99.5", "12.34") into fen. Rejects signs, spaces inside, 3 decimals. */
export function parseYuan(text: string, field = 'amount'): Fen {
  const match = YUAN_PATTERN.exec(text.trim());
  if (!match) {
    throw new DomainError('INVALID_AMOUNT', `金额格式不正确: "${text}"，请输入如 100 或 12.50`, field);
  }
  const whole = Number(match[1]);
  const decimals = (match[2] ?? '').padEnd(2, '0');
  return whole * 100 + Number(decimals);
}

/** 12.5 yuan → "12.50"; negative amounts keep their sign. */
export function formatYuan(fen: Fen): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Change to hand back (找零, R-PAY-07). The tender must cover the amount due; the result is exact.
 */
export function changeFor(tenderedFen: Fen, dueFen: Fen): Fen {
  assertFen(tenderedFen, 'tendered');
  assertFen(dueFen, 'due');
  if (dueFen < 0) throw new DomainError('INVALID_AMOUNT', '应收金额不能为负', 'due');
  if (tenderedFen < dueFen) {
    throw new DomainError(
      'INSUFFICIENT_TENDER',
      `实收 ${formatYuan(tenderedFen)} 元不足应收 ${formatYuan(dueFen)} 元`,
      'tendered',
    );
  }
  return tenderedFen - dueFen;
}

/** Sum of integer fen with an overflow guard. */
export function sumFen(values: readonly Fen[]): Fen {
  let total = 0;
  for (const v of values) total += assertFen(v);
  return assertFen(total, 'total');
}
