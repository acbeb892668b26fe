/**
 * Issue 14: the central server's state in the status bar of the counter windows — 已同步, 待上传 N 条记录（收费 M 笔）, 离线（…）,
 * 未登记中心服务器, 已停止上传 — with the last error on hover; beside it the last upload (↑) and download (↓) time and
 * the download side's own state when it is not plain (下载离线, 正在下载初始数据 n/N, 下载出错). Read every 5 seconds and
 * when the window gets the focus.
 */
import { useEffect, useState } from 'react';
import type { Output } from '../../../preload/contract';
import { call } from '../api/client';
import { useSession } from '../stores/session';
import { businessDateOf, localDateTime } from '../../../preload/kernel/dates';

type Status = Output<'sync.status'>;
type Pull = Output<'sync.pullStatus'>;
type PushState = Status['push']['state'];

export const PUSH_STATE_TEXT: Record<PushState, string> = {
  not_enrolled: '未登记中心服务器',
  idle: '已同步',
  pushing: '正在上传',
  offline: '离线（无法连接中心服务器）',
  error: '上传出错',
  revoked: '已停止上传（本机凭据被拒绝）',
  stopped: '未运行',
};

const POLL_MS = 5000;

/** The short text of the status bar. */
export function pendingText(push: Status['push']): string {
  return `待上传 ${push.pending} 条记录${push.pendingPayments > 0 ? `（收费 ${push.pendingPayments} 笔）` : ''}`;
}

export function syncBadge(status: Status): { text: string; tone: 'ok' | 'pending' | 'offline' | 'error' | 'none' } {
  const { state, pending } = status.push;
  const waiting = pendingText(status.push);
  if (!status.enrolled) return { text: '未登记中心服务器', tone: 'none' };
  if (state === 'revoked') return { text: `已停止上传（${waiting}）`, tone: 'error' };
  if (state === 'error') return { text: `上传出错（${waiting}）`, tone: 'error' };
  if (state === 'offline') return { text: `离线（${waiting}）`, tone: 'offline' };
  if (pending > 0) return { text: waiting, tone: 'pending' };
  return { text: '已同步', tone: 'ok' };
}

/** A time of the hall's day (Asia/Shanghai, as on the slips) as HH:MM:SS, another day's with its date. */
export function shortTime(iso: string | null, now: Date): string {
  if (!iso) return '无';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '无';
  const [date, time] = localDateTime(at).split(' ');
  return date === businessDateOf(now) ? (time ?? '') : `${date?.slice(5) ?? ''} ${time ?? ''}`;
}

const PULL_NOTE: Partial<Record<Pull['state'], string>> = {
  offline: '下载离线',
  error: '下载出错',
  revoked: '下载已停止',
};

/** The times part: `↑HH:MM:SS ↓HH:MM:SS` (last upload, last download), and the download's state when it needs saying. */
export function syncTimes(status: Status, pull: Pull | null, now: Date): string {
  if (!status.enrolled) return '';
  const parts = [`↑${shortTime(status.push.lastPushAt, now)}`, `↓${shortTime(pull?.lastPullAt ?? null, now)}`];
  if (pull?.state === 'snapshot') parts.push(`正在下载初始数据${pull.snapshotTotal > 0 ? ` ${pull.snapshotRows}/${pull.snapshotTotal}` : ''}`);
  else if (pull && PULL_NOTE[pull.state]) parts.push(PULL_NOTE[pull.state] ?? '');
  return parts.join(' ');
}

export function SyncStatus() {
  const locked = useSession((s) => s.locked);
  const [status, setStatus] = useState<Status | null>(null);
  const [pull, setPull] = useState<Pull | null>(null);
  useEffect(() => {
    if (locked) return;
    let stopped = false;
    const read = () => {
      void call('sync.status', {}).then((res) => {
        if (!stopped && res.ok) setStatus(res.value);
      });
      void call('sync.pullStatus', {}).then((res) => {
        if (!stopped && res.ok) setPull(res.value);
      });
    };
    read();
    const timer = setInterval(read, POLL_MS);
    window.addEventListener('focus', read);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener('focus', read);
    };
  }, [locked]);
  if (!status) return null;
  const badge = syncBadge(status);
  const times = syncTimes(status, pull, new Date());
  return (
    <>
      <span className={`sync-status sync-${badge.tone}`} aria-label="中心服务器同步" data-sync-state={status.push.state} data-pending={status.push.pending} title={status.push.lastError ?? PUSH_STATE_TEXT[status.push.state]}>
        同步：{badge.text}
      </span>
      {times && (
        <span className="sync-times" aria-label="最近同步时间" data-pull-state={pull?.state ?? ''} title={`最近上传 ${status.push.lastPushAt ? localDateTime(new Date(status.push.lastPushAt)) : '无'}，最近下载 ${pull?.lastPullAt ? localDateTime(new Date(pull.lastPullAt)) : '无'}${pull?.lastError ? `；${pull.lastError}` : ''}`}>
          {times}
        </span>
      )}
    </>
  );
}
