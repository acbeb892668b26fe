/**
 * State of the 前台收费 window: search → pick the customer → unpaid list → (reading entry) → cash payment
 * → check slip. Every server error lands on the field it names.
 */
import { create } from 'zustand';
import type { Input, Output } from '../../../preload/contract';
import { READING_SOURCES_AT_COUNTER } from '../../../preload/contract';
import { call } from '../api/client';
import { placeError, type ShownError } from '../components/ErrorNotice';
import { useCustomerSearch } from './customer-search';
import { ticketPayload, ticketQuoteDraft, useTicketTender } from './ticket-tender';

type Unpaid = Output<'bills.unpaid'>;
type Paid = Output<'payments.payCash'>;
type Printed = Output<'receipts.reprint'>;
/** Main's figures for the form as it stands (issue 11 #4): due, tickets, cash due, change. */
export type Quote = Output<'payments.quote'>;
export type ReadingSource = (typeof READING_SOURCES_AT_COUNTER)[number];

/** R-LATE-05: a late-fee waiver being entered for one bill, with the director's sign-in when needed. */
export interface WaiverDraft {
  billId: string;
  amount: string;
  reason: string;
  approverLogin: string;
  approverPassword: string;
}

const noWaiver: WaiverDraft = { billId: '', amount: '', reason: '', approverLogin: '', approverPassword: '' };

export type FieldError = ShownError;

/**
 * The fields 前台收费 shows an error at (issue 10 #16); any other error goes to the window's ErrorNotice.
 * Schema paths of the payment (tickets.0.backName, waivers.0.amount, approver.password) map by alias.
 */
export const FEE_ERROR_FIELDS = [
  'account', 'reading', 'tendered', 'billIds', 'receipt', 'tickets', 'ticketBack', 'ticketBackName', 'ticketBackAddress',
  'faceValue', 'override', 'split', 'billId', 'waiver', 'waiverReason', 'approver', 'correction', 'correctionReading', 'correctionReason',
] as const;
const FEE_ERROR_ALIASES: Record<string, string> = {
  backName: 'ticketBackName',
  backAddress: 'ticketBackAddress',
  count: 'tickets',
  year: 'tickets',
  quarter: 'tickets',
  kind: 'tickets',
  overrides: 'override',
  waivers: 'waiver',
  amount: 'waiver',
  reason: 'waiverReason',
  expectedTotalFen: 'tendered',
};

/** A server error as this window shows it: at its field, or in the general message. */
export function feeError(error: { code: string; message: string; field?: string | undefined }, fallback: string): FieldError {
  return placeError(error, FEE_ERROR_FIELDS, fallback, FEE_ERROR_ALIASES);
}

/** issue 10 #5: correcting the reading of an unpaid counter-read bill; since issue 15 #3 a request the manager approves (R-SEC-09). */
export interface CorrectionDraft {
  billId: string;
  reading: string;
  reason: string;
  confirm: boolean;
  /** R-SEC-10: the meter is faulty, the corrected reading is an estimate. */
  estimated: boolean;
}


interface FeeState {
  unpaid: Unpaid | null;
  selectedBills: string[];
  reading: string;
  readingSource: ReadingSource;
  tendered: string;
  busy: boolean;
  error: FieldError | null;
  paid: Paid | null;
  receipt: Printed | null;
  waiver: WaiverDraft;
  /** What main computed for the selection, waiver, tickets and tender typed (null until it answers). */
  quote: Quote | null;
  /** issue 10 #5: the clerk ticked the confirmation the server asked for (NEEDS_CONFIRMATION). */
  confirmReading: boolean;
  confirmTender: boolean;
  correction: CorrectionDraft | null;
  /** issue 15 #3: the last correction request sent, waiting for the manager (R-SEC-09). */
  correctionRequested: string | null;
  setConfirmReading(v: boolean): void;
  setConfirmTender(v: boolean): void;
  openCorrection(billId: string | null): void;
  setCorrection(patch: Partial<CorrectionDraft>): void;
  submitCorrection(): Promise<boolean>;
  setWaiver(patch: Partial<WaiverDraft>): void;
  setReading(v: string): void;
  setReadingSource(v: ReadingSource): void;
  setTendered(v: string): void;
  toggleBill(id: string): void;
  choose(accountId: string): Promise<void>;
  refreshUnpaid(): Promise<void>;
  enterReading(): Promise<void>;
  /** R-TKT-10: splits the first selected bill so tickets can pay exactly `volume` m³ of it. */
  splitFirst(volume: string): Promise<void>;
  pay(): Promise<boolean>;
  /** After 冲正: the form starts afresh, the bills and the search list's marker are reloaded (issue 10 #17). */
  reversed(print: Printed): Promise<void>;
  reprint(): Promise<void>;
  reset(): void;
}

