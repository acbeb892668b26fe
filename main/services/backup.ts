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
import { verifyAuditChain } from './audit.js';

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
    if (!chain.ok) return { ok: false, detail: `审计链断开于第 ${String(chain.brokenAtSeq ?? "")} 条`, payments: 0 };
    return { ok: true, detail: 'ok', payments: Number(db.prepare('SELECT count(*) FROM payments').pluck().get()) };
  } finally {
    db.close();
  }
}

/** Restores `backup` into `target` (the app must be stopped); the replaced store is kept as *.replaced-<stamp>. */
export function restoreBackup(backup: string, target: string, now: Date): { replaced: string | null; payments: number } {
  const check = checkBackup(backup);
  if (!check.ok) throw new Error(`备份 ${backup} 不可用：${check.detail}`);
  let replaced: string | null = null;
  if (existsSync(target)) {
    replaced = `${target}.replaced-${stamp(now)}`;
    renameSync(target, replaced);
    for (const suffix of ['-wal', '-shm']) if (existsSync(target + suffix)) renameSync(target + suffix, replaced + suffix);
  }
  copyFileSync(backup, target);
  return { replaced, payments: check.payments };
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
