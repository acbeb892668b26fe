/**
 * Online backups (issue 6): SQLite's backup API copies the live store page by page while the counter
 * keeps working; backups rotate (the newest `keep` stay); a restore first proves the backup sound
 * (integrity check, audit chain) and only then replaces the store, keeping the damaged one aside.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../../db/schema.js';
import type { Store } from '../../db/open.js';
import type { ChainHead } from '../../preload/kernel/chain-head.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { recordedHeads, verifyAuditChain, type AnchorHead } from './audit.js';

const NAME = /^gas-hall-(\d{8}-\d{6})\.db$/;

function stamp(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getUTCFullYear()}${p(at.getUTCMonth() + 1)}${p(at.getUTCDate())}-${p(at.getUTCHours())}${p(at.getUTCMinutes())}${p(at.getUTCSeconds())}`;
}

export interface BackupInfo {
  file: string;
  bytes: number;
  at: string;
}

export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => NAME.test(f))
    .sort()
    .reverse()
    .map((f) => ({ file: join(dir, f), bytes: statSync(join(dir, f)).size, at: NAME.exec(f)?.[1] ?? '' }));
}

/** Takes a backup now and deletes all but the newest `keep`. */
export async function backupNow(store: Store, dir: string, now: Date, keep = 14): Promise<BackupInfo> {
  mkdirSync(dir, { recursive: true });
  for (const stale of readdirSync(dir).filter((f) => f.endsWith('.db.part'))) rmSync(join(dir, stale), { force: true });
  let file = join(dir, `gas-hall-${stamp(now)}.db`);
  for (let i = 1; existsSync(file); i++) file = join(dir, `gas-hall-${stamp(new Date(now.getTime() + i * 1000))}.db`);
  // written under a temporary name first, so a listed backup is always a complete one
  await store.sqlite.backup(`${file}.part`);
  renameSync(`${file}.part`, file);
  for (const old of listBackups(dir).slice(keep)) rmSync(old.file, { force: true });
  return { file, bytes: statSync(file).size, at: NAME.exec(basename(file))?.[1] ?? '' };
}

/** Proves a backup usable: integrity and the audit chain. */
export function checkBackup(file: string): { ok: boolean; detail: string; payments: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    if (integrity !== 'ok') return { ok: false, detail: integrity, payments: 0 };
    const chain = verifyAuditChain(drizzle(db, { schema }));
    if (!chain.ok) {
      const detail = chain.brokenAtSeq !== null ? `审计链断开于第 ${String(chain.brokenAtSeq)} 条` : chain.mismatches.map((m) => m.message).join('；');
      return { ok: false, detail, payments: 0 };
    }
    return { ok: true, detail: 'ok', payments: Number(db.prepare('SELECT count(*) FROM payments').pluck().get()) };
  } finally {
    db.close();
  }
}

/**
 * Issue 10 #20: whether a process (the app, the harness) has the store open. Every connection of the app holds
 * a shared lock while it is open (WAL mode); taking SQLite's exclusive lock without waiting fails then. The
 * operating system drops the locks of a process that died, so a crash leaves nothing stale behind. (Like
 * SQLite itself, this relies on working file locks: a local disk, not a network share.)
 */
export function storeInUse(file: string): boolean {
  if (!existsSync(file)) return false;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 0 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    // busy or locked: someone holds it; anything else (not a database, damaged) is no one's open store
    return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
  } finally {
    db?.close();
  }
}

/** The heads recorded in the store a restore would replace, if it can still be read. */
function headsOfReplaced(target: string): AnchorHead[] {
  if (!existsSync(target)) return [];
  let db: Database.Database | undefined;
  try {
    db = new Database(target, { readonly: true, fileMustExist: true });
    return recordedHeads(drizzle(db, { schema }), 'replaced');
  } catch {
    return []; // a damaged or foreign file has no heads to keep; the printed ones still count
  } finally {
    db?.close();
  }
}

export interface RestoreOptions {
  /** Heads read off printed 日结 / cash reports. */
  heads?: readonly ChainHead[];
  /** Restore even though the backup ends before a recorded or printed head (the later records are lost). */
  acceptLoss?: boolean;
}

/**
 * Restores `backup` into `target`; the replaced store is kept as *.replaced-<stamp>. Refused while the store is
 * open (issue 10 #20), for a backup that fails its checks, whose chain differs from a head recorded in the
 * replaced store or printed on paper, or ends before such a head (unless `acceptLoss`; `lost` says what).
 */
export function restoreBackup(backup: string, target: string, now: Date, options: RestoreOptions = {}): { replaced: string | null; payments: number; lost: string[] } {
  if (storeInUse(target)) throw new DomainError('VALIDATION', `数据库 ${target} 正在使用中，请先退出营业厅程序（和浏览器测试台）再恢复`, 'db');
  const check = checkBackup(backup);
  if (!check.ok) throw new Error(`备份 ${backup} 不可用：${check.detail}`);
  const anchored = verifyBackupAgainst(backup, options.heads ?? [], headsOfReplaced(target));
  const differs = anchored.filter((m) => m.kind === 'HASH_DIFFERS');
  if (differs.length > 0) throw new Error(`备份 ${backup} 与链头不符，不能恢复：${differs.map((m) => m.message).join('；')}`);
  const lost = anchored.map((m) => m.message);
  if (lost.length > 0 && !options.acceptLoss) {
    throw new Error(`备份 ${backup} 早于已打印或已记录的链头，恢复将丢失其后的记录：${lost.join('；')}。确认后加 --accept-loss 再恢复`);
  }
  let replaced: string | null = null;
  if (existsSync(target)) {
    replaced = `${target}.replaced-${stamp(now)}`;
    renameSync(target, replaced);
    for (const suffix of ['-wal', '-shm']) if (existsSync(target + suffix)) renameSync(target + suffix, replaced + suffix);
  }
  copyFileSync(backup, target);
  return { replaced, payments: check.payments, lost };
}

function verifyBackupAgainst(file: string, printed: readonly ChainHead[], replaced: readonly AnchorHead[]) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return verifyAuditChain(drizzle(db, { schema }), printed, replaced).mismatches;
  } finally {
    db.close();
  }
}

/** Backs up a minute after start and then on a schedule (default hourly) while the app runs. */
export function scheduleBackups(store: Store, dir: string, everyMs = 3_600_000, keep = 14, clock: () => Date = () => new Date()): () => void {
  let running = false;
  const run = () => {
    if (running) return; // one backup at a time
    running = true;
    void backupNow(store, dir, clock(), keep)
      .catch((error: unknown) => {
        if (store.sqlite.open) console.error('backup failed', error); // a backup cut off by closing the app is simply not kept
      })
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(run, Math.min(60_000, everyMs));
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
