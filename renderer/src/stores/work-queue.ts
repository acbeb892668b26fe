/** State of the 派工/回执 window: the hall's open businesses and the form for the selected one. */
import { create } from 'zustand';
import type { Output } from '../../../preload/contract';
import type { ReceiptResult } from '../../../preload/kernel/enums';
import { call } from '../api/client';
import { placeError } from '../components/ErrorNotice';
import { FIELD_BUSINESSES, FOLLOW_UP_FORM_DEFAULTS, FOLLOW_UP_TENDER_FIELDS, type FollowUpFormValues } from './businesses';

export type QueueRow = Output<'businesses.queue'>[number];

export interface FieldError {
  field: string;
  message: string;
  code?: string;
}

/** The dispatch and receipt fields, shared by every business. */
interface DispatchReceiptForm {
  technician: string;
  remark: string;
  arrivedAt: string;
  implementedAt: string;
  leftAt: string;
  result: ReceiptResult;
  businessValid: boolean;
  siteRemark: string;
}

/** The form of the selected row: dispatch, receipt, and each business's follow-up fields (./businesses). */
export type FormValues = DispatchReceiptForm & FollowUpFormValues;

export const emptyForm: FormValues = {
  technician: '',
  remark: '',
  arrivedAt: '',
  implementedAt: '',
  leftAt: '',
  result: '合格',
  businessValid: true,
  siteRemark: '',
  ...FOLLOW_UP_FORM_DEFAULTS,
};

interface QueueState {
  rows: QueueRow[];
  cursor: number;
  form: FormValues;
  busy: boolean;
  error: FieldError | null;
  /** issue 10 #5: the clerk ticked the confirmation of a tender far above the fee (NEEDS_CONFIRMATION). */
  confirmTender: boolean;
  setConfirmTender(v: boolean): void;
  notice: string | null;
  refresh(): Promise<void>;
  moveCursor(delta: number): void;
  setCursor(index: number): void;
  setForm(patch: Partial<FormValues>): void;
  save(): Promise<void>;
  defer(agreedDate: string, remark: string): Promise<void>;
  voidIt(reason: string): Promise<void>;
}

/**
 * The fields 派工/回执 shows an error at for a row (issue 10 #16), as NextStep and DeferOrVoid render them;
 * any other error goes to the form's ErrorNotice (#form-error).
 */
export function queueErrorFields(row: QueueRow): string[] {
  const open = row.state !== '已完成' ? ['agreedDate', 'deferRemark', 'voidReason'] : [];
  if (row.state === '已派工') return [...open, 'arrivedAt', 'implementedAt', 'leftAt', 'result', 'siteRemark'];
  if (row.state !== '已完成') return [...open, 'technician', 'remark'];
  return [...(FIELD_BUSINESSES[row.type]?.followUp.errorFields ?? [])];
}

const nullable = (v: string) => (v.trim() === '' ? null : v.trim());

export const useWorkQueue = create<QueueState>((set, get) => ({
  /** R-CANC-06: the customer's agreed date beyond the promise (team leader's 业务顺延备注). */
  async defer(agreedDate, remark) {
    const row = get().rows[get().cursor];
    if (!row) return;
    const res = await call('businesses.defer', { businessId: row.id, agreedDate, remark });
    if (!res.ok) {
      set({ error: placeError(res.error, queueErrorFields(row), 'agreedDate', { remark: 'deferRemark', reason: 'deferRemark' }) });
      return;
    }
    await get().refresh();
    set({ notice: `${row.businessNo} 已顺延至 ${agreedDate}`, error: null });
  },
  /** R-CANC-08: only the hall director voids. */
  async voidIt(reason) {
    const row = get().rows[get().cursor];
    if (!row) return;
    const res = await call('businesses.void', { businessId: row.id, reason });
    if (!res.ok) {
      const field = res.error.code === 'FORBIDDEN' ? 'reason' : res.error.field;
      set({ error: placeError({ ...res.error, field }, queueErrorFields(row), 'voidReason', { reason: 'voidReason' }) });
      return;
    }
    await get().refresh();
    set({ notice: `${row.businessNo} 已作废`, error: null });
  },
  rows: [],
  cursor: 0,
  form: emptyForm,
  busy: false,
  error: null,
  notice: null,
  async refresh() {
    const res = await call('businesses.queue', {});
    if (res.ok) set({ rows: res.value, cursor: Math.min(get().cursor, Math.max(0, res.value.length - 1)) });
    else set({ error: { field: 'queue', message: res.error.message } });
  },
  moveCursor(delta) {
    const { rows, cursor } = get();
    if (rows.length > 0) get().setCursor(Math.min(rows.length - 1, Math.max(0, cursor + delta)));
  },
  confirmTender: false,
  setConfirmTender: (confirmTender) => set({ confirmTender }),
  setCursor: (cursor) => set({ cursor, form: emptyForm, error: null, confirmTender: false }),
  // a changed amount is a new question: the confirmation is asked again (issue 10 #5)
  setForm: (patch) =>
    set({ form: { ...get().form, ...patch }, error: null, ...(FOLLOW_UP_TENDER_FIELDS.some((f) => f in patch) ? { confirmTender: false } : {}) }),
  async save() {
    const { rows, cursor, form } = get();
    const row = rows[cursor];
    if (!row) return;
    set({ busy: true, error: null, notice: null });
    let res;
    let what: string;
    if (row.state === '已派工' && row.workOrderNo) {
      what = `${row.workOrderNo} 回执`;
      res = await call('businesses.receipt', {
        workOrderNo: row.workOrderNo,
        arrivedAt: nullable(form.arrivedAt),
        implementedAt: nullable(form.implementedAt),
        leftAt: nullable(form.leftAt),
        result: form.result,
        businessValid: form.businessValid,
        siteRemark: form.siteRemark,
      });
    } else if (row.state === '已完成') {
      // The business's own follow-up form (./businesses).
      const followUp = FIELD_BUSINESSES[row.type].followUp;
      what = followUp.what(row);
      res = await followUp.save(row, form, get().confirmTender);
    } else {
      what = `派工单 (${row.businessNo})`;
      res = await call('businesses.dispatch', { businessId: row.id, technician: form.technician, remark: form.remark });
    }
    if (!res.ok) {
      set({ busy: false, error: placeError(res.error, queueErrorFields(row), 'form') });
      return;
    }
    const saved = 'workOrderNo' in res.value ? `${what} ${res.value.workOrderNo}` : what;
    // Refresh first, so the confirmation appears together with the queue it describes.
    await get().refresh();
    set({ busy: false, form: emptyForm, notice: saved, confirmTender: false });
  },
}));
