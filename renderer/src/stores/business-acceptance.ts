/** State of the 业务受理 window: the picked customer, the acceptance form and the business history. */
import { create } from 'zustand';
import type { Output } from '../../../preload/contract';
import { DEFAULT_PRIORITY, type BusinessType, type Priority } from '../../../preload/kernel/enums';
import { call } from '../api/client';
import { GENERAL, placeError } from '../components/ErrorNotice';

type Unpaid = Output<'bills.unpaid'>;
type Business = Output<'businesses.forAccount'>[number];
type Accepted = Output<'businesses.accept'>;
type MethodChanged = Output<'accounts.changePaymentMethod'>;
type UnifiedSaved = Output<'meters.unifiedInstall'>;
type Transferred = Output<'accounts.transfer'>;
export type AcceptType = BusinessType | '过户' | '缴费方式变更' | '统一装表' | '隐患整改';

/** Fields some businesses add to the form (R-TEST-02, R-HOSE-01, R-ICM-01, P-PMC). */
export interface ExtraValues {
  depositTendered: string;
  hoseLength: string;
  icToOrdinary: boolean;
  icTermsAcknowledged: boolean;
  toMethod: '现金' | '银行代缴' | '银行托收';
  bankName: string;
  bankCardNo: string;
  cardHolder: string;
  model: string;
  meterNo: string;
  direction: '左进' | '右进';
  baseReading: string;
  installedOn: string;
  switchUnusedToApplied: boolean;
  privateIgnition: boolean;
  privateReading: string;
  privateContract: boolean;
  privateFlame: boolean;
  privateCooker: string;
  ownershipChanged: boolean;
  inspectionYear: string;
  arrivalDate: string;
  rectificationDate: string;
  hazardResult: string;
  rectifier: string;
}

const emptyExtras: ExtraValues = {
  privateContract: false,
  privateFlame: true,
  privateCooker: '',
  ownershipChanged: false,
  inspectionYear: '',
  arrivalDate: '',
  rectificationDate: '',
  hazardResult: '',
  rectifier: '',
  privateIgnition: false,
  privateReading: '',
  model: '',
  meterNo: '',
  direction: '左进',
  baseReading: '',
  installedOn: '',
  switchUnusedToApplied: false,
  depositTendered: '',
  hoseLength: '',
  icToOrdinary: false,
  icTermsAcknowledged: false,
  toMethod: '银行代缴',
  bankName: '农行',
  bankCardNo: '',
  cardHolder: '',
};
export type Relative = '' | '配偶' | '父母' | '子女' | '祖父母' | '孙子女';

export interface TransferValues {
  newName: string;
  relative: Relative;
  proofShown: boolean;
  invoiceLost: boolean;
  lossDeclaration: boolean;
  tendered: string;
}

const emptyTransfer: TransferValues = { newName: '', relative: '', proofShown: false, invoiceLost: false, lossDeclaration: false, tendered: '' };

export interface FieldError {
  field: string;
  message: string;
  code?: string;
}

interface AcceptanceState {
  customer: Unpaid | null;
  history: Business[];
  type: AcceptType;
  transfer: TransferValues;
  transferred: Transferred | null;
  requirement: string;
  contactPhone: string;
  priority: Priority;
  busy: boolean;
  error: FieldError | null;
  /** issue 10 #5: the clerk ticked the confirmation of a tender far above the fee or deposit (NEEDS_CONFIRMATION). */
  confirmTender: boolean;
  setConfirmTender(v: boolean): void;
  accepted: Accepted | null;
  extras: ExtraValues;
  methodChanged: MethodChanged | null;
  unifiedSaved: UnifiedSaved | null;
  hazardSaved: string | null;
  setExtras(patch: Partial<ExtraValues>): void;
  set(patch: Partial<Pick<AcceptanceState, 'type' | 'requirement' | 'contactPhone' | 'priority'>>): void;
  setTransfer(patch: Partial<TransferValues>): void;
  load(accountId: string): Promise<void>;
  submit(): Promise<boolean>;
}

