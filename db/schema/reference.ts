/** Halls, counters, staff and their sign-in throttle, the working-day calendar, the per-counter number sequences. */
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { STAFF_ROLES } from '../../preload/kernel/enums.js';

/** Issue 12 #3: the gas company the store belongs to (one row, id 'company'), named in the setup wizard. */
export const company = sqliteTable('company', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const halls = sqliteTable('halls', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
});

export const counters = sqliteTable('counters', {
  id: text('id').primaryKey(),
  hallId: text('hall_id').notNull().references(() => halls.id),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
});

/** 接听组 (call centre) staff take businesses by phone; their lead voids them (R-CANC-08, A-42). */
export { STAFF_ROLES, type StaffRole } from '../../preload/kernel/enums.js';

export const staff = sqliteTable('staff', {
  id: text('id').primaryKey(),
  login: text('login').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: STAFF_ROLES }).notNull(),
  hallId: text('hall_id').notNull().references(() => halls.id),
  passwordHash: text('password_hash').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /** R-WO-05: only clerks with dispatch permission (有派工权限) may dispatch. */
  canDispatch: integer('can_dispatch', { mode: 'boolean' }).notNull().default(false),
  /** Issue 10 #13: still the initial password; outside demo mode it must be changed before anything else. */
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
});

/**
 * Issue 10 #13 (R-SEC-27): failed sign-ins per user (`scope` 'user', key = the login as typed) and per
 * counter (`scope` 'counter', key = the counter id), kept in the store so a restart does not reset them.
 * `failures` counts consecutive failures; `lockedUntil` is set at the lockout threshold and cleared by an
 * administrator or a successful sign-in after it has passed.
 */
export const signInFailures = sqliteTable(
  'sign_in_failures',
  {
    scope: text('scope', { enum: ['user', 'counter'] }).notNull(),
    key: text('key').notNull(),
    failures: integer('failures').notNull(),
    lastFailureAt: text('last_failure_at').notNull(),
    lockedUntil: text('locked_until'),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

/** Gap-free per-counter number sequences (check slips now; work orders later). */
export const counterSequences = sqliteTable(
  'counter_sequences',
  {
    counterId: text('counter_id').notNull().references(() => counters.id),
    kind: text('kind').notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.counterId, t.kind] })],
);

/** the working-day calendar: holidays and make-up working days (调休). */
export const calendarDays = sqliteTable('calendar_days', {
  date: text('date').primaryKey(),
  kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
  note: text('note').notNull().default(''),
});
