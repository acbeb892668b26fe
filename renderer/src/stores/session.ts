/** Who is signed in at this counter window. */
import { create } from 'zustand';
import type { Output } from '../../../preload/contract';
import { call } from '../api/client';

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
}

export const useSession = create<SessionState>((set) => ({
  session: null,
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
  async logout() {
    await call('auth.logout', {});
    set({ session: null });
  },
}));
