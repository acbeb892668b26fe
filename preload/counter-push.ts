/**
 * Issue 12 #4: the windows of one counter PC share one sign-in and the customer picked. Besides the customer
 * display (preload/display-push.ts), main sends every app window of the PC what another window changed, on
 * EVENT: the session (signed in, locked, signed out), the customer picked, and the clerk's activity (so one
 * window left idle does not lock the PC while the clerk works in another). A window shares the customer it
 * picked and its activity on SHARE; main passes them to the PC's other windows, never back to the sender.
 * The harness does the same over its WebSocket (`{"share": …}` in, `{"push":"counter","value": …}` out).
 * Shared by the shell (main/app.ts), the preload bridge and the harness (main/harness/server.ts). No imports.
 */
export const COUNTER_PUSH = {
  event: 'gas:push.counter',
  share: 'gas:push.counter.share',
} as const;

export type CounterEvent =
  | { topic: 'session'; state: 'signedIn'; session: unknown }
  | { topic: 'session'; state: 'locked' }
  | { topic: 'session'; state: 'signedOut' }
  /** The 检索区 of the window that picked (null: 下一位, the search was cleared). */
  | { topic: 'customer'; value: unknown }
  | { topic: 'activity' };

/** What a shared event may weigh (a search's rows with their addresses fit many times over). */
export const MAX_SHARED_BYTES = 256 * 1024;

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string } };

/** What the PC's other windows are told after a window's call was answered, or null (most calls). */
export function sessionEventAfter(method: string, result: Answer): CounterEvent | null {
  // signed out whether or not the session was still there
  if (method === 'auth.logout') return { topic: 'session', state: 'signedOut' };
  if (!result.ok) return result.error.code === 'LOCKED' ? { topic: 'session', state: 'locked' } : null;
  switch (method) {
    case 'auth.login':
    case 'auth.unlock':
    case 'auth.changePassword':
      return { topic: 'session', state: 'signedIn', session: result.value };
    case 'auth.lock':
      return { topic: 'session', state: 'locked' };
    default:
      return null;
  }
}

/** A window's SHARE message checked: only the customer picked and activity pass; the session never (main tells it). */
export function sharedEvent(message: unknown): CounterEvent | null {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return null;
  const { topic } = message as { topic?: unknown };
  if (topic === 'activity') return { topic: 'activity' };
  if (topic !== 'customer' || !('value' in message)) return null;
  const value = (message as { value: unknown }).value;
  if (value !== null && (typeof value !== 'object' || Array.isArray(value))) return null;
  let size: number;
  try {
    size = JSON.stringify(value).length;
  } catch {
    return null;
  }
  return size <= MAX_SHARED_BYTES ? { topic: 'customer', value } : null;
}
