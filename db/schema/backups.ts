/** Issue 12 #6 (R-INV-09): backup settings chosen in the app. */
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { staff } from './reference.js';

/**
 * The second path every backup is copied to (a USB disk or a network share), set by a hall manager or an
 * administrator. One row ('mirror') once set; `dir` null: cleared, no second copy. No row: the start's
 * GAS_BACKUP_MIRROR.
 */
export const backupSettings = sqliteTable('backup_settings', {
  key: text('key', { enum: ['mirror'] }).primaryKey(),
  dir: text('dir'),
  updatedBy: text('updated_by').notNull().references(() => staff.id),
  updatedAt: text('updated_at').notNull(),
});
