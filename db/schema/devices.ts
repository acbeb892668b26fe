/** Issue 12 #2 (设备设置): the devices chosen in the app, one row per device of this counter PC's store. */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { staff } from './reference.js';

export const deviceSettings = sqliteTable('device_settings', {
  /** 'printer' (the card reader and the handheld follow). */
  device: text('device', { enum: ['printer'] }).primaryKey(),
  /** The address as hardware/printer/address.ts formats it (tcp://…, serial:…, usblp:…, sim:). */
  address: text('address').notNull(),
  /** Receipt paper width: 58 mm (32 columns) or 80 mm (48 columns). */
  paperMm: integer('paper_mm').notNull(),
  updatedBy: text('updated_by').notNull().references(() => staff.id),
  updatedAt: text('updated_at').notNull(),
});
