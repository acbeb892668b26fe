/**
 * Issue 15 #5: service timing (R-SEC-13) and the 暂停营业 sign of a counter (R-SEC-16).
 *
 * The main process stamps every time: a pick (`timing.pick`, the renderer only names the customer) opens the counter's
 * transaction, and the first slip of that customer at that counter (a payment's check slip or a business accepted)
 * closes it, written by triggers in the custom migration from the slip's own time. Timings and pauses are
 * append-only facts (a pause's end is written once), kept by triggers.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { counters, halls, staff } from './reference.js';
import { accounts } from './accounts.js';

/** §10 "MUST be configurable": one row ('timing') once a manager saved the limits; none = the seed's 3 and 10 minutes. */
export const timingSettings = sqliteTable('timing_settings', {
  key: text('key', { enum: ['timing'] }).primaryKey(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull(),
  feeLimitSeconds: integer('fee_limit_seconds').notNull(),
  otherLimitSeconds: integer('other_limit_seconds').notNull(),
  updatedBy: text('updated_by').notNull().references(() => staff.id),
  updatedAt: text('updated_at').notNull(),
});

/**
 * The customers picked at this PC's counter (local to the PC): the active one (released_at null; one per counter) is
 * being served since picked_at. One let go (Esc, or another customer picked) keeps its row for a while, so picking it
 * again soon continues its start: neither a re-pick nor a let-go restarts a customer's clock.
 */
export const counterPicks = sqliteTable(
  'counter_picks',
  {
    counterId: text('counter_id').notNull().references(() => counters.id),
    accountId: text('account_id').notNull().references(() => accounts.id),
    pickId: text('pick_id').notNull(),
    hallId: text('hall_id').notNull().references(() => halls.id),
    staffId: text('staff_id').notNull().references(() => staff.id),
    pickedAt: text('picked_at').notNull(),
    releasedAt: text('released_at'),
  },
  (t) => [primaryKey({ columns: [t.counterId, t.accountId] }), uniqueIndex('counter_picks_one_active').on(t.counterId).where(sql`released_at IS NULL`)],
);

export const TIMING_KINDS = ['收费', '其它业务'] as const;

/** R-SEC-13: one timed counter transaction, from the pick to its slip. Append-only. */
export const serviceTimings = sqliteTable(
  'service_timings',
  {
    id: text('id').primaryKey(),
    hallId: text('hall_id').notNull().references(() => halls.id),
    counterId: text('counter_id').notNull().references(() => counters.id),
    clerkId: text('clerk_id').notNull().references(() => staff.id),
    accountId: text('account_id').notNull().references(() => accounts.id),
    businessDate: text('business_date').notNull(),
    kind: text('kind', { enum: TIMING_KINDS }).notNull(),
    /** The slip that ended it: the check slip's number or the business number. */
    slipRef: text('slip_ref').notNull(),
    startedAt: text('started_at').notNull(),
    endedAt: text('ended_at').notNull(),
    durationMs: integer('duration_ms').notNull(),
    /** The limit in force when it ended (seconds; the settings may change later). */
    limitSeconds: integer('limit_seconds').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('service_timings_day').on(t.hallId, t.businessDate)],
);

/** R-SEC-16: a 暂停营业 of a counter, approved by the hall director who signed in, with its start and end. */
export const counterPauses = sqliteTable(
  'counter_pauses',
  {
    id: text('id').primaryKey(),
    hallId: text('hall_id').notNull().references(() => halls.id),
    counterId: text('counter_id').notNull().references(() => counters.id),
    businessDate: text('business_date').notNull(),
    reason: text('reason').notNull(),
    requestedBy: text('requested_by').notNull().references(() => staff.id),
    approvedBy: text('approved_by').notNull().references(() => staff.id),
    startedAt: text('started_at').notNull(),
    resumedAt: text('resumed_at'),
    resumedBy: text('resumed_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [index('counter_pauses_counter').on(t.counterId, t.startedAt)],
);
