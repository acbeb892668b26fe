/**
 * Business acceptance (业务受理), deferral and void, DOMAIN §4 and §8.2/§8.5. Each use case is one
 * transaction with its audit row.
 */
import { and, desc, eq, gte, inArray, like, ne, notExists, notInArray } from 'drizzle-orm';
import type { ReadTx, Tx } from '../../db/open.js';
import {
  accountPhones,
  bills,
  businesses,
  businessVisits,
  calendarDays,
  meters,
  ownershipTransfers,
  sealRecords,
  workOrderReceipts,
  workOrders,
} from '../../db/schema.js';
import {
  channelOf,
  checkAcceptance,
  checkChannel,
  mayVoid,
  requirementText,
  TEST_DEPOSIT_FEN,
  type AcceptanceExtras,
} from '../domain/acceptance.js';
import { formatYuan, type Fen } from '../../preload/kernel/money.js';
import { addDays, businessDateOf } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { canVoid, LEAD_TIME_WORKING_DAYS } from '../domain/work-order.js';
import type { BusinessType, Priority, WorkOrderState } from '../../preload/kernel/enums.js';
import { promisedDate, type WorkCalendar } from '../domain/working-days.js';
import { uuidv7 } from '../ids.js';
import { asAccountId } from '../domain/ids.js';
import { appendAudit } from './audit.js';
import { loadOpenAccount, unpaidLines } from './billing.js';
import type { Actor, ServiceDeps } from './context.js';
import { postFee, type PostedPayment } from './payments.js';
import { formatCounterNo, nextCounterNumber } from './sequences.js';

export type Business = typeof businesses.$inferSelect;

const CLOSED_STATES: WorkOrderState[] = ['已完成', '已归档', '已取消', '已作废'];

export function loadCalendar(tx: ReadTx): WorkCalendar {
  const rows = tx.select().from(calendarDays).all();
  return {
    holidays: new Set(rows.filter((r) => r.kind === 'holiday').map((r) => r.date)),
    makeUpWorkdays: new Set(rows.filter((r) => r.kind === 'workday').map((r) => r.date)),
  };
}

export function loadBusiness(tx: ReadTx, businessId: string): Business {
  const row = tx.select().from(businesses).where(eq(businesses.id, businessId)).get();
  if (!row) throw new DomainError('NOT_FOUND', '未找到该业务', 'businessId');
  return row;
}

/**
 * R-RCPT-05: a follow-up form is entered for a business of the given types whose receipt was 合格.
 * `formName` names the form in the refusal.
 */
export function completedBusiness(tx: ReadTx, businessId: string, types: readonly BusinessType[], formName = '此后续登记'): Business {
  const b = loadBusiness(tx, businessId);
  if (!types.includes(b.type)) throw new DomainError('VALIDATION', `${b.type}业务没有${formName}`, 'businessId');
  if (b.state !== '已完成') {
    throw new DomainError('VALIDATION', `业务状态为「${b.state}」，回执为合格后才能登记 (R-RCPT-05)`, 'businessId');
  }
  return b;
}

/** Closes a business once its follow-up form is saved (§8.6: 已完成 → 已归档), with the form's audit row. */
export function archiveWithAudit(tx: Tx, actor: Actor, now: Date, b: Business, action: string, detail: Record<string, unknown>): Business {
  tx.update(businesses).set({ state: '已归档' }).where(eq(businesses.id, b.id)).run();
  appendAudit(tx, { actorId: actor.staffId, action, entity: 'business', entityId: b.id, detail }, now);
  return loadBusiness(tx, b.id);
}

/** R-ACC-02: a phone that differs from the ones on file is added; the old ones are kept. */
function rememberPhone(tx: Tx, accountId: string, phone: string): void {
  tx.insert(accountPhones).values({ id: uuidv7(), accountId, phone }).onConflictDoNothing().run();
}

export interface AcceptInput {
  accountId: string;
  type: BusinessType;
  requirement: string;
  contactPhone: string;
  priority: Priority;
  extras?: AcceptanceExtras;
}

