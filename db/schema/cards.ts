/** IC cards and the two-phase card writes (ARCHITECTURE "Card writes"). */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { counters, staff } from './reference.js';
import { accounts } from './accounts.js';
import { payments } from './payments.js';

/** IC cards issued (§3.3): 制作新卡 or 补卡; a replacement deactivates the old card. */
export const icCards = sqliteTable(
  'ic_cards',
  {
    cardNo: text('card_no').primaryKey(),
    accountId: text('account_id').notNull().references(() => accounts.id),
    issueType: text('issue_type', { enum: ['制作新卡', '补卡'] }).notNull(),
    feePaymentId: text('fee_payment_id').references(() => payments.id),
    remark: text('remark').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    clerkId: text('clerk_id').notNull().references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [index('ic_cards_account').on(t.accountId)],
);

/**
 * Two-phase card writes (ARCHITECTURE "Card writes"): the intent commits before the card is touched;
 * the outcome (confirmed with its payment, or abandoned) commits after the card was read back.
 */
export const cardWrites = sqliteTable(
  'card_writes',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['recharge', 'reversal'] }).notNull(),
    cardNo: text('card_no').notNull().references(() => icCards.cardNo),
    accountId: text('account_id').notNull().references(() => accounts.id),
    counterBefore: integer('counter_before').notNull(),
    counterAfter: integer('counter_after').notNull(),
    volumeCenti: integer('volume_centi').notNull(), // negative for a reversal
    priceFenPerM3: integer('price_fen_per_m3').notNull(),
    amountFen: integer('amount_fen').notNull(),
    tenderedFen: integer('tendered_fen').notNull(),
    /** R-TKT-13: tickets paying the recharge — the method, what they pay, face-value cash, the lines. */
    method: text('method').notNull().default('现金'),
    ticketFen: integer('ticket_fen').notNull().default(0),
    ticketCashFen: integer('ticket_cash_fen').notNull().default(0),
    ticketsJson: text('tickets_json').notNull().default('[]'),
    /** For a reversal: the recharge payment it reverses. */
    reversesPaymentId: text('reverses_payment_id').references(() => payments.id),
    reason: text('reason').notNull().default(''),
    approverId: text('approver_id').references(() => staff.id),
    clerkId: text('clerk_id').notNull().references(() => staff.id),
    counterId: text('counter_id').notNull().references(() => counters.id),
    /** issue 10 #5: the clerk's confirmation of a tender far above the cash due, carried to the payment row. */
    confirmation: text('confirmation'),
    createdAt: createdAt(),
  },
  (t) => [index('card_writes_card').on(t.cardNo)],
);

export const cardWriteOutcomes = sqliteTable('card_write_outcomes', {
  writeId: text('write_id').primaryKey().references(() => cardWrites.id),
  outcome: text('outcome', { enum: ['confirmed', 'abandoned'] }).notNull(),
  paymentId: text('payment_id').references(() => payments.id),
  note: text('note').notNull(),
  clerkId: text('clerk_id').notNull().references(() => staff.id),
  createdAt: createdAt(),
});
