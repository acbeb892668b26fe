/**
 * State of the 前台收费 window: search → pick the customer → unpaid list → (reading entry) → cash payment
 * → check slip. Every server error lands on the field it names.
 */
import { create } from 'zustand';
import type { Output } from '../../../preload/contract';
import { READING_SOURCES_AT_COUNTER } from '../../../preload/contract';
import { call } from '../api/client';

type Hit = Output<'accounts.search'>['rows'][number];
type Unpaid = Output<'bills.unpaid'>;
type Paid = Output<'payments.payCash'>;
type Printed = Output<'receipts.reprint'>;
export type ReadingSource = (typeof READING_SOURCES_AT_COUNTER)[number];

export interface FieldError {
  field: string;
  message: string;
}

interface FeeState {
  query: string;
  lastQuery: string;
  hits: Hit[];
  truncated: boolean;
  searched: boolean;
  cursor: number;
  unpaid: Unpaid | null;
  selectedBills: string[];
  reading: string;
  readingSource: ReadingSource;
  tendered: string;
  busy: boolean;
  error: FieldError | null;
  paid: Paid | null;
  receipt: Printed | null;
  setQuery(q: string): void;
  setReading(v: string): void;
  setReadingSource(v: ReadingSource): void;
  setTendered(v: string): void;
  moveCursor(delta: number): void;
  toggleBill(id: string): void;
  search(): Promise<void>;
  choose(index: number): Promise<void>;
  refreshUnpaid(): Promise<void>;
  enterReading(): Promise<void>;
  pay(): Promise<boolean>;
  reprint(): Promise<void>;
  reset(): void;
}

const blank = {
  query: '',
  lastQuery: '',
  hits: [],
  truncated: false,
  searched: false,
  cursor: 0,
  unpaid: null,
  selectedBills: [],
  reading: '',
  readingSource: 'notice' as ReadingSource,
  tendered: '',
  busy: false,
  error: null,
  paid: null,
  receipt: null,
};

export const useFeeCollection = create<FeeState>((set, get) => ({
  ...blank,
  setQuery: (query) => set({ query, error: null }),
  setReading: (reading) => set({ reading, error: null }),
  setReadingSource: (readingSource) => set({ readingSource }),
  setTendered: (tendered) => set({ tendered, error: null }),
  moveCursor(delta) {
    const { hits, cursor } = get();
    if (hits.length === 0) return;
    set({ cursor: Math.min(hits.length - 1, Math.max(0, cursor + delta)) });
  },
  toggleBill(id) {
    const selected = get().selectedBills;
    set({ selectedBills: selected.includes(id) ? selected.filter((b) => b !== id) : [...selected, id] });
  },
  async search() {
    const query = get().query.trim();
    if (query === '') {
      set({ error: { field: 'query', message: '请输入用户编号、姓名或地址' } });
      return;
    }
    set({ busy: true, error: null });
    const res = await call('accounts.search', { query });
    if (res.ok) {
      set({ hits: res.value.rows, truncated: res.value.truncated, searched: true, lastQuery: query, cursor: 0, busy: false });
    }
    else {
      set({ busy: false, error: { field: res.error.field ?? 'query', message: res.error.message } });
    }
  },
  async choose(index) {
    const hit = get().hits[index];
    if (!hit) return;
    set({ cursor: index, paid: null, receipt: null, tendered: '', reading: '' });
    await loadUnpaid(hit.id, set);
  },
  async refreshUnpaid() {
    const account = get().unpaid?.account;
    if (account) await loadUnpaid(account.id, set);
  },
  async enterReading() {
    const { unpaid, reading, readingSource } = get();
    if (!unpaid) return;
    set({ busy: true, error: null });
    const res = await call('bills.enterReading', { accountId: unpaid.account.id, reading, source: readingSource });
    if (!res.ok) {
      set({ busy: false, error: { field: res.error.field ?? 'reading', message: res.error.message } });
      return;
    }
    set({ reading: '' });
    await loadUnpaid(unpaid.account.id, set);
  },
  async pay() {
    const { unpaid, selectedBills, tendered } = get();
    if (!unpaid) return false;
    const due = dueOf(unpaid, selectedBills);
    set({ busy: true, error: null });
    const res = await call('payments.payCash', {
      accountId: unpaid.account.id,
      billIds: selectedBills,
      tendered,
      expectedTotalFen: due,
    });
    if (!res.ok) {
      set({ busy: false, error: { field: res.error.field ?? 'tendered', message: res.error.message } });
      return false;
    }
    set({ paid: res.value, receipt: res.value.print, busy: false });
    await loadUnpaid(unpaid.account.id, set, false);
    // Keep the search results honest: the paid customer's unpaid figures change at once.
    const after = get().unpaid;
    if (after) {
      set({
        hits: get().hits.map((h) =>
          h.id === after.account.id
            ? { ...h, unpaidCount: after.bills.length, unpaidFen: after.bills.reduce((s, b) => s + b.gasFen, 0) }
            : h,
        ),
      });
    }
    return true;
  },
  async reprint() {
    const slipNo = get().paid?.slipNo ?? get().receipt?.slipNo;
    if (!slipNo) return;
    const res = await call('receipts.reprint', { slipNo });
    if (res.ok) set({ receipt: res.value });
    else set({ error: { field: 'receipt', message: res.error.message } });
  },
  reset: () => set({ ...blank }),
}));

/** Total due for the selected bills, in fen: what the clerk calls out and what the server must agree with. */
export function dueOf(unpaid: Unpaid, selected: readonly string[]): number {
  return unpaid.bills.filter((b) => selected.includes(b.id)).reduce((sum, b) => sum + b.totalFen, 0);
}

async function loadUnpaid(
  accountId: string,
  set: (partial: Partial<FeeState>) => void,
  clearPaid = true,
): Promise<void> {
  const res = await call('bills.unpaid', { accountId });
  if (res.ok) {
    set({
      unpaid: res.value,
      selectedBills: res.value.bills.map((b) => b.id),
      busy: false,
      ...(clearPaid ? { paid: null } : {}),
    });
  } else {
    set({ busy: false, error: { field: res.error.field ?? 'query', message: res.error.message } });
  }
}