/**
 * The fields 业务受理 shows an error at for the chosen business (issue 10 #16), as its JSX renders them: the
 * panel of the type (过户, 统一装表, 隐患整改, 缴费方式变更 or the business's extras); any other error goes to
 * the window's ErrorNotice.
 */
export function acceptanceErrorFields(s: Pick<AcceptanceState, 'customer' | 'type' | 'extras'>): string[] {
  const { type, extras } = s;
  const fields = ['account'];
  if (!s.customer) return fields;
  fields.push('type', 'contactPhone');
  if (type === '过户') fields.push('newName', 'proofShown', 'lossDeclaration', 'tendered');
  else if (type === '统一装表') fields.push('model', 'meterNo', 'baseReading', 'installedOn', 'switchUnusedToApplied');
  else if (type === '隐患整改') fields.push('inspectionYear', 'arrivalDate', 'rectificationDate', 'hazardResult', 'rectifier');
  else if (type === '缴费方式变更') fields.push('toMethod', ...(extras.toMethod !== '现金' ? ['bankName', 'bankCardNo', 'cardHolder'] : []));
  else {
    fields.push('requirement');
    if (type === '校表') fields.push('depositTendered');
    if (type === '启封') fields.push('ownershipChanged');
    if (type === '点火') fields.push('privateReading');
    if (type === '其它') fields.push('hoseLength');
    if (type === '换表' && s.customer.account.customerType === 'IC卡') fields.push('icToOrdinary', ...(extras.icToOrdinary ? ['icTermsAcknowledged'] : []));
  }
  return fields;
}

