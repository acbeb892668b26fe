/**
 * The store (ARCHITECTURE "Nothing lost"). Money columns end in `_fen` (integer fen); volume columns end
 * in `_centi` (integer 0.01 m³). Ledger tables (payments, payment_items, check_slips, slip_prints,
 * audit_log) are append-only: triggers in the custom migration refuse UPDATE and DELETE.
 *
 * The tables live by area in db/schema/<area>.ts; this file is the one entry point (drizzle.config.ts,
 * db/open.ts and the services import it). A new area's file is added to the list below.
 */
export * from './schema/reference.js';
export * from './schema/accounts.js';
export * from './schema/bills.js';
export * from './schema/payments.js';
export * from './schema/tickets.js';
export * from './schema/invoices.js';
export * from './schema/cards.js';
export * from './schema/reversals.js';
export * from './schema/approvals.js';
export * from './schema/complaints.js';
export * from './schema/businesses.js';
export * from './schema/follow-ups.js';
export * from './schema/handheld.js';
export * from './schema/bank.js';
export * from './schema/day-close.js';
export * from './schema/devices.js';
export * from './schema/backups.js';
export * from './schema/audit.js';
export * from './schema/sync.js';
export * from './schema/sync-down.js';
export * from './schema/arrears.js';
export * from './schema/handover.js';
export * from './schema/timing.js';
export * from './schema/photos.js';
