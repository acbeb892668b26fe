/**
 * Complaints and opinions (issue 15 #4; R-SEC-12 first-responder rule, R-SEC-18 complaint phone, R-SEC-20 logged
 * and answered): logged at the counter or from the phone, answered and closed once with the customer's
 * satisfaction. Append-only (triggers in the custom migration).
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { counters, halls, staff } from './reference.js';
import { accounts } from './accounts.js';
import { checkSlips } from './payments.js';

export const COMPLAINT_KINDS = ['投诉', '意见'] as const;
export const COMPLAINT_CHANNELS = ['柜台', '电话'] as const;
export const COMPLAINT_CATEGORIES = ['服务态度', '收费', '抄表', '维修', '安装', '气压气质', '其它'] as const;
export const COMPLAINT_SATISFACTION = ['满意', '基本满意', '不满意'] as const;

export const complaints = sqliteTable(
  'complaints',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: COMPLAINT_KINDS }).notNull(),
    channel: text('channel', { enum: COMPLAINT_CHANNELS }).notNull(),
    category: text('category', { enum: COMPLAINT_CATEGORIES }).notNull(),
    accountId: text('account_id').references(() => accounts.id),
    customerName: text('customer_name').notNull(),
    phone: text('phone').notNull(),
    content: text('content').notNull(),
    /** R-SEC-12: the first staff member approached, who logs it and stays responsible until it is answered. */
    handlerId: text('handler_id').notNull().references(() => staff.id),
    hallId: text('hall_id').notNull().references(() => halls.id),
    counterId: text('counter_id').notNull().references(() => counters.id),
    /** The slip of the transaction complained about: its 满意度评价 (satisfaction_ratings) is shown beside it. */
    slipNo: text('slip_no').references(() => checkSlips.slipNo),
    /** 承诺答复日期 (YYYY-MM-DD). */
    promisedBy: text('promised_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('complaints_hall').on(t.hallId, t.promisedBy)],
);

export const complaintAnswers = sqliteTable('complaint_answers', {
  /** Answered and closed once. */
  complaintId: text('complaint_id').primaryKey().references(() => complaints.id),
  answer: text('answer').notNull(),
  satisfaction: text('satisfaction', { enum: COMPLAINT_SATISFACTION }).notNull(),
  answeredBy: text('answered_by').notNull().references(() => staff.id),
  createdAt: createdAt(),
});

/**
 * Issue 15 #4 (§10 configurable; R-SEC-18, R-SEC-20): the complaint phone told to customers and the days until the
 * promised answer, by default and per category, set by a hall manager or an administrator. One row once set; no
 * row: the start's `Settings.complaints`.
 */
export const complaintSettings = sqliteTable('complaint_settings', {
  key: text('key', { enum: ['complaints'] }).primaryKey(),
  phone: text('phone').notNull(),
  answerDays: integer('answer_days').notNull(),
  /** JSON {category: days} for the categories answered sooner or later than the default. */
  categoryDays: text('category_days').notNull(),
  updatedBy: text('updated_by').notNull().references(() => staff.id),
  updatedAt: text('updated_at').notNull(),
});
