/**
 * Tickets, coupons and vouchers given at 前台收费 (DOMAIN §6.2): the draft the clerk types, and what it
 * is worth against the selected bills (the server decides; this is the preview the clerk calls out).
 */
import { create } from 'zustand';
import type { Input } from '../../../preload/contract';
import { parseYuan } from '../../../preload/kernel/money';
import { allocateVolume, paysInVolume, TICKET_VOLUME_CENTI } from '../../../main/domain/tickets';
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

/** Preview: what the tickets pay of the selected bills and the cash still due, or the reason they can't. */
export function ticketPreview(
  d: TicketDraft,
  bills: readonly { id: string; consumption: number; gasFen: number }[],
  prepaidCenti: number,
): { ticketFen: number; ticketCashFen: number; error: string | null } {
  if (!d.enabled) return { ticketFen: 0, ticketCashFen: 0, error: null };
  const count = Number(d.count);
  if (!Number.isInteger(count) || count < 1) return { ticketFen: 0, ticketCashFen: 0, error: null };
  let face = 0;
  try {
    face = d.faceValue.trim() === '' ? 0 : parseYuan(d.faceValue);
  } catch {
    return { ticketFen: 0, ticketCashFen: 0, error: '面值格式不对' };
  }
  if (!paysInVolume(d.kind)) {
    const gas = bills.reduce((a, b) => a + b.gasFen, 0);
    return { ticketFen: Math.min(count * face, gas), ticketCashFen: 0, error: count * face > gas ? '券面合计超过应缴气费，券不找零' : null };
  }
  try {
    const a = allocateVolume(bills, count * TICKET_VOLUME_CENTI + prepaidCenti);
    return { ticketFen: a.ticketFen, ticketCashFen: count * face, error: null };
  } catch (e) {
    return { ticketFen: 0, ticketCashFen: count * face, error: e instanceof Error ? e.message : String(e) };
  }
}