const blank = {
  unpaid: null,
  selectedBills: [],
  reading: '',
  readingSource: 'notice' as ReadingSource,
  tendered: '',
  busy: false,
  error: null,
  paid: null,
  receipt: null,
  waiver: noWaiver,
  quote: null as Quote | null,
  confirmReading: false,
  confirmTender: false,
  correction: null as CorrectionDraft | null,
  correctionRequested: null as string | null,
};

export const useFeeCollection = create<FeeState>((set, get) => ({
  ...blank,
  setReading: (reading) => set({ reading, error: null, confirmReading: false }),
  setConfirmReading: (confirmReading) => set({ confirmReading }),
  setConfirmTender: (confirmTender) => set({ confirmTender }),
  openCorrection: (billId) => set({ correction: billId ? { billId, reading: '', reason: '', confirm: false, estimated: false } : null, error: null }),
  setCorrection(patch) {
    const current = get().correction;
    if (!current) return;
    const changed = patch.reading !== undefined && patch.reading !== current.reading;
    set({ correction: { ...current, ...patch, ...(changed ? { confirm: false } : {}) }, error: null });
  },
  async submitCorrection() {
    const { unpaid, correction } = get();
    if (!unpaid || !correction) return false;
    set({ busy: true, error: null });
    const res = await call('corrections.requestReading', {
      billId: correction.billId,
      reading: correction.reading,
      reason: correction.reason,
      estimated: correction.estimated,
      confirmUnusual: correction.confirm,
    });
    if (!res.ok) {
      const field = res.error.field === 'reading' ? 'correctionReading' : res.error.field === 'reason' ? 'correctionReason' : 'correction';
      set({ busy: false, error: { ...feeError(res.error, 'correction'), field } });
      return false;
    }
    // R-SEC-09: nothing changes until the office manager approves (更正审批, Alt+A); the list stays as it is
    set({ busy: false, correction: null, correctionRequested: `更正申请已提交，待营业厅主任审批（Alt+A 更正审批；批准后按 F5 刷新）：${res.value.summary}` });
    return true;
  },
  setReadingSource: (readingSource) => set({ readingSource }),
  setTendered(tendered) {
    set({ tendered, error: null, confirmTender: false });
    requestQuote(TYPING_QUOTE_DELAY_MS);
  },
  setWaiver(patch) {
    set({ waiver: { ...get().waiver, ...patch }, error: null });
    requestQuote(TYPING_QUOTE_DELAY_MS);
  },
  toggleBill(id) {
    const selected = get().selectedBills;
    // another selection is another amount due: a large-tender confirmation given for the old one lapses (issue 10 #5)
    set({ selectedBills: selected.includes(id) ? selected.filter((b) => b !== id) : [...selected, id], confirmTender: false });
    requestQuote(0);
  },
  async choose(accountId) {
    set({ paid: null, receipt: null, tendered: '', reading: '', error: null, confirmReading: false, confirmTender: false, correction: null });
    useTicketTender.getState().reset();
    await loadUnpaid(accountId, set);
  },
  async refreshUnpaid() {
    const account = get().unpaid?.account;
    if (account) await loadUnpaid(account.id, set);
    // issue 15 #3: after an approved correction the search list's marker follows the new bill
    if (account) syncHit(get().unpaid);
  },
  async enterReading() {
    const { unpaid, reading, readingSource, confirmReading } = get();
    if (!unpaid) return;
    set({ busy: true, error: null });
    const res = await call('bills.enterReading', { accountId: unpaid.account.id, reading, source: readingSource, confirmUnusual: confirmReading });
    if (!res.ok) {
      set({ busy: false, error: feeError(res.error, 'reading') });
      return;
    }
    set({ reading: '', confirmReading: false });
    await loadUnpaid(unpaid.account.id, set);
    // The new bill shows in the search list's marker at once, as after a payment (issue 10 #17).
    syncHit(get().unpaid);
  },
  async splitFirst(volume) {
    const { unpaid, selectedBills } = get();
    const first = unpaid?.bills.find((b) => selectedBills.includes(b.id));
    if (!unpaid || !first) return;
    set({ busy: true, error: null });
    const res = await call('bills.split', { billId: first.id, split: volume });
    if (!res.ok) {
      set({ busy: false, error: feeError(res.error, 'split') });
      return;
    }
    useTicketTender.getState().set({ split: '' });
    await loadUnpaid(unpaid.account.id, set, false);
  },
  async pay() {
    const { unpaid, selectedBills, tendered, waiver, confirmTender } = get();
    if (!unpaid) return false;
    set({ busy: true, error: null });
    // the total the clerk called out: main's quote for exactly this form (fetched now if typing outran it)
    const quote = await currentQuote();
    const waived = quote?.waivedFen ?? 0;
    const due = quote?.dueFen ?? 0;
    const res = await call('payments.payCash', {
      accountId: unpaid.account.id,
      billIds: selectedBills,
      tendered,
      expectedTotalFen: due,
      waivers: waived > 0 ? [{ billId: waiver.billId, amount: waiver.amount, reason: waiver.reason }] : [],
      approver: waived > 0 && waiver.approverLogin.trim() !== '' ? { login: waiver.approverLogin, password: waiver.approverPassword } : null,
      ...ticketPayload(useTicketTender.getState()),
      confirmLargeTender: confirmTender,
    });
    if (!res.ok) {
      set({ busy: false, error: feeError(res.error, 'tendered') });
      return false;
    }
    set({ paid: res.value, receipt: res.value.print, busy: false, waiver: noWaiver, confirmTender: false });
    useTicketTender.getState().reset(unpaid.businessDate);
    // The customer display calls out the figures and asks for the rating (R-PAY-07, R-GEN-02).
    void call('display.show', {
      dueFen: res.value.totalFen,
      tenderedFen: res.value.tenderedFen,
      changeFen: res.value.changeFen,
      slipNo: res.value.slipNo,
      askRating: true,
    });
    await loadUnpaid(unpaid.account.id, set, false);
    syncHit(get().unpaid);
    return true;
  },
  async reversed(print) {
    const account = get().unpaid?.account;
    // No stale 实收, change preview, waiver or tickets; the slip shown is the reversal's own voucher.
    useTicketTender.getState().reset(get().unpaid?.businessDate);
    // The #5 confirmations and an open correction belong to the form before the 冲正 too.
    set({ paid: null, receipt: print, tendered: '', reading: '', waiver: noWaiver, ...shown('', null), error: null, confirmReading: false, confirmTender: false, correction: null });
    if (!account) return;
    await loadUnpaid(account.id, set);
    syncHit(get().unpaid);
  },
  async reprint() {
    const slipNo = get().paid?.slipNo ?? get().receipt?.slipNo;
    if (!slipNo) return;
    const res = await call('receipts.reprint', { slipNo });
    if (res.ok) set({ receipt: res.value });
    else set({ error: feeError({ ...res.error, field: 'receipt' }, 'receipt') });
  },
  reset: () => {
    useTicketTender.getState().reset();
    set({ ...blank, ...shown('', null) });
  },
}));

