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

/**
 * Issue 12 #2 (设备设置): how the card reader and the handheld are connected, chosen in the app. `auto`: found by
 * VID:PID + IDENTIFY; `port`: the named serial port; `simulator`: the in-process simulator (only when chosen);
 * `none`: not connected. A row wins over the start's environment (GAS_CARD_PORT / GAS_HANDHELD_PORT).
 */
export const devicePorts = sqliteTable('device_ports', {
  device: text('device', { enum: ['card', 'handheld'] }).primaryKey(),
  mode: text('mode', { enum: ['auto', 'port', 'simulator', 'none'] }).notNull(),
  /** The serial port's path (mode `port` only): /dev/ttyUSB0, COM3. */
  port: text('port'),
  updatedBy: text('updated_by').notNull().references(() => staff.id),
  updatedAt: text('updated_at').notNull(),
});
