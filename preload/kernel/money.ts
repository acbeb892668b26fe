/**
 * Money is always an integer number of fen (分). Never floats (ARCHITECTURE "Money is integer fen").
 * Every rounding rule is a named function here or in its own domain file.
 */
import { DomainError } from './errors.js';

declare const fenBrand: unique symbol;

/**
 * An integer number of fen, branded (issue 11 #4): a plain number, a CentiM3 or an id is not a Fen, so a mix-up is a
 * compile error. Make one with parseYuan, fen() (a literal, a database value at the service edge) or the helpers
 * below; `+`/`-` on two Fen give a plain number, so money arithmetic goes through addFen/subFen/sumFen/negFen.
 */
export type Fen = number & { readonly [fenBrand]: 'Fen' };

/** Brands an integer count of fen (a literal, a database column, a count × a price); refuses anything else. */
export function assertFen(value: number, field = 'amount'): Fen {
  if (!Number.isSafeInteger(value)) {
    throw new DomainError('INVALID_AMOUNT', `金额必须是整数分: ${String(value)}`, field);
  }
  return value as Fen;
}

/** The constructor at the edges: `fen(500)`, `fen(row.amountFen)`. Same check as assertFen. */
export function fen(value: number): Fen {
  return assertFen(value);
}

/** fen() for a column that may be null. */
export function fenOrNull(value: number | null): Fen | null {
  return value === null ? null : assertFen(value);
}

export const ZERO_FEN = 0 as Fen;

export function addFen(a: Fen, b: Fen): Fen {
  return assertFen(a + b, 'total');
}

export function subFen(a: Fen, b: Fen): Fen {
  return assertFen(a - b, 'total');
}

export function negFen(a: Fen): Fen {
  return -a as Fen;
}

/** count × a unit amount (tickets × face value). */
export function timesFen(unit: Fen, count: number): Fen {
  return assertFen(unit * count);
}

export function minFen(a: Fen, b: Fen): Fen {
  return Math.min(a, b) as Fen;
}

const YUAN_PATTERN = /^(\d{1,9})(?:\.(\d{1,2}))?$/;

/** Parses what a clerk types ("100", "99.5", "12.34") into fen. Rejects signs, spaces inside, 3 decimals. */
export function parseYuan(text: string, field = 'amount'): Fen {
  if (text.trim() === '') throw new DomainError('INVALID_AMOUNT', '请输入金额，如 100 或 12.50', field);
  const match = YUAN_PATTERN.exec(text.trim());
  if (!match) {
    throw new DomainError('INVALID_AMOUNT', `金额格式不正确: "${text}"，请输入如 100 或 12.50`, field);
  }
  const whole = Number(match[1]);
  const decimals = (match[2] ?? '').padEnd(2, '0');
  return (whole * 100 + Number(decimals)) as Fen;
}

/**
 * 12.5 yuan → "12.50"; negative amounts keep their sign. Takes any integer fen, not only a Fen: the renderer formats
 * the contract's plain numbers (the contract helper brands them once its zod transforms produce Fen).
 */
export function formatYuan(fen: Fen | number): string {
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
  return subFen(tenderedFen, dueFen);
}

/** Sum of integer fen with an overflow guard. */
export function sumFen(values: readonly Fen[]): Fen {
  let total = 0;
  for (const v of values) total += assertFen(v);
  return assertFen(total, 'total');
}