/**
 * Keeps the search results honest: the customer's unpaid marker changes at once after a payment or a 冲正.
 * The search list shows gas without the late fee, as the server's search does, and its header says so.
 */
function syncHit(after: Unpaid | null): void {
  if (!after) return;
  useCustomerSearch.getState().updateHit(after.account.id, {
    unpaidCount: after.bills.length,
    unpaidFen: after.gasFen,
  });
}

/** Typing in 实收, a waiver or the tickets asks main again once the keys pause this long (ms). */
const TYPING_QUOTE_DELAY_MS = 40;

type QuoteInput = Input<'payments.quote'>;

/** What main is asked to quote for a form; null without a customer. */
function quoteInput(s: Pick<FeeState, 'unpaid' | 'selectedBills' | 'waiver' | 'tendered'>): QuoteInput | null {
  if (!s.unpaid) return null;
  const w = s.waiver;
  return {
    accountId: s.unpaid.account.id,
    billIds: s.selectedBills,
    waiver: w.billId !== '' && s.selectedBills.includes(w.billId) ? { billId: w.billId, amount: w.amount } : null,
    tickets: ticketQuoteDraft(useTicketTender.getState()),
    tendered: s.tendered,
  };
}

let quoteSeq = 0;
let quotedKey = '';
let quoteTimer: ReturnType<typeof setTimeout> | null = null;

