/**
 * 核对单换发票 (P-INV, R-INV-01..03): a national-tax invoice for a gas payment's check slip, numbered from
 * the clerk's registered invoice book (发票手册, R-FIN-01); one invoice per slip, each number once.
 */
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { checkSlips, invoiceBooks, invoices, payments, slipPrints } from '../../db/schema.js';
import { ELECTRONIC_CHANNELS } from './payments.js';
import { businessDateOf } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { uuidv7 } from '../ids.js';
import { appendAudit } from './audit.js';
import type { Actor, ServiceDeps } from './context.js';

export function registerInvoiceBook(
  deps: ServiceDeps,
  actor: Actor,
  input: { category: '国税' | '地税' | '定额'; prefix: string; firstNo: number; lastNo: number },
) {
  if (!/^\d{6,12}$/.test(input.prefix)) throw new DomainError('VALIDATION', '发票代码应为6-12位数字', 'prefix');
  if (!Number.isSafeInteger(input.firstNo) || input.firstNo < 1 || input.lastNo < input.firstNo || input.lastNo - input.firstNo > 9999) {
    throw new DomainError('VALIDATION', '发票号码段不正确（起号≤止号，每本不超过10000份）', 'firstNo');
  }
  const now = deps.clock.now();
  return deps.db.transaction(
    (tx) => {
      const overlap = tx
        .select({ id: invoiceBooks.id })
        .from(invoiceBooks)
        .where(
          and(
            eq(invoiceBooks.prefix, input.prefix),
            lte(invoiceBooks.firstNo, input.lastNo),
            sql`${invoiceBooks.lastNo} >= ${input.firstNo}`,
          ),
        )
        .get();
      if (overlap) throw new DomainError('VALIDATION', '该号码段已登记，发票号码不能重复使用', 'firstNo');
      const row = { id: uuidv7(now.getTime()), clerkId: actor.staffId, ...input, nextNo: input.firstNo, createdAt: now.toISOString() };
      tx.insert(invoiceBooks).values(row).run();
      appendAudit(tx, { actorId: actor.staffId, action: 'invoice_book.register', entity: 'invoice_book', entityId: row.id, detail: input }, now);
      return { bookId: row.id, remaining: input.lastNo - input.firstNo + 1 };
    },
    { behavior: 'immediate' },
  );
}

function formatInvoiceNo(prefix: string, no: number): string {
  return `${prefix}-${String(no).padStart(8, '0')}`;
}

/** R-INV-01/03: the next number of the clerk's national-tax book, for a gas payment's slip not yet invoiced. */
export function issueInvoice(deps: ServiceDeps, actor: Actor, slipNo: string) {
  const now = deps.clock.now();
  return deps.db.transaction(
    (tx) => {
      const payment = tx
        .select({ id: payments.id, totalFen: payments.totalFen, ticketFen: payments.ticketFen, chargeType: payments.chargeType, method: payments.method, slipNo: checkSlips.slipNo })
        .from(payments)
        .innerJoin(checkSlips, eq(checkSlips.slipNo, payments.slipNo))
        .where(eq(payments.slipNo, slipNo))
        .get();
      if (!payment) throw new DomainError('NOT_FOUND', `核对单 ${slipNo} 不存在`, 'slipNo');
      if (!['燃气费', '充值费'].includes(payment.chargeType) || payment.totalFen <= 0) {
        throw new DomainError('VALIDATION', '只有气费或IC卡充值的核对单可以换取国税发票 (R-INV-01, R-INV-05)', 'slipNo');
      }
      const reversed = tx.select({ slipNo: payments.slipNo }).from(payments).where(eq(payments.reversesPaymentId, payment.id)).get();
      if (reversed) throw new DomainError('VALIDATION', `核对单 ${slipNo} 已冲正（${reversed.slipNo}），不能开发票`, 'slipNo');
      // Tickets and coupons were invoiced where they were issued: the invoice covers the money taken here.
      const amountFen = payment.totalFen - payment.ticketFen;
      if (amountFen <= 0) throw new DomainError('VALIDATION', '该核对单全部以燃气票/券支付，凭核对单核对，不另开发票 (R-INV-06)', 'slipNo');
      if ((ELECTRONIC_CHANNELS as readonly string[]).includes(payment.method)) {
        const printed = tx.select({ id: slipPrints.id }).from(slipPrints).where(and(eq(slipPrints.slipNo, slipNo), eq(slipPrints.outcome, 'printed'))).get();
        if (!printed) throw new DomainError('VALIDATION', `${payment.method}缴费须先补打核对单，再凭核对单号开发票 (R-INV-02)`, 'slipNo');
      }
      const issued = tx.select({ invoiceNo: invoices.invoiceNo }).from(invoices).where(eq(invoices.slipNo, slipNo)).get();
      if (issued) throw new DomainError('VALIDATION', `核对单 ${slipNo} 已换发票 ${issued.invoiceNo}，每张核对单只能开一张发票 (R-INV-03)`, 'slipNo');
      const book = tx
        .select()
        .from(invoiceBooks)
        .where(and(eq(invoiceBooks.clerkId, actor.staffId), eq(invoiceBooks.category, '国税'), sql`${invoiceBooks.nextNo} <= ${invoiceBooks.lastNo}`))
        .orderBy(asc(invoiceBooks.createdAt))
        .limit(1)
        .get();
      if (!book) throw new DomainError('VALIDATION', '您没有可用的国税发票，请先登记发票手册 (R-FIN-01)', 'slipNo');
      const invoiceNo = formatInvoiceNo(book.prefix, book.nextNo);
      tx.update(invoiceBooks).set({ nextNo: book.nextNo + 1 }).where(eq(invoiceBooks.id, book.id)).run();
      const row = {
        id: uuidv7(now.getTime()),
        invoiceNo,
        slipNo,
        bookId: book.id,
        category: '国税',
        amountFen,
        clerkId: actor.staffId,
        businessDate: businessDateOf(now),
        createdAt: now.toISOString(),
      };
      tx.insert(invoices).values(row).run();
      appendAudit(tx, { actorId: actor.staffId, action: 'invoice.issue', entity: 'invoice', entityId: row.id, detail: row }, now);
      return { invoiceNo, amountFen, remaining: book.lastNo - book.nextNo };
    },
    { behavior: 'immediate' },
  );
}