/** A server error as 业务受理 shows it in state `s`: at its field, or in the general message. */
function acceptanceError(
  s: Pick<AcceptanceState, 'customer' | 'type' | 'extras'>,
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
  transfer: emptyTransfer,
  transferred: null,
  extras: emptyExtras,
  methodChanged: null,
  unifiedSaved: null,
  hazardSaved: null,
  // a changed amount is a new question: the confirmation is asked again (issue 10 #5)
  setExtras: (patch) => set({ extras: { ...get().extras, ...patch }, error: null, ...('depositTendered' in patch ? { confirmTender: false } : {}) }),
  confirmTender: false,
  setConfirmTender: (confirmTender) => set({ confirmTender }),
  requirement: '',
  contactPhone: '',
  priority: DEFAULT_PRIORITY,
  busy: false,
  error: null,
  accepted: null,
  set: (patch) => set({ ...patch, error: null }),
  setTransfer: (patch) => set({ transfer: { ...get().transfer, ...patch }, error: null, ...('tendered' in patch ? { confirmTender: false } : {}) }),
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
    set({ busy: true, error: null, accepted: null, transferred: null, methodChanged: null, unifiedSaved: null, hazardSaved: null });
    if (type === '过户') return submitTransfer(customer.account.id);
    const { extras } = get();
    if (type === '隐患整改') {
      const saved = await call('followUps.hazard', {
        accountId: customer.account.id,
        inspectionYear: extras.inspectionYear,
        arrivalDate: extras.arrivalDate,
        rectificationDate: extras.rectificationDate,
        result: extras.hazardResult,
        rectifier: extras.rectifier,
        consumables: [],
      });
      if (!saved.ok) {
        set({ busy: false, error: acceptanceError(get(), saved.error, 'type', { result: 'hazardResult' }) });
        return false;
      }
      set({ busy: false, extras: emptyExtras, hazardSaved: `整改情况回执已保存，安检结论：${saved.value.conclusion}` });
      return true;
    }
    if (type === '统一装表') {
      const saved = await call('meters.unifiedInstall', {
        accountId: customer.account.id,
        model: extras.model,
        meterNo: extras.meterNo,
        direction: extras.direction,
        baseReading: extras.baseReading,
        installedOn: extras.installedOn,
        switchUnusedToApplied: extras.switchUnusedToApplied,
      });
      if (!saved.ok) {
        set({ busy: false, error: acceptanceError(get(), saved.error, 'type', { accountId: 'type' }) });
        return false;
      }
      await get().load(customer.account.id);
      set({ unifiedSaved: saved.value, extras: emptyExtras, busy: false, type: '点火' });
      return true;
    }
    if (type === '缴费方式变更') {
      const changed = await call('accounts.changePaymentMethod', {
        accountId: customer.account.id,
        toMethod: extras.toMethod,
        bankName: extras.toMethod === '现金' ? '' : extras.bankName,
        bankCardNo: extras.toMethod === '现金' ? '' : extras.bankCardNo,
        cardHolder: extras.toMethod === '现金' ? '' : extras.cardHolder,
      });
      if (!changed.ok) {
        set({ busy: false, error: acceptanceError(get(), changed.error, 'type', { accountId: 'type' }) });
        return false;
      }
      await get().load(customer.account.id);
      set({ methodChanged: changed.value, extras: emptyExtras, busy: false });
      return true;
    }
    if (extras.privateIgnition && type === '点火') {
      // R-PRIV-03: provisional ignition; the gas already used is billed for 前台收费.
      const priv = await call('businesses.privateIgnition', {
        accountId: customer.account.id,
        latestReading: extras.privateReading,
        contactPhone,
        requirement,
        contract: extras.privateContract ? { flameFailureDevice: extras.privateFlame, cookerBrand: extras.privateCooker, cookerYear: '' } : null,
      });
      if (!priv.ok) {
        set({ busy: false, error: acceptanceError(get(), priv.error, 'type', { latestReading: 'privateReading' }) });
        return false;
      }
      await get().load(customer.account.id);
      set({ accepted: { ...priv.value, depositSlipNo: null, depositChangeFen: null, print: null }, requirement: '', busy: false, extras: emptyExtras });
      return true;
    }
    const res = await call('businesses.accept', {
      accountId: customer.account.id,
      type,
      requirement,
      contactPhone,
      priority,
      icToOrdinary: extras.icToOrdinary,
      icTermsAcknowledged: extras.icTermsAcknowledged,
      hoseLength: extras.hoseLength,
      ownershipChanged: type === '启封' && extras.ownershipChanged,
      depositTendered: type === '校表' ? extras.depositTendered : null,
      confirmLargeTender: type === '校表' && get().confirmTender,
    });
    if (!res.ok) {
      set({ busy: false, error: acceptanceError(get(), res.error, 'type') });
      return false;
    }
    const history = await call('businesses.forAccount', { accountId: customer.account.id });
    if (history.ok) set({ history: history.value });
    set({ accepted: res.value, requirement: '', busy: false, priority: DEFAULT_PRIORITY, extras: emptyExtras, confirmTender: false });
    return true;
  },
}));

/** 过户登记 (P-TRF) from the same window: the account changes owner; the history keeps the old one. */
async function submitTransfer(accountId: string): Promise<boolean> {
  const { transfer, contactPhone, load, confirmTender } = useBusinessAcceptance.getState();
  const res = await call('accounts.transfer', {
    accountId,
    newName: transfer.newName,
    contactPhone,
    relative: transfer.relative === '' ? null : transfer.relative,
    proofShown: transfer.proofShown,
    invoiceLost: transfer.invoiceLost,
    lossDeclaration: transfer.lossDeclaration,
    tendered: transfer.tendered.trim() === '' ? null : transfer.tendered,
    confirmLargeTender: confirmTender,
  });
  if (!res.ok) {
    // An arrears refusal names the account; show it at the business type like the other refusals.
    useBusinessAcceptance.setState({ busy: false, error: acceptanceError(useBusinessAcceptance.getState(), res.error, 'type', { accountId: 'type' }) });
    return false;
  }
  await load(accountId);
  useBusinessAcceptance.setState({ transferred: res.value, transfer: emptyTransfer, busy: false, confirmTender: false });
  return true;
}
