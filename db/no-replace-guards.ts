/**
 * Issue 13 #4: INSERT OR REPLACE deletes the rows it conflicts with without firing their delete triggers
 * (unless recursive_triggers is on, a per-connection setting), so it would slip past every `<table>_no_delete`
 * guard of the append-only tables. This derives, from a store's own schema, one BEFORE INSERT trigger per
 * table that has a `<table>_no_delete` trigger: it refuses an insert whose row would take the place of a row
 * the delete guard protects, on any of the table's unique keys (the primary key, every UNIQUE constraint and
 * unique index, partial ones within their WHERE, and an explicit rowid). A plain INSERT of a taken key was
 * refused before too (a constraint error), now with this message; a new key passes with one index seek per key.
 *
 * `scripts/no-replace-guards.ts` prints the SQL for a custom migration; the test compares the triggers
 * installed with what the schema calls for, so a new append-only table or key is not left out.
 */
import type { Database } from 'better-sqlite3';

export const NO_REPLACE_SUFFIX = '_no_replace';

/** The message of every guard: the table name, then this. */
export const NO_REPLACE_MESSAGE = 'append-only: a row with this key exists (INSERT OR REPLACE would delete it)';

interface KeyColumn {
  name: string;
  coll: string;
}

export interface UniqueKey {
  name: string;
  columns: KeyColumn[];
  /** A partial index's WHERE clause, as written. */
  where: string | null;
}

export interface AppendOnlyTable {
  table: string;
  /** The WHEN clause of its no-delete trigger (OLD.*), if the guard protects some rows only. */
  deleteWhen: string | null;
  keys: UniqueKey[];
  rowid: boolean;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Rewrites the column names of `expr` (outside string literals) as `alias.column`; OLD.x becomes alias.x. */
function qualify(expr: string, columns: readonly string[], alias: string): string {
  const names = new Set(columns.map((c) => c.toLowerCase()));
  return expr.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|\bOLD\.([A-Za-z_][A-Za-z0-9_]*)|\b([A-Za-z_][A-Za-z0-9_]*)\b(?!\s*\()/g, (m, old: string | undefined, word: string | undefined) => {
    if (old !== undefined) return `${alias}.${old}`;
    if (word !== undefined && names.has(word.toLowerCase())) return `${alias}.${word}`;
    return m;
  });
}

/** The tables guarded against deletes, with their unique keys, as the store's schema has them. */
export function appendOnlyTables(sqlite: Database): AppendOnlyTable[] {
  const triggers = sqlite
    .prepare("SELECT name, tbl_name AS tbl, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_no\\_delete' ESCAPE '\\' ORDER BY tbl_name")
    .all() as { name: string; tbl: string; sql: string }[];
  return triggers
    .filter((t) => t.name === `${t.tbl}_no_delete`)
    .map((t) => {
      const when = /\bWHEN\b([\s\S]*?)\bBEGIN\b/i.exec(t.sql);
      const tableSql = String(sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(t.tbl));
      const indexes = sqlite.prepare(`PRAGMA index_list(${quoteIdent(t.tbl)})`).all() as { name: string; unique: number; partial: number }[];
      const keys = indexes
        .filter((i) => i.unique === 1)
        .map((i) => {
          const info = sqlite.prepare(`PRAGMA index_xinfo(${quoteIdent(i.name)})`).all() as { name: string | null; key: number; coll: string }[];
          const columns = info.filter((c) => c.key === 1).map((c) => {
            if (c.name === null) throw new Error(`${t.tbl}: unique index ${i.name} on an expression is not supported`);
            return { name: c.name, coll: c.coll };
          });
          let where: string | null = null;
          if (i.partial === 1) {
            const indexSql = String(sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").pluck().get(i.name));
            where = /\bWHERE\b([\s\S]*)$/i.exec(indexSql)?.[1]?.trim() ?? null;
          }
          return { name: i.name, columns, where };
        })
        .sort((a, b) => a.name.localeCompare(b.name));
      return { table: t.tbl, deleteWhen: when?.[1]?.trim() ?? null, keys, rowid: !/\bWITHOUT\s+ROWID\b/i.test(tableSql) };
    });
}

/** The CREATE TRIGGER statement that guards one table. */
export function noReplaceTrigger(sqlite: Database, t: AppendOnlyTable): string {
  const columns = (sqlite.prepare(`PRAGMA table_info(${quoteIdent(t.table)})`).all() as { name: string }[]).map((c) => c.name);
  const protectedRow = t.deleteWhen === null ? '' : ` AND (${qualify(t.deleteWhen, columns, 'o')})`;
  const tests: string[] = [];
  if (t.rowid) tests.push(`EXISTS (SELECT 1 FROM ${t.table} o WHERE o.rowid = NEW.rowid${protectedRow})`);
  for (const key of t.keys) {
    const match = key.columns.map((c) => `o.${c.name} = NEW.${c.name}${c.coll.toUpperCase() === 'BINARY' ? '' : ` COLLATE ${c.coll}`}`).join(' AND ');
    const partial = key.where === null ? '' : ` AND (${qualify(key.where, columns, 'o')}) AND (${qualify(key.where, columns, 'NEW')})`;
    tests.push(`EXISTS (SELECT 1 FROM ${t.table} o WHERE ${match}${partial}${protectedRow})`);
  }
  return [
    `CREATE TRIGGER ${t.table}${NO_REPLACE_SUFFIX} BEFORE INSERT ON ${t.table}`,
    `WHEN ${tests.join('\n  OR ')}`,
    'BEGIN',
    `  SELECT RAISE(ABORT, '${t.table}: ${NO_REPLACE_MESSAGE}');`,
    'END',
  ].join('\n');
}

/** Every guard the store's schema calls for, in table order. */
export function noReplaceTriggers(sqlite: Database): { table: string; sql: string }[] {
  return appendOnlyTables(sqlite).map((t) => ({ table: t.table, sql: noReplaceTrigger(sqlite, t) }));
}
