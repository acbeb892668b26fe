/**
 * Opens the store: WAL, synchronous=FULL, foreign_keys=ON (ARCHITECTURE "Nothing lost"), then applies the
 * committed drizzle-kit migrations. Refuses to run if a pragma did not take.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.js';
import { DEFAULT_CHECKPOINT_POLICY, WalCheckpointer, type CheckpointPolicy } from './checkpoints.js';
import { businessDateOf } from '../preload/kernel/dates.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * What a service writes through: the store itself or the `tx` of `db.transaction((tx) => …)` (both fit). The one
 * transaction type of the back end (issue 11 #4), instead of a local `type Tx` per service.
 */
export type Tx = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'all' | 'get' | 'run'>;

/** The read-only view of a {@link Tx}, for helpers that only look things up. */
export type ReadTx = Pick<Tx, 'select' | 'all' | 'get'>;

export interface Store {
  sqlite: Database.Database;
  db: Db;
  /** Issue 13 #3: the write connection's WAL checkpoints at idle (null for a read-only store). */
  checkpoints: WalCheckpointer | null;
  /** Issue 13 #5: true when the integrity check was left to the caller (OpenOptions.integrity 'deferred'). */
  integrityDeferred: boolean;
  /**
   * Closes the store. `keepWal` (issue 13 #5: a store not known to be sound): no checkpoint at all, the WAL is left
   * as it is (the last connection to close is a read-only one, which SQLite does not checkpoint from).
   */
  close(options?: { keepWal?: boolean }): void;
}

export interface OpenOptions {
  migrationsDir: string;
  readonly?: boolean;
  /** Issue 13 #3: when the WAL is checkpointed (DEFAULT_CHECKPOINT_POLICY unless given). */
  checkpoints?: Partial<CheckpointPolicy>;
  /**
   * Issue 13 #5: 'at-open' (the default: tools, scripts, tests) runs PRAGMA quick_check before anything else;
   * 'deferred' leaves it to the caller (the host checks in the background and refuses writes meanwhile), except
   * when a migration is pending: a migration writes, and a damaged store is never written to.
   */
  integrity?: 'at-open' | 'deferred';
  /**
   * Issue 14 #1: the hall's business date now, as SQL's gas_business_date() answers it to the outbox's capture
   * triggers for a row without a business_date column (default: the system clock; the host passes its clock).
   */
  businessDate?: () => string;
}

/** Whether the committed migrations include one this store has not applied (drizzle compares the journal's times). */
function hasPendingMigrations(sqlite: Database.Database, migrationsDir: string): boolean {
  const journal = JSON.parse(readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  const newest = Math.max(0, ...journal.entries.map((e) => e.when));
  const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!table) return true;
  return Number(sqlite.prepare('SELECT max(created_at) FROM __drizzle_migrations').pluck().get() ?? 0) < newest;
}

/** Every character as its own token, for the one- and two-character search index (migration 0002). */
export function spacedChars(text: unknown): string | null {
  return typeof text === 'string' ? [...text].join(' ') : null;
}

function pragmaValue(sqlite: Database.Database, name: string): unknown {
  return sqlite.pragma(name, { simple: true });
}

export class StoreDamagedError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`数据库 ${file} 完整性检查未通过（${detail}），请勿继续使用，联系信息中心用最近的备份恢复 (npm run restore)`);
    this.name = 'StoreDamagedError';
  }
}

export function openStore(file: string, options: OpenOptions): Store {
  const sqlite = new Database(file, { readonly: options.readonly ?? false });
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.function('gas_spaced_chars', { deterministic: true }, spacedChars);
    const businessDate = options.businessDate ?? (() => businessDateOf(new Date()));
    sqlite.function('gas_business_date', { deterministic: false }, () => businessDate());
    const checks: [string, unknown][] = [
      ['journal_mode', 'wal'],
      ['synchronous', 2],
      ['foreign_keys', 1],
    ];
    for (const [name, expected] of checks) {
      const actual = pragmaValue(sqlite, name);
      if (actual !== expected) throw new Error(`PRAGMA ${name} is ${String(actual)}, expected ${String(expected)}`);
    }
    // Integrity check at every start (issue 6): a damaged store is never written to; restore a backup. Issue 13 #5:
    // deferred to the host's background check unless a migration would write first.
    const integrityDeferred = options.integrity === 'deferred' && (options.readonly === true || !hasPendingMigrations(sqlite, options.migrationsDir));
    if (!integrityDeferred) {
      const check = sqlite.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new StoreDamagedError(file, String(check));
    }
    const db = drizzle(sqlite, { schema });
    if (!options.readonly) migrate(db, { migrationsFolder: options.migrationsDir });
    const checkpoints = options.readonly ? null : new WalCheckpointer(sqlite, file, { ...DEFAULT_CHECKPOINT_POLICY, ...options.checkpoints });
    checkpoints?.start();
    return {
      sqlite,
      db,
      checkpoints,
      integrityDeferred,
      close: (closing) => {
        if (closing?.keepWal && !options.readonly) {
          checkpoints?.stop();
          let reader: Database.Database | null = null;
          try {
            reader = new Database(file, { readonly: true, fileMustExist: true });
            reader.prepare('SELECT count(*) FROM sqlite_master').get();
          } catch {
            // a file SQLite cannot read at all: there is no WAL of it to keep
          }
          sqlite.close();
          reader?.close();
          return;
        }
        checkpoints?.close();
        sqlite.close();
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
