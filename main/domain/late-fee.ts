/**
 * Late fee (滞纳金), DOMAIN §6.1.
 * R-LATE-01: raw = arrears × 0.3 % × overdue days.
 * R-LATE-02: counted in whole 0.5-yuan steps, rounded down; below 0.5 yuan nothing is charged.
 * per unpaid bill, on the gas amount only; overdue days are calendar days after the due date.
 */
import { assertFen, type Fen } from './money.js';
import { daysBetween } from './dates.js';

const STEP_FEN = 50; // 0.5 yuan
const RATE_PER_MILLE_PER_DAY = 3; // 0.3 % = 3 ‰

/**
 * R-LATE-02: a raw fee, given in thousandths of a fen so it stays an integer, counted in whole 0.5-yuan
 * steps rounding down (1.4 → 1.0, 1.9 → 1.5, anything below 0.5 → 0).
 */
export function roundLateFee(rawMilliFen: number): Fen {
  if (!Number.isSafeInteger(rawMilliFen) || rawMilliFen <= 0) return 0;
  return Math.floor(rawMilliFen / (1000 * STEP_FEN)) * STEP_FEN;
}

/** R-LATE-01: raw fee = arrears × 0.3 % × days, exact: arrears (fen) × 3 × days is in thousandths of a fen. */
export function lateFeeFen(arrearsFen: Fen, overdueDays: number): Fen {
  assertFen(arrearsFen, 'arrears');
  if (!Number.isSafeInteger(overdueDays) || overdueDays <= 0 || arrearsFen <= 0) return 0;
  return roundLateFee(arrearsFen * RATE_PER_MILLE_PER_DAY * overdueDays);
}

/** calendar days after the due date up to the payment date; 0 when not overdue. */
export function overdueDays(dueDate: string, paymentDate: string): number {
  return Math.max(0, daysBetween(dueDate, paymentDate));
}
