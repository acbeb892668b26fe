/**
 * Late fee (滞纳金), DOMAIN §6.1.
 * R-LATE-01: raw = arrears × 0.3 % × overdue days.
 * R-LATE-02: counted in whole 0.5-yuan steps, rounded down; below 0.5 yuan nothing is charged (the worked
 * examples of R-LATE-03 are tests/unit/money.test.ts).
 * per unpaid bill, on the gas amount only; overdue days are calendar days after the due date.
 */
import { DomainError } from '../../preload/kernel/errors.js';
import { assertFen, fen, formatYuan, ZERO_FEN, type Fen } from '../../preload/kernel/money.js';
import { daysBetween } from '../../preload/kernel/dates.js';

const STEP_FEN = 50; // 0.5 yuan
const RATE_PER_MILLE_PER_DAY = 3; // 0.3 % = 3 ‰

/**
 * R-LATE-02: a raw fee, given in thousandths of a fen so it stays an integer, counted in whole 0.5-yuan
 * steps rounding down (1.4 → 1.0, 1.9 → 1.5, anything below 0.5 → 0).
 */
export function roundLateFee(rawMilliFen: number): Fen {
  if (!Number.isSafeInteger(rawMilliFen) || rawMilliFen <= 0) return ZERO_FEN;
  return fen(Math.floor(rawMilliFen / (1000 * STEP_FEN)) * STEP_FEN);
}

/** R-LATE-01: raw fee = arrears × 0.3 % × days, exact: arrears (fen) × 3 × days is in thousandths of a fen. */
export function lateFeeFen(arrearsFen: Fen, overdueDays: number): Fen {
  assertFen(arrearsFen, 'arrears');
  if (!Number.isSafeInteger(overdueDays) || overdueDays <= 0 || arrearsFen <= 0) return ZERO_FEN;
  return roundLateFee(arrearsFen * RATE_PER_MILLE_PER_DAY * overdueDays);
}

/**
 * The per-bill calculation as the clerk shows it to the customer (R-LATE-01/02):
 * "120.00 × 0.3% × 4天 = 1.44 → 1.00（按0.5元向下取整）". The raw fee is exact (thousandths of a fen shown
 * to the fen, rounded down, which never changes the 0.5-yuan step). Takes any integer fen: the renderer shows it
 * for the contract's plain numbers.
 */
export function lateFeeTrace(arrearsFen: Fen | number, overdueDays: number): string {
  if (overdueDays <= 0 || arrearsFen <= 0) return '未逾期，无滞纳金';
  const rawMilliFen = arrearsFen * RATE_PER_MILLE_PER_DAY * overdueDays;
  const rawFen = Math.floor(rawMilliFen / 1000);
  const fee = roundLateFee(rawMilliFen);
  const rule = fee === 0 ? '不足0.5元不收' : '按0.5元向下取整';
  return `${formatYuan(arrearsFen)} × 0.3% × ${overdueDays}天 = ${formatYuan(rawFen)} → ${formatYuan(fee)}（${rule}）`;
}

/** calendar days after the due date up to the payment date; 0 when not overdue. */
export function overdueDays(dueDate: string, paymentDate: string): number {
  return Math.max(0, daysBetween(dueDate, paymentDate));
}

/** R-LATE-05: a clerk may waive the late fee of an estimated reading (估抄) up to 20 yuan. */
export const CLERK_WAIVER_LIMIT_FEN: Fen = fen(2_000);

export interface WaiverCheck {
  estimated: boolean;
  lateFeeFen: Fen;
  waiveFen: Fen;
  reason: string;
  /** The second person who approved, if any (A-28: above the limit or otherwise, the hall director). */
  approverRole: string | null;
  sameAsClerk: boolean;
}

/** who may approve a late-fee waiver (the hall director). */
export const WAIVER_APPROVER_ROLES = ['manager'] as const;

/**
 * R-LATE-05 / A-28: partial or full waivers; a clerk alone only for an estimated reading whose late fee is
 * at most 20 yuan; any other waiver needs the hall director's approval, never the clerk's own.
 */
export function checkWaiver(w: WaiverCheck): { needsApproval: boolean } {
  if (!Number.isSafeInteger(w.waiveFen) || w.waiveFen <= 0) throw new DomainError('VALIDATION', '减免金额必须大于0', 'waiver');
  if (w.waiveFen > w.lateFeeFen) throw new DomainError('VALIDATION', '减免金额不能超过该笔滞纳金', 'waiver');
  if (w.reason.trim() === '') throw new DomainError('VALIDATION', '请填写减免原因 (R-LATE-05)', 'waiverReason');
  const clerkMay = w.estimated && w.lateFeeFen <= CLERK_WAIVER_LIMIT_FEN;
  if (clerkMay) return { needsApproval: false };
  if (w.approverRole === null) {
    throw new DomainError(
      'FORBIDDEN',
      w.estimated ? '滞纳金超过20元，须营业厅主任审批 (R-LATE-05, A-28)' : '非估抄用户的滞纳金减免须营业厅主任审批 (R-LATE-05, A-28)',
      'approver',
    );
  }
  if (w.sameAsClerk) throw new DomainError('FORBIDDEN', '审批人不能是收费员本人', 'approver');
  if (!(WAIVER_APPROVER_ROLES as readonly string[]).includes(w.approverRole)) throw new DomainError('FORBIDDEN', '审批人须为营业厅主任', 'approver');
  return { needsApproval: true };
}
