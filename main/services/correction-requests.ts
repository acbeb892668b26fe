/**
 * Correction requests with approval (issue 15 #3): R-SEC-09 (更改指数 of an unpaid bill with a reason, approved
 * by the office manager before the reading is changed, then re-billed), R-SEC-10 (an estimated reading for a
 * faulty meter, its reason recorded), R-PAY-10 (a committed payment's method is never edited: an approved method
 * correction is a reversal 冲正 plus a new payment, both linked to the request) and A-32 / R-VOL-07 (readings
 * and amounts change only through an approved request that records the old and new values).
 *
 * A request and its decision are append-only rows: decided once, never by the requester (two-person rule),
 * only by a hall manager or administrator of the request's hall; the database refuses anything else.
 */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { ReadTx, Tx } from '../../db/open.js';
import { accounts, counters, correctionDecisions, correctionRequests, paymentItems, paymentMethodCorrections, payments, staff, bills } from '../../db/schema.js';
import { businessDateOf } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { addFen, fen, formatYuan, ZERO_FEN } from '../../preload/kernel/money.js';
import { centiM3, formatVolume } from '../../preload/kernel/volume.js';
import { uuidv7 } from '../ids.js';
import { asAccountId, asBillId, asPaymentId } from '../domain/ids.js';
import { appendAudit } from './audit.js';
import type { Actor, ServiceDeps } from './context.js';
import { insertLedgerRow, settleBills } from './payments.js';
import { applyReadingCorrection, checkReadingCorrection, type ReadingCorrectionInput } from './reading-correction.js';
import { APPROVER_ROLES, checkReversibleSlip, postReversal } from './reversals.js';

/** R-PAY-10: the method a wrongly entered payment is corrected to (cash taken but entered as 煤气票 etc.). */
export const CORRECTED_METHODS = ['现金'] as const;
export type CorrectedMethod = (typeof CORRECTED_METHODS)[number];

type RequestRow = typeof correctionRequests.$inferSelect;

export interface CorrectionView {
  id: string;
  kind: 'reading' | 'method';
  accountId: string;
  accountName: string;
  /** What is asked, in the clerk's words: 「本次立方数 1200.00 → 128.00」 / 「核对单 … 燃气票 → 现金」. */
  summary: string;
  reason: string;
  estimated: boolean;
  requesterName: string;
  counterId: string;
  createdAt: string;
  status: '待审批' | '已批准' | '已驳回';
  deciderName: string | null;
  note: string;
  decidedAt: string | null;
  newBillId: string | null;
  slips: { reversal: string; payment: string } | null;
}

function refusePending(tx: ReadTx, where: ReturnType<typeof eq>): void {
  const pending = tx
    .select({ id: correctionRequests.id })
    .from(correctionRequests)
    .leftJoin(correctionDecisions, eq(correctionDecisions.requestId, correctionRequests.id))
    .where(and(where, isNull(correctionDecisions.requestId)))
    .get();
  if (pending) throw new DomainError('ALREADY_REQUESTED', '这一笔已有待审批的更正申请，请等营业厅主任审批', 'billId');
}

/** R-SEC-09 / R-SEC-10: the clerk asks for a corrected reading of an unpaid counter-read bill, with a reason. */
export function requestReadingCorrection(deps: ServiceDeps, actor: Actor, input: ReadingCorrectionInput): CorrectionView {
  const now = deps.clock.now();
  const id = deps.db.transaction(
    (tx) => {
      const { old, reason } = checkReadingCorrection(tx, deps, input);
      refusePending(tx, eq(correctionRequests.billId, old.id));
      const id = uuidv7(now.getTime());
      tx.insert(correctionRequests)
        .values({
          id,
          kind: 'reading',
          accountId: old.accountId,
          billId: old.id,
          readingCenti: input.reading,
          estimated: input.estimated === true,
          reason,
          requesterId: actor.staffId,
          hallId: actor.hallId,
          counterId: actor.counterId,
          createdAt: now.toISOString(),
        })
        .run();
      appendAudit(
        tx,
        {
          actorId: actor.staffId,
          action: 'correction.request',
          entity: 'correction_request',
          entityId: id,
          detail: { kind: 'reading', billId: old.id, old: old.thisReadingCenti, requested: input.reading, estimated: input.estimated === true, reason },
        },
        now,
      );
      return id;
    },
    { behavior: 'immediate' },
  );
  return viewOf(deps.db, id);
}

