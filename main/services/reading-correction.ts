/**
 * Correcting a counter reading typed wrongly (issue 10 #5, R-PAY-03/04), only through an approved correction
 * request (issue 15 #3, R-SEC-09, A-32): the clerk asks with a reason (main/services/correction-requests.ts),
 * these checks run when asking and again when the office manager approves; the approval replaces the unpaid
 * bill with one at the corrected reading. The old bill keeps its figures and becomes 已更正, the correction row
 * names both, the reason and the request, the audit row carries old and new figures; all in one transaction.
 * A paid bill is corrected only after its payment has been reversed (冲正), which makes it unpaid again.
 * Handheld readings go back for re-reading (退回重抄) instead.
 */
import { and, desc, eq, gt, ne, or } from 'drizzle-orm';
import type { Tx } from '../../db/open.js';
import { billCorrections, bills, meters } from '../../db/schema.js';
import { READING_SOURCES_AT_COUNTER } from '../../preload/contract/schemas.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { centiM3, consumption, type CentiM3 } from '../../preload/kernel/volume.js';
import { appendAudit } from './audit.js';
import { assertNotInBankRun } from './bank-lock.js';
import { confirmReading, insertBill, loadAccount, priceBill, type UnpaidBill } from './billing.js';
import { businessDateOf } from '../../preload/kernel/dates.js';
import type { Actor, ServiceDeps } from './context.js';
import { asBillId } from '../domain/ids.js';

/** Sources typed at the counter (R-PAY-03/04), the only ones corrected here. */
const COUNTER_SOURCES: readonly string[] = READING_SOURCES_AT_COUNTER;

type BillRow = typeof bills.$inferSelect;

export interface ReadingCorrectionInput {
  billId: string;
  reading: CentiM3;
  reason: string;
  /** R-SEC-10: the corrected reading is an estimate for a faulty meter. */
  estimated?: boolean;
  confirmUnusual?: boolean;
}

/** Every refusal a reading correction can meet; nothing is written. */
export function checkReadingCorrection(tx: Tx, deps: ServiceDeps, input: ReadingCorrectionInput) {
  const reason = input.reason.trim();
  const old = tx.select().from(bills).where(eq(bills.id, input.billId)).get();
  if (!old) throw new DomainError('NOT_FOUND', '未找到该笔费用，请刷新未缴费用清单', 'billId');
  if (old.status === '收讫') throw new DomainError('NOT_CORRECTABLE', '该笔费用已缴费，读数须先冲正该笔收费后再更正', 'billId');
  if (old.status !== '未缴') throw new DomainError('NOT_CORRECTABLE', `该笔费用状态为「${old.status}」，不能更正读数`, 'billId');
  if (!COUNTER_SOURCES.includes(old.source) || old.splitFrom !== null) {
    throw new DomainError('NOT_CORRECTABLE', '只有柜台录入的读数可以在此更正；抄表机读数请退回重抄', 'billId');
  }
  const later = tx
    .select({ id: bills.id })
    .from(bills)
    .where(
      and(
        eq(bills.meterId, old.meterId),
        ne(bills.id, old.id),
        ne(bills.status, '已更正'),
        or(gt(bills.readingDate, old.readingDate), gt(bills.previousReadingCenti, old.previousReadingCenti)),
      ),
    )
    .orderBy(desc(bills.readingDate))
    .get();
  if (later) throw new DomainError('NOT_CORRECTABLE', '该表在这笔之后已有读数，不能更正这一笔', 'billId');
  assertNotInBankRun(tx, [asBillId(old.id)]);
  if (reason.length < 2) throw new DomainError('VALIDATION', '请填写更正原因', 'reason');
  if (input.reading === old.thisReadingCenti) throw new DomainError('VALIDATION', '更正后的读数与原读数相同', 'reading');
  const used = consumption(centiM3(old.previousReadingCenti), input.reading);
  if (used === 0) throw new DomainError('VALIDATION', '更正后的读数与上次读数相同，没有需要缴纳的气费', 'reading');
  const account = loadAccount(tx, old.accountId);
  const meter = tx.select().from(meters).where(eq(meters.id, old.meterId)).get();
  if (!meter || !meter.active) throw new DomainError('NOT_CORRECTABLE', '该笔费用的气表已不在用，不能更正读数', 'billId');
  const confirmation = confirmReading(tx, deps, {
    accountId: old.accountId,
    usedCenti: used,
    readingDate: old.readingDate,
    confirmed: input.confirmUnusual === true,
    except: old.id,
  });
  return { old, account, meter, confirmation, reason };
}

const figures = (b: Pick<BillRow, 'previousReadingCenti' | 'thisReadingCenti' | 'consumptionCenti' | 'amountFen'>) => ({
  previous: b.previousReadingCenti,
  thisReading: b.thisReadingCenti,
  consumption: b.consumptionCenti,
  amountFen: b.amountFen,
});

/**
 * Re-bills an approved reading correction inside the caller's transaction (the decision row naming the new bill
 * is written by `decide` between the new bill and the correction row, which the database checks). Returns the
 * old bill and the new one priced today (late fee recomputed from the new bill's figures).
 */
export function applyReadingCorrection(
  tx: Tx,
  deps: ServiceDeps,
  actor: Actor,
  request: { id: string; input: ReadingCorrectionInput; requesterId: string },
  writeDecision: (newBillId: string) => void,
  now: Date,
): { old: UnpaidBill; corrected: UnpaidBill } {
  const { old, account, meter, confirmation, reason } = checkReadingCorrection(tx, deps, request.input);
  const today = businessDateOf(now);
  const before = priceBill(old, today);
  const { row } = insertBill(tx, deps, actor, now, {
    accountId: old.accountId,
    category: account.category,
    meter,
    reading: request.input.reading,
    source: old.source,
    readingDate: old.readingDate,
    estimated: old.estimated || request.input.estimated === true,
    reader: old.reader,
    confirmation,
    replaces: { billId: old.id, previous: centiM3(old.previousReadingCenti) },
  });
  writeDecision(row.id);
  tx.insert(billCorrections)
    .values({ oldBillId: old.id, newBillId: row.id, reason, clerkId: request.requesterId, requestId: request.id, createdAt: now.toISOString() })
    .run();
  tx.update(bills).set({ status: '已更正' }).where(and(eq(bills.id, old.id), eq(bills.status, '未缴'))).run();
  appendAudit(
    tx,
    {
      actorId: actor.staffId,
      action: 'bill.correct_reading',
      entity: 'bill',
      entityId: row.id,
      detail: {
        accountId: old.accountId,
        requestId: request.id,
        requesterId: request.requesterId,
        oldBillId: old.id,
        newBillId: row.id,
        old: figures(old),
        new: figures(row),
        reason,
        estimated: request.input.estimated === true,
        confirmation,
      },
    },
    now,
  );
  const created = tx.select().from(bills).where(eq(bills.id, row.id)).get();
  if (!created) throw new DomainError('INTERNAL', '读数更正保存失败');
  return { old: before, corrected: priceBill(created, today) };
}
