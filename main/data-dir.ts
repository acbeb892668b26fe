/**
 * Issue 12 #6: where the store, its backups and the logs live. One folder per machine, not per Windows user
 * (Electron's userData is per user), so every clerk signing in to a counter PC's Windows account sees the same
 * store and the same slip numbers: %ProgramData% on Windows, a system path on Linux, GAS_DATA_DIR to choose
 * another; in development (not packaged) the checkout's .data, as the harness uses. Pure: no electron, no fs.
 */
import { posix, win32 } from 'node:path';

export const DATA_FOLDER_WINDOWS = 'GasHallTeller';
export const DATA_FOLDER_LINUX = '/var/lib/gas-hall-teller';

export interface DataDirInput {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** app.isPackaged: an installed app; otherwise a checkout run by `npm start`. */
  packaged: boolean;
  appRoot: string;
}

const pathOf = (platform: NodeJS.Platform) => (platform === 'win32' ? win32 : posix);

export function dataDirFor({ platform, env, packaged, appRoot }: DataDirInput): string {
  const chosen = env.GAS_DATA_DIR?.trim();
  if (chosen) return chosen;
  if (!packaged) return pathOf(platform).join(appRoot, '.data');
  if (platform === 'win32') return win32.join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', DATA_FOLDER_WINDOWS);
  return DATA_FOLDER_LINUX;
}

/** A backup's file name in the backups folder, its stamp captured (the back end writes them, the shell only looks). */
export const BACKUP_FILE_NAME = /^gas-hall-(\d{8}-\d{6})\.db$/;

export interface DataPaths {
  dbFile: string;
  backupDir: string;
  logDir: string;
  /** R-INV-09: a second backup path (a USB disk or a network share), from GAS_BACKUP_MIRROR. */
  backupMirrorDir: string | null;
  /** Issue 12 #4: where the shell remembers its windows' positions and sizes. */
  windowStateFile: string;
}

export function dataPaths(dir: string, platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>): DataPaths {
  const { join } = pathOf(platform);
  return { dbFile: join(dir, 'gas-hall.db'), backupDir: join(dir, 'backups'), logDir: join(dir, 'logs'), backupMirrorDir: env.GAS_BACKUP_MIRROR?.trim() || null, windowStateFile: join(dir, 'window-state.json') };
}
