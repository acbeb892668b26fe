/**
 * Batch printing (R-PRT-01/02): check slips by 收讫日期, 缴费方式 and 区域, and arrears notices by 区域
 * and 抄表员, sorted by area for the meter readers; on the receipt printer or as A4 sheets (the window
 * prints those to paper or PDF). Dispatch sheets are in businesses.dispatchSheets (R-PRT-03).
 */
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { accounts, bills, halls, payments } from '../../db/schema.js';
import { layoutArrearsNotice, type ArrearsNotice } from '../domain/arrears-notice.js';
import { businessDateOf } from '../../preload/kernel/dates.js';
import { addFen, ZERO_FEN } from '../../preload/kernel/money.js';
import type { ReceiptPrinter } from '../../hardware/printer/printer.js';
import { priceBill } from './billing.js';
import type { Actor, ServiceDeps } from './context.js';
import type { ReceiptService } from './receipts.js';
import { printLayout } from './print-layout.js';

export interface SlipFilter {
  date: string;
  method?: string | undefined;
  area?: string | undefined;
}

export class BatchPrinting {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly receipts: ReceiptService,
    private readonly printer: ReceiptPrinter,
  ) {}

  /** R-PRT-01 "刷新": the gas slips of the day, method and area, in area and 抄表序号 order. */
  slips(filter: SlipFilter) {
    const where: SQL[] = [eq(payments.businessDate, filter.date), eq(payments.chargeType, '燃气费')];
    if (filter.method) where.push(eq(payments.method, filter.method));
    if (filter.area) where.push(eq(accounts.area, filter.area));
    return this.deps.db
      .select({ slipNo: payments.slipNo, accountNo: accounts.accountNo, name: accounts.name, area: accounts.area, seqNo: accounts.seqNo, method: payments.method, totalFen: payments.totalFen })
      .from(payments)
      .innerJoin(accounts, eq(accounts.id, payments.accountId))
      .where(and(...where))
      .orderBy(asc(accounts.area), asc(accounts.seqNo), asc(payments.slipNo))
      .all()
      .filter((p) => p.totalFen > 0);
  }

  /** The slips as A4 sheets show them (副本 where an original was printed before). */
  slipSheets(filter: SlipFilter) {
    return this.slips(filter).map((s) => ({ ...s, ...this.receipts.preview(s.slipNo) })).map(({ layout: _layout, ...rest }) => rest);
  }

  /** "开始打印" on the receipt printer: one slip after another; a failure stops nothing and is reported. */
  async printSlips(actor: Actor, filter: SlipFilter): Promise<{ printed: number; failed: number; firstError: string | null }> {
    let printed = 0;
    let failed = 0;
    let firstError: string | null = null;
    for (const s of this.slips(filter)) {
      const out = await this.receipts.print(actor, s.slipNo);
      if (out.printed) printed++;
      else {
        failed++;
        firstError ??= out.message;
      }
    }
    return { printed, failed, firstError };
  }

  /** R-PRT-02 "欠费用户预览": accounts with unpaid bills, late fees as of today, by area, reader and 序号. */
  arrears(filter: { area?: string | undefined; meterReader?: string | undefined }): ArrearsNotice[] {
    const today = businessDateOf(this.deps.clock.now());
    const where: SQL[] = [eq(bills.status, '未缴')];
    if (filter.area) where.push(eq(accounts.area, filter.area));
    if (filter.meterReader) where.push(eq(accounts.meterReader, filter.meterReader));
    const rows = this.deps.db
      .select({ bill: bills, account: accounts })
      .from(bills)
      .innerJoin(accounts, eq(accounts.id, bills.accountId))
      .where(and(...where))
      .orderBy(asc(accounts.area), asc(accounts.meterReader), asc(accounts.seqNo), asc(accounts.accountNo), asc(bills.readingDate), asc(bills.previousReadingCenti))
      .all();
    const notices = new Map<string, ArrearsNotice>();
    for (const { bill, account } of rows) {
      const priced = priceBill(bill, today);
      let n = notices.get(account.id);
      if (!n) {
        n = { accountNo: account.accountNo, name: account.name, address: account.address, area: account.area, meterReader: account.meterReader, seqNo: account.seqNo, bills: [], gasFen: ZERO_FEN, lateFeeFen: ZERO_FEN, totalFen: ZERO_FEN };
        notices.set(account.id, n);
      }
      n.bills.push({ readingDate: priced.readingDate, consumption: priced.consumption, gasFen: priced.gasFen, lateFeeFen: priced.lateFeeFen });
      n.gasFen = addFen(n.gasFen, priced.gasFen);
      n.lateFeeFen = addFen(n.lateFeeFen, priced.lateFeeFen);
      n.totalFen = addFen(n.totalFen, priced.totalFen);
    }
    return [...notices.values()];
  }

  /** Arrears notices on the receipt printer, one job per notice. */
  async printArrears(actor: Actor, filter: { area?: string | undefined; meterReader?: string | undefined }): Promise<{ printed: number; failed: number; firstError: string | null }> {
    const { settings, clock, db } = this.deps;
    const hall = db.select({ name: halls.name }).from(halls).where(eq(halls.id, actor.hallId)).get();
    const today = businessDateOf(clock.now());
    let printed = 0;
    let failed = 0;
    let firstError: string | null = null;
    for (const notice of this.arrears(filter)) {
      const out = await printLayout(this.printer, layoutArrearsNotice(notice, hall?.name ?? '', today, settings.receiptColumns), settings.receiptColumns);
      if (out.printed) printed++;
      else {
        failed++;
        firstError ??= out.message;
      }
    }
    return { printed, failed, firstError };
  }

  /** The areas and readers to filter by. */
  filters() {
    const rows = this.deps.db.selectDistinct({ area: accounts.area, meterReader: accounts.meterReader }).from(accounts).all();
    return { areas: [...new Set(rows.map((r) => r.area))].sort(), meterReaders: [...new Set(rows.map((r) => r.meterReader))].sort() };
  }
}
