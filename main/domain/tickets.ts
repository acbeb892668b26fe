/**
 * Gas tickets, coupons and pick-up vouchers as tenders (DOMAIN §6.2). Pure rules, no IO.
 */
import type { TicketKind } from '../../preload/kernel/enums.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { addFen, subFen, ZERO_FEN, type Fen } from '../../preload/kernel/money.js';
import { centiM3, formatVolume, subCenti, type CentiM3 } from '../../preload/kernel/volume.js';

/** R-TKT-03: one bottled-gas ticket = 5 m³ of piped gas. */
export const TICKET_VOLUME_CENTI: CentiM3 = centiM3(500);

/** Tickets that pay in volume (燃气票, 免费供应券) versus coupons that pay in money (优惠券, 提货券, R-TKT-12). */
export function paysInVolume(kind: TicketKind): boolean {
  return kind === '燃气票' || kind === '免费供应券';
}

export type Validity = 'valid' | 'not_yet' | 'expired';

function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * R-TKT-01: valid from the first day of the designated quarter to the last day of the month after the
 * quarter's last month. A-29: a year-only ticket is valid 1 Jan – 31 Jan of the following year.
 */
export function validityWindow(year: number, quarter: number | null): { from: string; to: string } {
  if (quarter === null) return { from: `${year}-01-01`, to: `${year + 1}-01-31` };
  const firstMonth = (quarter - 1) * 3 + 1;
  const graceMonth = firstMonth + 3; // the month after the quarter's last month
  const to = graceMonth > 12 ? lastDayOfMonth(year + 1, graceMonth - 12) : lastDayOfMonth(year, graceMonth);
  return { from: `${year}-${String(firstMonth).padStart(2, '0')}-01`, to };
}

export function ticketValidity(year: number, quarter: number | null, date: string): Validity {
  const { from, to } = validityWindow(year, quarter);
  if (date < from) return 'not_yet';
  if (date > to) return 'expired';
  return 'valid';
}

/** R-TKT-01/02: refuses a ticket outside its window with the seed's words. */
export function assertTicketValid(year: number, quarter: number | null, date: string): void {
  const v = ticketValidity(year, quarter, date);
  const label = quarter === null ? `${year}年` : `${year}年第${quarter}季度`;
  if (v === 'expired') throw new DomainError('TICKET_REFUSED', `${label}的票已过期：请你及时到燃气票发放单位调换 (R-TKT-02)`, 'tickets');
  if (v === 'not_yet') throw new DomainError('TICKET_REFUSED', `${label}的票尚未到期：请你按票面上标明的季度使用 (R-TKT-02)`, 'tickets');
}

export interface TicketBill {
  id: string;
  consumption: CentiM3;
  gasFen: Fen;
}

export interface VolumeAllocation {
  /** Bills paid by tickets (and prepaid volume), oldest first; the rest are paid in cash. */
  ticketBillIds: string[];
  cashBillIds: string[];
  usedCenti: CentiM3;
  /** R-TKT-09: volume left after the ticket bills, kept as prepaid. Always under one ticket. */
  leftoverCenti: CentiM3;
  ticketFen: Fen;
}

/**
 * Allocates a pool of ticket volume (tickets × 5 m³ + prepaid) to the bills in order. A bill is paid
 * wholly by tickets or wholly in cash. Less than one ticket's volume left over is kept as prepaid
 * (R-TKT-09); a whole ticket or more left over means the next bill must be split first (R-TKT-10), or,
 * with no bill left, that the clerk took too many tickets.
 */
export function allocateVolume(bills: readonly TicketBill[], poolCenti: CentiM3): VolumeAllocation {
  let remaining = poolCenti;
  const ticketBillIds: string[] = [];
  const cashBillIds: string[] = [];
  let ticketFen = ZERO_FEN;
  for (const bill of bills) {
    if (cashBillIds.length === 0 && bill.consumption <= remaining) {
      remaining = subCenti(remaining, bill.consumption);
      ticketBillIds.push(bill.id);
      ticketFen = addFen(ticketFen, bill.gasFen);
    } else {
      cashBillIds.push(bill.id);
    }
  }
  if (remaining >= TICKET_VOLUME_CENTI) {
    const next = bills.find((b) => b.id === cashBillIds[0]);
    if (next) {
      throw new DomainError(
        'SPLIT_REQUIRED',
        `票余 ${formatVolume(remaining)} m³ 不足以支付下一笔 ${formatVolume(next.consumption)} m³：请先在该笔拆分 ${formatVolume(remaining)} m³（拆分立方数，R-TKT-10）`,
        'tickets',
      );
    }
    const extra = Math.floor(remaining / TICKET_VOLUME_CENTI);
    throw new DomainError('TICKET_REFUSED', `所收燃气票多于应缴用气量，请退还 ${extra} 张`, 'tickets');
  }
  return { ticketBillIds, cashBillIds, usedCenti: subCenti(poolCenti, remaining), leftoverCenti: remaining, ticketFen };
}

