/** Issue 15 #5 (R-SEC-13): the pure rules of service timing: the limit's edge, the buckets' bounds, the share, the settings. */
import { describe, expect, it } from 'vitest';
import { bucketOf, checkTimingSettings, formatDuration, formatShare, overLimit, shareBp, summarise, TIMING_BUCKETS } from '../../main/domain/service-timing.js';

describe('service timing rules (R-SEC-13)', () => {
  it('≤ the limit is within, one millisecond more is over', () => {
    expect([overLimit(179_999, 180), overLimit(180_000, 180), overLimit(180_001, 180), overLimit(600_000, 600), overLimit(600_001, 600)]).toEqual([false, false, true, false, true]);
  });

  it('puts a duration on a bound into the lower bucket (3:00 is 2-3分, within 3 minutes)', () => {
    expect(TIMING_BUCKETS.map((b) => b.label)).toEqual(['≤1分', '1-2分', '2-3分', '3-5分', '5-10分', '>10分']);
    expect([0, 60_000, 60_001, 180_000, 180_001, 300_000, 600_000, 600_001, 86_400_000].map(bucketOf)).toEqual([0, 0, 1, 2, 3, 3, 4, 5, 5]);
  });

  it('gives the share in basis points rounded half up, and — without timings', () => {
    expect([shareBp(1, 2), shareBp(1, 3), shareBp(2, 3), shareBp(1, 8), shareBp(0, 5), shareBp(5, 5), shareBp(0, 0)]).toEqual([5000, 3333, 6667, 1250, 0, 10000, null]);
    expect([formatShare(3333), formatShare(10000), formatShare(5), formatShare(null)]).toEqual(['33.33%', '100.00%', '0.05%', '—']);
    expect([formatDuration(0), formatDuration(59_999), formatDuration(179_250), formatDuration(700_000)]).toEqual(['0:00', '0:59', '2:59', '11:40']);
  });

  it('summarises per group and kind, each row against its own limit', () => {
    const rows = summarise([
      { group: 'A', kind: '收费', durationMs: 170_000, limitSeconds: 180 },
      { group: 'A', kind: '收费', durationMs: 170_000, limitSeconds: 120 },
      { group: 'A', kind: '其它业务', durationMs: 600_000, limitSeconds: 600 },
    ]);
    expect(rows).toEqual([
      { group: 'A', kind: '其它业务', count: 1, buckets: [0, 0, 0, 0, 1, 0], over: 0, overBp: 0, averageMs: 600_000, maxMs: 600_000 },
      { group: 'A', kind: '收费', count: 2, buckets: [0, 0, 2, 0, 0, 0], over: 1, overBp: 5000, averageMs: 170_000, maxMs: 170_000 },
    ]);
  });

  it('keeps the limits between 30 seconds and 60 minutes (§10 configurable)', () => {
    expect(checkTimingSettings({ enabled: false, feeLimitSeconds: 30, otherLimitSeconds: 3600 })).toEqual({ enabled: false, feeLimitSeconds: 30, otherLimitSeconds: 3600 });
    expect(() => checkTimingSettings({ enabled: true, feeLimitSeconds: 29, otherLimitSeconds: 600 })).toThrow(/收费限时/);
    expect(() => checkTimingSettings({ enabled: true, feeLimitSeconds: 180, otherLimitSeconds: 3601 })).toThrow(/其它业务限时/);
    expect(() => checkTimingSettings({ enabled: true, feeLimitSeconds: 180.5, otherLimitSeconds: 600 })).toThrow(/收费限时/);
  });
});
