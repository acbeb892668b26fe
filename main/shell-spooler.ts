/**
 * Issue 12 #1: the back end's way to the operating system's print spooler. The back end runs in a utility
 * process without Electron (main/backend.ts); a slip for a printer installed with a driver goes to the shell
 * as a `print-slip` message (main/backend-protocol.ts), the shell prints it with webContents.print (silent,
 * deviceName, pageSize) and answers `print-slip-done`. Each request is answered or timed out: never a slip
 * that waits forever. Free of electron, so it is tested with plain messages.
 */
import type { InstalledPrinter, SpoolAnswer, Spooler, SpoolJob } from '../hardware/printer/spooler.js';
import type { FromBackend, ToBackend } from './backend-protocol.js';

export interface ShellSpoolerTimeouts {
  /** The shell's answer to one print (the job handed to the spooler); default 30 s. */
  printMs: number;
  /** The shell's list of printers; default 10 s. */
  listMs: number;
}

export const DEFAULT_SHELL_SPOOLER_TIMEOUTS: ShellSpoolerTimeouts = { printMs: 30_000, listMs: 10_000 };

export interface ShellSpooler extends Spooler {
  /** Takes the shell's answers; true when the message was one (the caller passes the others on). */
  receive(message: ToBackend): boolean;
}

export function createShellSpooler(post: (message: FromBackend) => void, timeouts: ShellSpoolerTimeouts = DEFAULT_SHELL_SPOOLER_TIMEOUTS): ShellSpooler {
  let nextId = 1;
  const prints = new Map<number, (answer: SpoolAnswer) => void>();
  const lists = new Map<number, (printers: InstalledPrinter[] | null) => void>();

  function ask<T>(pending: Map<number, (value: T) => void>, ms: number, onTimeout: T, message: (id: number) => FromBackend): Promise<T> {
    return new Promise<T>((resolve) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve(onTimeout);
      }, ms);
      pending.set(id, (value) => {
        clearTimeout(timer);
        pending.delete(id);
        resolve(value);
      });
      try {
        post(message(id));
      } catch {
        // the shell's port is gone: answered as if it never answered
        pending.get(id)?.(onTimeout);
      }
    });
  }

  return {
    print(job: SpoolJob) {
      return ask<SpoolAnswer>(prints, timeouts.printMs, { ok: false, failure: 'timeout' }, (id) => ({ type: 'print-slip', id, job }));
    },
    printers() {
      return ask<InstalledPrinter[] | null>(lists, timeouts.listMs, null, (id) => ({ type: 'list-printers', id }));
    },
    receive(message) {
      if (message.type === 'print-slip-done') {
        const { answer } = message;
        prints.get(message.id)?.(answer.ok ? { ok: true } : { ok: false, failure: 'failed', reason: answer.reason });
        return true;
      }
      if (message.type === 'printers') {
        lists.get(message.id)?.(message.printers.map((p) => ({ name: p.name, displayName: p.displayName })));
        return true;
      }
      return false;
    },
  };
}
