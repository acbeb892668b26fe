/** Invoice books and the invoices issued for check slips (R-FIN-01, R-INV-01..03). */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { staff } from './reference.js';
import { checkSlips } from './payments.js';

/** 发票手册 (R-FIN-01): the invoice numbers a clerk has drawn, by category; numbers are used in order, once. */
export const invoiceBooks = sqliteTable('invoice_books', {
  id: text('id').primaryKey(),
  clerkId: text('clerk_id').notNull().references(() => staff.id),
  category: text('category', { enum: ['国税', '地税', '定额'] }).notNull(),
  prefix: text('prefix').notNull(), // 发票代码
  firstNo: integer('first_no').notNull(),
  lastNo: integer('last_no').notNull(),
  nextNo: integer('next_no').notNull(),
  createdAt: createdAt(),
});

/** Invoices issued in exchange for a check slip (R-INV-01..03): one per slip, each number once. Append-only. */
export const invoices = sqliteTable(
  'invoices',
  {
    id: text('id').primaryKey(),
    invoiceNo: text('invoice_no').notNull().unique(),
    slipNo: text('slip_no').notNull().unique().references(() => checkSlips.slipNo),
    bookId: text('book_id').notNull().references(() => invoiceBooks.id),
    category: text('category').notNull(),
    amountFen: integer('amount_fen').notNull(),
    clerkId: text('clerk_id').notNull().references(() => staff.id),
    businessDate: text('business_date').notNull(),
    createdAt: createdAt(),
  },
);
