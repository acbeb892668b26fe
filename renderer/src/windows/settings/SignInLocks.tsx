/**
 * Issue 10 #13 (R-SEC-27): the administrator lifts the sign-in lockout of a 工号 and/or a counter after too many
 * failed log-ins, unlocks or approver sign-ins (it also runs out by itself after 30 minutes).
 */
import { useState } from 'react';
import { call } from '../../api/client';
import { CounterOptions } from '../../components/CounterOptions';
import { FieldError } from '../../components/FieldError';
import { t } from '../../i18n/zh-CN';
import { useSession } from '../../stores/session';

export function SignInLocks() {
  const role = useSession((s) => s.session?.role);
  const counters = useSession((s) => s.counters);
  const [login, setLogin] = useState('');
  const [counterId, setCounterId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (role !== 'admin') return null;
  const unlock = async () => {
    setError(null);
    setDone(null);
    const res = await call('auth.unlockSignIns', { ...(login.trim() ? { login: login.trim() } : {}), ...(counterId ? { counterId } : {}) });
    if (res.ok) setDone(t.signInLocks.done(res.value.cleared));
    else setError(res.error.message);
  };
  return (
    <section className="panel sign-in-locks">
      <h2>{t.signInLocks.title}</h2>
      <div className="row">
        <label>
          {t.signInLocks.login}
          <input name="unlockLogin" value={login} onChange={(e) => setLogin(e.target.value)} />
        </label>
        <label>
          {t.signInLocks.counter}
          <select name="unlockCounter" value={counterId} onChange={(e) => setCounterId(e.target.value)}>
            <option value="">—</option>
            <CounterOptions counters={counters} />
          </select>
        </label>
        <button type="button" name="unlockSignIns" onClick={() => void unlock()}>
          {t.signInLocks.submit}
        </button>
      </div>
      <FieldError message={error} id="unlock-sign-ins-error" />
      {done && <div role="status">{done}</div>}
    </section>
  );
}

