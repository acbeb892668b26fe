/**
 * The 检索区 shared by every counter window: the customer found stays selected when the clerk switches
 * from 前台收费 to 业务受理 for the same person at the counter.
 */
import { create } from 'zustand';
import type { Output } from '../../../preload/contract';
import { call } from '../api/client';

export type Hit = Output<'accounts.search'>['rows'][number];

interface SearchState {
  query: string;
  lastQuery: string;
  hits: Hit[];
  truncated: boolean;
  searched: boolean;
  cursor: number;
  /** The customer picked at this counter, shared by every window. */
  selectedId: string | null;
  busy: boolean;
  error: string | null;
  setQuery(q: string): void;
  select(index: number): Hit | null;
  moveCursor(delta: number): void;
  search(): Promise<void>;
  updateHit(id: string, patch: Partial<Hit>): void;
  reset(): void;
}

const blank = { query: '', lastQuery: '', hits: [], truncated: false, searched: false, cursor: 0, selectedId: null, busy: false, error: null };

export const useCustomerSearch = create<SearchState>((set, get) => ({
  ...blank,
  setQuery: (query) => set({ query, error: null }),
  select(index) {
    const hit = get().hits[index] ?? null;
    if (hit) set({ cursor: index, selectedId: hit.id });
    return hit;
  },
  moveCursor(delta) {
    const { hits, cursor } = get();
    if (hits.length > 0) set({ cursor: Math.min(hits.length - 1, Math.max(0, cursor + delta)) });
  },
  async search() {
    const query = get().query.trim();
    if (query === '') {
      set({ error: '请输入用户编号、姓名或地址' });
      return;
    }
    set({ busy: true, error: null });
    const res = await call('accounts.search', { query });
    if (res.ok) {
      set({ hits: res.value.rows, truncated: res.value.truncated, searched: true, lastQuery: query, cursor: 0, busy: false });
    } else {
      set({ busy: false, error: res.error.message });
    }
  },
  updateHit: (id, patch) => set({ hits: get().hits.map((h) => (h.id === id ? { ...h, ...patch } : h)) }),
  reset: () => set({ ...blank }),
}));
