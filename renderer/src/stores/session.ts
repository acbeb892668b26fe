/** Who is signed in at this counter window. */
import { create } from 'zustand';
import type { Output } from '../../../preload/contract';
import { call, setLocked, whenLocked, type CounterEvent } from '../api/client';

type Session = Output<'auth.login'>;
type CounterChoice = Output<'auth.counters'>[number];

interface SessionState {
  session: Session | null;
  counters: CounterChoice[];
  error: { message: string; field?: string } | null;
  busy: boolean;
  loadCounters(): Promise<void>;
  login(login: string, password: string, counterId: string): Promise<void>;
  logout(): Promise<void>;
  /** Issue 10 #13: the first log-in with the initial password (outside demo mode) changes it first. */
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  /** The screen lock (issue 6): the windows stay as they are underneath. */
  locked: boolean;
  lock(): Promise<void>;
  unlock(password: string): Promise<boolean>;
  /** Issue 12 #4: a window opening takes the counter PC's one sign-in as it is (signed in, locked or none). */
  adopt(): Promise<void>;
  /** Issue 12 #4: another window of the PC signed in, locked, unlocked or signed out. */
  follow(event: Extract<CounterEvent, { topic: 'session' }>): void;
}

export const useSession = create<SessionState>((set) => ({
  session: null,
  locked: false,
  counters: [],
  error: null,
  busy: false,
  async loadCounters() {
    const res = await call('auth.counters', {});
    if (res.ok) set({ counters: res.value });
    else set({ error: res.error });
  },
  async login(login, password, counterId) {
    set({ busy: true, error: null });
    const res = await call('auth.login', { login, password, counterId });
    set(res.ok ? { session: res.value, busy: false } : { error: res.error, busy: false });
  },
  async changePassword(currentPassword, newPassword) {
    set({ busy: true, error: null });
    const res = await call('auth.changePassword', { currentPassword, newPassword });
    set(res.ok ? { session: res.value, busy: false } : { error: res.error, busy: false });
  },
  async logout() {
    await call('auth.logout', {});
    set({ session: null, locked: false });
    setLocked(false);
  },
  async lock() {
    // Locked at once, before the answer, so no key pressed meanwhile reaches a window (issue 10 #14).
    set({ locked: true, error: null });
    setLocked(true);
    await call('auth.lock', {});
  },
  async unlock(password) {
    set({ busy: true, error: null });
    const res = await call('auth.unlock', { password });
    set(res.ok ? { session: res.value, locked: false, busy: false } : { error: res.error, busy: false });
    if (res.ok) setLocked(false);
    return res.ok;
  },
  async adopt() {
    const res = await call('auth.session', {});
    if (!res.ok || !res.value) return;
    const { locked, ...session } = res.value;
    set({ session, locked: locked === true });
    setLocked(locked === true);
  },
  follow(event) {
    if (event.state === 'signedIn') {
      set({ session: event.session, locked: false, error: null });
      setLocked(false);
    } else if (event.state === 'locked') {
      set({ locked: true, error: null });
      setLocked(true);
    } else {
      set({ session: null, locked: false, error: null });
      setLocked(false);
    }
  },
}));

whenLocked(() => useSession.setState({ locked: true, error: null }));
