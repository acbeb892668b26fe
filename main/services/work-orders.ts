/**
 * Dispatch (派工, R-WO-04/05) and receipt entry (回执录入, R-RCPT-01..04, R-CANC-09). A dispatch creates a
 * numbered work order; a receipt moves the business along the state model of §8.6.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ReadTx } from '../../db/open.js';
import { accounts, businesses, payments, staff, workOrderReceipts, workOrders } from '../../db/schema.js';
import { businessDateOf } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { allowedResults, canDispatch, stateAfterReceipt, WORK_ORDER_KIND } from '../domain/work-order.js';
import type { ReceiptResult } from '../../preload/kernel/enums.js';
import { uuidv7 } from '../ids.js';
import { appendAudit } from './audit.js';
import { loadBusiness } from './businesses.js';
import type { Actor, ServiceDeps } from './context.js';
import { formatCounterNo, nextCounterNumber } from './sequences.js';

export type WorkOrder = typeof workOrders.$inferSelect;

function assertMayDispatch(tx: ReadTx, actor: Actor): void {
  const person = tx.select({ canDispatch: staff.canDispatch }).from(staff).where(eq(staff.id, actor.staffId)).get();
  if (!person?.canDispatch) throw new DomainError('FORBIDDEN', '您没有派工权限 (R-WO-05)', 'technician');
}

/**
 * This hall's open work: businesses waiting for a technician (已受理 / 待重新派工 / 顺延), dispatched ones
 * waiting for their receipt (已派工, with the current work-order number) and completed ones waiting for
 * their follow-up form (已完成). Soonest promise first.
 */
export function workQueue({ db }: ServiceDeps, actor: Actor) {
  const latestWorkOrder = sql<string | null>`(SELECT w.work_order_no FROM work_orders w WHERE w.business_id = ${businesses.id}
    ORDER BY w.created_at DESC, w.work_order_no DESC LIMIT 1)`;
  return db
    .select({
      id: businesses.id,
      businessNo: businesses.businessNo,
      type: businesses.type,
      state: businesses.state,
      priority: businesses.priority,
      promisedOn: businesses.promisedOn,
      deferredTo: businesses.deferredTo,
      requirement: businesses.requirement,
      contactPhone: businesses.contactPhone,
      accountNo: accounts.accountNo,
      name: accounts.name,
      address: accounts.address,
      workOrderNo: latestWorkOrder,
    })
    .from(businesses)
    .innerJoin(accounts, eq(accounts.id, businesses.accountId))
    .where(and(eq(businesses.hallId, actor.hallId), inArray(businesses.state, ['已受理', '待重新派工', '顺延', '已派工', '已完成'])))
    .orderBy(businesses.promisedOn, businesses.businessNo)
    .all()
    .map((row) => ({ ...row, allowedResults: allowedResults(row.type) }));
}

export function dispatch(
  deps: ServiceDeps,
  actor: Actor,
  input: { businessId: string; technician: string; remark: string },
): WorkOrder {
  const { db, clock } = deps;
  const now = clock.now();
  return db.transaction(
    (tx) => {
      assertMayDispatch(tx, actor);
      const b = loadBusiness(tx, input.businessId);
      if (!canDispatch(b.state)) throw new DomainError('VALIDATION', `业务状态为「${b.state}」，不能派工 (§8.6)`, 'businessId');
      const seq = nextCounterNumber(tx, actor.counterId, 'work_order');
      const row = {
        id: uuidv7(now.getTime()),
        workOrderNo: formatCounterNo(actor.counterCode, seq, 'P'),
        businessId: b.id,
        kind: WORK_ORDER_KIND[b.type],
        technician: input.technician,
        remark: input.remark,
        dispatchedBy: actor.staffId,
        dispatchedOn: businessDateOf(now),
        createdAt: now.toISOString(),
      };
      tx.insert(workOrders).values(row).run();
      tx.update(businesses).set({ state: '已派工' }).where(eq(businesses.id, b.id)).run();
      appendAudit(tx, { actorId: actor.staffId, action: 'business.dispatch', entity: 'work_order', entityId: row.id, detail: row }, now);
      const created = tx.select().from(workOrders).where(eq(workOrders.id, row.id)).get();
      if (!created) throw new DomainError('INTERNAL', '派工单保存失败');
      return created;
    },
    { behavior: 'immediate' },
  );
}

export interface ReceiptInput {
  workOrderNo: string;
  arrivedAt: string | null;
  implementedAt: string | null;
  leftAt: string | null;
  result: ReceiptResult;
  businessValid: boolean;
  siteRemark: string;
}

