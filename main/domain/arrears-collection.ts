/**
 * Arrears collection and supply stop/restore, DOMAIN §10.1 (R-SEC-01..05) carried out in the gas hall as a
 * 封表 / 启封 (ASSUMPTION A-46: off by default; thresholds configurable, §10 "MUST be configurable").
 * Pure rules: the settings, how many months of arrears an account has, who is on the daily list, when a
 * stop may be requested after the written notice, the restore promise.
 */
import { addDays } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';

export interface ArrearsSettings {
  /** stopping gas for arrears is off until a manager switches it on. */
  enabled: boolean;
  /** R-SEC-01: an individual (普通用户) with this many months of arrears or more (以上 includes the number). */
  individualMonths: number;
  /** R-SEC-01: an organisation (公建用户) with this many months or more. */
  organisationMonths: number;
  /** R-SEC-05: days after the written notice (催缴通知) before the stop may be requested. */
  noticeDays: number;
  /** R-SEC-02: hours within which supply is restored after the restore order is issued. */
  restoreHours: number;
}

export const DEFAULT_ARREARS_SETTINGS: ArrearsSettings = { enabled: false, individualMonths: 2, organisationMonths: 1, noticeDays: 3, restoreHours: 24 };

/** Bounds a manager may set (a threshold of 0 months would list every customer). */
export function checkArrearsSettings(s: ArrearsSettings): ArrearsSettings {
  const whole = (v: number, min: number, max: number, field: string, label: string) => {
    if (!Number.isSafeInteger(v) || v < min || v > max) throw new DomainError('VALIDATION', `${label}须为 ${min}–${max} 的整数`, field);
  };
  whole(s.individualMonths, 1, 24, 'individualMonths', '个人用户欠费月数');
  whole(s.organisationMonths, 1, 24, 'organisationMonths', '单位用户欠费月数');
  whole(s.noticeDays, 1, 30, 'noticeDays', '催缴通知后天数');
  whole(s.restoreHours, 1, 72, 'restoreHours', '复气承诺小时数');
  return s;
}

export type ReadingCycle = '每月' | '单月' | '双月';
export type CustomerCategory = '普通用户' | '公建用户';

/**
 * R-SEC-01 "累计欠费两月以上": the months of gas the customer owes, counted from the bills past their due date
 * a monthly-read account's bill is one month, a bill of an account read every other month (单月/双月,
 * R-HH-03) covers two.
 */
export function arrearsMonths(unpaid: readonly { dueDate: string }[], cycle: ReadingCycle, today: string): number {
  const perBill = cycle === '每月' ? 1 : 2;
  return unpaid.filter((b) => b.dueDate < today).length * perBill;
}

/** R-SEC-01: the threshold of the customer's category (公建用户 = 单位用户, organisation). */
export function thresholdMonths(category: CustomerCategory, s: ArrearsSettings): number {
  return category === '公建用户' ? s.organisationMonths : s.individualMonths;
}

export function onArrearsList(category: CustomerCategory, months: number, s: ArrearsSettings): boolean {
  return months >= thresholdMonths(category, s);
}

export function assertEnabled(s: ArrearsSettings): void {
  if (!s.enabled) throw new DomainError('FORBIDDEN', '欠费停气未启用（须营业厅主任在欠费催缴设置中启用，A-46）', 'enabled');
}

/**
 * R-SEC-04/05: a stop is requested only after a written 催缴 notice, and only when the notice period has
 * passed (the notice date + noticeDays ≤ today) and the customer is still over the threshold.
 */
export function checkStopRequest(facts: { noticeDate: string | null; months: number; threshold: number; today: string; openStop: boolean }, s: ArrearsSettings): void {
  assertEnabled(s);
  if (facts.openStop) throw new DomainError('VALIDATION', '该用户已有未完成的停气记录', 'accountId');
  if (facts.months < facts.threshold) {
    throw new DomainError('VALIDATION', `欠费 ${facts.months} 个月，未达到停气标准 ${facts.threshold} 个月 (R-SEC-01)`, 'accountId');
  }
  if (facts.noticeDate === null) throw new DomainError('VALIDATION', '停气前须先书面催缴通知用户 (R-SEC-04)', 'accountId');
  const earliest = addDays(facts.noticeDate, s.noticeDays);
  if (facts.today < earliest) {
    throw new DomainError('VALIDATION', `催缴通知 ${facts.noticeDate} 后须满 ${s.noticeDays} 天，${earliest} 起才能申请停气 (R-SEC-05)`, 'accountId');
  }
}

/** R-SEC-02: the restore promise as an instant (ISO) from the moment the restore order is issued. */
export function restoreDueAt(issuedAt: Date, s: ArrearsSettings): string {
  return new Date(issuedAt.getTime() + s.restoreHours * 3_600_000).toISOString();
}

/** R-SEC-02: a restore is late when not done by its promise (done = the 启封 form saved). */
export function restoreOverdue(dueAt: string, doneAt: string | null, now: Date): boolean {
  return (doneAt ?? now.toISOString()) > dueAt;
}

/** R-SEC-03: a repayment agreement (还欠协议) states what is owed and by when the rest is paid. */
export function checkAgreement(input: { terms: string; payBy: string; today: string }): void {
  if (input.terms.trim().length < 4) throw new DomainError('VALIDATION', '请填写还欠协议内容（分期金额与期限）', 'terms');
  if (input.payBy <= input.today) throw new DomainError('VALIDATION', '还清日期须晚于今天', 'payBy');
  if (input.payBy > addDays(input.today, 366)) throw new DomainError('VALIDATION', '还清日期不能超过一年', 'payBy');
}

/** The stop's stage, derived from its 封表 and 启封 businesses (§8.6 states) and the meter. */
export type StopStage = '待封表' | '已停气' | '待复气' | '已复气' | '已撤销';

/** A 启封 withdrawn (its payment reversed, R-SEC-02): as if none had been issued; the stop stands. */
export const isWithdrawn = (business: { state: string }): boolean => business.state === '已取消' || business.state === '已作废';

export function stopStage(seal: { state: string }, restore: { state: string } | null): StopStage {
  if (isWithdrawn(seal)) return '已撤销';
  if (restore && !isWithdrawn(restore)) return restore.state === '已归档' ? '已复气' : '待复气';
  return seal.state === '已归档' ? '已停气' : '待封表';
}
