/**
 * Promised dates in working days (R-LT-01): the N-th working day counted from the day after acceptance,
 * that next day being day 1. A-21: Monday–Friday, minus configured holidays, plus configured make-up
 * working days (调休 Saturdays/Sundays).
 */
import { addDays } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';

export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  makeUpWorkdays: ReadonlySet<string>;
}

export const PLAIN_CALENDAR: WorkCalendar = { holidays: new Set(), makeUpWorkdays: new Set() };

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
}

export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  if (calendar.makeUpWorkdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const day = weekday(date);
  return day !== 0 && day !== 6;
}

export function promisedDate(acceptedOn: string, workingDays: number, calendar: WorkCalendar = PLAIN_CALENDAR): string {
  if (!Number.isSafeInteger(workingDays) || workingDays < 1) {
    throw new DomainError('VALIDATION', `承诺工作日必须是正整数: ${workingDays}`);
  }
  let date = acceptedOn;
  let counted = 0;
  for (let guard = 0; guard < 366; guard++) {
    date = addDays(date, 1);
    if (isWorkingDay(date, calendar)) counted++;
    if (counted === workingDays) return date;
  }
  throw new DomainError('VALIDATION', '一年内没有足够的工作日，请检查节假日设置');
}
