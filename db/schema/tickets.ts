/** Tickets and coupons taken in a payment (§3.7, R-TKT-01..12). */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { TICKET_KINDS } from '../../preload/kernel/enums.js';
import { bills } from './bills.js';
import { payments } from './payments.js';

/** Tickets taken in a payment (§3.7, R-TKT-01..12), with the name and address written on the back. Append-only. */
export const ticketTenders = sqliteTable(
  'ticket_tenders',
  {
    id: text('id').primaryKey(),
    paymentId: text('payment_id').notNull().references(() => payments.id),
    kind: text('kind', { enum: TICKET_KINDS }).notNull(),
    year: integer('year').notNull(),
    quarter: integer('quarter'), // null: a year-only ticket
    count: integer('count').notNull(),
    faceValueFen: integer('face_value_fen').notNull(), // 面值 per ticket; 0 for a plain 燃气票
    volumeCenti: integer('volume_centi').notNull(), // 5 m³ per 燃气票 (R-TKT-03); 0 for coupons
    valueFen: integer('value_fen').notNull(), // coupon money (R-TKT-12); 0 for volume tickets
    backName: text('back_name').notNull(),
    backAddress: text('back_address').notNull(),
  },
  (t) => [index('ticket_tenders_payment').on(t.paymentId)],
);

/** Per bill of a ticket payment: 实收气票 as the seed enters it (R-TKT-08, R-TKT-11: 0 on all but the last). Append-only. */
export const ticketBillItems = sqliteTable('ticket_bill_items', {
  id: text('id').primaryKey(),
  paymentId: text('payment_id').notNull().references(() => payments.id),
  billId: text('bill_id').notNull().references(() => bills.id),
  ticketCount: integer('ticket_count').notNull(),
  volumeCenti: integer('volume_centi').notNull(),
  ticketFen: integer('ticket_fen').notNull(),
});
