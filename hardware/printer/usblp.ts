/**
 * The Linux USB printer class device (/dev/usb/lp*): a plain file write. A bidirectional printer answers
 * DLE EOT on the same file (read back, non-blocking); one that does not is printed to with its status
 * unknown. A FIFO (tests, a print spool pipe) is write-only.
 */
import { constants, promises as fs } from 'node:fs';
import type { RawLink } from './link.js';
import { linkError, within } from './link.js';
import { PrinterError } from './printer.js';
import { DEFAULT_RAW_TIMEOUTS, RawPrinter, type RawTimeouts } from './raw-printer.js';

const POLL_MS = 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const again = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === 'EAGAIN';

export async function openUsbLpLink(printer: string, path: string, connectMs: number): Promise<RawLink> {
  const stat = await fs.stat(path).catch((e: unknown) => {
    throw linkError(printer, e);
  });
  const canRead = !stat.isFIFO();
  const flags = (canRead ? constants.O_RDWR | constants.O_NOCTTY : constants.O_WRONLY) | constants.O_NONBLOCK;
  // a FIFO with no reader refuses a non-blocking open (ENXIO): nobody is printing there
  const handle = await within(printer, connectMs, fs.open(path, flags));
  let closed = false;
  return {
    canRead,
    write: async (bytes, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      let at = 0;
      while (at < bytes.length) {
        if (closed) throw new PrinterError(printer, 'disconnected', true);
        try {
          at += (await handle.write(bytes, at, bytes.length - at)).bytesWritten;
        } catch (error) {
          if (!again(error)) throw linkError(printer, error, true);
          if (Date.now() > deadline) throw new PrinterError(printer, 'timeout', true);
          await sleep(POLL_MS);
        }
      }
    },
    readByte: async (timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      const one = Buffer.alloc(1);
      for (;;) {
        try {
          const { bytesRead } = await handle.read(one, 0, 1, null);
          if (bytesRead === 1) return one[0] ?? null;
        } catch (error) {
          // a unidirectional printer refuses reads (EIO, EINVAL): no status, not a failed job (the write tells)
          if (!again(error)) return null;
        }
        if (Date.now() >= deadline) return null;
        await sleep(POLL_MS);
      }
    },
    discard: () => undefined,
    close: async () => {
      closed = true;
      await handle.close().catch(() => undefined);
    },
  };
}

/** A USB printer at /dev/usb/lpN: its status is read back where it answers, else unknown (the job goes). */
export function usbLpPrinter(path: string, timeouts: RawTimeouts = DEFAULT_RAW_TIMEOUTS): RawPrinter {
  return new RawPrinter(path, () => openUsbLpLink(path, path, timeouts.connectMs), timeouts, false);
}