const NO_EXTRAS: AcceptanceExtras = { icToOrdinary: false, icTermsAcknowledged: false, hoseLength: '' };

export function acceptBusiness(deps: ServiceDeps, actor: Actor, input: AcceptInput): Business {
  const now = deps.clock.now();
  return deps.db.transaction((tx) => acceptBusinessIn(tx, actor, now, input), { behavior: 'immediate' });
}

/**
 * The counter's 提交: the business and, for a meter test, the 300-yuan deposit on the ledger as 检测押金
 * against a receipt (R-TEST-02, R-TEST-05), in one transaction.
 */
export function acceptAtCounter(
  deps: ServiceDeps,
  actor: Actor,
  input: AcceptInput & { depositTenderedFen: Fen | null; /** issue 10 #5 */ confirmLargeTender?: boolean },
): { business: Business; deposit: PostedPayment | null } {
  const now = deps.clock.now();
  if (input.type === '校表' && input.depositTenderedFen === null) {
    throw new DomainError('VALIDATION', `校表须收取检测押金 ${formatYuan(TEST_DEPOSIT_FEN)} 元，请输入实收押金 (R-TEST-02)`, 'depositTendered');
  }
  return deps.db.transaction(
    (tx) => {
      const business = acceptBusinessIn(tx, actor, now, input);
      const deposit =
        input.type === '校表' && input.depositTenderedFen !== null
          ? postFee(
              tx,
              actor,
              {
                accountId: asAccountId(input.accountId),
                chargeType: '检测押金',
                invoiceCategory: '收据',
                feeFen: TEST_DEPOSIT_FEN,
                tenderedFen: input.depositTenderedFen,
                businessRef: business.id,
              },
              now,
              { rule: deps.settings.largeTender, confirmed: input.confirmLargeTender === true, field: 'depositTendered' },
            )
          : null;
      return { business, deposit };
    },
    { behavior: 'immediate' },
  );
}

/**
 * Accepts a business inside the caller's transaction (报装 creates its 安装 business this way): R-WO-01, for the
 * selected account with the requirement text, the contact phone and the accepting clerk or channel.
 */
export function acceptBusinessIn(tx: Tx, actor: Actor, now: Date, input: AcceptInput): Business {
  const today = businessDateOf(now);
  const account = loadOpenAccount(tx, input.accountId); // R-SEC-06
  const meter = tx
    .select({ status: meters.status, kind: meters.kind })
    .from(meters)
    .where(and(eq(meters.accountId, input.accountId), eq(meters.active, true)))
    .get();
  // What the clerk typed is checked before the account's situation.
  const channel = channelOf(actor.role);
  checkChannel(channel, input.type, input.extras ?? NO_EXTRAS);
  const requirement = requirementText(input.type, meter?.kind ?? null, input.requirement, input.extras ?? NO_EXTRAS);
  const unpaid = unpaidLines(tx, input.accountId);
  const open = tx
    .select({ businessNo: businesses.businessNo })
    .from(businesses)
    .where(and(eq(businesses.accountId, input.accountId), eq(businesses.type, input.type), notInArray(businesses.state, CLOSED_STATES)))
    .get();
  const threeMonthsAgo = addDays(today, -92);
  const recentModification =
    tx
      .select({ id: businesses.id })
      .from(businesses)
      .innerJoin(workOrders, eq(workOrders.businessId, businesses.id))
      .innerJoin(workOrderReceipts, eq(workOrderReceipts.workOrderId, workOrders.id))
      .where(
        and(
          eq(businesses.accountId, input.accountId),
          eq(businesses.type, '改装'),
          eq(workOrderReceipts.result, '合格'),
          gte(workOrderReceipts.createdAt, threeMonthsAgo),
        ),
      )
      .get() !== undefined;
  const recentReadings = tx
    .select({ consumption: bills.consumptionCenti })
    .from(bills)
    .where(and(eq(bills.accountId, input.accountId), gte(bills.readingDate, threeMonthsAgo), ne(bills.status, '已更正')))
    .all();
  const visitPending = tx
    .select({ businessNo: businesses.businessNo })
    .from(businesses)
    .where(
      and(
        eq(businesses.accountId, input.accountId),
        eq(businesses.type, '改装'),
        inArray(businesses.state, ['已完成', '已归档']),
        like(businesses.requirement, '%15C%'),
        notExists(tx.select({ id: businessVisits.id }).from(businessVisits).where(eq(businessVisits.businessId, businesses.id))),
      ),
    )
    .get();
  const transferPendingForUnseal =
    input.type === '启封' && (input.extras?.ownershipChanged ?? false) && !transferSinceLastSeal(tx, input.accountId);
  checkAcceptance({
    visitPendingAfter: visitPending?.businessNo ?? null,
    transferPendingForUnseal,
    type: input.type,
    meterStatus: meter?.status ?? null,
    unpaid,
    openSameType: open?.businessNo ?? null,
    recentModification,
    noGasForThreeMonths: recentReadings.every((r) => r.consumption === 0),
  });
  return insertBusiness(tx, actor, now, {
    accountId: input.accountId,
    type: input.type,
    requirement,
    contactPhone: input.contactPhone,
    priority: input.priority,
    promisedOn: promisedDate(today, LEAD_TIME_WORKING_DAYS[input.type], loadCalendar(tx)),
    // A phone business belongs to the customer's home hall, which dispatches it.
    hallId: channel === '接听组' ? account.homeHallId : actor.hallId,
  });
}

