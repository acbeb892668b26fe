/**
 * A raw byte link to a receipt printer (TCP socket, serial port, Linux USB printer device), opened per
 * job by RawPrinter. Reads are one status byte at a time with a timeout.
 */
import { PrinterError } from './printer.js';

export interface RawLink {
  /** false where nothing comes back (a write-only device): the status is then unknown. */
  readonly canRead: boolean;
  write(bytes: Buffer, timeoutMs: number): Promise<void>;
  /** The next byte received, or null after timeoutMs. Rejects when the link is gone. */
  readByte(timeoutMs: number): Promise<number | null>;
  /** Forgets bytes received so far (a late answer to an earlier query). */
  discard(): void;
  close(): Promise<void>;
}

/** The receive side shared by the links: bytes queue up, readers wait with a timeout, a closed link fails them. */
export class ByteQueue {
  private bytes: number[] = [];
  private waiter: { resolve: (b: number | null) => void; reject: (e: Error) => void; timer: NodeJS.Timeout } | null = null;
  private failure: Error | null = null;

  push(data: Buffer): void {
    for (const b of data) this.bytes.push(b);
    this.wake();
  }

  fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    const w = this.waiter;
    if (w) {
      this.waiter = null;
      clearTimeout(w.timer);
      w.reject(error);
    }
  }

  get failed(): Error | null {
    return this.failure;
  }

  discard(): void {
    this.bytes = [];
  }

  read(timeoutMs: number): Promise<number | null> {
    const next = this.bytes.shift();
    if (next !== undefined) return Promise.resolve(next);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        resolve(null);
      }, timeoutMs);
      this.waiter = { resolve, reject, timer };
    });
  }

  private wake(): void {
    const w = this.waiter;
    if (!w) return;
    const next = this.bytes.shift();
    if (next === undefined) return;
    this.waiter = null;
    clearTimeout(w.timer);
    w.resolve(next);
  }
}

/** Maps an OS error of opening or using a link to the typed fault (Chinese message). */
export function linkError(printer: string, error: unknown, midJob = false): PrinterError {
  if (error instanceof PrinterError) return error;
  // serialport's errors carry no code, only the OS text ("Error: Permission denied, cannot open /dev/ttyUSB0")
  const text = error instanceof Error ? error.message : '';
  const code =
    (error as NodeJS.ErrnoException | null)?.code ??
    (/No such file or directory/i.test(text) ? 'ENOENT' : /Permission denied/i.test(text) ? 'EACCES' : /Operation not permitted/i.test(text) ? 'EPERM' : undefined);
  switch (code) {
    case 'ECONNREFUSED':
      return new PrinterError(printer, 'refused', midJob);
    case 'ETIMEDOUT':
      return new PrinterError(printer, 'timeout', midJob);
    case 'ENOENT':
    case 'ENODEV':
    case 'ENXIO':
      return new PrinterError(printer, 'not-found', midJob);
    case 'EACCES':
    case 'EPERM':
      return new PrinterError(printer, 'no-access', midJob);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
      return new PrinterError(printer, 'offline', midJob);
    default:
      return new PrinterError(printer, 'disconnected', midJob);
  }
}

/** Rejects with a timeout fault when `work` has not settled within ms. */
export function within<T>(printer: string, ms: number, work: Promise<T>, midJob = false): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new PrinterError(printer, 'timeout', midJob)), ms);
    work.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(linkError(printer, e, midJob));
      },
    );
  });
}
