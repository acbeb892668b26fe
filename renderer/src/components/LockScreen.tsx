/**
 * The screen lock (issue 6): after 15 idle minutes or Ctrl+L the counter is covered; the windows behind
 * keep their state; only the signed-in clerk's password opens it again.
 */
import { useEffect, useRef, useState } from 'react';
import { useSession } from '../stores/session';
import { FieldError } from './FieldError';

export const IDLE_LOCK_MS = 15 * 60_000;

/** Locks after the idle time without keys or mouse, and on Ctrl+L. */
export function useIdleLock(): void {
  useEffect(() => {
    let last = Date.now();
    const seen = () => {
      last = Date.now();
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
      if (s.session && !s.locked && Date.now() - last > IDLE_LOCK_MS) void s.lock();
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

export function LockScreen() {
  const { session, unlock, logout, error, busy } = useSession();
  const [password, setPassword] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <div className="lock-screen" role="dialog" aria-label="屏幕已锁定">
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
