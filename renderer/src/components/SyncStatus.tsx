/**
 * Issue 14: the central server's state in the status bar of the counter windows — 已同步, 待上传 N 条记录（收费 M 笔）, 离线（…）,
 * 未登记中心服务器, 已停止上传 — with the last error on hover. Read every 5 seconds and when the window gets the focus.
 */
import { useEffect, useState } from 'react';
import type { Output } from '../../../preload/contract';
import { call } from '../api/client';
import { useSession } from '../stores/session';

type Status = Output<'sync.status'>;
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

export function SyncStatus() {
  const locked = useSession((s) => s.locked);
  const [status, setStatus] = useState<Status | null>(null);
  useEffect(() => {
    if (locked) return;
    let stopped = false;
    const read = () =>
      void call('sync.status', {}).then((res) => {
        if (!stopped && res.ok) setStatus(res.value);
      });
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
  return (
    <span className={`sync-status sync-${badge.tone}`} aria-label="中心服务器同步" data-sync-state={status.push.state} data-pending={status.push.pending} title={status.push.lastError ?? PUSH_STATE_TEXT[status.push.state]}>
      同步：{badge.text}
    </span>
  );
}
