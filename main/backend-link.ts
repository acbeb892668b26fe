/**
 * Issue 11 #7: the shell's side of the back end in its utility process. Every window call becomes a
 * request with an id; the answer comes back by that id. When the process ends, no call hangs: the calls in
 * it are answered BACKEND_DOWN ("may not have been done, check"), calls meanwhile BACKEND_DOWN ("restarting"),
 * and the process is started again after a short wait; after too many ends in a row it stays down
 * (`onGaveUp`) and every call is answered BACKEND_DOWN. Free of electron so it is tested with any process.
 */
import { backendDown, type CallResult, type FromBackend, type PrintSlipAnswer, type PrintSlipRequest, type ShellPrinter, type ToBackend } from './backend-protocol.js';

/** The utility process as the shell uses it (Electron's UtilityProcess fits). */
export interface BackendProcess {
  postMessage(message: ToBackend): void;
  on(event: 'message', listener: (message: FromBackend) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface BackendLinkOptions {
  /** Starts a new back-end process (utilityProcess.fork of dist/main/backend.cjs). */
  fork(): BackendProcess;
  /** Issue 11 #3: a push for one window's connection. */
  onPush(connection: string, topic: 'display', value: unknown): void;
  /** The back end ended unexpectedly and runs again: its sessions are gone, the windows sign in anew. */
  onRestarted(): void;
  /** The back end ended too often and is not started again. */
  onGaveUp(reason: string): void;
  log?(message: string): void;
  /**
   * Issue 12 #1: prints a slip page through the operating system's spooler (a hidden window's
   * webContents.print, silent); without it (or when it throws) the back end is answered with the reason.
   */
  printSlip?(job: PrintSlipRequest): Promise<PrintSlipAnswer>;
  /** Issue 12 #1: the installed printers (webContents.getPrintersAsync); none without it. */
  listPrinters?(): Promise<ShellPrinter[]>;
  /** Waits before each restart; after an end with all of them used within `windowMs`, it gives up. */
  restartDelaysMs?: readonly number[];
  windowMs?: number;
  /** How long `stop()` waits for the process to end before killing it. */
  stopTimeoutMs?: number;
}

export interface BackendLink {
  /** Starts the first process; resolves when its host is built, rejects with the reason it could not be. */
  start(): Promise<void>;
  call(connection: string, method: string, input: unknown): Promise<CallResult>;
  end(connection: string): void;
  subscribeDisplay(connection: string): void;
  unsubscribeDisplay(connection: string): void;
  /** Ends the process (the app quits); later calls are answered BACKEND_DOWN. */
  stop(): Promise<void>;
  readonly state: 'starting' | 'ready' | 'restarting' | 'down' | 'stopped';
}

const noShell: PrintSlipAnswer = { ok: false, reason: '桌面程序没有打印功能' };

export const DEFAULT_RESTART_DELAYS_MS = [200, 1000, 3000, 5000, 10_000] as const;

export function createBackendLink(options: BackendLinkOptions): BackendLink {
  const delays = options.restartDelaysMs ?? DEFAULT_RESTART_DELAYS_MS;
  const windowMs = options.windowMs ?? 120_000;
  const log = options.log ?? ((message: string) => console.error(message));
  let state: BackendLink['state'] = 'starting';
  let child: BackendProcess | null = null;
  let nextId = 1;
  const pending = new Map<number, (result: CallResult) => void>();
  const ends: number[] = [];
  let firstStart: { resolve(): void; reject(error: Error): void } | null = null;
  let exited: (() => void) | null = null;

  const settleAll = (result: CallResult) => {
    for (const settle of pending.values()) settle(result);
    pending.clear();
  };

  const spawn = () => {
    const proc = options.fork();
    child = proc;
    let failure: string | null = null;
    proc.on('message', (message) => {
      if (proc !== child) return;
      switch (message.type) {
        case 'ready': {
          const restarted = state === 'restarting';
          state = 'ready';
          firstStart?.resolve();
          firstStart = null;
          if (restarted) options.onRestarted();
          return;
        }
        case 'failed':
          failure = message.message;
          return;
        case 'result': {
          const settle = pending.get(message.id);
          pending.delete(message.id);
          settle?.(message.result);
          return;
        }
        case 'push':
          options.onPush(message.connection, message.topic, message.value);
          return;
        case 'print-slip': {
          const { id, job } = message;
          const printing = options.printSlip ? Promise.resolve().then(() => options.printSlip?.(job) ?? noShell) : Promise.resolve(noShell);
          void printing
            .catch((error: unknown): PrintSlipAnswer => ({ ok: false, reason: error instanceof Error ? error.message : String(error) }))
            .then((answer) => answerTo(proc, { type: 'print-slip-done', id, answer }));
          return;
        }
        case 'list-printers': {
          const { id } = message;
          void Promise.resolve()
            .then(() => options.listPrinters?.() ?? [])
            .catch(() => [])
            .then((printers) => answerTo(proc, { type: 'printers', id, printers }));
          return;
        }
      }
    });
    proc.on('exit', (code) => {
      if (proc !== child) return;
      child = null;
      settleAll(backendDown('interrupted'));
      if (state === 'stopped') {
        exited?.();
        return;
      }
      const reason = failure ?? `后台服务意外退出 (退出码 ${code})`;
      log(`back end exited: ${reason}`);
      if (firstStart) {
        // the first start: the app shows why and quits (ARCHITECTURE: start-up failures show a dialog)
        state = 'down';
        firstStart.reject(new Error(reason));
        firstStart = null;
        return;
      }
      const now = Date.now();
      ends.push(now);
      while (ends.length > 0 && (ends[0] ?? 0) < now - windowMs) ends.shift();
      const delay = delays[ends.length - 1];
      if (delay === undefined) {
        state = 'down';
        options.onGaveUp(reason);
        return;
      }
      state = 'restarting';
      setTimeout(() => {
        if (state === 'restarting') spawn();
      }, delay);
    });
  };

  /** An answer to the process that asked, unless it has gone meanwhile. */
  const answerTo = (proc: BackendProcess, message: ToBackend) => {
    if (proc !== child) return;
    try {
      proc.postMessage(message);
    } catch (error) {
      log(`back end unreachable: ${String(error)}`);
    }
  };

  const send = (message: ToBackend): boolean => {
    if (!child || state !== 'ready') return false;
    try {
      child.postMessage(message);
      return true;
    } catch (error) {
      log(`back end unreachable: ${String(error)}`);
      return false;
    }
  };

  return {
    get state() {
      return state;
    },
    start() {
      return new Promise<void>((resolve, reject) => {
        firstStart = { resolve, reject };
        try {
          spawn();
        } catch (error) {
          state = 'down';
          firstStart = null;
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
    call(connection, method, input) {
      if (state !== 'ready') return Promise.resolve(backendDown(state === 'stopped' ? 'stopped' : state === 'down' ? 'gaveUp' : 'restarting'));
      return new Promise<CallResult>((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        if (!send({ type: 'call', id, connection, method, input })) {
          pending.delete(id);
          resolve(backendDown('interrupted'));
        }
      });
    },
    end(connection) {
      send({ type: 'end', connection });
    },
    subscribeDisplay(connection) {
      send({ type: 'subscribe', connection, topic: 'display' });
    },
    unsubscribeDisplay(connection) {
      send({ type: 'unsubscribe', connection, topic: 'display' });
    },
    stop() {
      const proc = child;
      const wasReady = state === 'ready';
      state = 'stopped';
      settleAll(backendDown('stopped'));
      if (!proc) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          proc.kill();
          resolve();
        }, options.stopTimeoutMs ?? 5000);
        exited = () => {
          clearTimeout(timer);
          resolve();
        };
        try {
          if (wasReady) proc.postMessage({ type: 'stop' });
          else proc.kill();
        } catch {
          proc.kill();
        }
      });
    },
  };
}
