/** Counter businesses (业务), their work orders, receipts and follow-up visits, DOMAIN §3.8, §8.2. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { BUSINESS_STATES, BUSINESS_TYPES, PRIORITIES, RECEIPT_RESULTS } from '../../preload/kernel/enums.js';
import { createdAt } from './columns.js';
import { halls, counters, staff } from './reference.js';
import { accounts } from './accounts.js';

/** Businesses (业务) accepted at the counter, DOMAIN §3.8, §8.2. State changes are audited. */
export const businesses = sqliteTable(
  'businesses',
  {
    id: text('id').primaryKey(),
    businessNo: text('business_no').notNull().unique(),
    type: text('type', { enum: BUSINESS_TYPES }).notNull(),
    accountId: text('account_id').notNull().references(() => accounts.id),
    requirement: text('requirement').notNull().default(''), // 用户对…要求
    contactPhone: text('contact_phone').notNull(),
    priority: text('priority', { enum: PRIORITIES }).notNull(),
    acceptedOn: text('accepted_on').notNull(),
    promisedOn: text('promised_on').notNull(), // R-WO-03
    deferredTo: text('deferred_to'), // R-CANC-06 业务顺延
    deferralRemark: text('deferral_remark'),
    state: text('state', { enum: BUSINESS_STATES }).notNull(),
    channel: text('channel', { enum: ['营业员', '接听组'] }).notNull(),
    acceptedBy: text('accepted_by').notNull().references(() => staff.id),
    hallId: text('hall_id').notNull().references(() => halls.id),
    counterId: text('counter_id').notNull().references(() => counters.id),
    voidReason: text('void_reason'),
    createdAt: createdAt(),
  },
  (t) => [index('businesses_account').on(t.accountId), index('businesses_hall_state').on(t.hallId, t.state)],
);

/** Work orders (派工单): one per dispatch; a re-dispatch makes a new one. Append-only. */
export const workOrders = sqliteTable(
  'work_orders',
  {
    id: text('id').primaryKey(),
    workOrderNo: text('work_order_no').notNull().unique(),
    businessId: text('business_id').notNull().references(() => businesses.id),
    kind: text('kind').notNull(), // 派工单类型
    technician: text('technician').notNull(), // 施工人员
    remark: text('remark').notNull().default(''), // 派工备注
    dispatchedBy: text('dispatched_by').notNull().references(() => staff.id),
    dispatchedOn: text('dispatched_on').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('work_orders_business').on(t.businessId)],
);

/** Receipts (回执 / 业务实施情况), one per work order. Append-only. */
export const workOrderReceipts = sqliteTable('work_order_receipts', {
  id: text('id').primaryKey(),
  workOrderId: text('work_order_id').notNull().unique().references(() => workOrders.id),
  arrivedAt: text('arrived_at'), // 到场时间
  implementedAt: text('implemented_at'), // 实施(结束)时间
  leftAt: text('left_at'), // 离开时间
  result: text('result', { enum: RECEIPT_RESULTS }).notNull(),
  businessValid: integer('business_valid', { mode: 'boolean' }).notNull(),
  siteRemark: text('site_remark').notNull(),
  enteredBy: text('entered_by').notNull().references(() => staff.id),
  createdAt: createdAt(),
});

/** 业务回访 (R-CANC-05): a follow-up with the customer after a job. Append-only. */
export const businessVisits = sqliteTable('business_visits', {
  id: text('id').primaryKey(),
  businessId: text('business_id').notNull().references(() => businesses.id),
  note: text('note').notNull(),
  visitedOn: text('visited_on').notNull(),
  enteredBy: text('entered_by').notNull().references(() => staff.id),
  createdAt: createdAt(),
});
