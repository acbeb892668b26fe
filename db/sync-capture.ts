/**
 * Issue 14 #1: which tables the outbox captures, and the capture triggers' SQL, made from the drizzle schema so a new
 * table or column is never forgotten. Every table of the store is either captured (AFTER INSERT and AFTER UPDATE
 * triggers writing one sync_outbox event in the fact's own transaction) or listed in LOCAL_ONLY with the
 * reason it never leaves this PC (tests/integration/sync-capture.test.ts checks both against a migrated store, and
 * that the triggers in the store are exactly the ones generated from the schema now; `npm run gen:outbox-triggers --
 * --name <x>` writes the custom migration that brings them up to date).
 *
 * A row written while sync_apply_state.applying = 1 (the feed applier's transaction, main/sync/apply-switch.ts) is not
 * captured: it came from the server.
 */
import { getTableConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import * as schema from './schema.js';
import { LAZY_MUTABLE_TABLES, LAZY_PENDING_WHERE } from './schema.js';

/** Tables that never leave this PC, each with the reason. */
export const LOCAL_ONLY: Readonly<Record<string, string>> = {
  device_settings: 'this PC’s receipt printer (设备设置)',
  device_ports: 'this PC’s card reader and handheld ports (设备设置)',
  backup_settings: 'this PC’s second backup path',
  photo_settings: 'this PC’s photo archive and local photo folder (issue 15 #7)',
  sign_in_failures: 'this PC’s sign-in throttle state (R-SEC-27); cleared and counted locally',
  counter_sequences: 'this PC’s slip number counters; the numbers travel on the slips themselves',
  day_totals: 'per-day totals kept by triggers from the ledger (a cache; each side recomputes it)',
  day_ticket_totals: 'per-day ticket totals kept by triggers from the ledger (a cache)',
  account_unpaid: 'each account\'s unpaid count and total kept by triggers on bills (a cache; issue 13 #1)',
  day_invoice_totals: 'per-day invoice totals kept by triggers from the ledger (a cache)',
  handheld_batches: 'staging of the handheld connected to this PC; the bills its 入库 makes are captured',
  handheld_route_items: 'staging of the handheld connected to this PC (the route it carried)',
  handheld_readings: 'staging of the handheld connected to this PC; the bills its 入库 makes are captured',
  sync_outbox: 'the outbox itself',
  sync_apply_state: 'the feed applier’s switch (this connection’s state)',
  sync_push_state: 'the pusher’s acknowledged position and status',
  sync_cursors: 'the change feed’s position applied here (downstream)',
  sync_problems: 'rows from the server this store refused, for the manager (downstream)',
  sync_bill_waits: 'central bill rows waiting here for the payment item they name (downstream, issue 14 conflicts)',
  sync_anomalies: 'the 异常 list as the server reported it; a decision goes up through the anomalies route and its audit row',
  sync_marker_deliveries: 'which of this PC’s day markers the server has taken (the markers themselves are captured)',
  counter_picks: 'the customer picked at this PC’s counter right now (issue 15 #5); its timing, once the slip ends it, is captured',
  hall_day_markers: 'other counters’ end-of-day markers as received from the feed or a USB day file (this PC’s own are counter_day_markers, captured)',
};

/** Every table named sync_… is the sync machinery's own (outbox, push/apply state, cursors, anomalies as received): local, as the server's LOCAL_TABLE_PREFIX says. */
export const LOCAL_PREFIX = 'sync_';

export function isLocalOnly(table: string): boolean {
  return table in LOCAL_ONLY || table.startsWith(LOCAL_PREFIX);
}

/** Tables that are not in the drizzle schema: drizzle's journal, SQLite's own, and the search indexes (derived). */
export const LOCAL_NON_SCHEMA: readonly RegExp[] = [
  /^__drizzle_migrations$/,
  /^sqlite_/,
  /^accounts_(fts|chars)(_(config|data|docsize|idx|content))?$/,
];

export interface CapturedTable {
  name: string;
  columns: string[];
  primaryKey: string[];
  hasHall: boolean;
  hasBusinessDate: boolean;
}

/** Every table of the drizzle schema. */
export function schemaTables(): { name: string; columns: SQLiteColumn[]; primaryKey: string[] }[] {
  const tables: { name: string; columns: SQLiteColumn[]; primaryKey: string[] }[] = [];
  for (const value of Object.values(schema)) {
    if (!(value instanceof SQLiteTable)) continue;
    const config = getTableConfig(value);
    const single = config.columns.filter((c) => c.primary).map((c) => c.name);
    const composite = config.primaryKeys[0]?.columns.map((c) => c.name) ?? [];
    tables.push({ name: config.name, columns: config.columns, primaryKey: single.length > 0 ? single : composite });
  }
  return tables.sort((a, b) => a.name.localeCompare(b.name));
}

/** The captured tables: every schema table not local-only (LOCAL_ONLY or the sync_ prefix). */
export function capturedTables(): CapturedTable[] {
  return schemaTables()
    .filter((t) => !isLocalOnly(t.name))
    .map((t) => {
      const columns = t.columns.map((c) => c.name);
      if (t.primaryKey.length === 0) throw new Error(`${t.name}: a captured table needs a primary key (row_id)`);
      return { name: t.name, columns, primaryKey: t.primaryKey, hasHall: columns.includes('hall_id'), hasBusinessDate: columns.includes('business_date') };
    });
}

const ident = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected identifier ${name}`);
  return `"${name}"`;
};

/** SQLite's default limit on a function's arguments (json_object takes two per column). */
const MAX_FUNCTION_ARGS = 100;

function rowJson(ref: 'NEW' | 'OLD', columns: readonly string[]): string {
  const parts: string[] = [];
  for (let i = 0; i < columns.length; i += MAX_FUNCTION_ARGS / 2) {
    parts.push(`json_object(${columns.slice(i, i + MAX_FUNCTION_ARGS / 2).map((c) => `'${c}', ${ref}.${ident(c)}`).join(', ')})`);
  }
  return parts.length === 1 ? (parts[0] ?? '') : `json_patch(${parts.join(', ')})`;
}

/** The wire's row id (server/protocol/push.ts): the key's value as text; a composite key's values joined by '|' in key order. */
function rowId(ref: 'NEW' | 'OLD', pk: readonly string[]): string {
  return pk.map((c) => `CAST(${ref}.${ident(c)} AS TEXT)`).join(` || '|' || `);
}

/**
 * Inserts and updates (the wire has no delete: no captured table is deleted from; the append-only ones refuse it by
 * trigger, and a DELETE on any other captured table would go unnoticed, so the service layer must not issue one).
 */
export const CAPTURE_OPS = ['insert', 'update'] as const;
export type CaptureOp = (typeof CAPTURE_OPS)[number];

export const triggerName = (table: string, op: CaptureOp): string => `sync_capture_${table}_${op}`;

/** The values of one outbox event for the row `ref` (a trigger's NEW, or a bulk statement's alias); `day` when the row has no business date. */
function eventValues(t: CapturedTable, op: CaptureOp, ref: 'NEW', day: string, lazy = false): string {
  const hall = t.hasHall ? `${ref}."hall_id"` : 'NULL';
  const rowDay = t.hasBusinessDate ? `COALESCE(${ref}."business_date", ${day})` : day;
  return `'${t.name}', '${op}', ${rowId(ref, t.primaryKey)}, ${lazy ? `'${LAZY_ROW}'` : rowJson(ref, t.columns)}, ${hall}, ${rowDay}`;
}

/**
 * Issue 13 #4: a bulk posting's events may hold the row lazily: `row` is LAZY_ROW ('') and means "the row as it
 * stands in its table". Writing 200,000 rows' JSON in the write-off's transaction was half its CPU and most of its
 * disk writes; the readers (the pusher, the USB day file: main/sync/outbox.ts materialize) build the same JSON, with
 * the same generator, when they read the event. The row as it stands is the row as the statement wrote it because:
 *  - the append-only tables (their guards refuse every UPDATE and DELETE) never change a row;
 *  - each mutable lazy table has fill triggers (BEFORE UPDATE, BEFORE DELETE, on even while the feed applier's switch
 *    is on) that write the row's JSON into its pending lazy events just before the row first changes.
 * Only tables with a single text primary key (the event's row_id is the key itself) may be lazy.
 */
export const LAZY_ROW = '';
export const LAZY_APPEND_ONLY = ['check_slips', 'payment_items', 'payments'] as const;
export const LAZY_MUTABLE = LAZY_MUTABLE_TABLES;
/**
 * Events whose row is final once written, by guard: a bank run line's answer (bank_run_items_answer_once refuses every
 * update of an answered line, bank_run_items_no_delete every delete), so the write-off's answers may be lazy without a
 * fill trigger. The file's own insert events (no answer yet) stay whole.
 */
export const LAZY_FINAL_UPDATES = ['bank_run_items'] as const;
export const LAZY_TABLES: readonly string[] = [...LAZY_APPEND_ONLY, ...LAZY_MUTABLE, ...LAZY_FINAL_UPDATES];

/** Whether a bulk statement's events of `table` and `op` are written lazily. */
export function isLazy(table: string, op: CaptureOp): boolean {
  return (LAZY_APPEND_ONLY as readonly string[]).includes(table) || (LAZY_MUTABLE as readonly string[]).includes(table) || (op === 'update' && (LAZY_FINAL_UPDATES as readonly string[]).includes(table));
}

function lazyTable(table: string): CapturedTable {
  const t = capturedTables().find((c) => c.name === table);
  if (!t || !LAZY_TABLES.includes(table)) throw new Error(`${table}: not a table whose events may be lazy (LAZY_TABLES)`);
  const key = schemaTables().find((c) => c.name === table)?.columns.find((c) => c.name === t.primaryKey[0]);
  if (t.primaryKey.length !== 1 || key?.getSQLType() !== 'text') throw new Error(`${table}: a lazy table needs a single text key`);
  return t;
}

export const fillTriggerName = (table: string, op: 'update' | 'delete'): string => `sync_capture_${table}_fill_${op}`;

/** The fill trigger: before the row first changes (or goes), its pending lazy events get its JSON as it stood. */
export function fillTriggerSql(table: string, op: 'update' | 'delete'): string {
  const t = lazyTable(table);
  return [
    `CREATE TRIGGER ${fillTriggerName(t.name, op)} BEFORE ${op.toUpperCase()} ON ${ident(t.name)}`,
    `BEGIN`,
    `  UPDATE sync_outbox SET row = ${rowJson('OLD', t.columns)}`,
    `  WHERE ${LAZY_PENDING_WHERE} AND tbl = '${t.name}' AND row_id = ${rowId('OLD', t.primaryKey)};`,
    `END`,
  ].join('\n');
}

/** The row JSON of a lazy event, as the capture trigger would have written it: one statement per table, bound to the row id. */
export function lazyRowSql(table: string): string {
  let sql = lazyRowSqls.get(table);
  if (sql === undefined) {
    const t = lazyTable(table);
    const key = t.primaryKey[0] ?? '';
    sql = `SELECT ${rowJson('NEW', t.columns)} FROM ${ident(t.name)} AS "NEW" WHERE "NEW".${ident(key)} = ?`;
    lazyRowSqls.set(table, sql);
  }
  return sql;
}

/** lazyRowSql's text by table (made from the schema once per process: the readers ask once per lazy event). */
const lazyRowSqls = new Map<string, string>();

/** The SQL of one capture trigger, exactly as it is stored in sqlite_master (compared by the test). */
export function captureTriggerSql(t: CapturedTable, op: CaptureOp): string {
  return [
    `CREATE TRIGGER ${triggerName(t.name, op)} AFTER ${op.toUpperCase()} ON ${ident(t.name)}`,
    `WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1`,
    `BEGIN`,
    `  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)`,
    `  VALUES (${eventValues(t, op, 'NEW', 'gas_business_date()')});`,
    `END`,
  ].join('\n');
}

/**
 * Issue 13 #4: the events of a bulk statement's rows written in one INSERT…SELECT instead of row by row by the
 * trigger (which the caller has switched off with sync_apply_state.applying, main/services/bulk-capture.ts): the
 * same table, op, row id, row JSON and hall as the trigger's, the day bound once as `@captureDay`. `rows` follows
 * `FROM <table> AS "NEW"`: the joins and WHERE that pick the statement's rows and the ORDER BY they were written in.
 * Null for a table that is not captured. The events of a lazy table and op (isLazy) hold their rows lazily.
 */
export function captureRowsSql(table: string, op: CaptureOp, rows: string): string | null {
  const t = capturedTables().find((c) => c.name === table);
  if (!t) return null;
  const values = isLazy(t.name, op) ? eventValues(lazyTable(t.name), op, 'NEW', '@captureDay', true) : eventValues(t, op, 'NEW', '@captureDay');
  return `INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date) SELECT ${values} FROM ${ident(t.name)} AS "NEW" ${rows}`;
}

/** Every capture trigger the schema asks for, by name (and the lazy events' fill triggers). */
export function wantedCaptureTriggers(): Map<string, string> {
  const wanted = new Map<string, string>();
  for (const t of capturedTables()) for (const op of CAPTURE_OPS) wanted.set(triggerName(t.name, op), captureTriggerSql(t, op));
  for (const table of LAZY_MUTABLE) for (const op of ['update', 'delete'] as const) wanted.set(fillTriggerName(table, op), fillTriggerSql(table, op));
  return wanted;
}

/**
 * The migration that turns the capture triggers a store has (`existing`: name → SQL from sqlite_master) into the
 * wanted ones: changed ones dropped and made again, new ones made, ones of tables gone or made local dropped.
 * Empty when they already agree.
 */
export function captureMigrationSql(existing: ReadonlyMap<string, string>, wanted: ReadonlyMap<string, string> = wantedCaptureTriggers()): string[] {
  const statements: string[] = [];
  for (const [name, sql] of existing) if (!wanted.has(name) || wanted.get(name) !== sql) statements.push(`DROP TRIGGER IF EXISTS ${name};`);
  for (const [name, sql] of wanted) if (existing.get(name) !== sql) statements.push(`${sql};`);
  return statements;
}
