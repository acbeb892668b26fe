/** Business days (closed by 日结) and the clerks' cash reports (R-CASH-01..05). */
import { integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { halls, staff } from './reference.js';

/** A closed business day refuses new payments (trigger in the custom migration). */
export const businessDays = sqliteTable(
  'business_days',
  {
    hallId: text('hall_id').notNull().references(() => halls.id),
    businessDate: text('business_date').notNull(),
    closedAt: text('closed_at'),
    closedBy: text('closed_by'),
    /** The numbered close report (日结报告) and its totals as closed. */
    closeNo: text('close_no'),
    summary: text('summary'),
  },
  (t) => [primaryKey({ columns: [t.hallId, t.businessDate] })],
);

/** 日收银报表 (R-CASH-01..05): one per clerk and business day, prepared and signed by the clerk, reviewed by another. */
export const cashReports = sqliteTable(
  'cash_reports',
  {
    id: text('id').primaryKey(),
    clerkId: text('clerk_id').notNull().references(() => staff.id),
    hallId: text('hall_id').notNull().references(() => halls.id),
    businessDate: text('business_date').notNull(),
    previousBalanceFen: integer('previous_balance_fen').notNull(), // 前日现金结余 (A-33 carried forward)
    incomeFen: integer('income_fen').notNull(), // 本日营业收入 (cash)
    depositedFen: integer('deposited_fen').notNull(), // 存入银行或财务金额
    balanceFen: integer('balance_fen').notNull(), // 当日现金结余 = previous + income − deposited
    countedFen: integer('counted_fen').notNull(), // cash counted by denomination
    denominations: text('denominations').notNull(), // JSON {fen: count}
    differenceFen: integer('difference_fen').notNull(), // counted − balance, never forced to 0
    differenceReason: text('difference_reason').notNull().default(''),
    lines: text('lines').notNull(), // JSON snapshot of the categories as signed
    reviewerId: text('reviewer_id').references(() => staff.id),
    reviewedAt: text('reviewed_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('cash_reports_clerk_day').on(t.clerkId, t.businessDate)],
);