/** R-PAY-10: the clerk asks to correct the method of a committed gas payment of today (nothing is edited now). */
export function requestMethodCorrection(deps: ServiceDeps, actor: Actor, input: { slipNo: string; toMethod: CorrectedMethod; reason: string }): CorrectionView {
  const now = deps.clock.now();
  const id = deps.db.transaction(
    (tx) => {
      const original = checkMethodCorrectable(tx, actor, input.slipNo, input.toMethod, businessDateOf(now));
      const reason = input.reason.trim();
      if (reason.length < 2) throw new DomainError('VALIDATION', '请填写更正原因', 'reason');
      refusePending(tx, eq(correctionRequests.paymentId, original.id));
      const id = uuidv7(now.getTime());
      tx.insert(correctionRequests)
        .values({
          id,
          kind: 'method',
          accountId: original.accountId,
          paymentId: original.id,
          fromMethod: original.method,
          toMethod: input.toMethod,
          reason,
          requesterId: actor.staffId,
          hallId: actor.hallId,
          counterId: actor.counterId,
          createdAt: now.toISOString(),
        })
        .run();
      appendAudit(
        tx,
        {
          actorId: actor.staffId,
          action: 'correction.request',
          entity: 'correction_request',
          entityId: id,
          detail: { kind: 'method', slipNo: original.slipNo, from: original.method, to: input.toMethod, reason },
        },
        now,
      );
      return id;
    },
    { behavior: 'immediate' },
  );
  return viewOf(deps.db, id);
}

function checkMethodCorrectable(tx: Tx, actor: Pick<Actor, 'hallId'>, slipNo: string, toMethod: string, businessDate: string) {
  const original = checkReversibleSlip(tx, actor, slipNo, businessDate);
  if (original.chargeType !== '燃气费') throw new DomainError('NOT_CORRECTABLE', '只有燃气费的缴费方式可以更正', 'slipNo');
  if (original.method === toMethod) throw new DomainError('VALIDATION', `该单缴费方式已是「${toMethod}」`, 'toMethod');
  return original;
}

/**
 * The office manager's decision (R-SEC-09, R-PAY-10): refused changes nothing; approved re-bills the reading
 * (old bill kept as 已更正, new bill linked, late fee recomputed) or posts the reversal and the new payment at the
 * requester's counter. One transaction: the decision row and its effects commit together or not at all.
 */
export function decideCorrection(deps: ServiceDeps, decider: Actor, input: { requestId: string; approve: boolean; note: string }): CorrectionView {
  const now = deps.clock.now();
  deps.db.transaction(
    (tx) => {
      const request = tx.select().from(correctionRequests).where(eq(correctionRequests.id, input.requestId)).get();
      if (!request || request.hallId !== decider.hallId) throw new DomainError('NOT_FOUND', '未找到该更正申请', 'requestId');
      const decided = tx.select({ d: correctionDecisions.decision }).from(correctionDecisions).where(eq(correctionDecisions.requestId, request.id)).get();
      if (decided) throw new DomainError('ALREADY_DECIDED', '该申请已审批过，不能再次审批', 'requestId');
      if (!APPROVER_ROLES.includes(decider.role)) throw new DomainError('FORBIDDEN', '更正申请须由营业厅主任审批', 'requestId');
      if (request.requesterId === decider.staffId) throw new DomainError('FORBIDDEN', '不能审批自己提出的更正申请（须由另一人审批）', 'requestId');
      const note = input.note.trim();
      if (!input.approve && note.length < 2) throw new DomainError('VALIDATION', '驳回须填写理由', 'note');
      const writeDecision = (newBillId: string | null) =>
        tx.insert(correctionDecisions)
          .values({ requestId: request.id, decision: input.approve ? 'approved' : 'refused', deciderId: decider.staffId, note, newBillId, createdAt: now.toISOString() })
          .run();
      let detail: Record<string, unknown> = {};
      if (!input.approve) writeDecision(null);
      else if (request.kind === 'reading') {
        const { old, corrected } = applyReadingCorrection(
          tx,
          deps,
          decider,
          { id: request.id, requesterId: request.requesterId, input: { billId: request.billId ?? '', reading: centiM3(request.readingCenti ?? 0), reason: request.reason, estimated: request.estimated, confirmUnusual: true } },
          (newBillId) => writeDecision(newBillId),
          now,
        );
        detail = { newBillId: corrected.id, oldLateFeeFen: old.lateFeeFen, newLateFeeFen: corrected.lateFeeFen, oldGasFen: old.gasFen, newGasFen: corrected.gasFen };
      } else {
        detail = applyMethodCorrection(tx, decider, request, () => writeDecision(null), now);
      }
      appendAudit(
        tx,
        { actorId: decider.staffId, action: input.approve ? 'correction.approve' : 'correction.refuse', entity: 'correction_request', entityId: request.id, detail: { kind: request.kind, requesterId: request.requesterId, note, ...detail } },
        now,
      );
    },
    { behavior: 'immediate' },
  );
  return viewOf(deps.db, input.requestId);
}

