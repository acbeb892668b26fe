/**
 * Checks on readings from a handheld before 入库 (R-HH-04, A-35). Pure.
 */
import { isValidDate } from '../../preload/kernel/dates.js';
import { centiM3, type CentiM3 } from '../../preload/kernel/volume.js';

export type Anomaly = 'large' | 'below_last' | 'meter_changed' | 'estimated' | 'not_read';

export const ANOMALY_TEXT: Record<Anomaly, string> = {
  large: '大额方数',
  below_last: '读数小于上次',
  meter_changed: '表已更换',
  estimated: '估抄',
  not_read: '未抄',
};

/** Anomalies that stop 入库 until the row is sent back for re-reading. */
export const BLOCKING: readonly Anomaly[] = ['below_last'];

export interface LargeVolumeRule {
  /** more than this many m³ (0.01 m³) is large… */
  absoluteCenti: CentiM3;
  /** …or more than this multiple of the monthly average (× months read). */
  factor: number;
}

export const DEFAULT_LARGE_VOLUME: LargeVolumeRule = { absoluteCenti: centiM3(10_000), factor: 3 };

export function readingAnomalies(
  reading: { readingCenti: CentiM3; status: number; meterNo: string },
  baseline: { lastCenti: CentiM3; monthlyAverageCenti: CentiM3; meterNo: string; months: number },
  rule: LargeVolumeRule = DEFAULT_LARGE_VOLUME,
): Anomaly[] {
  const out: Anomaly[] = [];
  if (reading.status === 2) return ['not_read'];
  if (reading.status === 3 || reading.meterNo !== baseline.meterNo) out.push('meter_changed');
  if (reading.status === 1) out.push('estimated');
  const used = centiM3(reading.readingCenti - baseline.lastCenti);
  if (used < 0 && !out.includes('meter_changed')) out.push('below_last');
  if (largeVolume(used, baseline, rule) !== null) out.push('large');
  return out;
}

/**
 * A-35 大额方数: which part of the rule a consumption breaks, or null. Shared by the handheld import and the
 * reading typed at the counter (issue 10 #5).
 */
export function largeVolume(
  usedCenti: CentiM3,
  history: { monthlyAverageCenti: CentiM3; months: number },
  rule: LargeVolumeRule = DEFAULT_LARGE_VOLUME,
): 'absolute' | 'average' | null {
  if (usedCenti > rule.absoluteCenti) return 'absolute';
  const expected = history.monthlyAverageCenti * history.months;
  if (expected > 0 && usedCenti > rule.factor * expected) return 'average';
  return null;
}

/** Batch ids fit the handheld's 16 ASCII bytes: HB + yyyymmdd + 4 digits. */
export function batchId(businessDate: string, seq: number): string {
  return `HB${businessDate.replaceAll('-', '')}${String(seq).padStart(4, '0')}`;
}

/**
 * R-HH-04 (issue 10 #8): what is wrong with a download before anything is stored: a reading date that
 * does not exist (2026-02-30, 24:00) or lies after today, and an account read twice. Each problem
 * names the account. Pure.
 */
export function downloadProblems(records: readonly { accountNo: string; readAt: string }[], today: string): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (const r of records) {
    seen.set(r.accountNo, (seen.get(r.accountNo) ?? 0) + 1);
    const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})$/.exec(r.readAt);
    if (!m) {
      problems.push(`用户 ${r.accountNo} 的抄表时间 ${r.readAt} 格式不对`);
      continue;
    }
    const date = m[1] ?? '';
    const real = isValidDate(date) && Number(m[2]) <= 23 && Number(m[3]) <= 59;
    if (!real) problems.push(`用户 ${r.accountNo} 的抄表日期 ${r.readAt} 不是有效日期`);
    else if (date > today) problems.push(`用户 ${r.accountNo} 的抄表日期 ${date} 晚于今天 ${today}`);
  }
  for (const [accountNo, count] of seen) {
    if (count > 1) problems.push(`用户 ${accountNo} 在本次导入中重复出现 ${count} 次`);
  }
  return problems;
}
