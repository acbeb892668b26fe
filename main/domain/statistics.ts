/** Statistics periods and kinds (DOMAIN §7.3). */
import { DomainError } from '../../preload/kernel/errors.js';

/**
 * R-STAT-01/03: the monthly ignition count runs from the 26th of the previous month to the 25th of the
 * month. Example: May → 2024-04-26 … 2024-05-25, sent to the reading team on 26 May.
 */
export function ignitionMonthWindow(yearMonth: string): { from: string; to: string } {
  const m = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) throw new DomainError('VALIDATION', `月份格式应为 YYYY-MM: ${yearMonth}`, 'month');
  const year = Number(m[1]);
  const prevYear = month === 1 ? year - 1 : year;
  const prevMonth = month === 1 ? 12 : month - 1;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${prevYear}-${pad(prevMonth)}-26`, to: `${year}-${pad(month)}-25` };
}