/** R-RCPT-01..04: the receipt of the business's current work order. */
export function enterReceipt(deps: ServiceDeps, actor: Actor, input: ReceiptInput) {
  const { db, clock } = deps;
  const now = clock.now();
  return db.transaction(
    (tx) => {
      const wo = tx.select().from(workOrders).where(eq(workOrders.workOrderNo, input.workOrderNo)).get();
      if (!wo) throw new DomainError('NOT_FOUND', `派工单 ${input.workOrderNo} 不存在`, 'workOrderNo');
      const latest = tx
        .select({ id: workOrders.id })
        .from(workOrders)
        .where(eq(workOrders.businessId, wo.businessId))
        .orderBy(desc(workOrders.createdAt), desc(workOrders.workOrderNo))
        .limit(1)
        .get();
      if (latest?.id !== wo.id) throw new DomainError('VALIDATION', '该派工单已重新派工，请录入最新派工单的回执 (R-CANC-09)', 'workOrderNo');
      const done = tx.select({ id: workOrderReceipts.id }).from(workOrderReceipts).where(eq(workOrderReceipts.workOrderId, wo.id)).get();
      if (done) throw new DomainError('VALIDATION', `派工单 ${wo.workOrderNo} 已录入回执 (R-RCPT-01)`, 'workOrderNo');
      const times = [input.arrivedAt, input.implementedAt, input.leftAt].filter((t): t is string => t !== null);
      for (let i = 1; i < times.length; i++) {
        if ((times[i] ?? '') < (times[i - 1] ?? '')) {
          throw new DomainError('VALIDATION', '到场、实施结束、离开时间须依次不早于前一时间 (R-RCPT-02)', 'leftAt');
        }
      }
      const b = loadBusiness(tx, wo.businessId);
      const next = stateAfterReceipt(b.type, b.state, input);
      tx.insert(workOrderReceipts)
        .values({
          id: uuidv7(now.getTime()),
          workOrderId: wo.id,
          arrivedAt: input.arrivedAt,
          implementedAt: input.implementedAt,
          leftAt: input.leftAt,
          result: input.result,
          businessValid: input.businessValid,
          siteRemark: input.siteRemark,
          enteredBy: actor.staffId,
          createdAt: now.toISOString(),
        })
        .run();
      tx.update(businesses).set({ state: next }).where(eq(businesses.id, b.id)).run();
      appendAudit(tx, { actorId: actor.staffId, action: 'business.receipt', entity: 'work_order', entityId: wo.id, detail: { ...input, next } }, now);
      return loadBusiness(tx, b.id);
    },
    { behavior: 'immediate' },
  );
}

/** R-WO-06 / R-PRT-03 / A-37: the day's dispatch sheets of this hall, printed from the application. */
/**
 * The day's dispatch sheets of the hall (R-PRT-03). A 校表 sheet carries its test agreement's payment information
 * (the customer's payment method and bank, the 300-yuan deposit's receipt), which goes to the technician with it
 * (R-TEST-07).
 */
export function dispatchSheets({ db }: ServiceDeps, actor: Actor, date: string) {
  const rows = db
    .select({
      businessId: businesses.id,
      paymentMethod: accounts.paymentMethod,
      bankName: accounts.bankName,
      workOrderNo: workOrders.workOrderNo,
      kind: workOrders.kind,
      technician: workOrders.technician,
      remark: workOrders.remark,
      dispatchedOn: workOrders.dispatchedOn,
      businessNo: businesses.businessNo,
      type: businesses.type,
      priority: businesses.priority,
      promisedOn: businesses.promisedOn,
      requirement: businesses.requirement,
      contactPhone: businesses.contactPhone,
      accountNo: accounts.accountNo,
      name: accounts.name,
      address: accounts.address,
      seqNo: accounts.seqNo,
    })
    .from(workOrders)
    .innerJoin(businesses, eq(businesses.id, workOrders.businessId))
    .innerJoin(accounts, eq(accounts.id, businesses.accountId))
    .where(and(eq(businesses.hallId, actor.hallId), eq(workOrders.dispatchedOn, date)))
    .orderBy(workOrders.technician, workOrders.workOrderNo)
    .all();
  return rows.map(({ businessId, ...row }) => {
    const deposit =
      row.type === '校表'
        ? db
            .select({ slipNo: payments.slipNo })
            .from(payments)
            .where(and(eq(payments.businessRef, businessId), eq(payments.chargeType, '检测押金'), sql`${payments.feeFen} > 0`))
            .get()
        : undefined;
    return { ...row, depositSlipNo: deposit?.slipNo ?? null };
  });
}
