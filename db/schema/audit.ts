/** The hash-chained audit log and the chain heads recorded at a cash report or day close. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { halls } from './reference.js';

/** Hash-chained audit log (ARCHITECTURE "An audit log is hash-chained"). Append-only. */
export const auditLog = sqliteTable('audit_log', {
  seq: integer('seq').primaryKey(),
  at: text('at').notNull(),
  actorId: text('actor_id'),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id').notNull(),
  detail: text('detail').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

/**
 * Issue 10 #20: the audit chain's head as it stood when a cash report was signed or a day closed (the head is
 * that operation's own audit row). Printed on the report too; a later cut tail, re-hash or restore is checked
 * against these rows and against the paper. Append-only; each row must be a row of the chain (triggers).
 */
export const auditHeads = sqliteTable(
  'audit_heads',
  {
    seq: integer('seq').primaryKey(),
    hash: text('hash').notNull(),
    hallId: text('hall_id').notNull().references(() => halls.id),
    businessDate: text('business_date').notNull(),
    /** 'cash_report' | 'day.close' */
    kind: text('kind').notNull(),
    /** The cash report's id or the close number. */
    ref: text('ref').notNull(),
    recordedAt: createdAt(),
  },
  (t) => [index('audit_heads_day').on(t.hallId, t.businessDate)],
);
