/**
 * The screen lock (issue 6): after 15 idle minutes or Ctrl+L the counter is covered; the windows behind
 * keep their state; only the signed-in clerk's password opens it again.
 */
import { useEffect, useRef, useState } from 'react';
import { shareWithWindows } from '../api/client';
import { useSession } from '../stores/session';
import { FieldError } from './FieldError';

export const IDLE_LOCK_MS = 15 * 60_000;
/** How often a window tells the PC's other windows that the clerk works in it (issue 12 #4). */
const ACTIVITY_SHARE_MS = 60_000;

/** The clerk's last key or click in any window of the counter PC (issue 12 #4: one window left idle does not lock the others). */
let lastActivity = Date.now();
let lastShared = 0;

/** Another window of the PC saw the clerk's activity. */
export function activityElsewhere(): void {
  lastActivity = Date.now();
}

/** Locks after the idle time without keys or mouse (in any window of the PC), and on Ctrl+L. */
export function useIdleLock(): void {
  useEffect(() => {
    lastActivity = Date.now();
    const seen = () => {
      // the customer's keys on the display are not the clerk's work: they keep no window of the counter unlocked
      if (window.location.hash === '#/display') return;
      lastActivity = Date.now();
      if (lastActivity - lastShared > ACTIVITY_SHARE_MS) {
        lastShared = lastActivity;
        shareWithWindows({ topic: 'activity' });
      }
    };
    const onKey = (e: KeyboardEvent) => {
      seen();
      if (e.ctrlKey && (e.key === 'l' || e.key === 'L')) {
        e.preventDefault();
        void useSession.getState().lock();
      }
    };
    const timer = window.setInterval(() => {
      const s = useSession.getState();
      if (s.session && !s.locked && Date.now() - lastActivity > IDLE_LOCK_MS) void s.lock();
    }, 30_000);
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', seen);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', seen);
    };
  }, []);
}

/** Keys the lock screen keeps for itself: its own field and buttons take them, no window underneath does. */
function keepKeys(e: React.KeyboardEvent<HTMLDivElement>): void {
  e.stopPropagation();
  if (/^F\d+$/.test(e.key) || e.key === 'Escape' || e.altKey || (e.ctrlKey && !['a', 'c', 'v', 'x', 'z'].includes(e.key.toLowerCase()))) {
    e.preventDefault();
    return;
  }
  if (e.key !== 'Tab') return;
  // Tab cycles inside the lock screen; the windows underneath are inert anyway.
  const focusable = [...e.currentTarget.querySelectorAll<HTMLElement>('input, button:not(:disabled)')];
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  } else if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  }
}

export function LockScreen() {
  const { session, unlock, logout, error, busy } = useSession();
  const [password, setPassword] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    input.current?.focus();
    // A key whose target is not in the lock screen (focus on the page itself) reaches no window's shortcut
    // (issue 10 #14): stopped in the capture phase, and the focus goes back to the password.
    const guard = (e: KeyboardEvent) => {
      if (root.current && e.target instanceof Node && root.current.contains(e.target)) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      input.current?.focus();
    };
    window.addEventListener('keydown', guard, true);
    return () => window.removeEventListener('keydown', guard, true);
  }, []);
  return (
    <div ref={root} className="lock-screen" role="dialog" aria-modal="true" aria-label="屏幕已锁定" onKeyDown={keepKeys}>
      <form
        className="panel"
        onSubmit={(e) => {
          e.preventDefault();
          void unlock(password).then((ok) => ok && setPassword(''));
        }}
      >
        <h2>屏幕已锁定</h2>
        <p>
          {session?.staffName} · {session?.counterName}。请输入密码继续，未完成的操作保持不变。
        </p>
        <label>
          密码
          <input ref={input} name="unlockPassword" type="password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <FieldError message={error?.message ?? null} id="unlock-error" />
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            解锁 (Enter)
          </button>
          <button type="button" onClick={() => void logout()}>
            退出登录
          </button>
        </div>
      </form>
    </div>
  );
}
