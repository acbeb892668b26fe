/** 冲正 of a same-day payment (a card recharge's reversal also names its card write). */
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { staff } from './reference.js';
import { payments } from './payments.js';
import { cardWrites } from './cards.js';

/** 冲正 (reversal) of a same-day payment: who asked, who approved (a second person), why. Append-only. */
export const reversals = sqliteTable('reversals', {
  paymentId: text('payment_id').primaryKey().references(() => payments.id),
  originalPaymentId: text('original_payment_id').notNull().unique().references(() => payments.id),
  reason: text('reason').notNull(),
  clerkId: text('clerk_id').notNull().references(() => staff.id),
  approverId: text('approver_id').notNull().references(() => staff.id),
  cardWriteId: text('card_write_id').references(() => cardWrites.id),
  createdAt: createdAt(),
});
