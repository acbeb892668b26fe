/**
 * Online backups (issue 6): SQLite's backup API copies the live store page by page while the counter
 * keeps working; backups rotate (the newest `keep` stay); a restore first proves the backup sound
 * (integrity check, audit chain) and only then replaces the store, keeping the damaged one aside.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../../db/schema.js';
import type { Store } from '../../db/open.js';
import type { ChainHead } from '../../preload/kernel/chain-head.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { parseHead } from '../domain/chain-head.js';
import { BACKUP_FILE_NAME } from '../data-dir.js';
import { recordedHeads, verifyAuditChain, type AnchorHead } from './audit.js';


function stamp(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getUTCFullYear()}${p(at.getUTCMonth() + 1)}${p(at.getUTCDate())}-${p(at.getUTCHours())}${p(at.getUTCMinutes())}${p(at.getUTCSeconds())}`;
}

export interface BackupInfo {
  file: string;
  bytes: number;
  at: string;
}

/** A backup just taken: also where its copy on the second path went, or why it could not (R-INV-09). */
export interface TakenBackup extends BackupInfo {
  mirror: string | null;
  mirrorError: string | null;
}

export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => BACKUP_FILE_NAME.test(f))
    .sort()
    .reverse()
    .map((f) => ({ file: join(dir, f), bytes: statSync(join(dir, f)).size, at: BACKUP_FILE_NAME.exec(f)?.[1] ?? '' }));
}

/**
 * Takes a backup now and deletes all but the newest `keep`. With a second path (R-INV-09: a USB disk or a
 * network share), the finished backup is copied there too and rotated alike; a second path that cannot be
 * written leaves the backup in place and says why (`mirrorError`), it never fails the backup itself.
 */
export async function backupNow(store: Store, dir: string, now: Date, keep = 14, mirrorDir?: string): Promise<TakenBackup> {
  mkdirSync(dir, { recursive: true });
  for (const stale of readdirSync(dir).filter((f) => f.endsWith('.db.part'))) rmSync(join(dir, stale), { force: true });
  let file = join(dir, `gas-hall-${stamp(now)}.db`);
  for (let i = 1; existsSync(file); i++) file = join(dir, `gas-hall-${stamp(new Date(now.getTime() + i * 1000))}.db`);
  // written under a temporary name first, so a listed backup is always a complete one
  await store.sqlite.backup(`${file}.part`);
  renameSync(`${file}.part`, file);
  for (const old of listBackups(dir).slice(keep)) rmSync(old.file, { force: true });
  const mirrored = mirrorDir ? mirrorBackup(file, mirrorDir, keep) : { mirror: null, mirrorError: null };
  return { file, bytes: statSync(file).size, at: BACKUP_FILE_NAME.exec(basename(file))?.[1] ?? '', ...mirrored };
}

function mirrorBackup(file: string, mirrorDir: string, keep: number): { mirror: string | null; mirrorError: string | null } {
  const copy = join(mirrorDir, basename(file));
  try {
    mkdirSync(mirrorDir, { recursive: true });
    copyFileSync(file, `${copy}.part`);
    renameSync(`${copy}.part`, copy);
    for (const old of listBackups(mirrorDir).slice(keep)) rmSync(old.file, { force: true });
    return { mirror: copy, mirrorError: null };
  } catch (error) {
    return { mirror: null, mirrorError: `第二备份位置不可用：${mirrorDir}（${error instanceof Error ? error.message : String(error)}）` };
  }
}

/** Proves a backup usable: integrity and the audit chain. */
export function checkBackup(file: string): { ok: boolean; detail: string; payments: number } {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('schema_version');
  } catch (error) {
    db?.close();
    // missing, not a database, or its header damaged: no backup to restore
    return { ok: false, detail: `无法打开（${error instanceof Error ? error.message : String(error)}）`, payments: 0 };
  }
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
  const check = assessBackup(backup, options.heads ?? [], headsOfReplaced(target));
  if (!check.ok) throw new Error(`备份 ${backup} 不可用：${check.detail}`);
  if (check.differs.length > 0) throw new Error(`备份 ${backup} 与链头不符，不能恢复：${check.differs.join('；')}`);
  const { lost } = check;
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

/**
 * What restoring `file` would mean: unusable (integrity, audit chain), or usable with the heads it contradicts
 * (`differs`: never restored) and those it ends before (`lost`: restored only when the loss is accepted).
 */
