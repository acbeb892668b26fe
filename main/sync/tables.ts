/**
 * Issue 14 (downstream): which local tables the change feed, the snapshot and a USB day file may write, and
 * what the applier knows of each (its columns and primary key, read once per connection from SQLite itself,
 * so a column name from the server is only ever used after it matched a real column).
 */
import type Database from 'better-sqlite3';

/** Master data: the company's, upserted (staff and roles, halls, counters, tariffs, calendar, accounts, meters, bills). */
export const MASTER_TABLES = [
  'company', 'halls', 'counters', 'staff', 'calendar_days', 'tariffs', 'tariff_tiers',
  'accounts', 'account_phones', 'meters', 'bills', 'bill_corrections', 'ic_cards',
] as const;

/**
 * Facts made at the hall's other counters that change what a clerk may do here: payments with their slips and
 * items, reversals, tickets, invoices, card writes, businesses and their records, bank runs, cash reports and
 * closed days. Inserted (a row already present is skipped); an update passes only where the local guards let it.
 */
export const FACT_TABLES = [
  'check_slips', 'payments', 'payment_items', 'ticket_tenders', 'ticket_bill_items', 'slip_prints', 'reversals',
  'late_fee_waivers', 'rule_overrides', 'satisfaction_ratings', 'invoice_books', 'invoices',
  'card_writes', 'card_write_outcomes',
  'businesses', 'work_orders', 'work_order_receipts', 'ignition_records', 'seal_records', 'install_records',
  'ownership_transfers', 'meter_change_records', 'modification_records', 'provisional_ignitions', 'business_visits',
  'hazard_rectifications', 'meter_test_records', 'meter_test_corrections', 'consumable_additions', 'unregistered_premises',
  'bank_runs', 'bank_run_items', 'manual_slips', 'cash_reports', 'business_days',
  // issue 15 #5: the hall's service timings and 暂停营业 log, so the director sees every counter of the hall
  'service_timings', 'counter_pauses',
  // issue 15 #1: the hall's 催缴 notices and stop/restore record, so a payment at any counter of the hall issues the
  // restore (R-SEC-02) and every counter's arrears list shows the notice and stop stage (R-SEC-04)
  'arrears_notices', 'supply_stops', 'repayment_agreements', 'stop_rechecks',
] as const;

/**
 * Tables of the upstream side (issue 14, i14-up) whose rows come down too when the table exists here: the
 * counters' end-of-day markers (counter_day_markers) and the public keys of the hall's PCs (device_keys, for USB day files).
 */
export const OPTIONAL_TABLES = ['counter_day_markers', 'device_keys'] as const;

const ALLOWED = new Set<string>([...MASTER_TABLES, ...FACT_TABLES, ...OPTIONAL_TABLES]);

export interface TableMeta {
  name: string;
  columns: ReadonlySet<string>;
  /** Primary-key columns in key order. */
  pk: readonly string[];
  /** Columns that must be given on insert (NOT NULL without a default). */
  required: readonly string[];
}

const cache = new WeakMap<Database.Database, Map<string, TableMeta | null>>();

/** The table's shape, or null when the feed may not write it (not allowed, or absent from this store). */
export function tableMeta(db: Database.Database, table: string): TableMeta | null {
  let byName = cache.get(db);
  if (!byName) cache.set(db, (byName = new Map()));
  if (byName.has(table)) return byName.get(table) ?? null;
  let meta: TableMeta | null = null;
  if (ALLOWED.has(table)) {
    const cols = db.prepare('SELECT name, pk, "notnull" AS nn, dflt_value AS d FROM pragma_table_info(?)').all(table) as { name: string; pk: number; nn: number; d: unknown }[];
    if (cols.length > 0) {
      const pk = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
      meta = { name: table, columns: new Set(cols.map((c) => c.name)), pk, required: cols.filter((c) => c.nn && c.d === null && c.pk === 0).map((c) => c.name) };
    }
  }
  byName.set(table, meta);
  return meta;
}

/** Quotes an identifier that is known to be a column or table of this store (never text from outside unchecked). */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
