/** State of the 派工/回执 window: the hall's open businesses and the form for the selected one. */
import { create } from 'zustand';
import type { Output } from '../../../preload/contract';
import type { ReceiptResult } from '../../../preload/kernel/enums';
import { call } from '../api/client';
import { placeError } from '../components/ErrorNotice';

export type QueueRow = Output<'businesses.queue'>[number];

export interface FieldError {
  field: string;
  message: string;
  code?: string;
}

export interface FormValues {
  technician: string;
  remark: string;
  arrivedAt: string;
  implementedAt: string;
  leftAt: string;
  result: ReceiptResult;
  businessValid: boolean;
  siteRemark: string;
  latestReading: string;
  flameFailureDevice: boolean;
  cookerBrand: string;
  cookerYear: string;
  settledReading: string;
  reason: string;
  model: string;
  meterNo: string;
  direction: '左进' | '右进';
  baseReading: string;
  consumableName: string;
  consumableUnit: string;
  consumableQty: string;
  oldActualReading: string;
  newReading: string;
  fee: string;
  feeTendered: string;
  invoiceNo: string;
  hoseInfo: string;
  readingBeforeTest: string;
  signedOn: string;
  sentOn: string;
  installer: string;
  tempMeterModel: string;
  tempMeterNo: string;
  testResult: '合格' | '偏快' | '偏慢';
  errorPercent: string;
  handling: string;
  agreementModel: string;
  agreementDirection: '' | '左进' | '右进';
  agreementPhone: string;
  correctMeterData: boolean;
}

export const emptyForm: FormValues = {
  technician: '',
  remark: '',
  arrivedAt: '',
  implementedAt: '',
  leftAt: '',
  result: '合格',
  businessValid: true,
  siteRemark: '',
  latestReading: '',
  flameFailureDevice: true,
  cookerBrand: '',
  cookerYear: '',
  settledReading: '',
  reason: '',
  model: '',
  meterNo: '',
  direction: '左进',
  baseReading: '',
  consumableName: '',
  consumableUnit: '米',
  consumableQty: '',
  oldActualReading: '',
  newReading: '',
  fee: '',
  feeTendered: '',
  invoiceNo: '',
  hoseInfo: '',
  readingBeforeTest: '',
  signedOn: '',
  sentOn: '',
  installer: '',
  tempMeterModel: '',
  tempMeterNo: '',
  testResult: '合格',
  errorPercent: '',
  handling: '',
  agreementModel: '',
  agreementDirection: '',
  agreementPhone: '',
  correctMeterData: false,
};

function consumablesOf(form: FormValues) {
  return form.consumableName.trim() === '' ? [] : [{ name: form.consumableName, unit: form.consumableUnit, quantity: Number(form.consumableQty) }];
}

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
  switch (row.type) {
    case '点火':
    case '二次点火':
      return ['latestReading', 'cookerBrand', 'cookerYear', 'agreementModel'];
    case '封表':
    case '拆表':
    case '启封':
      return ['settledReading', 'reason'];
    case '安装':
      return ['model', 'meterNo', 'baseReading', 'consumables'];
    case '换表':
      return ['oldActualReading', 'model', 'meterNo', 'newReading'];
    case '改装':
      return ['fee', 'tendered', 'invoiceNo'];
    case '校表':
      return ['readingBeforeTest', 'settledReading', 'signedOn', 'sentOn', 'installer', 'tempMeterModel', 'tempMeterNo', 'result', 'errorPercent', 'handling', 'tendered'];
    case '其它':
      return ['hoseInfo'];
    default:
      return [];
  }
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
    set({ form: { ...get().form, ...patch }, error: null, ...('fee' in patch || 'feeTendered' in patch || 'testResult' in patch ? { confirmTender: false } : {}) }),
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
    } else if (row.state === '已完成' && (row.type === '点火' || row.type === '二次点火')) {
      what = `${row.businessNo} 点火登记`;
      res = await call('followUps.ignition', {
        businessId: row.id,
        latestReading: form.latestReading,
        flameFailureDevice: form.flameFailureDevice,
        cookerBrand: form.cookerBrand,
        cookerYear: form.cookerYear,
        heaterBrand: '',
        heaterOutput: '',
        heaterYear: '',
        heatingBrand: '',
        heatingPower: '',
        heatingYear: '',
        agreementModel: form.agreementModel,
        agreementDirection: form.agreementDirection,
        agreementPhone: form.agreementPhone,
        correctMeterData: form.correctMeterData,
      });
    } else if (row.state === '已完成' && row.type === '安装') {
      what = `${row.businessNo} 安装单登记`;
      res = await call('followUps.install', {
        businessId: row.id,
        model: form.model,
        meterNo: form.meterNo,
        direction: form.direction,
        baseReading: form.baseReading,
        consumables: consumablesOf(form),
      });
    } else if (row.state === '已完成' && row.type === '换表') {
      what = `${row.businessNo} 换表单登记`;
      res = await call('followUps.meterChange', {
        businessId: row.id,
        oldActualReading: form.oldActualReading,
        model: form.model,
        meterNo: form.meterNo,
        direction: form.direction,
        newReading: form.newReading,
        consumables: consumablesOf(form),
      });
    } else if (row.state === '已完成' && row.type === '改装') {
      what = `${row.businessNo} 改装单登记`;
      res = await call('followUps.modification', {
        businessId: row.id,
        fee: form.fee,
        tendered: form.fee.trim() === '' ? null : form.feeTendered,
        invoiceNo: form.invoiceNo,
        consumables: consumablesOf(form),
        confirmLargeTender: get().confirmTender,
      });
    } else if (row.state === '已完成' && row.type === '校表') {
      what = `${row.businessNo} 校表登记，押金已退`;
      res = await call('followUps.meterTest', {
        businessId: row.id,
        readingBeforeTest: form.readingBeforeTest,
        settledReading: form.settledReading,
        signedOn: form.signedOn,
        sentOn: form.sentOn,
        installer: form.installer,
        tempMeterModel: form.tempMeterModel,
        tempMeterNo: form.tempMeterNo,
        result: form.testResult,
        errorPercent: form.errorPercent,
        handling: form.handling,
        tendered: form.feeTendered.trim() === '' ? null : form.feeTendered,
        confirmLargeTender: get().confirmTender,
      });
    } else if (row.state === '已完成' && row.type === '其它') {
      what = `${row.businessNo} 波纹管情况登记`;
      res = await call('followUps.hose', { businessId: row.id, hoseInfo: form.hoseInfo });
    } else if (row.state === '已完成') {
      what = `${row.businessNo} ${row.type}登记`;
      res = await call('followUps.seal', { businessId: row.id, settledReading: form.settledReading, reason: form.reason });
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
