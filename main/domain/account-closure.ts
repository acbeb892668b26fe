/**
 * Account closure 销户 and temporary removal 临时拆表, DOMAIN §10.2 R-SEC-06 (water utility's flow 5, for the gas
 * hall): the lead times of the site check and the removal, and the 6-month limit of a temporary removal.
 */
import { DomainError } from '../../preload/kernel/errors.js';

/** R-SEC-06: the site is checked within 2 working days; the meter removed within 5 working days. */
export const CLOSURE_SITE_CHECK_DAYS = 2;
export const CLOSURE_REMOVAL_DAYS = 5;
/** R-SEC-06: a temporary removal must be restored within 6 months, otherwise it is a new installation. */
export const TEMPORARY_REMOVAL_MONTHS = 6;

export type ClosureKind = '销户' | '临时拆表';

/** The date `months` calendar months after `date` (a 31st falls back to the month's last day). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** R-SEC-06: a temporary removal older than 6 months is treated as a new installation (报装). */
export function temporaryRemovalExpired(removedOn: string, today: string): boolean {
  return today > addMonths(removedOn, TEMPORARY_REMOVAL_MONTHS);
}

export function checkRefit(removedOn: string, today: string): void {
  if (temporaryRemovalExpired(removedOn, today)) {
    throw new DomainError(
      'VALIDATION',
      `临时拆表于 ${removedOn}，已超过 ${TEMPORARY_REMOVAL_MONTHS} 个月（${addMonths(removedOn, TEMPORARY_REMOVAL_MONTHS)} 止），须按新装（用户报装）办理 (R-SEC-06)`,
      'accountId',
    );
  }
}

export function checkClosureReason(reason: string): string {
  const r = reason.trim();
  if (r.length < 2) throw new DomainError('VALIDATION', '请填写销户（拆表）原因', 'reason');
  if (r.length > 200) throw new DomainError('VALIDATION', '原因不能超过200字', 'reason');
  return r;
}