/** R-PAY-10: reversal of the original and a new payment of the same bills and amounts in the corrected method. */
function applyMethodCorrection(tx: Tx, decider: Actor, request: RequestRow, writeDecision: () => void, now: Date) {
  const original = tx.select().from(payments).where(eq(payments.id, request.paymentId ?? '')).get();
  if (!original) throw new DomainError('NOT_FOUND', '未找到该笔收费', 'requestId');
  const counter = tx.select({ name: staff.name }).from(staff).where(eq(staff.id, request.requesterId)).get();
  // the rows belong to the requester's counter and drawer; the decider is the approver of the reversal
  const clerk: Actor = {
    ...decider,
    staffId: request.requesterId,
    staffName: counter?.name ?? '',
    role: 'clerk',
    counterId: request.counterId,
    counterCode: counterCodeOf(tx, request.counterId),
  };
  checkMethodCorrectable(tx, decider, original.slipNo, request.toMethod ?? '', businessDateOf(now));
  const items = tx.select().from(paymentItems).where(eq(paymentItems.paymentId, original.id)).all();
  const reversal = postReversal(tx, clerk, original, { reason: `缴费方式更正：${request.reason}`, approverId: decider.staffId, cardWriteId: null }, now);
  writeDecision();
  const paymentId = asPaymentId(uuidv7(now.getTime()));
  const totalFen = addFen(fen(original.gasFen), fen(original.lateFeeFen));
  const slipNo = insertLedgerRow(tx, clerk, original.businessDate, {
    id: paymentId,
    accountId: original.accountId,
    method: request.toMethod ?? '现金',
    chargeType: '燃气费',
    invoiceCategory: original.invoiceCategory,
    businessRef: null,
    feeFen: 0,
    gasFen: original.gasFen,
    lateFeeFen: original.lateFeeFen,
    ticketFen: ZERO_FEN,
    ticketCashFen: ZERO_FEN,
    prepaidDeltaCenti: 0,
    totalFen,
    tenderedFen: totalFen,
    changeFen: ZERO_FEN,
    createdAt: now.toISOString(),
  });
  const paidBills = items.length === 0 ? [] : tx.select().from(bills).where(inArray(bills.id, items.map((i) => i.billId))).all();
  settleBills(
    tx,
    clerk,
    asAccountId(original.accountId),
    paymentId,
    items.map((i) => ({ id: asBillId(i.billId), gasFen: fen(i.gasFen), lateFeeFen: fen(i.lateFeeFen), overdueDays: i.overdueDays, thisReading: centiM3(paidBills.find((b) => b.id === i.billId)?.thisReadingCenti ?? 0) })),
    now,
  );
  tx.insert(paymentMethodCorrections)
    .values({ requestId: request.id, originalPaymentId: original.id, reversalPaymentId: reversal.paymentId, newPaymentId: paymentId, createdAt: now.toISOString() })
    .run();
  appendAudit(
    tx,
    {
      actorId: decider.staffId,
      action: 'payment.method_corrected',
      entity: 'payment',
      entityId: paymentId,
      detail: { requestId: request.id, originalSlipNo: original.slipNo, reversalSlipNo: reversal.slipNo, slipNo, from: original.method, to: request.toMethod, totalFen },
    },
    now,
  );
  return { originalSlipNo: original.slipNo, reversalSlipNo: reversal.slipNo, newSlipNo: slipNo };
}