function assessBackup(file: string, printed: readonly ChainHead[], replaced: readonly AnchorHead[]): { ok: false; detail: string } | { ok: true; payments: number; differs: string[]; lost: string[] } {
  const check = checkBackup(file);
  if (!check.ok) return { ok: false, detail: check.detail };
  const anchored = verifyBackupAgainst(file, printed, replaced);
  return { ok: true, payments: check.payments, differs: anchored.filter((m) => m.kind === 'HASH_DIFFERS').map((m) => m.message), lost: anchored.map((m) => m.message) };
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
export function scheduleBackups(
  store: Store,
  dir: string,
  everyMs = 3_600_000,
  keep = 14,
  clock: () => Date = () => new Date(),
  /** The second path, or (issue 12 #6) a function read at each backup, so one set in the app applies at once. */
  mirrorDir?: string | (() => string | undefined),
): () => void {
  let running = false;
  const run = () => {
    if (running) return; // one backup at a time
    running = true;
    // the second path is read inside the chain: a failure to read it is logged like a failed backup, never thrown from the timer
    void Promise.resolve()
      .then(() => backupNow(store, dir, clock(), keep, typeof mirrorDir === 'function' ? mirrorDir() : mirrorDir))
      .then((taken) => {
        if (taken.mirrorError) console.error(taken.mirrorError);
      })
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

/** Issue 12 #6: a backup named from the app must be one of the listed ones (no other file is opened or restored). */
export function listedBackup(backupDir: string, file: string, refusal: string): BackupInfo {
  const listed = listBackups(backupDir).find((b) => resolve(b.file) === resolve(file));
  if (!listed) throw new DomainError('NOT_FOUND', refusal, 'file');
  return listed;
}

/** Where a restore chosen in the app waits for the next start (issue 12 #6): beside the store. */
export function pendingRestoreFile(dbFile: string): string {
  return `${dbFile}.restore.json`;
}

interface PendingRestore {
  backup: string;
  heads: ChainHead[];
  acceptLoss: boolean;
  /** The manager who chose it in the app; null when the damaged-store dialog did (issue 12 #6). */
  requestedBy: string | null;
  requestedAt: string;
}

export interface RestoreChoice {
  file: string;
  /** Heads read off printed 日结 / cash reports, as typed (`#1234 1a2b3c4d5e6f`). */
  heads: readonly string[];
  acceptLoss: boolean;
}

/**
 * Issue 12 #6: a manager chooses a backup in the app. It must be one of the listed backups; it is checked now
 * (integrity, audit chain, the heads this store recorded and those printed on paper) and restored at the next
 * start, before the store opens, since the running counters hold it open. Nothing changes until then.
 */
export function requestRestore(store: Store, dbFile: string, backupDir: string, choice: RestoreChoice, requestedBy: string, now: Date): { payments: number; lost: string[]; restartRequired: true } {
  const listed = listedBackup(backupDir, choice.file, '只能恢复备份列表中的备份');
  const heads = choice.heads.map(parseHead);
  const check = assessBackup(listed.file, heads, recordedHeads(store.db, 'replaced'));
  if (!check.ok) throw new DomainError('VALIDATION', `备份不可用：${check.detail}`, 'file');
  if (check.differs.length > 0) throw new DomainError('VALIDATION', `备份与链头不符，不能恢复：${check.differs.join('；')}`, 'file');
  const { lost } = check;
  if (lost.length > 0 && !choice.acceptLoss) {
    throw new DomainError('VALIDATION', `此备份早于已打印或已记录的链头，恢复将丢失其后的记录：${lost.join('；')}。确认丢失后再恢复`, 'acceptLoss');
  }
  const pending: PendingRestore = { backup: listed.file, heads, acceptLoss: choice.acceptLoss, requestedBy, requestedAt: now.toISOString() };
  writeFileSync(pendingRestoreFile(dbFile), JSON.stringify(pending));
  return { payments: check.payments, lost, restartRequired: true };
}

export type StartRestore =
  | { kind: 'none' }
  | { kind: 'restored'; backup: string; replaced: string | null; payments: number; lost: string[]; requestedBy: string | null }
  | { kind: 'failed'; backup: string; reason: string };

/**
 * At start, before the store opens: carries out a restore chosen in the app. A restore that fails (the backup
 * went missing, a head no longer matches) leaves the store as it was and its request aside as *.failed.
 */
export function applyPendingRestore(dbFile: string, now: Date): StartRestore {
  const marker = pendingRestoreFile(dbFile);
  if (!existsSync(marker)) return { kind: 'none' };
  let pending: PendingRestore | null = null;
  try {
    pending = JSON.parse(readFileSync(marker, 'utf8')) as PendingRestore;
    const done = restoreBackup(pending.backup, dbFile, now, { heads: pending.heads, acceptLoss: pending.acceptLoss });
    rmSync(marker, { force: true });
    return { kind: 'restored', backup: pending.backup, replaced: done.replaced, payments: done.payments, lost: done.lost, requestedBy: pending.requestedBy };
  } catch (error) {
    renameSync(marker, `${marker}.failed`);
    return { kind: 'failed', backup: pending?.backup ?? '', reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Issue 12 #6: the store is damaged and the clerk chose, in the start-up dialog, to restore the newest sound
 * backup: the newest one that passes its checks (integrity, audit chain) is left to be restored as the store
 * opens. The damaged store's heads cannot be read, so what it held after the backup is lost (the restore keeps
 * the damaged file aside, and the audit row names the backup).
 */
export function chooseNewestSoundBackup(dbFile: string, backupDir: string, now: Date): string {
  const sound = listBackups(backupDir).find((b) => checkBackup(b.file).ok);
  if (!sound) throw new Error(`备份文件夹 ${backupDir} 中没有完好的备份可以恢复`);
  const pending: PendingRestore = { backup: sound.file, heads: [], acceptLoss: true, requestedBy: null, requestedAt: now.toISOString() };
  writeFileSync(pendingRestoreFile(dbFile), JSON.stringify(pending));
  return sound.file;
}
