/**
 * Issue 14: which counter tables are company-wide master data, which are a hall's facts, and which never
 * leave the PC. The server uses this to scope the change feed; the counter side uses it to decide what its
 * outbox captures.
 *
 *  - MASTER tables: one current row per (table, rowId) for the whole company, applied in server order
 *    (last write wins, except the money rules in the server's projection: a 收讫 bill keeps the payment that
 *    paid it first, see anomalies.ts `double_payment`). They flow down to EVERY counter of the company, so a
 *    bill paid at hall A shows paid at hall B. A new counter gets them by the snapshot (feed.ts).
 *  - FACT tables (anything else that is not LOCAL): append-only ledger rows made at a counter (payments,
 *    slips, reversals, audit rows …). They flow down to the other counters of the SAME hall only.
 *  - UPSTREAM_ONLY tables (audit_log, audit_heads): pushed, kept per device centrally, never in the feed.
 *  - LOCAL tables: never pushed (device settings, sign-in throttles, sequences, the outbox itself …);
 *    the server refuses them with 400.
 */

export const MASTER_TABLES = [
  'company',
  'halls',
  'counters',
  'staff',
  'calendar_days',
  'tariffs',
  'tariff_tiers',
  'accounts',
  'account_phones',
  'meters',
  'bills',
  'bill_corrections',
  'ic_cards',
  'businesses',
  'bank_runs',
  'bank_run_items',
] as const;
export type MasterTable = (typeof MASTER_TABLES)[number];

/**
 * FACT tables that flow down to every counter of the COMPANY, not only of their hall: the rows that settle a bill.
 * A bill is master data (it shows 收讫 at every hall), and a counter's store accepts a 收讫 bill only through a
 * payment item that covers it (the local ledger's guard), so the payment, its slip, items and tenders and any 冲正
 * travel with it. They stay the paying hall's rows (hall_id), counted only in that hall's 日结 and reports.
 */
export const COMPANY_FACT_TABLES = ['check_slips', 'payments', 'payment_items', 'reversals', 'ticket_tenders', 'ticket_bill_items'] as const;

export const LOCAL_TABLES = [
  'device_settings',
  'device_ports',
  'backup_settings',
  'sign_in_failures',
  'counter_sequences',
  'day_totals',
  'day_ticket_totals',
  'day_invoice_totals',
  '__drizzle_migrations',
  'sqlite_sequence',
] as const;

/** Every table whose name starts with this is the sync machinery's own (outbox, push/apply state …): local too. */
export const LOCAL_TABLE_PREFIX = 'sync_';

/**
 * Pushed and kept centrally per device, never sent down: each counter's own audit chain (integer seq keys that
 * collide between counters; the server anchors them, see push.ts `auditHead`).
 */
export const UPSTREAM_ONLY_TABLES = ['audit_log', 'audit_heads'] as const;

/** The tables a new counter's snapshot serves (pages by rowId), in the order to load them. */
export const SNAPSHOT_TABLES = [
  'company',
  'halls',
  'counters',
  'staff',
  'calendar_days',
  'tariffs',
  'tariff_tiers',
  'accounts',
  'account_phones',
  'meters',
  'bills',
  'ic_cards',
  'businesses',
] as const;
export type SnapshotTable = (typeof SNAPSHOT_TABLES)[number];

/**
 * The feed's own synthetic table: anomalies (anomalies.ts `anomaly`, its JSON as the row, rowId = anomaly id)
 * flow down under this name so the hall's counters show the 异常 list. A counter stores them as it likes.
 */
export const ANOMALY_FEED_TABLE = 'sync_anomalies';

/** The feed's synthetic table for other counters' day markers of the hall (day.ts `dayMarkerFeedRow`). */
export const DAY_MARKER_FEED_TABLE = 'sync_day_markers';

const master = new Set<string>(MASTER_TABLES);
const local = new Set<string>(LOCAL_TABLES);

export function isMasterTable(table: string): boolean {
  return master.has(table);
}

export function isLocalTable(table: string): boolean {
  return local.has(table) || table.startsWith(LOCAL_TABLE_PREFIX);
}

const upstreamOnly = new Set<string>(UPSTREAM_ONLY_TABLES);

export function isUpstreamOnlyTable(table: string): boolean {
  return upstreamOnly.has(table);
}
