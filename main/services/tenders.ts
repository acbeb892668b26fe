/**
 * Tickets, coupons and vouchers as tenders of a gas payment (DOMAIN §6.2): validity, allocation of
 * ticket volume to bills, soft-rule checks with overrides, and the rows that record them. Runs inside
 * the payment's transaction.
 */
import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import type { Tx } from '../../db/open.js';
import { accounts, bills, ruleOverrides, ticketBillItems, ticketTenders } from '../../db/schema.js';
import type { TicketKind } from '../../preload/kernel/enums.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { minFen, subFen, sumFen, timesFen, ZERO_FEN, type Fen } from '../../preload/kernel/money.js';
import {
  allocateVolume,
  assertTicketValid,
  assertCouponsFit,
  paysInVolume,
  softRuleWarnings,
  TICKET_VOLUME_CENTI,
  ticketCountsPerBill,
} from '../domain/tickets.js';
import { centiM3, subCenti, ZERO_CENTI, type CentiM3 } from '../../preload/kernel/volume.js';
import { uuidv7 } from '../ids.js';
import type { UnpaidBill } from './billing.js';
import type { AccountId, BillId, PaymentId } from '../domain/ids.js';


export interface TicketLine {
  kind: TicketKind;
  year: number;
  /** null: a year-only ticket. */
  quarter: number | null;
  count: number;
  /** 面值 per ticket: the cash collected with a face-value 燃气票 (R-TKT-04), or a coupon's value (R-TKT-12). */
  faceValueFen: Fen;
  backName: string;
  backAddress: string;
}

export interface RuleOverride {
  rule: string;
  reason: string;
}

export interface TenderPlan {
  method: string;
  ticketFen: Fen;
  ticketCashFen: Fen;
  prepaidDeltaCenti: CentiM3;
  /** Per bill id: what the tickets paid (R-TKT-08/11). */
  perBill: { billId: BillId; ticketCount: number; volumeCenti: CentiM3; ticketFen: Fen }[];
  lines: TicketLine[];
  overrides: RuleOverride[];
}

export const NO_TICKETS: TenderPlan = { method: '现金', ticketFen: ZERO_FEN, ticketCashFen: ZERO_FEN, prepaidDeltaCenti: ZERO_CENTI, perBill: [], lines: [], overrides: [] };

function recentConsumption(tx: Tx, accountId: string): CentiM3[] {
  return tx
    .select({ c: bills.consumptionCenti })
    .from(bills)
    .where(and(eq(bills.accountId, accountId), isNull(bills.splitFrom), ne(bills.source, 'meter_change'), ne(bills.status, '已更正')))
    .orderBy(desc(bills.readingDate), desc(bills.createdAt))
    .limit(6)
    .all()
    .map((r) => centiM3(r.c));
}

/**
 * R-TKT-01/02/04/07/12: every line valid on the day, one family of tickets per payment, the name and
 * address from the back. Returns whether the tickets pay in volume (燃气票, 免费供应券).
 */
export function validateTicketLines(lines: readonly TicketLine[], businessDate: string): boolean {
  const first = lines[0];
  if (!first) throw new DomainError('VALIDATION', '请登记所收的票', 'tickets');
  const volume = paysInVolume(first.kind);
  for (const line of lines) {
    if (paysInVolume(line.kind) !== volume) {
      throw new DomainError('VALIDATION', '燃气票（免费供应券）与优惠券（提货券）请分两次缴费', 'tickets');
    }
    if (!Number.isSafeInteger(line.count) || line.count < 1) throw new DomainError('VALIDATION', '实收气票张数须为正整数', 'tickets');
    if (line.quarter !== null && (line.quarter < 1 || line.quarter > 4)) throw new DomainError('VALIDATION', '季度须为 1–4', 'tickets');
    if (line.kind === '免费供应券' && line.faceValueFen !== 0) throw new DomainError('VALIDATION', '免费供应券不收现金 (R-TKT-04)', 'tickets');
    if (!volume && line.faceValueFen <= 0) throw new DomainError('VALIDATION', '请输入每张券的面值 (R-TKT-12)', 'tickets');
    if (line.backName.trim() === '' || line.backAddress.trim() === '') {
      throw new DomainError('VALIDATION', '请你写下你的地址与姓名：票背面的姓名和地址必须登记 (R-TKT-07)', 'ticketBack');
    }
    assertTicketValid(line.year, line.quarter, businessDate);
  }
  return volume;
}

