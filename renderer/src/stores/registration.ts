/** State of the 用户报装 (普通用户登记) window. Values are kept as typed; main validates (DOMAIN §5). */
import { create } from 'zustand';
import type { Input, Output } from '../../../preload/contract';
import { call } from '../api/client';

type RegisterInput = Input<'accounts.register'>;
type Registered = Output<'accounts.register'>;
export type FeePathKind = RegisterInput['feePath']['kind'];

export interface RegistrationValues {
  name: string;
  address: string;
  community: string;
  area: string;
  meterReader: string;
  readingCycle: '每月' | '单月' | '双月';
  customerType: RegisterInput['customerType'];
  paymentMethod: RegisterInput['paymentMethod'];
  bankCardNo: string;
  bankName: string;
  cardHolder: string;
  smsNumber: string;
  smsCompany: string;
  applicationNature: RegisterInput['applicationNature'];
  applicationDate: string;
  invoiceDate: string;
  installRequirements: string;
  book: string;
  building: string;
  unit: string;
  room: string;
  areaType: RegisterInput['areaType'];
  buildingType: RegisterInput['buildingType'];
  connectionFee: string;
  contactPhone: string;
  priority: RegisterInput['priority'];
  feePathKind: FeePathKind;
  invoiceNo: string;
  ledgerRecordFound: boolean;
  lossDeclaration: boolean;
  feeClass: 'A' | 'B';
  developerCertificate: boolean;
  propertyCertificate: boolean;
  tendered: string;
  transferWithRegistration: boolean;
}

export function initialValues(today: string): RegistrationValues {
  return {
    name: '',
    address: '',
    community: '',
    area: '',
    meterReader: '',
    readingCycle: '每月',
    customerType: '抄表',
    paymentMethod: '现金',
    bankCardNo: '',
    bankName: '',
    cardHolder: '',
    smsNumber: '',
    smsCompany: '',
    applicationNature: '散户',
    applicationDate: today,
    invoiceDate: today,
    installRequirements: '',
    book: '',
    building: '',
    unit: '',
    room: '',
    areaType: '老',
    buildingType: '多层',
    connectionFee: '2400.00',
    contactPhone: '',
    priority: '等待安排',
    feePathKind: 'unpaid',
    invoiceNo: '',
    ledgerRecordFound: false,
    lossDeclaration: false,
    feeClass: 'A',
    developerCertificate: false,
    propertyCertificate: false,
    tendered: '',
    transferWithRegistration: false,
  };
}

function feePath(v: RegistrationValues): RegisterInput['feePath'] {
  switch (v.feePathKind) {
    case 'invoice':
      return { kind: 'invoice', invoiceNo: v.invoiceNo };
    case 'lost_before_2006':
      return { kind: 'lost_before_2006', ledgerRecordFound: v.ledgerRecordFound, lossDeclaration: v.lossDeclaration };
    case 'lost_after_2006':
      return {
        kind: 'lost_after_2006',
        feeClass: v.feeClass,
        developerCertificate: v.developerCertificate,
        propertyCertificate: v.propertyCertificate,
        lossDeclaration: v.lossDeclaration,
      };
    case 'unpaid':
      return { kind: 'unpaid' };
  }
}

interface RegistrationState {
  values: RegistrationValues | null;
  busy: boolean;
  error: { field: string; message: string; code?: string } | null;
  /** issue 10 #5: the clerk ticked the confirmation of a tender far above the connection fee (NEEDS_CONFIRMATION). */
  confirmTender: boolean;
  setConfirmTender(v: boolean): void;
  done: Registered | null;
  start(today: string): void;
  set(patch: Partial<RegistrationValues>): void;
  submit(): Promise<boolean>;
}

export const useRegistration = create<RegistrationState>((set, get) => ({
  values: null,
  busy: false,
  error: null,
  confirmTender: false,
  setConfirmTender: (confirmTender) => set({ confirmTender }),
  done: null,
  start: (today) => set({ values: initialValues(today), error: null, done: null, confirmTender: false }),
  set(patch) {
    const values = get().values;
    // a changed amount is a new question: the confirmation is asked again (issue 10 #5)
    if (values) set({ values: { ...values, ...patch }, error: null, ...('tendered' in patch || 'connectionFee' in patch ? { confirmTender: false } : {}) });
  },
  async submit() {
    const v = get().values;
    if (!v) return false;
    set({ busy: true, error: null, done: null });
    const res = await call('accounts.register', {
      name: v.name,
      address: v.address,
      community: v.community,
      area: v.area,
      meterReader: v.meterReader,
      readingCycle: v.readingCycle,
      customerType: v.customerType,
      paymentMethod: v.paymentMethod,
      bankCardNo: v.bankCardNo,
      bankName: v.bankName,
      cardHolder: v.cardHolder,
      smsNumber: v.smsNumber,
      smsCompany: v.smsCompany,
      applicationNature: v.applicationNature,
      applicationDate: v.applicationDate,
      invoiceDate: v.invoiceDate,
      installRequirements: v.installRequirements,
      seq: { book: v.book, building: v.building, unit: v.unit, room: v.room },
      areaType: v.areaType,
      buildingType: v.buildingType,
      connectionFee: v.connectionFee,
      contactPhone: v.contactPhone,
      priority: v.priority,
      feePath: feePath(v),
      tendered: v.feePathKind === 'unpaid' ? v.tendered : null,
      transferWithRegistration: v.transferWithRegistration,
      confirmLargeTender: get().confirmTender,
    });
    if (!res.ok) {
      set({ busy: false, error: { field: res.error.field ?? 'name', message: res.error.message, code: res.error.code } });
      return false;
    }
    set({ busy: false, done: res.value, confirmTender: false });
    return true;
  },
}));
