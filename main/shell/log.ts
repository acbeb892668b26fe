/**
 * Issue 12 #5: the shell's log, a rotating file in the data folder (`<data>/logs/main.log`) written with
 * electron-log. Its `electron-log/node` entry is used on purpose: `electron-log/main` registers an
 * `__ELECTRON_LOG__` IPC channel for every frame on load, and the shell answers only the contract's channels.
 * The file rotates at `maxSize` into main.1.log … main.<keep>.log (the oldest dropped). Debug lines (the
 * back end's output, device frames) are written only with GAS_LOG_LEVEL=debug. No electron import.
 */
import electronLog from 'electron-log/node';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, parse } from 'node:path';

export type Level = 'error' | 'warn' | 'info' | 'debug';

export interface Log {
  readonly file: string;
  error(...params: unknown[]): void;
  warn(...params: unknown[]): void;
  info(...params: unknown[]): void;
  debug(...params: unknown[]): void;
}

/** The rotation: main.log → main.1.log, main.1.log → main.2.log, …; main.<keep>.log is dropped. */
export function rotate(file: string, keep: number, fs: { existsSync(p: string): boolean; renameSync(a: string, b: string): void; rmSync(p: string, o: { force: true }): void } = { existsSync, renameSync, rmSync }): void {
  const { dir, name, ext } = parse(file);
  const numbered = (n: number) => join(dir, `${name}.${n}${ext}`);
  fs.rmSync(numbered(keep), { force: true });
  for (let n = keep - 1; n >= 1; n--) if (fs.existsSync(numbered(n))) fs.renameSync(numbered(n), numbered(n + 1));
  fs.renameSync(file, numbered(1));
}

export function logLevel(env: Record<string, string | undefined>): Level {
  const level = env.GAS_LOG_LEVEL;
  return level === 'error' || level === 'warn' || level === 'debug' ? level : 'info';
}

export function createLog(dataDir: string, options: { level?: Level; maxSize?: number; keep?: number; console?: boolean } = {}): Log {
  const log = electronLog.create({ logId: `gas-hall:${dataDir}` });
  const file = join(dataDir, 'logs', 'main.log');
  const keep = options.keep ?? 5;
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.level = options.level ?? 'info';
  log.transports.file.maxSize = options.maxSize ?? 5 * 1024 * 1024;
  log.transports.file.archiveLogFn = (old) => {
    try {
      rotate(old.path, keep);
    } catch (error) {
      console.error('could not rotate the log', error);
    }
  };
  log.transports.console.level = options.console === false ? false : 'warn';
  return {
    file,
    error: (...p) => log.error(...p),
    warn: (...p) => log.warn(...p),
    info: (...p) => log.info(...p),
    debug: (...p) => log.debug(...p),
  };
}
