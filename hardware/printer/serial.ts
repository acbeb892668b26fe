/** A receipt printer on a serial or USB-serial port (serialport), the same raw ESC/POS as on TCP. */
import { SerialPort } from 'serialport';
import { ByteQueue, linkError, within, type RawLink } from './link.js';
import { PrinterError } from './printer.js';
import { DEFAULT_RAW_TIMEOUTS, RawPrinter, type RawTimeouts } from './raw-printer.js';

/** The usual factory setting of serial receipt printers (8N1, hardware flow control off). */
export const PRINTER_BAUD = 9600;

export async function openSerialLink(printer: string, path: string, baudRate: number, connectMs: number): Promise<RawLink> {
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await within(printer, connectMs, new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve()))));
  const queue = new ByteQueue();
  port.on('data', (data: Buffer) => queue.push(data));
  port.on('close', () => queue.fail(new PrinterError(printer, 'disconnected', true)));
  port.on('error', (error) => queue.fail(linkError(printer, error, true)));
  return {
    canRead: true,
    write: (bytes, timeoutMs) =>
      within(
        printer,
        timeoutMs,
        new Promise<void>((resolve, reject) => {
          if (queue.failed) return reject(queue.failed);
          port.write(bytes, (error) => (error ? reject(error) : port.drain((e) => (e ? reject(e) : resolve()))));
        }),
        true,
      ),
    readByte: (timeoutMs) => queue.read(timeoutMs),
    discard: () => queue.discard(),
    close: () => new Promise((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())),
  };
}

export function serialPrinter(path: string, baudRate = PRINTER_BAUD, timeouts: RawTimeouts = DEFAULT_RAW_TIMEOUTS): RawPrinter {
  return new RawPrinter(path, () => openSerialLink(path, path, baudRate, timeouts.connectMs), timeouts);
}
