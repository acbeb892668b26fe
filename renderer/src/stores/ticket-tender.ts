/**
 * Tickets, coupons and vouchers given at 前台收费 (DOMAIN §6.2): the draft the clerk types. What it is worth
 * against the selected bills is main's figure (payments.quote, issue 11 #4); the payment itself decides.
 */
import { create } from 'zustand';
import type { Input } from '../../../preload/contract';
import type { TicketKind } from '../../../preload/kernel/enums';

export interface TicketDraft {
  enabled: boolean;
  kind: TicketKind;
  year: string;
  /** '' = a year-only ticket. */
  quarter: string;
  count: string;
  faceValue: string;
  backName: string;
  backAddress: string;
  overrideReason: string;
  split: string;
}

interface TicketState extends TicketDraft {
  set(patch: Partial<TicketDraft>): void;
  reset(businessDate?: string): void;
}

function defaults(businessDate = new Date().toISOString().slice(0, 10)): TicketDraft {
  const month = Number(businessDate.slice(5, 7));
  return {
    enabled: false,
    kind: '燃气票',
    year: businessDate.slice(0, 4),
    quarter: String(Math.floor((month - 1) / 3) + 1),
    count: '',
    faceValue: '',
    backName: '',
    backAddress: '',
    overrideReason: '',
    split: '',
  };
}

export const useTicketTender = create<TicketState>((set) => ({
  ...defaults(),
  set: (patch) => set(patch),
  reset: (businessDate) => set(defaults(businessDate)),
}));

type Line = NonNullable<Input<'payments.payCash'>['tickets']>[number];

/** The tickets and overrides to send, or nothing when no tickets are taken. */
export function ticketPayload(d: TicketDraft): { tickets: Line[]; overrides: { rule: 'R-TKT-05' | 'R-TKT-06'; reason: string }[] } {
  if (!d.enabled) return { tickets: [], overrides: [] };
  const line: Line = {
    kind: d.kind,
    year: Number(d.year),
    quarter: d.quarter === '' ? null : Number(d.quarter),
    count: Number(d.count),
    faceValue: d.faceValue.trim() === '' ? '0' : d.faceValue,
    backName: d.backName,
    backAddress: d.backAddress,
  };
  const reason = d.overrideReason.trim();
  return {
    tickets: [line],
    overrides: reason === '' ? [] : [{ rule: 'R-TKT-05', reason }, { rule: 'R-TKT-06', reason }],
  };
}

/** The draft as main quotes it (payments.quote), or null when no tickets are taken. */
export function ticketQuoteDraft(d: TicketDraft): NonNullable<Input<'payments.quote'>['tickets']> | null {
  return d.enabled ? { kind: d.kind, count: d.count, faceValue: d.faceValue } : null;
}
