/**
 * Issue 12 #5: what the clerk is told when the app cannot start (the back end could not open the store, or
 * another start-up step failed): the reason, what to do, and where the log is. No electron import.
 */
import { BACKUP_FILE_NAME } from '../data-dir.js';
export interface StartupFailure {
  title: string;
  content: string;
}

const DAMAGED = /完整性检查未通过|malformed|not a database|SQLITE_CORRUPT|SQLITE_NOTADB/i;

function advice(reason: string): string {
  if (DAMAGED.test(reason)) {
    return '数据文件已损坏，请勿再次启动或复制覆盖。可从最近的完好备份恢复（原文件保留备查），恢复后请核对最后一次备份之后办理的业务；没有备份时请联系管理员。';
  }
  if (/database is locked|SQLITE_BUSY|SQLITE_LOCKED|EBUSY|being used by another process/i.test(reason)) {
    return '数据文件正被其他程序占用。请关闭本机上其他正在运行的柜台系统（或备份、杀毒程序）后重新启动；仍不能启动请重启电脑。';
  }
  if (/migrat|迁移|Failed to run the query|no such table|no such column/i.test(reason)) {
    return '数据库升级失败，数据未被更改。请勿继续使用此版本，联系管理员或信息中心处理（请提供下面的日志文件）。';
  }
  if (/EACCES|EPERM|permission denied|read-only|SQLITE_READONLY|SQLITE_CANTOPEN/i.test(reason)) {
    return '没有读写数据文件夹的权限。请联系管理员检查数据文件夹的权限后重新启动。';
  }
  return '请重新启动本程序；如仍不能启动，请联系管理员（请提供下面的日志文件）。';
}

export function startupFailure(reason: string, paths: { logFile: string; dataDir: string }): StartupFailure {
  return {
    title: '燃气营业厅柜台系统无法启动',
    content: [`原因：${reason.replace(/\s*[(（]npm run [^)）]*[)）]/g, '')}`, '', `处理办法：${advice(reason)}`, '', `数据文件夹：${paths.dataDir}`, `日志文件：${paths.logFile}`].join('\n'),
  };
}

/** Issue 12 #6: the command-line switch of a restart that restores the newest sound backup before the store opens. */
export const RESTORE_NEWEST_BACKUP_ARG = '--restore-newest-backup';

/** A damaged store (not one in use, not a failed migration): a backup can replace it. */
export function isDamagedStore(reason: string): boolean {
  return DAMAGED.test(reason);
}

/** The backups the shell can see in the data folder (gas-hall-<stamp>.db), without opening any. */
export function hasBackupFiles(names: readonly string[]): boolean {
  return names.some((n) => BACKUP_FILE_NAME.test(n));
}
