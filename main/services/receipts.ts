/**
 * Printing check slips (核对单). The first successful print of a slip is the original; every later print
 * is marked 副本 (R-INV-03, A-14). Each attempt is logged; a printer fault never touches the payment.
 */
import { OFF_COUNTER_METHODS } from '../domain/payment-channels.js';
import { and, asc, desc, eq, isNull, lt, notExists, notInArray, type SQL } from 'drizzle-orm';
import { accounts, bills, cardWriteOutcomes, cardWrites, checkSlips, counters, halls, paymentItems, payments, reversals, slipPrints, staff, ticketTenders } from '../../db/schema.js';
import { invoiceExchangeable, layoutCheckSlip, type CheckSlipData } from '../domain/check-slip.js';
import type { SlipLine } from '../../preload/kernel/slip-line.js';
import { businessDateOf, localDateTime } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import type { ReceiptPrinter } from '../../hardware/printer/printer.js';
import { printSlip } from '../../hardware/printer/slip-job.js';
import { appendAudit } from './audit.js';
import { uuidv7 } from '../ids.js';
import type { Actor, ServiceDeps } from './context.js';
import { fen } from '../../preload/kernel/money.js';
import { centiM3 } from '../../preload/kernel/volume.js';

export interface PrintOutcome {
  slipNo: string;
  copy: boolean;
  printed: boolean;
  message: string | null;
  lines: string[];
  /** false on a reversal voucher or a reversed payment's slip: the counter offers no 核对单换发票 (issue 10 #6). */
  invoiceable: boolean;
  /** Printed, but the printer asks for attention (issue 12 #1: 纸将用完). */
  warning?: string;
}

export interface RecentSlip {
  slipNo: string;
  accountNo: string;
  name: string;
  totalFen: number;
  createdAt: string;
}

