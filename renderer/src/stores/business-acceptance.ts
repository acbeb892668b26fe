/** State of the 业务受理 window: the picked customer, the acceptance form and the business history. */
import { create } from 'zustand';
import type { Output } from '../../../preload/contract';
import { DEFAULT_PRIORITY, type BusinessType, type Priority } from '../../../main/domain/work-order';
import { call } from '../api/client';

type Unpaid = Output<'bills.unpaid'>;
type Business = Output<'businesses.accept'>;

export interface FieldError {
  field: string;
  message: string;
}

interface AcceptanceState {
  customer: Unpaid | null;
  history: Business[];
  type: BusinessType;
  requirement: string;
  contactPhone: string;
  priority: Priority;
  busy: boolean;
  error: FieldError | null;
  accepted: Business | null;
  set(patch: Partial<Pick<AcceptanceState, 'type' | 'requirement' | 'contactPhone' | 'priority'>>): void;
  load(accountId: string): Promise<void>;
  submit(): Promise<boolean>;
}

export const useBusinessAcceptance = create<AcceptanceState>((set, get) => ({
  customer: null,
  history: [],
  type: '点火',
  requirement: '',
  contactPhone: '',
  priority: DEFAULT_PRIORITY,
  busy: false,
  error: null,
  accepted: null,
  set: (patch) => set({ ...patch, error: null }),
  async load(accountId) {
    set({ busy: true, error: null, accepted: null });
    const [customer, history] = await Promise.all([call('bills.unpaid', { accountId }), call('businesses.forAccount', { accountId })]);
    if (!customer.ok) {
      set({ busy: false, error: { field: 'account', message: customer.error.message } });
      return;
    }
    set({ customer: customer.value, history: history.ok ? history.value : [], busy: false });
  },
  async submit() {
    const { customer, type, requirement, contactPhone, priority } = get();
    if (!customer) return false;
    set({ busy: true, error: null, accepted: null });
    const res = await call('businesses.accept', { accountId: customer.account.id, type, requirement, contactPhone, priority });
    if (!res.ok) {
      set({ busy: false, error: { field: res.error.field ?? 'type', message: res.error.message } });
      return false;
    }
    set({ accepted: res.value, requirement: '', busy: false, priority: DEFAULT_PRIORITY });
    const history = await call('businesses.forAccount', { accountId: customer.account.id });
    if (history.ok) set({ history: history.value });
    return true;
  },
}));