/**
 * R-TKT-11: one set of tickets paying several bills: 实收气票 = 0 on every bill but the last, which carries
 * the actual count.
 */
export function ticketCountsPerBill(billCount: number, tickets: number): number[] {
  return Array.from({ length: billCount }, (_, i) => (i === billCount - 1 ? tickets : 0));
}

/** R-TKT-12: coupons pay face value × count of the gas fee; no change is given for coupons. */
export function assertCouponsFit(value: Fen, dueGasFen: Fen): Fen {
  if (value > dueGasFen) {
    throw new DomainError('TICKET_REFUSED', `券面合计 ${value / 100} 元超过应缴气费 ${dueGasFen / 100} 元，券不找零，请少收一张`, 'tickets');
  }
  return value;
}

/** mean consumption of the last (up to) six billed months; null with no history. */
export function monthlyAverageCenti(recent: readonly CentiM3[]): CentiM3 | null {
  const window = recent.slice(0, 6);
  if (window.length === 0) return null;
  return centiM3(Math.round(window.reduce((a, b) => a + b, 0) / window.length));
}

export interface SoftRuleWarning {
  rule: 'R-TKT-05' | 'R-TKT-06';
  message: string;
}

/**
 * The two (soft) rules of §6.2: warnings the clerk may override with a reason.
 * R-TKT-05: tickets × 5 m³ should not exceed 3 × the monthly average (avg 10 m³ → at most 6 tickets).
 * R-TKT-06: no new tickets while no gas has been used and prepaid ticket volume is still unused.
 */
export function softRuleWarnings(input: {
  tickets: number;
  recentConsumption: readonly CentiM3[];
  prepaidCenti: CentiM3;
}): SoftRuleWarning[] {
  const out: SoftRuleWarning[] = [];
  const avg = monthlyAverageCenti(input.recentConsumption);
  if (avg !== null && input.tickets * TICKET_VOLUME_CENTI > 3 * avg) {
    const maxTickets = Math.floor((3 * avg) / TICKET_VOLUME_CENTI);
    out.push({
      rule: 'R-TKT-05',
      message: `月均用气 ${formatVolume(avg)} m³，原则上最多收 ${maxTickets} 张（3 倍月均），本次 ${input.tickets} 张`,
    });
  }
  const latest = input.recentConsumption[0];
  if (input.prepaidCenti > 0 && latest !== undefined && latest === 0) {
    out.push({
      rule: 'R-TKT-06',
      message: `近期未用气且尚有已结算未用的 ${formatVolume(input.prepaidCenti)} m³，原则上不再收票`,
    });
  }
  return out;
}

/**
 * R-TKT-10: splits an unpaid bill into the ticket part (exactly the split volume, priced with the bill's
 * price, A-12) and the rest, so that the two add up to the original to the fen.
 */
export function splitBill(
  bill: { previousReading: CentiM3; thisReading: CentiM3; consumption: CentiM3; amountFen: Fen; priceFenPerM3: number },
  splitCenti: CentiM3,
  price: (volume: CentiM3, priceFenPerM3: number) => Fen,
): [{ thisReading: CentiM3; consumption: CentiM3; amountFen: Fen }, { previousReading: CentiM3; consumption: CentiM3; amountFen: Fen }] {
  if (!Number.isSafeInteger(splitCenti) || splitCenti <= 0 || splitCenti >= bill.consumption) {
    throw new DomainError('VALIDATION', `拆分立方数须大于 0 且小于本笔用气量 ${formatVolume(bill.consumption)} m³`, 'split');
  }
  const firstAmount = price(splitCenti, bill.priceFenPerM3);
  const mid = centiM3(bill.previousReading + splitCenti);
  return [
    { thisReading: mid, consumption: splitCenti, amountFen: firstAmount },
    { previousReading: mid, consumption: subCenti(bill.consumption, splitCenti), amountFen: subFen(bill.amountFen, firstAmount) },
  ];
}