export function slipData(deps: ServiceDeps, slipNo: string, copy: boolean): CheckSlipData {
  const { db } = deps;
  const head = db
    .select({
      payment: payments,
      hallName: halls.name,
      counterName: counters.name,
      clerkName: staff.name,
      accountNo: accounts.accountNo,
      customerName: accounts.name,
      address: accounts.address,
    })
    .from(payments)
    .innerJoin(checkSlips, eq(checkSlips.slipNo, payments.slipNo))
    .innerJoin(halls, eq(halls.id, payments.hallId))
    .innerJoin(counters, eq(counters.id, payments.counterId))
    .innerJoin(staff, eq(staff.id, payments.clerkId))
    .innerJoin(accounts, eq(accounts.id, payments.accountId))
    .where(eq(payments.slipNo, slipNo))
    .get();
  if (!head) throw new DomainError('NOT_FOUND', `核对单 ${slipNo} 不存在`, 'slipNo');
  const p = head.payment;
  // A reversal voucher lists the bills it reverses: its original's items, amounts negated (issue 10 #6).
  const sign = p.reversesPaymentId ? -1 : 1;
  const items = db
    .select({ item: paymentItems, bill: bills })
    .from(paymentItems)
    .innerJoin(bills, eq(bills.id, paymentItems.billId))
    .where(eq(paymentItems.paymentId, p.reversesPaymentId ?? p.id))
    .orderBy(asc(bills.readingDate))
    .all();
  const reversedBy = p.reversesPaymentId
    ? undefined
    : db.select({ slipNo: payments.slipNo }).from(payments).where(eq(payments.reversesPaymentId, p.id)).get();
  const tickets = db.select().from(ticketTenders).where(eq(ticketTenders.paymentId, p.reversesPaymentId ?? p.id)).all();
  const reversal = p.reversesPaymentId
    ? db
        .select({ reason: reversals.reason, originalSlipNo: payments.slipNo })
        .from(reversals)
        .innerJoin(payments, eq(payments.id, reversals.originalPaymentId))
        .where(eq(reversals.paymentId, p.id))
        .get()
    : undefined;
  const card = db
    .select({ cardNo: cardWrites.cardNo, volume: cardWrites.volumeCenti, price: cardWrites.priceFenPerM3, purchaseNo: cardWrites.counterAfter })
    .from(cardWriteOutcomes)
    .innerJoin(cardWrites, eq(cardWrites.id, cardWriteOutcomes.writeId))
    .where(eq(cardWriteOutcomes.paymentId, p.id))
    .get();
  // R-SEC-06: a closure's deposit refund and the final-bill payment it went into (same closure, same day's settlement)
  const transfer =
    p.businessRef && !p.reversesPaymentId && (p.chargeType === '燃气费' || (p.chargeType === '销户押金' && p.feeFen < 0))
      ? db
          .select({ slipNo: payments.slipNo, feeFen: payments.feeFen })
          .from(payments)
          .where(
            and(
              eq(payments.businessRef, p.businessRef),
              isNull(payments.reversesPaymentId),
              p.chargeType === '燃气费' ? and(eq(payments.chargeType, '销户押金'), lt(payments.feeFen, 0)) : eq(payments.chargeType, '燃气费'),
            ),
          )
          .get()
      : undefined;
  const depositTransfer = transfer ? { otherSlipNo: transfer.slipNo, depositFen: fen(p.chargeType === '燃气费' ? -transfer.feeFen : -p.feeFen) } : undefined;
  return {
    ...(depositTransfer ? { depositTransfer } : {}),
    receiptNo: slipNo,
    hallName: head.hallName,
    counterName: head.counterName,
    clerkName: head.clerkName,
    // issue 10 #6: the payment's own 收费时间, on the original and on every reprint
    printedAt: localDateTime(new Date(p.createdAt)),
    businessDate: p.businessDate,
    accountNo: head.accountNo,
    customerName: head.customerName,
    address: head.address,
    method: p.method,
    chargeType: p.chargeType,
    invoiceCategory: p.invoiceCategory,
    bills: items.map(({ item, bill }) => ({
      readingDate: bill.readingDate,
      previousReading: centiM3(bill.previousReadingCenti),
      thisReading: centiM3(bill.thisReadingCenti),
      consumption: centiM3(bill.consumptionCenti),
      priceFenPerM3: bill.priceFenPerM3,
      gasFen: fen(sign * item.gasFen),
      lateFeeFen: fen(sign * item.lateFeeFen),
      overdueDays: item.overdueDays,
    })),
    gasFen: fen(p.gasFen),
    lateFeeFen: fen(p.lateFeeFen),
    totalFen: fen(p.totalFen),
    tenderedFen: fen(p.tenderedFen),
    changeFen: fen(p.changeFen),
    copy,
    tickets: tickets.map((t) => ({ kind: t.kind, year: t.year, quarter: t.quarter, count: t.count, volume: centiM3(t.volumeCenti), valueFen: fen(t.valueFen) })),
    ticketFen: fen(p.ticketFen),
    ticketCashFen: fen(p.ticketCashFen),
    ...(reversal ? { reversal } : {}),
    ...(reversedBy ? { reversedBySlipNo: reversedBy.slipNo } : {}),
    ...(card
      ? { card: { cardNo: card.cardNo, volume: centiM3(card.volume), priceFenPerM3: card.price, purchaseNo: card.purchaseNo } }
      : {}),
  };
}

function lineText(line: SlipLine, columns: number): string {
  if (line.kind === 'rule') return '-'.repeat(columns);
  if (line.kind === 'feed') return '';
  return line.text;
}