/**
 * Writes a business with its number, phone and audit row. acceptBusinessIn calls it after the customer's
 * request passed its checks; the hall's own jobs (an arrears stop or restore, R-SEC-02/04; a 销户 site check or
 * removal, R-SEC-06) call it with their own checks and promised date.
 */
export function insertBusiness(
  tx: Tx,
  actor: Actor,
  now: Date,
  input: { accountId: string; type: BusinessType; requirement: string; contactPhone: string; priority: Priority; promisedOn: string; hallId: string },
): Business {
  const seq = nextCounterNumber(tx, actor.counterId, 'business');
  const row = {
    id: uuidv7(now.getTime()),
    businessNo: formatCounterNo(actor.counterCode, seq, 'B'),
    type: input.type,
    accountId: input.accountId,
    requirement: input.requirement,
    // R-GEN-07: every field business carries the confirmed contact phone, the priority the customer chose and
    // the promised date the clerk tells the customer.
    contactPhone: input.contactPhone,
    priority: input.priority,
    acceptedOn: businessDateOf(now),
    promisedOn: input.promisedOn,
    state: '已受理' as const,
    channel: channelOf(actor.role),
    acceptedBy: actor.staffId,
    hallId: input.hallId,
    counterId: actor.counterId,
    createdAt: now.toISOString(),
  };
  tx.insert(businesses).values(row).run();
  if (input.contactPhone !== '') rememberPhone(tx, input.accountId, input.contactPhone);
  appendAudit(
    tx,
    { actorId: actor.staffId, action: 'business.accept', entity: 'business', entityId: row.id, detail: { ...row } },
    now,
  );
  return loadBusiness(tx, row.id);
}

/** R-UNSEAL-03: has a 过户 been recorded since the account's last seal form? */
function transferSinceLastSeal(tx: ReadTx, accountId: string): boolean {
  const lastSeal = tx
    .select({ at: sealRecords.createdAt })
    .from(sealRecords)
    .innerJoin(businesses, eq(businesses.id, sealRecords.businessId))
    .where(and(eq(businesses.accountId, accountId), eq(sealRecords.resultingStatus, '封表')))
    .orderBy(desc(sealRecords.createdAt))
    .limit(1)
    .get();
  const transfer = tx
    .select({ id: ownershipTransfers.id })
    .from(ownershipTransfers)
    .where(and(eq(ownershipTransfers.accountId, accountId), gte(ownershipTransfers.createdAt, lastSeal?.at ?? '')))
    .limit(1)
    .get();
  return transfer !== undefined;
}

