/**
 * Issue 12 #6 (R-INV-09): the second backup path (a USB disk or a network share) set in the app by a hall
 * manager or an administrator. Stored in backup_settings (a stored choice, also a cleared one, wins over the
 * start's GAS_BACKUP_MIRROR), audited, and read by every backup when it runs, so a change needs no restart.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import { eq } from 'drizzle-orm';
import { backupSettings } from '../../db/schema.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { appendAudit } from './audit.js';
import type { Actor, ServiceDeps } from './context.js';

export interface MirrorSetting {
  /** Where backups are copied to now; null: nowhere. */
  dir: string | null;
  /** false: the start's choice (GAS_BACKUP_MIRROR), nothing stored. */
  stored: boolean;
  /** The start's choice (GAS_BACKUP_MIRROR). */
  startDir: string | null;
}

export function storedMirror(deps: Pick<ServiceDeps, 'db'>): { dir: string | null } | null {
  const row = deps.db.select().from(backupSettings).where(eq(backupSettings.key, 'mirror')).get();
  return row ? { dir: row.dir } : null;
}

export function mirrorSetting(deps: Pick<ServiceDeps, 'db'>, startDir: string | null): MirrorSetting {
  const stored = storedMirror(deps);
  return { dir: stored ? stored.dir : startDir, stored: stored !== null, startDir };
}

const refuse = (message: string) => new DomainError('VALIDATION', message, 'dir');
const reason = (error: unknown) => {
  const code = (error as { code?: unknown }).code;
  if (code === 'EACCES' || code === 'EPERM') return '没有权限';
  if (code === 'EROFS') return '只读的磁盘';
  if (code === 'ENOSPC') return '磁盘已满';
  if (code === 'ENOTDIR') return '路径中有一段不是文件夹';
  if (code === 'ENOENT') return '磁盘或共享不存在';
  return error instanceof Error ? error.message : String(error);
};

/**
 * A usable second path: a full path, not the backup folder itself, a folder that exists or can be made, and
 * writable (a probe file is written and removed: a network share's permissions show only that way).
 */
export function checkMirrorDir(dir: string, backupDir: string | undefined, platform: NodeJS.Platform = process.platform): string {
  const path = platform === 'win32' ? win32 : posix;
  if (!path.isAbsolute(dir)) throw refuse(`请填写完整路径（如 E:\\备份 或 /media/usb/备份）：${dir}`);
  const normal = path.resolve(dir);
  if (backupDir && path.resolve(backupDir) === normal) throw refuse(`第二备份位置不能是备份目录本身：${dir}`);
  if (existsSync(normal) && !statSync(normal).isDirectory()) throw refuse(`不是文件夹：${dir}`);
  try {
    mkdirSync(normal, { recursive: true });
  } catch (error) {
    throw refuse(`无法创建文件夹 ${dir}：${reason(error)}`);
  }
  const probe = path.join(normal, `.gas-hall-probe-${randomUUID()}`);
  try {
    writeFileSync(probe, 'probe');
  } catch (error) {
    throw refuse(`无法写入文件夹 ${dir}：${reason(error)}`);
  } finally {
    rmSync(probe, { force: true });
  }
  return normal;
}

/** Sets (a checked folder) or clears (null) the second path, audited; the next backup uses it. */
export function setMirror(deps: ServiceDeps, actor: Actor, input: { dir: string | null }, backupDir: string | undefined, startDir: string | null): MirrorSetting {
  const typed = input.dir?.trim() ?? '';
  const dir = typed === '' ? null : checkMirrorDir(typed, backupDir);
  const before = storedMirror(deps);
  const at = deps.clock.now();
  deps.db.transaction((tx) => {
    const row = { dir, updatedBy: actor.staffId, updatedAt: at.toISOString() };
    tx.insert(backupSettings)
      .values({ key: 'mirror', ...row })
      .onConflictDoUpdate({ target: backupSettings.key, set: row })
      .run();
    appendAudit(tx, { actorId: actor.staffId, action: 'backup.mirror.set', entity: 'backup', entityId: 'mirror', detail: { before, after: { dir } } }, at);
  });
  return mirrorSetting(deps, startDir);
}
