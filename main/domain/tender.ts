/**
 * One money path (issue 11 #4): what a counter payment asks in cash and hands back as change, for gas
 * bills paid in cash and/or tickets (payBills), an IC-card recharge, and the figures the clerk calls out
 * while typing (payments.quote). R-PAY-07 (change), R-TKT-04 (face-value cash), R-TKT-08/12 (what tickets pay).
 * Pure: the windows show what main computes with these functions, they hold no copy.
 */
import { addFen, changeFor, minFen, parseYuan, subFen, sumFen, timesFen, ZERO_FEN, type Fen } from '../../preload/kernel/money.js';
import type { TicketKind } from '../../preload/kernel/enums.js';
import { centiM3, type CentiM3 } from '../../preload/kernel/volume.js';
import { allocateVolume, paysInVolume, TICKET_VOLUME_CENTI } from './tickets.js';

/** What tickets pay of a payment and the face-value cash they bring with them. */
export interface TicketMoney {
  ticketFen: Fen;
  ticketCashFen: Fen;
}

export interface TenderFigures {
  /** The payment's total: the amount due plus the face-value cash collected with tickets. */
  totalFen: Fen;
  /** What the customer pays in cash: the total less what the tickets pay. */
  cashDueFen: Fen;
}

/**
 * Total and cash due of a payment of `dueFen` (bills or a recharge) with tickets. The amount due includes the
 * bills' late fees, so a ticket payment pays them too, in cash beside the tickets (R-LATE-04).
 */
export function tenderFigures(dueFen: Fen, tickets: TicketMoney): TenderFigures {
  const totalFen = addFen(dueFen, tickets.ticketCashFen);
  return { totalFen, cashDueFen: subFen(totalFen, tickets.ticketFen) };
}

/** The figures of a posted payment; a tender short of the cash due is refused (INSUFFICIENT_TENDER). */
export function settleTender(dueFen: Fen, tickets: TicketMoney, tenderedFen: Fen): TenderFigures & { changeFen: Fen } {
  const figures = tenderFigures(dueFen, tickets);
  return { ...figures, changeFen: changeFor(tenderedFen, figures.cashDueFen) };
}

/**
 * The change of a tender already checked against this cash due (an IC-card write settled once the card shows
 * it: the gas is on the card, so the payment is posted, never refused at that point).
 */
export function changeOfCheckedTender(tenderedFen: Fen, cashDueFen: Fen): Fen {
  return subFen(tenderedFen, cashDueFen);
}

/** The change for what the clerk has typed so far, or null while it is not a valid, sufficient amount. */
export function previewChange(typed: string, cashDueFen: Fen): Fen | null {
  try {
    const tendered = parseYuan(typed);
    return tendered >= cashDueFen ? subFen(tendered, cashDueFen) : null;
  } catch {
    return null;
  }
}

/** Keeps every previewed figure a safe integer of fen (9999 × the largest face value). */
const MAX_PREVIEW_TICKETS = 9999;

/** The tickets the clerk is entering, as typed. */
export interface TicketDraft {
  kind: TicketKind;
  count: string;
  faceValue: string;
}

export interface QuoteBill {
  id: string;
  consumption: CentiM3;
  gasFen: Fen;
  totalFen: Fen;
}

/**
 * Preview of what the tickets being typed pay of the selected bills and the face-value cash, or why they
 * can't; an incomplete draft pays nothing. The payment itself validates and plans them (services/tenders.ts).
 */
export function previewTickets(
  draft: TicketDraft,
  bills: readonly { id: string; consumption: CentiM3; gasFen: Fen }[],
  prepaidCenti: CentiM3,
): TicketMoney & { error: string | null } {
  const count = Number(draft.count);
  // beyond MAX_PREVIEW_TICKETS a count is a typing slip, not tickets (the payment takes at most 200 a line)
  if (!Number.isInteger(count) || count < 1 || count > MAX_PREVIEW_TICKETS) return { ticketFen: ZERO_FEN, ticketCashFen: ZERO_FEN, error: null };
  let face = ZERO_FEN;
  try {
    face = draft.faceValue.trim() === '' ? ZERO_FEN : parseYuan(draft.faceValue);
  } catch {
    return { ticketFen: ZERO_FEN, ticketCashFen: ZERO_FEN, error: '面值格式不对' };
  }
  const faceTotal = timesFen(face, count);
  if (!paysInVolume(draft.kind)) {
    const gas = sumFen(bills.map((b) => b.gasFen));
    return { ticketFen: minFen(faceTotal, gas), ticketCashFen: ZERO_FEN, error: faceTotal > gas ? '券面合计超过应缴气费，券不找零' : null };
  }
  try {
    const a = allocateVolume(bills, centiM3(count * TICKET_VOLUME_CENTI + prepaidCenti));
    return { ticketFen: a.ticketFen, ticketCashFen: faceTotal, error: null };
  } catch (e) {
    return { ticketFen: ZERO_FEN, ticketCashFen: faceTotal, error: e instanceof Error ? e.message : String(e) };
  }
}

export interface TenderQuote extends TicketMoney {
  /** The late fee waived, as typed (0 while empty or not a valid amount). */
  waivedFen: Fen;
  /** The selected bills' amount due less the late fee waived: what the payment must agree with. */
  dueFen: Fen;
  cashDueFen: Fen;
  /** null while the tender typed is not a valid amount covering the cash due. */
  changeFen: Fen | null;
  /** The tender typed, once it covers the cash due (null with changeFen). */
  tenderedFen: Fen | null;
  ticketError: string | null;
}

/** The figures 前台收费 calls out for the selected bills, a waiver, the tickets and the tender typed so far. */
export function quoteTender(input: {
  bills: readonly QuoteBill[];
  waivedFen: Fen;
  tickets: TicketDraft | null;
  prepaidCenti: CentiM3;
  tendered: string;
}): TenderQuote {
  const dueFen = subFen(sumFen(input.bills.map((b) => b.totalFen)), input.waivedFen);
  const tickets = input.tickets ? previewTickets(input.tickets, input.bills, input.prepaidCenti) : { ticketFen: ZERO_FEN, ticketCashFen: ZERO_FEN, error: null };
  const { cashDueFen } = tenderFigures(dueFen, tickets);
  const changeFen = previewChange(input.tendered, cashDueFen);
  return {
    waivedFen: input.waivedFen,
    dueFen,
    ticketFen: tickets.ticketFen,
    ticketCashFen: tickets.ticketCashFen,
    cashDueFen,
    changeFen,
    tenderedFen: changeFen === null ? null : addFen(cashDueFen, changeFen),
    ticketError: tickets.error,
  };
}

/** The waived fen of a waiver as typed, or 0 while it is empty or not a valid amount. */
export function typedWaiverFen(amount: string): Fen {
  if (amount.trim() === '') return ZERO_FEN;
  try {
    return parseYuan(amount);
  } catch {
    return ZERO_FEN;
  }
}
