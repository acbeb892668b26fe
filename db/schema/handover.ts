/** Issue 15 #6 (R-SEC-21): the shift-handover record of a counter. Append-only (triggers in the custom migration). */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { counters, halls, staff } from './reference.js';

/**
 * One shift change: the outgoing clerk's cash by the system since their last handover that day beside the cash
 * actually held, the difference (held − system) with its reason, and the incoming clerk who signed in to accept.
 */
export const shiftHandovers = sqliteTable(
  'shift_handovers',
  {
    id: text('id').primaryKey(),
    hallId: text('hall_id').notNull().references(() => halls.id),
    counterId: text('counter_id').notNull().references(() => counters.id),
    businessDate: text('business_date').notNull(),
    outgoingId: text('outgoing_id').notNull().references(() => staff.id),
    incomingId: text('incoming_id').notNull().references(() => staff.id),
    systemFen: integer('system_fen').notNull(),
    heldFen: integer('held_fen').notNull(),
    differenceFen: integer('difference_fen').notNull(),
    reason: text('reason').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('shift_handovers_day').on(t.hallId, t.businessDate)],
);