/** 业务流程查询: the account's businesses, newest first. */
export function businessesForAccount({ db }: ServiceDeps, accountId: string): Business[] {
  return db.select().from(businesses).where(eq(businesses.accountId, accountId)).orderBy(desc(businesses.createdAt)).all();
}

/** R-CANC-06: the team leader records the customer's agreed date; not overdue before it. */
export function deferBusiness(deps: ServiceDeps, actor: Actor, input: { businessId: string; agreedDate: string; remark: string }): Business {
  const { db, clock } = deps;
  const now = clock.now();
  return db.transaction(
    (tx) => {
      const b = loadBusiness(tx, input.businessId);
      if (CLOSED_STATES.includes(b.state)) throw new DomainError('VALIDATION', `业务状态为「${b.state}」，不能顺延 (R-CANC-06)`, 'businessId');
      if (input.agreedDate <= b.promisedOn) {
        throw new DomainError('VALIDATION', `约定日期须晚于承诺日期 ${b.promisedOn}；承诺期内无需顺延 (R-CANC-06)`, 'agreedDate');
      }
      tx.update(businesses)
        .set({ state: '顺延', deferredTo: input.agreedDate, deferralRemark: input.remark })
        .where(eq(businesses.id, b.id))
        .run();
      appendAudit(tx, { actorId: actor.staffId, action: 'business.defer', entity: 'business', entityId: b.id, detail: input }, now);
      return loadBusiness(tx, b.id);
    },
    { behavior: 'immediate' },
  );
}

/** R-CANC-08 / A-42: the hall director voids clerks' businesses, the call-centre lead the call centre's. */
export function voidBusiness(deps: ServiceDeps, actor: Actor, input: { businessId: string; reason: string }): Business {
  const { db, clock } = deps;
  const now = clock.now();
  return db.transaction(
    (tx) => {
      const b = loadBusiness(tx, input.businessId);
      if (!mayVoid(actor.role, b.channel)) {
        const who = b.channel === '营业员' ? '营业厅主任' : '接听组组长';
        throw new DomainError('FORBIDDEN', `${b.channel}受理的业务只能由${who}作废 (R-CANC-08)`, 'businessId');
      }
      if (!canVoid(b.state)) throw new DomainError('VALIDATION', `业务状态为「${b.state}」，不能作废 (R-CANC-08)`, 'businessId');
      tx.update(businesses).set({ state: '已作废', voidReason: input.reason }).where(eq(businesses.id, b.id)).run();
      appendAudit(tx, { actorId: actor.staffId, action: 'business.void', entity: 'business', entityId: b.id, detail: input }, now);
      return loadBusiness(tx, b.id);
    },
    { behavior: 'immediate' },
  );
}


/** 业务回访 (R-CANC-05): recorded after a finished job. */
export function recordVisit(deps: ServiceDeps, actor: Actor, input: { businessId: string; note: string }): { visitedOn: string } {
  const { db, clock } = deps;
  const now = clock.now();
  if (input.note.trim() === '') throw new DomainError('VALIDATION', '请填写回访情况', 'visitNote');
  return db.transaction(
    (tx) => {
      const b = loadBusiness(tx, input.businessId);
      if (b.state !== '已完成' && b.state !== '已归档') {
        throw new DomainError('VALIDATION', `业务状态为「${b.state}」，完成后才能回访 (R-CANC-05)`, 'visitNote');
      }
      const visitedOn = businessDateOf(now);
      tx.insert(businessVisits)
        .values({ id: uuidv7(now.getTime()), businessId: b.id, note: input.note.trim(), visitedOn, enteredBy: actor.staffId, createdAt: now.toISOString() })
        .run();
      appendAudit(tx, { actorId: actor.staffId, action: 'business.visit', entity: 'business', entityId: b.id, detail: input }, now);
      return { visitedOn };
    },
    { behavior: 'immediate' },
  );
}
