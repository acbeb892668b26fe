/**
 * Issue 15 #5: service timing (R-SEC-13) and 暂停营业 (R-SEC-16) as pure rules: the limits (§10: configurable, on/off),
 * the distribution's buckets, the share over the limit, the pause's reason. No IO.
 */
import { DomainError } from '../../preload/kernel/errors.js';

export interface TimingSettings {
  /** Off: picks are not recorded, so nothing is timed (the reports keep what was timed before). */
  enabled: boolean;
  /** R-SEC-13: a residential fee payment normally takes ≤ 3 minutes. */
  feeLimitSeconds: number;
  /** R-SEC-13: other businesses ≤ 10 minutes. */
  otherLimitSeconds: number;
}

export const DEFAULT_TIMING_SETTINGS: TimingSettings = { enabled: true, feeLimitSeconds: 180, otherLimitSeconds: 600 };

export function checkTimingSettings(s: TimingSettings): TimingSettings {
  const ok = (n: number) => Number.isInteger(n) && n >= 30 && n <= 3600;
  if (!ok(s.feeLimitSeconds)) throw new DomainError('VALIDATION', '收费限时应为30秒至60分钟之间的整数秒', 'feeLimitSeconds');
  if (!ok(s.otherLimitSeconds)) throw new DomainError('VALIDATION', '其它业务限时应为30秒至60分钟之间的整数秒', 'otherLimitSeconds');
  return { enabled: s.enabled, feeLimitSeconds: s.feeLimitSeconds, otherLimitSeconds: s.otherLimitSeconds };
}

/** R-SEC-13: "≤ limit" is within; over the limit is strictly more than the limit (to the millisecond). */
export function overLimit(durationMs: number, limitSeconds: number): boolean {
  return durationMs > limitSeconds * 1000;
}

/** The distribution's buckets in whole minutes: [0,1) [1,2) [2,3) [3,5) [5,10) [10,∞). Bounds are inclusive at the top. */
export const TIMING_BUCKETS = [
  { label: '≤1分', upToMs: 60_000 },
  { label: '1-2分', upToMs: 120_000 },
  { label: '2-3分', upToMs: 180_000 },
  { label: '3-5分', upToMs: 300_000 },
  { label: '5-10分', upToMs: 600_000 },
  { label: '>10分', upToMs: Number.POSITIVE_INFINITY },
] as const;

/** Index of a duration's bucket (a duration exactly on a bound falls in the lower bucket: 3:00 is 2-3分, within 3 min). */
export function bucketOf(durationMs: number): number {
  const i = TIMING_BUCKETS.findIndex((b) => durationMs <= b.upToMs);
  return i < 0 ? TIMING_BUCKETS.length - 1 : i;
}

/** The share as integer basis points (1/100 %), rounded half up; null without timings. */
export function shareBp(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.floor((part * 10_000 * 2 + whole) / (whole * 2));
}

export function formatShare(bp: number | null): string {
  if (bp === null) return '—';
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
}

/** m:ss of a duration in whole seconds (rounded down), for the tables. */
export function formatDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export interface TimedRow {
  group: string;
  kind: string;
  durationMs: number;
  limitSeconds: number;
}

export interface TimingSummary {
  group: string;
  kind: string;
  count: number;
  buckets: number[];
  over: number;
  overBp: number | null;
  averageMs: number;
  maxMs: number;
}

/** Per group (clerk or counter) and kind: the count, the distribution, how many were over their limit, the share. */
export function summarise(rows: readonly TimedRow[]): TimingSummary[] {
  const byKey = new Map<string, TimingSummary & { totalMs: number }>();
  for (const r of rows) {
    const key = `${r.group}\u0000${r.kind}`;
    let s = byKey.get(key);
    if (!s) {
      s = { group: r.group, kind: r.kind, count: 0, buckets: TIMING_BUCKETS.map(() => 0), over: 0, overBp: null, averageMs: 0, maxMs: 0, totalMs: 0 };
      byKey.set(key, s);
    }
    s.count++;
    s.totalMs += r.durationMs;
    s.maxMs = Math.max(s.maxMs, r.durationMs);
    const b = bucketOf(r.durationMs);
    s.buckets[b] = (s.buckets[b] ?? 0) + 1;
    if (overLimit(r.durationMs, r.limitSeconds)) s.over++;
  }
  return [...byKey.values()]
    .map(({ totalMs, ...s }) => ({ ...s, overBp: shareBp(s.over, s.count), averageMs: Math.floor(totalMs / s.count) }))
    .sort((a, b) => a.group.localeCompare(b.group, 'zh-CN') || a.kind.localeCompare(b.kind, 'zh-CN'));
}

/** R-SEC-16: the pause states why (shown on the log); 2 to 100 characters. */
export function checkPauseReason(reason: string): string {
  const r = reason.trim();
  if (r.length < 2) throw new DomainError('VALIDATION', '请填写暂停营业的原因', 'reason');
  if (r.length > 100) throw new DomainError('VALIDATION', '原因过长', 'reason');
  return r;
}
