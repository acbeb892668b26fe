/**
 * Issue 14 #2: the initial snapshot of a new counter: the company's master rows (accounts, meters, bills …) page by
 * page (server/protocol/feed.ts snapshotPage), each page one transaction, written set-based: the page goes to SQLite
 * as one JSON text and one prepared `INSERT … SELECT … FROM json_each(?)` writes all its new rows (no statement per
 * row from JavaScript); a row the store has already goes through the applier's upsert (diff-only update). No trigger
 * is switched off (the search index of the accounts is filled by its own triggers); only the outbox capture is (the
 * rows came from the server). If the set-based insert fails (a row the guards refuse), the page is done again row by
 * row, each in its own savepoint, and the refused rows are listed in sync_problems.
 */
import type Database from 'better-sqlite3';
import { applyChange, FeedInputError, NO_OWN, type Own } from './applier.js';
import { withApplying } from './apply-switch.js';
import { z } from 'zod';
import { SNAPSHOT_TABLES, syncId } from '../../server/protocol/index.js';
import type { SqliteRow } from './feed-schema.js';
import { ident, tableMeta } from './tables.js';

/** The page cache a snapshot runs with (the accounts' indexes and search index of a million rows stay in memory). */
export const SNAPSHOT_CACHE_MIB = 256;

/** Runs the whole snapshot (many pages, awaits between them) with the larger cache, then gives it back. */
export async function withSnapshotCache<T>(db: Database.Database, fn: () => Promise<T>): Promise<T> {
  const before = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${SNAPSHOT_CACHE_MIB * 1024}`);
  try {
    return await fn();
  } finally {
    db.pragma(`cache_size = ${before}`);
  }
}

export interface SnapshotPageResult {
  table: string;
  rows: number;
  inserted: number;
  existing: number;
  problems: number;
  next: string | null;
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function prepared(db: Database.Database, text: string): Database.Statement {
  let m = statements.get(db);
  if (!m) statements.set(db, (m = new Map()));
  let s = m.get(text);
  if (!s) m.set(text, (s = db.prepare(text)));
  return s;
}

/**
 * The protocol's snapshotPage (server/protocol/feed.ts), checked in two steps for speed: the page with zod, the rows
 * (up to 20,000 a page, a million in a snapshot) with the same rules as the protocol's `syncId` and `sqliteRow` in one
 * plain loop (zod's per-value union cost 100 µs a row here, most of the 2-minute budget at 1,000,000 accounts).
 */
const pageShape = z.object({ table: z.enum(SNAPSHOT_TABLES), rows: z.array(z.unknown()).max(100_000), next: syncId.nullable() });
const CONTROL = /[\u0000-\u001f\u007f]/;

function checkRows(rows: unknown[]): { rowId: string; row: SqliteRow }[] | string {
  for (const [i, r] of rows.entries()) {
    if (typeof r !== 'object' || r === null || Array.isArray(r)) return `rows.${i}: 不是对象`;
    const { rowId, row } = r as { rowId?: unknown; row?: unknown };
    if (typeof rowId !== 'string' || rowId.length < 1 || rowId.length > 128 || CONTROL.test(rowId)) return `rows.${i}.rowId: 编号无效`;
    if (typeof row !== 'object' || row === null || Array.isArray(row)) return `rows.${i}.row: 不是对象`;
    for (const v of Object.values(row)) {
      if (v !== null && typeof v !== 'string' && typeof v !== 'boolean' && !(typeof v === 'number' && Number.isFinite(v))) return `rows.${i}.row: 值无效`;
    }
  }
  return rows as { rowId: string; row: SqliteRow }[];
}

export function loadSnapshotPage(db: Database.Database, raw: unknown, now: Date, own: Own = NO_OWN): SnapshotPageResult {
  const parsed = pageShape.safeParse(raw);
  if (!parsed.success) throw new FeedInputError(`服务器返回的快照数据格式不符，未导入：${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('；')}`);
  const checked = checkRows(parsed.data.rows);
  if (typeof checked === 'string') throw new FeedInputError(`服务器返回的快照数据格式不符，未导入：${checked}`);
  const page = { table: parsed.data.table, rows: checked, next: parsed.data.next };
  const meta = tableMeta(db, page.table);
  if (!meta) throw new FeedInputError(`本机没有表 ${page.table}，无法导入快照`);
  const result: SnapshotPageResult = { table: page.table, rows: page.rows.length, inserted: 0, existing: 0, problems: 0, next: page.next };
  if (page.rows.length === 0) return result;
  // the columns of this page that the store has (the rows of one table share them; a row lacking one gets NULL/default through the slow path)
  const first = page.rows[0]?.row ?? {};
  const cols = Object.keys(first).filter((c) => meta.columns.has(c)).sort();
  const uniform = page.rows.every((r) => Object.keys(r.row).filter((c) => meta.columns.has(c)).length === cols.length && cols.every((c) => c in r.row));
  const rows: SqliteRow[] = page.rows.map((r) => r.row);
  const slow = () => {
    for (const [i, r] of page.rows.entries()) {
      const outcome = applyChange(db, { cursor: `s${i}`, table: page.table, op: 'insert', rowId: r.rowId, row: r.row, originDeviceId: null, hallId: null }, { source: 'snapshot', position: `${page.table}/${r.rowId}` }, now, own);
      if (outcome === 'problem') result.problems++;
      else if (outcome === 'applied') result.inserted++;
      else result.existing++;
    }
  };
  withApplying(db, () => {
    if (!uniform || cols.length === 0 || meta.pk.some((k) => !cols.includes(k))) return slow();
    // each row as an array in `cols` order: SQLite reads a value by index (half the time of a key lookup per column)
    const json = JSON.stringify(rows.map((r) => cols.map((c) => r[c])));
    const at = (c: string) => `value ->> ${cols.indexOf(c)}`;
    const present = prepared(db, `SELECT count(*) FROM json_each(?) WHERE EXISTS (SELECT 1 FROM ${ident(meta.name)} t WHERE ${meta.pk.map((k) => `t.${ident(k)} = ${at(k)}`).join(' AND ')})`).pluck().get(json) as number;
    if (present > 0) return slow();
    try {
      db.transaction(() => {
        const r = prepared(db, `INSERT INTO ${ident(meta.name)} (${cols.map(ident).join(', ')}) SELECT ${cols.map(at).join(', ')} FROM json_each(?) ORDER BY ${meta.pk.map(at).join(', ')}`).run(json);
        result.inserted = r.changes;
      })();
    } catch {
      result.inserted = 0;
      slow();
    }
  });
  return result;
}
