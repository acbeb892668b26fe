import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorNotice, placeError } from '../components/ErrorNotice';
import { CounterOptions } from '../components/CounterOptions';
import { FieldError } from '../components/FieldError';
import { t } from '../i18n/zh-CN';
import { useSession } from '../stores/session';

const LAST_COUNTER_KEY = 'gas-hall.lastCounter';

/** The fields each form shows an error at (issue 10 #16); any other error goes to the form's ErrorNotice. */
export const CHANGE_PASSWORD_ERROR_FIELDS = ['currentPassword', 'newPassword'] as const;
export const SIGN_IN_ERROR_FIELDS = ['counterId', 'login', 'password'] as const;

/** Issue 10 #13: outside demo mode the initial password is replaced before any window opens. */
function ChangePassword() {
  const { changePassword, logout, error, busy } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMismatch(next !== again);
    if (next === again) void changePassword(current, next);
  };
  const shown = error ? placeError({ code: '', ...error }, CHANGE_PASSWORD_ERROR_FIELDS, 'newPassword') : null;
  const fieldError = (field: string) => (shown?.field === field ? shown.message : null);
  return (
    <form className="login" onSubmit={submit} aria-label={t.login.changeTitle}>
      <h1>{t.appTitle}</h1>
      <h2>{t.login.changeTitle}</h2>
      <ErrorNotice error={shown} id="change-password-general-error" />
      <label>
        {t.login.currentPassword}
        <input name="currentPassword" type="password" value={current} onChange={(e) => setCurrent(e.target.value)} autoComplete="current-password" autoFocus />
      </label>
      <FieldError message={fieldError('currentPassword')} id="current-password-error" />
      <label>
        {t.login.newPassword}
        <input name="newPassword" type="password" value={next} onChange={(e) => setNext(e.target.value)} autoComplete="new-password" />
      </label>
      <FieldError message={fieldError('newPassword')} id="new-password-error" />
      <label>
        {t.login.confirmPassword}
        <input name="confirmPassword" type="password" value={again} onChange={(e) => setAgain(e.target.value)} autoComplete="new-password" />
      </label>
      <FieldError message={mismatch ? t.login.mismatch : null} id="confirm-password-error" />
      <button type="submit" disabled={busy}>
        {t.login.changeSubmit}
      </button>
      <button type="button" onClick={() => void logout()}>
        {t.header.logout}
      </button>
    </form>
  );
}

export function Login() {
  const mustChange = useSession((s) => s.session?.mustChangePassword === true);
  return mustChange ? <ChangePassword /> : <SignIn />;
}

function SignIn() {
  const { counters, loadCounters, login, error, busy } = useSession();
  const [counterId, setCounterId] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const userRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void loadCounters();
    userRef.current?.focus();
  }, [loadCounters]);
  useEffect(() => {
    if (counterId || counters.length === 0) return;
    // A counter PC usually stays at one window: default to the counter last used here.
    const remembered = window.localStorage.getItem(LAST_COUNTER_KEY);
    setCounterId(counters.find((c) => c.id === remembered)?.id ?? counters[0]?.id ?? '');
  }, [counters, counterId]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    window.localStorage.setItem(LAST_COUNTER_KEY, counterId);
    void login(user, password, counterId);
  };
  const shown = error ? placeError({ code: '', ...error }, SIGN_IN_ERROR_FIELDS, 'password') : null;
  const fieldError = (field: string) => (shown?.field === field ? shown.message : null);

  return (
    <form className="login" onSubmit={submit} aria-label={t.login.title}>
      <h1>{t.appTitle}</h1>
      <h2>{t.login.title}</h2>
      <ErrorNotice error={shown} id="login-general-error" />
      <label>
        {t.login.counter}
        <select value={counterId} onChange={(e) => setCounterId(e.target.value)} name="counter">
          {counters.length === 0 && <option value="">{t.login.loadingCounters}</option>}
          <CounterOptions counters={counters} />
        </select>
      </label>
      <FieldError message={fieldError('counterId')} id="counter-error" />
      <label>
        {t.login.login}
        <input ref={userRef} name="login" value={user} onChange={(e) => setUser(e.target.value)} autoComplete="username" />
      </label>
      <FieldError message={fieldError('login')} id="login-error" />
      <label>
        {t.login.password}
        <input
          name="password"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
        />
      </label>
      <FieldError message={fieldError('password')} id="password-error" />
      <button type="submit" disabled={busy}>
        {t.login.submit}
      </button>
    </form>
  );
}
