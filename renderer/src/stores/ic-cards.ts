/**
 * State of the 卡务 (IC card) window: read the card, recharge it, make or replace a card, settle writes
 * left in doubt, census check. Every server error lands on the field it names.
 */
import { create } from 'zustand';
import type { Input, Output } from '../../../preload/contract';
import { call } from '../api/client';
import { GENERAL, placeError, type ShownError } from '../components/ErrorNotice';

type CardView = Output<'cards.read'>;
type Pending = Output<'cards.pending'>[number];
type Flagged = Output<'cards.flagged'>[number];
type Written = Output<'cards.recharge'>;
type Issued = Output<'cards.issue'>;
type Census = Output<'cards.census'>;

export interface IssueDraft {
  issueType: '制作新卡' | '补卡';
  reason: string;
  companyFault: boolean;
  tendered: string;
  /** issue 10 #5: the clerk ticked the confirmation of a tender far above the fee (NEEDS_CONFIRMATION). */
  confirmTender: boolean;
}

interface CardState {
  view: CardView | null;
  /** The customer the clerk picked (for a new card on a blank card) or whose card was read. */
  accountId: string | null;
  accountLabel: string;
  by: 'volume' | 'amount';
  value: string;
  tendered: string;
  /** issue 10 #5: the clerk ticked the confirmation of a tender far above the cash due (NEEDS_CONFIRMATION). */
  confirmTender: boolean;
  issue: IssueDraft;
  pending: Pending[];
  /** Writes settled after their day's close, posted late onto that day (issue 10 #1). */
  flagged: Flagged[];
  written: Written | null;
  issued: Issued | null;
  census: Census | null;
  message: string | null;
  busy: boolean;
  error: ShownError | null;
  set(patch: Partial<Pick<CardState, 'by' | 'value' | 'tendered'>>): void;
  setConfirmTender(v: boolean): void;
  setIssue(patch: Partial<IssueDraft>): void;
  pickAccount(id: string, label: string): void;
  read(): Promise<void>;
  recharge(): Promise<boolean>;
  issueCard(): Promise<void>;
  recover(writeId: string, action: 'retry' | 'abandon'): Promise<void>;
  loadPending(): Promise<void>;
  runCensus(input: Omit<Input<'cards.census'>, 'accountId'>): Promise<void>;
}

const noIssue: IssueDraft = { issueType: '制作新卡', reason: '', companyFault: false, tendered: '', confirmTender: false };

/**
 * The fields 卡务 shows an error at, per panel (issue 10 #16): each action's errors land in its own panel, by
 * the aliases of its input's fields; anything else goes to the window's ErrorNotice.
 */
export const CARD_ERROR_FIELDS = {
  read: ['card'],
  recharge: ['card', 'value', 'tendered'],
  issue: ['issueAccount', 'issueReason', 'issueTendered', 'issue'],
  pending: ['pending'],
  census: ['census'],
} as const;
const CARD_ERROR_ALIASES: Record<string, string> = {
  volume: 'value',
  amount: 'value',
  by: 'value',
  account: 'issueAccount',
  issueType: 'issueReason',
  reason: 'issueReason',
  companyFault: 'issueReason',
  writeId: 'pending',
  action: 'pending',
  remaining: 'census',
  used: 'census',
  from: 'census',
  to: 'census',
};
type Panel = keyof typeof CARD_ERROR_FIELDS;
type ApiError = { code: string; field?: string | undefined; message: string };

