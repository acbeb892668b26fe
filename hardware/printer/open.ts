/** The receipt printer at an address (address.ts): one of the raw transports, the Windows spooler, or the simulator when chosen. */
import { parsePrinterAddress, type PrinterAddress } from './address.js';
import { PrinterError, type ReceiptPrinter } from './printer.js';
import { DEFAULT_RAW_TIMEOUTS, type RawTimeouts } from './raw-printer.js';
import { serialPrinter } from './serial.js';
import { SimulatedPrinter } from './simulator.js';
import { SpoolerPrinter, type Spooler } from './spooler.js';
import { tcpPrinter } from './tcp.js';
import { usbLpPrinter } from './usblp.js';

/**
 * @param spooler the shell's print spooler for a `spooler:` address; null (the harness, scripts) gives a
 *   printer that refuses every job with what to do (only the desktop app prints through a driver).
 */
export function printerAt(address: PrinterAddress | string, timeouts: RawTimeouts = DEFAULT_RAW_TIMEOUTS, spooler: Spooler | null = null): ReceiptPrinter {
  const a = typeof address === 'string' ? parsePrinterAddress(address) : address;
  switch (a.transport) {
    case 'tcp':
      return tcpPrinter(a.host, a.port, timeouts);
    case 'serial':
      return serialPrinter(a.path, a.baudRate, timeouts);
    case 'usblp':
      return usbLpPrinter(a.path, timeouts);
    case 'spooler':
      return new SpoolerPrinter(a.printerName, a.paperMm, spooler);
    case 'sim':
      return new SimulatedPrinter();
  }
}

/** No printer chosen outside demo mode: never a silent simulator; every slip waits in the reprint queue. */
export class UnconfiguredPrinter implements ReceiptPrinter {
  readonly name = '未设置';
  write(): Promise<void> {
    return Promise.reject(new PrinterError(this.name, 'not-configured'));
  }
}
