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
import { applyChange, FeedInputError, NO_OWN, readCursor, writeCursor, type Own } from './applier.js';
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

/**
 * The search-index triggers a snapshot defers (R: the counter's search must find every account once the snapshot is
 * done). Per row they cost 80 % of a snapshot (a trigram FTS5 row and a per-character FTS5 row through a JavaScript
 * function); built set-based once at the end they cost a fifth of that. Inside a fast page's own transaction the
 * triggers are dropped, the rows written, the triggers created again from their own stored SQL and a `search.<table>`
 * row put in sync_cursors: the triggers are never missing outside that transaction (a crash rolls back all three).
 * finishSnapshot rebuilds the index from the table (the rebuild statement is derived from the trigger's own SQL, so
 * it cannot drift from it) and checks that the index holds one entry per row before it commits.
 */
const DEFERRED_SEARCH: Readonly<Record<string, readonly string[]>> = {
  accounts: ['accounts_fts_insert', 'accounts_chars_insert'],
};

/** The sync_cursors key that says the table's search index is owed a rebuild. */
export const searchPendingKey = (table: string): string => `search.${table}`;

interface DeferredTrigger {
  name: string;
  sql: string;
  /** the FTS5 table the trigger writes */
  target: string;
  /** `INSERT INTO target(cols) SELECT exprs FROM table`: the trigger's row statement for every row at once */
  rebuild: string;
}

/**
 * The trigger's SQL in the one shape that can be deferred (`AFTER INSERT ON <table> BEGIN INSERT INTO <fts>(cols)
 * VALUES (NEW.x …); END`, no WHEN), or null: a trigger in any other shape is never deferred.
 */
function deferredTrigger(db: Database.Database, table: string, name: string): DeferredTrigger | null {
  const row = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ? AND tbl_name = ?").get(name, table) as { sql: string } | undefined;
  if (!row) return null;
  const m = /^CREATE TRIGGER\s+"?(\w+)"?\s+AFTER INSERT ON\s+"?(\w+)"?\s+BEGIN\s+INSERT INTO\s+(\w+)\s*\(([\w\s,]+)\)\s*VALUES\s*\(([^;]*)\);\s*END$/i.exec(row.sql.trim());
  if (!m || m[1] !== name || m[2] !== table) return null;
  const target = m[3] as string;
  const isFts = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ? AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'").get(target);
  const exprs = (m[5] as string).replace(/\bNEW\./g, '');
  if (!isFts || /\b(OLD|SELECT)\b/i.test(exprs)) return null;
  return { name, sql: row.sql, target, rebuild: `INSERT INTO ${ident(target)}(${m[4]}) SELECT ${exprs} FROM ${ident(table)}` };
}

function deferredTriggers(db: Database.Database, table: string): DeferredTrigger[] | null {
  const names = DEFERRED_SEARCH[table];
  if (!names) return null;
  const found = names.map((n) => deferredTrigger(db, table, n));
  return found.every((t): t is DeferredTrigger => t !== null) ? found : null;
}

/** Inside the page's transaction: drops the table's search triggers and returns the function that creates them again. */
function deferSearchTriggers(db: Database.Database, table: string, now: Date): () => void {
  const triggers = deferredTriggers(db, table);
  if (!triggers) return () => {};
  for (const t of triggers) db.exec(`DROP TRIGGER ${ident(t.name)}`);
  writeCursor(db, searchPendingKey(table), 'pending', now);
  return () => {
    for (const t of triggers) db.exec(t.sql);
  };
}

/** Thrown when a rebuilt search index does not hold one entry per row (nothing is committed then). */
export class SearchRebuildError extends Error {}

/**
 * After the last snapshot page (and at any later start while a `search.<table>` row is left): rebuilds each deferred
 * search index from its table in one transaction, checks one index entry per row, and clears the row. Returns the
 * tables rebuilt.
 */
export function finishSnapshot(db: Database.Database): string[] {
  const done: string[] = [];
  for (const table of Object.keys(DEFERRED_SEARCH)) {
    if (readCursor(db, searchPendingKey(table)) === null) continue;
    const triggers = deferredTriggers(db, table);
    if (!triggers) throw new SearchRebuildError(`${table} 的搜索索引触发器不在预期形状，无法重建`);
    db.transaction(() => {
      const rows = db.prepare(`SELECT count(*) FROM ${ident(table)}`).pluck().get() as number;
      for (const t of triggers) {
        db.prepare(`INSERT INTO ${ident(t.target)}(${ident(t.target)}) VALUES ('delete-all')`).run();
        db.prepare(t.rebuild).run();
        const entries = db.prepare(`SELECT count(*) FROM ${ident(`${t.target}_docsize`)}`).pluck().get() as number;
        if (entries !== rows) throw new SearchRebuildError(`${t.target} 重建后有 ${entries} 条，${table} 有 ${rows} 行`);
      }
      db.prepare('DELETE FROM sync_cursors WHERE feed = ?').run(searchPendingKey(table));
    }).immediate();
    done.push(table);
  }
  return done;
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
    // rows already here are updated through the search triggers' delete-then-insert, which needs a whole index:
    // a debt left by earlier fast pages is settled first
    if (DEFERRED_SEARCH[page.table] && readCursor(db, searchPendingKey(page.table)) !== null) finishSnapshot(db);
    for (const [i, r] of page.rows.entries()) {
      const outcome = applyChange(db, { cursor: `s${i}`, table: page.table, op: 'insert', rowId: r.rowId, row: r.row, originDeviceId: null, hallId: null }, { source: 'snapshot', position: `${page.table}/${r.rowId}` }, now, own);
      if (outcome === 'problem') result.problems++;
      else if (outcome === 'applied') result.inserted++;
      else result.existing++;
    }
  };
  withApplying(db, () => {
    if (!uniform || cols.length === 0 || meta.pk.some((k) => !cols.includes(k))) return slow();
    // one prepared single-row INSERT per row in the page's transaction (binding by position is cheaper than the
    // json_each + `->>` of every column it replaces: half the CPU per row). A row already here or one the guards
    // refuse throws: the whole page is rolled back (with the deferred triggers' DROP) and done row by row.
    const insert = prepared(db, `INSERT INTO ${ident(meta.name)} (${cols.map(ident).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
    const values = new Array<unknown>(cols.length);
    try {
      db.transaction(() => {
        const restore = deferSearchTriggers(db, page.table, now);
        for (const r of rows) {
          for (let i = 0; i < cols.length; i++) values[i] = r[cols[i] as string];
          insert.run(values);
        }
        restore();
        result.inserted = rows.length;
      })();
    } catch {
      result.inserted = 0;
      slow();
    }
  });
  return result;
}