function counterCodeOf(tx: ReadTx, counterId: string): string {
  const row = tx.select({ code: counters.code }).from(counters).where(eq(counters.id, counterId)).get();
  if (!row) throw new DomainError('NOT_FOUND', '未找到申请所在柜台', 'requestId');
  return row.code;
}

/** The hall's requests, pending first then the latest decided (for the manager's 更正审批 and the clerk's list). */
export function listCorrections(deps: ServiceDeps, actor: Actor, input: { pendingOnly: boolean }): CorrectionView[] {
  const rows = deps.db
    .select({ id: correctionRequests.id })
    .from(correctionRequests)
    .leftJoin(correctionDecisions, eq(correctionDecisions.requestId, correctionRequests.id))
    .where(and(eq(correctionRequests.hallId, actor.hallId), input.pendingOnly ? isNull(correctionDecisions.requestId) : undefined))
    .orderBy(desc(correctionRequests.createdAt))
    .limit(200)
    .all();
  const views = rows.map((r) => viewOf(deps.db, r.id));
  return [...views.filter((v) => v.status === '待审批'), ...views.filter((v) => v.status !== '待审批')];
}

function viewOf(db: ReadTx, id: string): CorrectionView {
  const r = db.select().from(correctionRequests).where(eq(correctionRequests.id, id)).get();
  if (!r) throw new DomainError('NOT_FOUND', '未找到该更正申请', 'requestId');
  const d = db.select().from(correctionDecisions).where(eq(correctionDecisions.requestId, id)).get();
  const nameOf = (staffId: string) => db.select({ name: staff.name }).from(staff).where(eq(staff.id, staffId)).get()?.name ?? staffId;
  const account = db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, r.accountId)).get();
  let summary = '';
  if (r.kind === 'reading') {
    const bill = db.select().from(bills).where(eq(bills.id, r.billId ?? '')).get();
    summary = `${bill?.readingDate ?? ''} 本次立方数 ${formatVolume(centiM3(bill?.thisReadingCenti ?? 0))} → ${formatVolume(centiM3(r.readingCenti ?? 0))}${r.estimated ? '（估抄）' : ''}`;
  } else {
    const p = db.select().from(payments).where(eq(payments.id, r.paymentId ?? '')).get();
    summary = `核对单 ${p?.slipNo ?? ''} ${formatYuan(fen(p?.totalFen ?? 0))}元 缴费方式 ${r.fromMethod ?? ''} → ${r.toMethod ?? ''}`;
  }
  const link = d && r.kind === 'method' ? db.select().from(paymentMethodCorrections).where(eq(paymentMethodCorrections.requestId, id)).get() : undefined;
  const slipOf = (pid: string) => db.select({ s: payments.slipNo }).from(payments).where(eq(payments.id, pid)).get()?.s ?? '';
  return {
    id: r.id,
    kind: r.kind,
    accountId: r.accountId,
    accountName: account?.name ?? '',
    summary,
    reason: r.reason,
    estimated: r.estimated,
    requesterName: nameOf(r.requesterId),
    counterId: r.counterId,
    createdAt: r.createdAt,
    status: !d ? '待审批' : d.decision === 'approved' ? '已批准' : '已驳回',
    deciderName: d ? nameOf(d.deciderId) : null,
    note: d?.note ?? '',
    decidedAt: d?.createdAt ?? null,
    newBillId: d?.newBillId ?? null,
    slips: link ? { reversal: slipOf(link.reversalPaymentId), payment: slipOf(link.newPaymentId) } : null,
  };
}

