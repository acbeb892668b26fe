/**
 * Issue 14: the status bar's sync part (renderer/src/components/SyncStatus.tsx): the badge (已同步 / 待上传 / 离线) and
 * beside it the last upload and download times in the hall's time (Asia/Shanghai, as on the slips), another day's
 * with its date, and the download side's own state when it needs saying.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../main/paths.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
let mod: { syncBadge(s: any): { text: string; tone: string }; syncTimes(s: any, p: any, now: Date): string; shortTime(iso: string | null, now: Date): string };
beforeAll(async () => {
  mod = await import(/* @vite-ignore */ join(repoRoot, 'renderer', 'src', 'components', 'SyncStatus.tsx'));
});

const push = (over: object = {}) => ({ state: 'idle', pending: 0, pendingPayments: 0, ackedSeq: 0, lastSeq: 0, lastPushAt: '2026-12-01T05:58:04.000Z', lastError: null, lastErrorAt: null, conflicts: 0, failures: 0, retryAt: null, ...over });
const status = (over: object = {}, enrolled = true) => ({ enrolled, serverUrl: null, deviceId: null, hallId: null, counterId: null, enrolledAt: null, credentialsProblem: null, push: push(over) });
const pull = (over: object = {}) => ({ state: 'idle', cursor: null, lastPullAt: '2026-12-01T05:58:14.000Z', lastError: null, applied: 0, problems: 0, snapshotRows: 0, snapshotTotal: 0, failures: 0, ...over });
// 2026-12-01 14:00 in the hall (06:00 UTC)
const now = new Date('2026-12-01T06:00:00.000Z');

describe('status bar sync part', () => {
  it('shows the last upload and download in the hall’s time, another day’s with its date', () => {
    expect(mod.syncTimes(status(), pull(), now)).toBe('↑13:58:04 ↓13:58:14');
    expect(mod.syncTimes(status({ lastPushAt: '2026-11-30T15:59:59.000Z' }), pull({ lastPullAt: null }), now)).toBe('↑11-30 23:59:59 ↓无');
    // 2026-11-30T16:00Z is already 12-01 in the hall
    expect(mod.shortTime('2026-11-30T16:00:00.000Z', now)).toBe('00:00:00');
  });

  it('says when the download is offline, failing or loading the first snapshot; nothing when not enrolled', () => {
    expect(mod.syncTimes(status(), pull({ state: 'offline' }), now)).toBe('↑13:58:04 ↓13:58:14 下载离线');
    expect(mod.syncTimes(status(), pull({ state: 'error' }), now)).toBe('↑13:58:04 ↓13:58:14 下载出错');
    expect(mod.syncTimes(status(), pull({ state: 'snapshot', lastPullAt: null, snapshotRows: 40000, snapshotTotal: 1000000 }), now)).toBe('↑13:58:04 ↓无 正在下载初始数据 40000/1000000');
    expect(mod.syncTimes(status({}, false), null, now)).toBe('');
  });

  it('the badge: pending records (payments among them), offline with the count, 已同步', () => {
    expect(mod.syncBadge(status({ pending: 10, pendingPayments: 1, state: 'offline' }))).toEqual({ text: '离线（待上传 10 条记录（收费 1 笔））', tone: 'offline' });
    expect(mod.syncBadge(status({ pending: 3 }))).toEqual({ text: '待上传 3 条记录', tone: 'pending' });
    expect(mod.syncBadge(status())).toEqual({ text: '已同步', tone: 'ok' });
  });
});
