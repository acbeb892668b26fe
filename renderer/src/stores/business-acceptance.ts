/** State of the 业务受理 window: the picked customer, the acceptance form and the business history. */
import { create } from 'zustand';
import type { Output } from '../../../preload/contract';
import { DEFAULT_PRIORITY, type BusinessType, type Priority } from '../../../preload/kernel/enums';
import { call } from '../api/client';
import { GENERAL, placeError } from '../components/ErrorNotice';
import { ACCEPT_VALUE_DEFAULTS, acceptanceOf, clearedValues, type AcceptType, type AcceptValues } from './businesses';
import type { AcceptanceContext, AcceptExtras } from './businesses/types';

type Unpaid = Output<'bills.unpaid'>;
type Business = Output<'businesses.forAccount'>[number];
type Accepted = Output<'businesses.accept'>;
export type { AcceptType, AcceptValues };

/** businesses.accept's extras as a business without any sends them; each business sets its own (acceptInput). */
const NO_ACCEPT_EXTRAS: Required<AcceptExtras> = {
  icToOrdinary: false,
  icTermsAcknowledged: false,
  hoseLength: '',
  ownershipChanged: false,
  depositTendered: null,
  confirmLargeTender: false,
};

export interface FieldError {
  field: string;
  message: string;
  code?: string;
}

export interface AcceptanceState {
  customer: Unpaid | null;
  history: Business[];
  type: AcceptType;
  /** Each business's own form values (its module's `form.defaults`), by type. */
  values: AcceptValues;
  /** What the account action just did, as its module words it (the status line). */
  done: string | null;
  requirement: string;
  contactPhone: string;
  priority: Priority;
  busy: boolean;
  error: FieldError | null;
  /** issue 10 #5: the clerk ticked the confirmation of a tender far above the fee or deposit (NEEDS_CONFIRMATION). */
  confirmTender: boolean;
  setConfirmTender(v: boolean): void;
  accepted: Accepted | null;
  set(patch: Partial<Pick<AcceptanceState, 'type' | 'requirement' | 'contactPhone' | 'priority'>>): void;
  setValues(type: AcceptType, patch: object): void;
  load(accountId: string): Promise<void>;
  submit(): Promise<boolean>;
}

/**
 * The fields 业务受理 shows an error at for the chosen business (issue 10 #16), as its JSX renders them: the
 * panel of the type (its module's form, renderer/src/stores/businesses); any other error goes to the window's
 * ErrorNotice.
 */
export function acceptanceErrorFields(s: Pick<AcceptanceState, 'customer' | 'type' | 'values'>): string[] {
  const fields = ['account'];
  if (!s.customer) return fields;
  fields.push('type', 'contactPhone');
  const business = acceptanceOf(s.type);
  if (business.kind === 'field') fields.push('requirement');
  fields.push(...(business.errorFields?.(s.customer, s.values[s.type]) ?? []));
  return fields;
}

/** A server error as 业务受理 shows it in state `s`: at its field, or in the general message. */
function acceptanceError(
  s: Pick<AcceptanceState, 'customer' | 'type' | 'values'>,
  error: { code: string; message: string; field?: string | undefined },
  fallback: string,
  aliases: Record<string, string> = {},
): FieldError {
  return placeError(error, acceptanceErrorFields(s), fallback, aliases);
}

export const useBusinessAcceptance = create<AcceptanceState>((set, get) => ({
  customer: null,
  history: [],
  type: '点火',
  values: ACCEPT_VALUE_DEFAULTS,
  done: null,
  confirmTender: false,
  setConfirmTender: (confirmTender) => set({ confirmTender }),
  requirement: '',
  contactPhone: '',
  priority: DEFAULT_PRIORITY,
  busy: false,
  error: null,
  accepted: null,
  set: (patch) => set({ ...patch, error: null }),
  setValues: (type, patch) => {
    const values = get().values;
    // a changed amount is a new question: the confirmation is asked again (issue 10 #5)
    const asksAgain = acceptanceOf(type).form?.tenderFields?.some((f) => f in patch) ?? false;
    set({ values: { ...values, [type]: { ...values[type], ...patch } }, error: null, ...(asksAgain ? { confirmTender: false } : {}) });
  },
  async load(accountId) {
    set({ busy: true, error: null, accepted: null });
    const [customer, history] = await Promise.all([call('bills.unpaid', { accountId }), call('businesses.forAccount', { accountId })]);
    if (!customer.ok) {
      set({ busy: false, error: acceptanceError(get(), { ...customer.error, field: 'account' }, 'account') });
      return;
    }
    set({ customer: customer.value, history: history.ok ? history.value : [], busy: false, ...(history.ok ? {} : { error: placeError(history.error, [], GENERAL) }) });
  },
  async submit() {
    const { customer, type, requirement, contactPhone, priority } = get();
    if (!customer) return false;
    set({ busy: true, error: null, accepted: null, done: null });
    const business = acceptanceOf(type);
    const ctx: AcceptanceContext = {
      customer,
      get,
      set,
      clearedValues: () => clearedValues(get().values, type),
      fail: (error, aliases) => {
        set({ busy: false, error: acceptanceError(get(), error, 'type', aliases) });
        return false;
      },
    };
    if (business.kind === 'account') return business.submit(ctx, get().values[type]);
    const accept = async () => {
      const { values, confirmTender } = get();
      const res = await call('businesses.accept', {
        accountId: customer.account.id,
        type: type as BusinessType,
        requirement,
        contactPhone,
        priority,
        ...NO_ACCEPT_EXTRAS,
        ...business.acceptInput?.(values[type], confirmTender),
      });
      if (!res.ok) return ctx.fail(res.error);
      const history = await call('businesses.forAccount', { accountId: customer.account.id });
      if (history.ok) set({ history: history.value });
      set({ accepted: res.value, requirement: '', busy: false, priority: DEFAULT_PRIORITY, values: ctx.clearedValues(), confirmTender: false });
      return true;
    };
    return business.submit ? business.submit(ctx, get().values[type], accept) : accept();
  },
}));
