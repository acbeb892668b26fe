/** Calendar dates as 'YYYY-MM-DD' strings in the hall's time zone. Pure helpers, no clock. */
import { DomainError } from './errors.js';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
export const HALL_TIME_ZONE = 'Asia/Shanghai';

function toUtcDay(date: string): number {
  const m = DATE_PATTERN.exec(date);
  if (!m) throw new DomainError('VALIDATION', `日期格式不正确: ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const check = new Date(ms);
  if (check.getUTCDate() !== Number(m[3]) || check.getUTCMonth() !== Number(m[2]) - 1) {
    throw new DomainError('VALIDATION', `日期不存在: ${date}`);
  }
  return ms / 86_400_000;
}

export function isValidDate(date: string): boolean {
  try {
    toUtcDay(date);
    return true;
  } catch {
    return false;
  }
}

/** to − from in whole days. */
export function daysBetween(from: string, to: string): number {
  return toUtcDay(to) - toUtcDay(from);
}

export function addDays(date: string, days: number): string {
  const ms = (toUtcDay(date) + days) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

const dateFormatter = new Intl.DateTimeFormat('sv-SE', {
  timeZone: HALL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const timeFormatter = new Intl.DateTimeFormat('sv-SE', {
  timeZone: HALL_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The business date of an instant, in the hall's time zone. */
export function businessDateOf(instant: Date): string {
  return dateFormatter.format(instant);
}

/** 'YYYY-MM-DD HH:mm:ss' in the hall's time zone, for receipts. */
export function localDateTime(instant: Date): string {
  return `${dateFormatter.format(instant)} ${timeFormatter.format(instant)}`;
}