/** Validates the tickets and works out what they pay, before anything is written. */
export function planTenders(
  tx: Tx,
  input: { accountId: AccountId; bills: readonly UnpaidBill[]; lines: readonly TicketLine[]; overrides: readonly RuleOverride[]; businessDate: string },
): TenderPlan {
  const lines = input.lines;
  const first = lines[0];
  if (!first) return NO_TICKETS;
  const volume = validateTicketLines(lines, input.businessDate);
  const count = lines.reduce((n, l) => n + l.count, 0);
  const method = first.kind;
  if (!volume) {
    const gasDue = sumFen(input.bills.map((b) => b.gasFen));
    const ticketFen = assertCouponsFit(sumFen(lines.map((l) => timesFen(l.faceValueFen, l.count))), gasDue);
    const counts = ticketCountsPerBill(input.bills.length, count);
    let left = ticketFen;
    const perBill = input.bills.map((b, i) => {
      const paid = minFen(left, b.gasFen);
      left = subFen(left, paid);
      return { billId: b.id, ticketCount: counts[i] ?? 0, volumeCenti: ZERO_CENTI, ticketFen: paid };
    });
    return { method, ticketFen, ticketCashFen: ZERO_FEN, prepaidDeltaCenti: ZERO_CENTI, perBill, lines: [...lines], overrides: checkOverrides([], input.overrides) };
  }
  const account = tx.select({ prepaid: accounts.prepaidVolumeCenti }).from(accounts).where(eq(accounts.id, input.accountId)).get();
  const prepaid = centiM3(account?.prepaid ?? 0);
  const warnings = softRuleWarnings({ tickets: count, recentConsumption: recentConsumption(tx, input.accountId), prepaidCenti: prepaid });
  const overrides = checkOverrides(warnings, input.overrides);
  const allocation = allocateVolume(
    input.bills.map((b) => ({ id: b.id, consumption: b.consumption, gasFen: b.gasFen })),
    centiM3(count * TICKET_VOLUME_CENTI + prepaid),
  );
  const ticketBills = input.bills.filter((b) => allocation.ticketBillIds.includes(b.id));
  if (ticketBills.length === 0) {
    throw new DomainError('SPLIT_REQUIRED', '所收燃气票不足以支付任何一笔费用，请先拆分立方数 (R-TKT-10)', 'tickets');
  }
  const counts = ticketCountsPerBill(ticketBills.length, count);
  return {
    method,
    ticketFen: allocation.ticketFen,
    ticketCashFen: sumFen(lines.map((l) => timesFen(l.faceValueFen, l.count))),
    prepaidDeltaCenti: subCenti(allocation.leftoverCenti, prepaid),
    perBill: ticketBills.map((b, i) => ({ billId: b.id, ticketCount: counts[i] ?? 0, volumeCenti: b.consumption, ticketFen: b.gasFen })),
    lines: [...lines],
    overrides,
  };
}

/** every soft-rule warning needs the clerk's override with a reason; otherwise nothing is posted. */
function checkOverrides(warnings: readonly { rule: string; message: string }[], overrides: readonly RuleOverride[]): RuleOverride[] {
  const missing = warnings.filter((w) => !overrides.some((o) => o.rule === w.rule && o.reason.trim().length >= 2));
  if (missing.length > 0) {
    throw new DomainError('SOFT_RULE', missing.map((w) => `${w.rule}: ${w.message}。如确需收取，请填写原因`).join('；'), 'override');
  }
  return warnings.map((w) => ({ rule: w.rule, reason: overrides.find((o) => o.rule === w.rule)?.reason.trim() ?? '' }));
}

/** Writes the tenders of a posted payment: ticket lines, per-bill 实收气票, overrides and the prepaid volume. */
export function recordTenders(tx: Tx, plan: TenderPlan, input: { paymentId: PaymentId; accountId: AccountId; clerkId: string }): void {
  for (const line of plan.lines) {
    const volume = paysInVolume(line.kind);
    tx.insert(ticketTenders)
      .values({
        id: uuidv7(),
        paymentId: input.paymentId,
        kind: line.kind,
        year: line.year,
        quarter: line.quarter,
        count: line.count,
        faceValueFen: line.faceValueFen,
        volumeCenti: volume ? line.count * TICKET_VOLUME_CENTI : 0,
        valueFen: volume ? 0 : line.count * line.faceValueFen,
        backName: line.backName.trim(),
        backAddress: line.backAddress.trim(),
      })
      .run();
  }
  for (const b of plan.perBill) tx.insert(ticketBillItems).values({ id: uuidv7(), paymentId: input.paymentId, ...b }).run();
  for (const o of plan.overrides) {
    tx.insert(ruleOverrides).values({ id: uuidv7(), paymentId: input.paymentId, rule: o.rule, reason: o.reason, clerkId: input.clerkId }).run();
  }
  if (plan.prepaidDeltaCenti !== 0) adjustPrepaid(tx, input.accountId, plan.prepaidDeltaCenti);
}

export function adjustPrepaid(tx: Tx, accountId: AccountId, deltaCenti: CentiM3): void {
  const row = tx.select({ prepaid: accounts.prepaidVolumeCenti }).from(accounts).where(eq(accounts.id, accountId)).get();
  const next = (row?.prepaid ?? 0) + deltaCenti;
  if (next < 0) throw new DomainError('NOT_REVERSIBLE', '预存气量已被后续缴费使用，请先冲正后续的缴费', 'payment');
  tx.update(accounts).set({ prepaidVolumeCenti: next }).where(eq(accounts.id, accountId)).run();
}