export const useIcCards = create<CardState>((set, get) => {
  /** Places an error of the action of `panel`; accountId/tendered/card mean that panel's own field. */
  const place = (error: ApiError, panel: Panel, fallback: string): ShownError => {
    const fields: readonly string[] = panel === 'pending' && get().pending.length === 0 ? [] : CARD_ERROR_FIELDS[panel];
    const own: Record<string, string> =
      panel === 'issue' ? { accountId: 'issueAccount', tendered: 'issueTendered', card: 'issue' } : panel === 'recharge' ? { accountId: 'card' } : {};
    return placeError(error, fields, fallback, { ...CARD_ERROR_ALIASES, ...own });
  };
  const fail = (error: ApiError, panel: Panel, fallback: string) => set({ busy: false, error: place(error, panel, fallback) });
  return {
    view: null,
    accountId: null,
    accountLabel: '',
    by: 'volume',
    value: '',
    tendered: '',
    confirmTender: false,
    issue: noIssue,
    pending: [],
    flagged: [],
    written: null,
    issued: null,
    census: null,
    message: null,
    busy: false,
    error: null,
    // a changed amount is a new question: the confirmation is asked again (issue 10 #5)
    set: (patch) => set({ ...patch, error: null, confirmTender: false }),
    setConfirmTender: (confirmTender) => set({ confirmTender }),
    setIssue: (patch) => set({ issue: { ...get().issue, ...('confirmTender' in patch ? {} : { confirmTender: false }), ...patch }, error: 'confirmTender' in patch ? get().error : null }),
    pickAccount: (accountId, accountLabel) => set({ accountId, accountLabel, error: null, issued: null }),
    async read() {
      set({ busy: true, error: null, written: null, message: null });
      const res = await call('cards.read', {});
      if (!res.ok) return fail(res.error, 'read', 'card');
      const account = res.value.account;
      set({
        view: res.value,
        busy: false,
        ...(account ? { accountId: account.id, accountLabel: `${account.name} ${account.accountNo}` } : {}),
      });
      await get().loadPending();
    },
    async recharge() {
      const { accountId, by, value, tendered, confirmTender } = get();
      if (!accountId) {
        set({ error: place({ code: 'VALIDATION', field: 'card', message: '请先读卡' }, 'recharge', 'card') });
        return false;
      }
      set({ busy: true, error: null, written: null });
      const res = await call('cards.recharge', { accountId, by, value, tendered, confirmLargeTender: confirmTender });
      if (!res.ok) {
        fail(res.error, 'recharge', 'value');
        await get().loadPending();
        return false;
      }
      set({ written: res.value, busy: false, value: '', tendered: '', confirmTender: false });
      void call('display.show', { dueFen: res.value.totalFen, tenderedFen: res.value.tenderedFen, changeFen: res.value.changeFen, slipNo: res.value.slipNo, askRating: true });
      await get().read();
      set({ written: res.value });
      return true;
    },
    async issueCard() {
      const { accountId, issue } = get();
      if (!accountId) {
        set({ error: place({ code: 'VALIDATION', field: 'account', message: '请先检索并选择用户' }, 'issue', 'issueAccount') });
        return;
      }
      set({ busy: true, error: null, issued: null });
      const { confirmTender, ...draft } = issue;
      const res = await call('cards.issue', { accountId, ...draft, tendered: issue.tendered || '0', confirmLargeTender: confirmTender });
      if (!res.ok) return fail(res.error, 'issue', 'issue');
      set({ issued: res.value, busy: false, issue: noIssue });
      await get().read();
    },
    async recover(writeId, action) {
      set({ busy: true, error: null, message: null });
      const res = await call('cards.recover', { writeId, action });
      if (!res.ok) return fail(res.error, 'pending', 'pending');
      const v = res.value;
      const late = !v.abandoned && v.latePosted ? `（该营业日已日结，已补记到 ${v.businessDate}，请主任核查）` : '';
      set({ busy: false, message: v.abandoned ? '已放弃：卡上气量未改变，未收费，请退还现金' : `已确认写卡，核对单 ${v.slipNo}${late}` });
      await get().loadPending();
    },
    async loadPending() {
      const res = await call('cards.pending', {});
      if (res.ok) set({ pending: res.value });
      const flagged = await call('cards.flagged', {});
      if (flagged.ok) set({ flagged: flagged.value });
      // A failed reload shows its answer unless the action's own error is already up.
      const failed = !res.ok ? res.error : !flagged.ok ? flagged.error : null;
      if (failed && !get().error) set({ error: placeError(failed, [], GENERAL) });
    },
    async runCensus(input) {
      const { accountId } = get();
      if (!accountId) {
        set({ error: place({ code: 'VALIDATION', field: 'census', message: '请先读卡或选择用户' }, 'census', 'census') });
        return;
      }
      set({ busy: true, error: null, census: null });
      const res = await call('cards.census', { accountId, ...input });
      if (!res.ok) return fail(res.error, 'census', 'census');
      set({ census: res.value, busy: false });
    },
  };
});