export class ReceiptService {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: ServiceDeps,
    private readonly printer: ReceiptPrinter,
  ) {}

  /** Prints the slip; serialised so two prints of one slip can never both be the original. */
  print(actor: Actor, slipNo: string): Promise<PrintOutcome> {
    const job = this.queue.then(() => this.printNow(actor, slipNo));
    this.queue = job.catch(() => undefined);
    return job;
  }

  /** The slip as it would print now (副本 once an original has printed), for the A4 batch view. */
  preview(slipNo: string): { copy: boolean; lines: string[]; layout: SlipLine[]; invoiceable: boolean } {
    const { db, settings } = this.deps;
    const earlier = db
      .select({ id: slipPrints.id })
      .from(slipPrints)
      .where(and(eq(slipPrints.slipNo, slipNo), eq(slipPrints.outcome, 'printed')))
      .limit(1)
      .get();
    const copy = earlier !== undefined;
    const data = slipData(this.deps, slipNo, copy);
    const layout = layoutCheckSlip(data, settings.receiptColumns);
    const lines = layout.filter((l) => l.kind !== 'feed').map((l) => lineText(l, settings.receiptColumns));
    return { copy, layout, lines, invoiceable: invoiceExchangeable(data) };
  }

  private async printNow(actor: Actor, slipNo: string): Promise<PrintOutcome> {
    const { db, settings } = this.deps;
    const { copy, layout, lines, invoiceable } = this.preview(slipNo);
    let message: string | null = null;
    let warning: string | undefined;
    // The cash drawer opens with the original slip of a payment that took cash in or paid cash out.
    const head = db.select({ tendered: payments.tenderedFen, change: payments.changeFen, method: payments.method }).from(payments).where(eq(payments.slipNo, slipNo)).get();
    const kick = !copy && head?.method === '现金' && (head.tendered > 0 || head.change > 0);
    try {
      // On a raw transport the kick (ESC p) goes as the last bytes of the slip's job: refused with it. The
      // Windows spooler path has no kick (issue 12 #1): then no drawer.kick is audited.
      const printed = await printSlip(this.printer, { lines: layout, columns: settings.receiptColumns, drawerKick: kick });
      warning = printed.warning;
      if (printed.drawerKicked) {
        db.transaction((tx) => {
          appendAudit(tx, { actorId: actor.staffId, action: 'drawer.kick', entity: 'counter', entityId: actor.counterId, detail: { slipNo } }, this.deps.clock.now());
        });
      }
    } catch (error) {
      message = `核对单未打印：${error instanceof Error ? error.message : String(error)}。收费已入账，请检查打印机后补打。`;
    }
    db.insert(slipPrints)
      .values({
        id: uuidv7(),
        slipNo,
        copy,
        clerkId: actor.staffId,
        outcome: message === null ? 'printed' : 'failed',
        error: message,
      })
      .run();
    return { slipNo, copy, printed: message === null, message, lines, invoiceable, ...(warning ? { warning } : {}) };
  }

  /** Slips as the counter lists them: number, customer, amount, time. */
  private slipRows(where: SQL | undefined) {
    return this.deps.db
      .select({
        slipNo: payments.slipNo,
        accountNo: accounts.accountNo,
        name: accounts.name,
        totalFen: payments.totalFen,
        createdAt: payments.createdAt,
      })
      .from(payments)
      .innerJoin(accounts, eq(accounts.id, payments.accountId))
      .where(where);
  }

  /**
   * The reprint queue: this counter's slips that were never printed (printer offline or out of paper).
   * A payment never waits for the printer; its slip waits here until it is printed.
   */
  unprinted(actor: Actor): RecentSlip[] {
    return this.slipRows(
      and(
        eq(payments.counterId, actor.counterId),
        // bank debits and electronic-channel payments are printed in batches (R-PRT-01), not here
        notInArray(payments.method, [...OFF_COUNTER_METHODS]),
        notExists(
          this.deps.db
            .select({ id: slipPrints.id })
            .from(slipPrints)
            .where(and(eq(slipPrints.slipNo, payments.slipNo), eq(slipPrints.outcome, 'printed'))),
        ),
      ),
    )
      .orderBy(asc(payments.createdAt), asc(payments.slipNo))
      .all();
  }

  /** Today's slips at this counter, newest first, for 补打. */
  recent(actor: Actor, limit = 20): RecentSlip[] {
    return this.slipRows(and(eq(payments.counterId, actor.counterId), eq(payments.businessDate, businessDateOf(this.deps.clock.now()))))
      .orderBy(desc(payments.createdAt), desc(payments.slipNo))
      .limit(limit)
      .all();
  }
}
