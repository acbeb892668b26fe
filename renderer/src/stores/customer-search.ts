/**
 * The 检索区 shared by every counter window: the customer found stays selected when the clerk switches
 * from 前台收费 to 业务受理 for the same person at the counter.
 */
import { create } from 'zustand';
import type { Output } from '../../../preload/contract';
import { call, shareWithWindows } from '../api/client';

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
  /** Issue 12 #4: counts the picks (and clears) made in another window of the counter PC; a window follows on a change. */
  remotePicks: number;
  /** Another window picked (its 检索区) or cleared (null) the customer. */
  follow(value: unknown): void;
}

/** What another window shares of its 检索区: the rows it found and the customer it picked. */
type Shared = Pick<SearchState, 'query' | 'lastQuery' | 'hits' | 'truncated' | 'searched' | 'cursor' | 'selectedId'>;

function sharedOf(value: unknown): Shared | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<Shared>;
  if (typeof v.selectedId !== 'string' || !Array.isArray(v.hits) || typeof v.query !== 'string' || typeof v.lastQuery !== 'string') return null;
  return { query: v.query, lastQuery: v.lastQuery, hits: v.hits, truncated: v.truncated === true, searched: true, cursor: typeof v.cursor === 'number' ? v.cursor : 0, selectedId: v.selectedId };
}

const blank = { query: '', lastQuery: '', hits: [], truncated: false, searched: false, cursor: 0, selectedId: null, busy: false, error: null };

export const useCustomerSearch = create<SearchState>((set, get) => ({
  ...blank,
  remotePicks: 0,
  setQuery: (query) => set({ query, error: null }),
  select(index) {
    const hit = get().hits[index] ?? null;
    if (hit) {
      set({ cursor: index, selectedId: hit.id });
      const { query, lastQuery, hits, truncated, searched, cursor, selectedId } = get();
      shareWithWindows({ topic: 'customer', value: { query, lastQuery, hits, truncated, searched, cursor, selectedId } satisfies Shared });
      // R-SEC-13 (issue 15 #5): the back end starts timing this customer's transaction at its own clock; a paused
      // counter (R-SEC-16) says so here, where the clerk picks
      void call('timing.pick', { accountId: hit.id }).then((res) => {
        if (!res.ok && res.error.code === 'COUNTER_PAUSED') set({ error: res.error.message });
      });
    }
    return hit;
  },
  follow(value) {
    const shared = sharedOf(value);
    if (value !== null && !shared) return;
    set({ ...blank, ...(shared ?? {}), remotePicks: get().remotePicks + 1 });
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
  reset: () => {
    const wasPicked = get().selectedId !== null;
    set({ ...blank });
    // 下一位 (Esc): the counter's other windows let the customer go too
    if (wasPicked) {
      shareWithWindows({ topic: 'customer', value: null });
      void call('timing.pick', { accountId: null }); // R-SEC-13: the customer left without a slip: nothing is timed
    }
  },
}));
