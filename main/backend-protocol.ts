/**
 * Issue 11 #7: the messages between the Electron shell (main process, main/app.ts + main/backend-link.ts) and
 * the back end in its utility process (main/backend.ts). Plain data, structured-cloned over the utility
 * process's parent port. No imports: the shell must not reach the back end's code through this file.
 */

/** The environment variable that gives the utility process its BackendStart (JSON). */
export const BACKEND_START_ENV = 'GAS_BACKEND_START';

/** Where the back end keeps its store. */
export interface BackendStart {
  dbFile: string;
  migrationsDir: string;
  backupDir?: string;
  /** R-INV-09: a second path every backup is copied to (a USB disk or a network share). */
  backupMirrorDir?: string;
  /** Issue 12 #6: restore the newest sound backup before the store opens (the damaged-store dialog's restart). */
  restoreNewestBackup?: boolean;
}

/** What the router answers (preload/contract.ts `Result`), as the shell passes it on untouched. */
export type CallResult = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; field?: string } };

export type ToBackend =
  | { type: 'call'; id: number; connection: string; method: string; input: unknown }
  /** The window is gone: its session ends (as `host.sessions.end` did in the main process). */
  | { type: 'end'; connection: string }
  /** Issue 11 #3: push this connection its counter's customer display. */
  | { type: 'subscribe'; connection: string; topic: 'display' }
  | { type: 'unsubscribe'; connection: string; topic: 'display' }
  /** Issue 12 #1: the shell's answer to a `print-slip` (webContents.print's success / failureReason). */
  | { type: 'print-slip-done'; id: number; answer: PrintSlipAnswer }
  /** Issue 12 #1: the shell's answer to a `list-printers` (webContents.getPrintersAsync). */
  | { type: 'printers'; id: number; printers: ShellPrinter[] }
  | { type: 'stop' };

/**
 * Issue 12 #1: one slip page for a printer installed with a driver: the shell prints `html` in a hidden window
 * with webContents.print({ silent: true, deviceName, pageSize: { width, height } in microns, margins none }).
 */
export interface PrintSlipRequest {
  html: string;
  deviceName: string;
  widthMicrons: number;
  heightMicrons: number;
}

export type PrintSlipAnswer = { ok: true } | { ok: false; reason: string };

/** A printer installed in the operating system, as the shell lists it. */
export interface ShellPrinter {
  name: string;
  displayName: string;
}

export type FromBackend =
  | { type: 'ready' }
  /** The store could not be opened (or another start-up failure); the process exits after it. */
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; result: CallResult }
  | { type: 'push'; connection: string; topic: 'display'; value: unknown }
  /** Issue 12 #1: print this slip page through the operating system's spooler; answered by `print-slip-done`. */
  | { type: 'print-slip'; id: number; job: PrintSlipRequest }
  /** Issue 12 #1: list the installed printers; answered by `printers`. */
  | { type: 'list-printers'; id: number };

/** The code every window gets while the back end is not there; never a hung call. */
export const BACKEND_DOWN = 'BACKEND_DOWN';

export const BACKEND_DOWN_MESSAGES = {
  /** The process ended while the call was in it: it may or may not have been committed. */
  interrupted: '后台服务意外中断，本次操作可能未完成，请核对后再办理',
  restarting: '后台服务正在重新启动，请稍候再试',
  gaveUp: '后台服务无法启动，请联系管理员',
  stopped: '后台服务已停止',
} as const;

export function backendDown(reason: keyof typeof BACKEND_DOWN_MESSAGES): CallResult {
  return { ok: false, error: { code: BACKEND_DOWN, message: BACKEND_DOWN_MESSAGES[reason] } };
}