/** Asks main for the figures of `input`. */
async function fetchQuote(input: QuoteInput): Promise<Quote | null> {
  const res = await call('payments.quote', input);
  return res.ok ? res.value : null;
}

/** The figures shown are those of `key` (the quote's input). */
function shown(key: string, quote: Quote | null): { quote: Quote | null } {
  quotedKey = quote ? key : '';
  return { quote };
}

/** Re-quotes the form after `delay` ms (typing) or at once (a bill ticked). */
function requestQuote(delay: number): void {
  if (quoteTimer !== null) clearTimeout(quoteTimer);
  quoteTimer = setTimeout(() => {
    quoteTimer = null;
    const input = quoteInput(useFeeCollection.getState());
    const key = JSON.stringify(input);
    if (!input || key === quotedKey) return;
    const seq = ++quoteSeq;
    void fetchQuote(input).then((quote) => {
      // only the newest answer, and only while the form still is what was asked (not one loaded since)
      if (quote && seq === quoteSeq && JSON.stringify(quoteInput(useFeeCollection.getState())) === key) useFeeCollection.setState(shown(key, quote));
    });
  }, delay);
}

/** The quote of the form as it stands now, asked for if the one shown is for other figures. */
async function currentQuote(): Promise<Quote | null> {
  if (quoteTimer !== null) {
    clearTimeout(quoteTimer);
    quoteTimer = null;
  }
  const state = useFeeCollection.getState();
  const input = quoteInput(state);
  if (!input) return null;
  const key = JSON.stringify(input);
  if (state.quote && key === quotedKey) return state.quote;
  quoteSeq += 1; // an answer still on its way is for other figures
  const quote = await fetchQuote(input);
  if (quote) useFeeCollection.setState(shown(key, quote));
  return quote;
}

// The tickets being typed change the figures too.
useTicketTender.subscribe(() => requestQuote(TYPING_QUOTE_DELAY_MS));

async function loadUnpaid(
  accountId: string,
  set: (partial: Partial<FeeState>) => void,
  clearPaid = true,
): Promise<void> {
  const res = await call('bills.unpaid', { accountId });
  if (res.ok) {
    const selectedBills = res.value.bills.map((b) => b.id);
    // the due is shown with the list, not a moment after it
    const input = quoteInput({ ...useFeeCollection.getState(), unpaid: res.value, selectedBills });
    quoteSeq += 1; // an answer still on its way is for the list before this one
    const quote = input ? await fetchQuote(input) : null;
    set({
      unpaid: res.value,
      selectedBills,
      ...shown(JSON.stringify(input), quote),
      busy: false,
      ...(clearPaid ? { paid: null } : {}),
    });
    if (clearPaid) {
      void call('display.show', { dueFen: res.value.totalFen, tenderedFen: null, changeFen: null, slipNo: null, askRating: false });
    }
  } else {
    set({ busy: false, error: feeError({ ...res.error, field: 'account' }, 'account') });
  }
}
