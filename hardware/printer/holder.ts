/**
 * Issue 12 #2: the receipt printer as a swappable holder. The services, the after-commit prints and the
 * device settings all hold this one object; `swap` puts a newly chosen printer behind it, so the next slip
 * goes to the new printer without a restart.
 */
import { SimulatedPrinter } from './simulator.js';
import { UnconfiguredPrinter } from './open.js';
import { PrinterError, type PrintResult, type ReceiptPrinter } from './printer.js';
import type { StatusReading } from './raw-printer.js';
import { faultOf } from './status.js';

/** The printer's live state as the device settings and the status bar show it. */
export type PrinterState = 'real' | 'simulated' | 'not-configured' | 'error';

export class PrinterHolder implements ReceiptPrinter {
  constructor(private current: ReceiptPrinter) {}

  get name(): string {
    return this.current.name;
  }

  get printer(): ReceiptPrinter {
    return this.current;
  }

  swap(next: ReceiptPrinter): void {
    this.current = next;
  }

  write(job: Buffer): Promise<PrintResult | void> {
    return this.current.write(job);
  }

  /** real / simulated / not configured / error, with the Chinese reason of a fault. */
  async state(): Promise<{ state: PrinterState; reason: string | null }> {
    const p = this.current;
    if (p instanceof UnconfiguredPrinter) return { state: 'not-configured', reason: new PrinterError(p.name, 'not-configured').message };
    if (p instanceof SimulatedPrinter) return { state: 'simulated', reason: null };
    const withStatus = p as ReceiptPrinter & { status?: () => Promise<StatusReading> };
    if (typeof withStatus.status !== 'function') return { state: 'real', reason: null };
    try {
      const reading = await withStatus.status();
      const fault = reading === 'unknown' ? null : faultOf(reading);
      return fault ? { state: 'error', reason: new PrinterError(p.name, fault).message } : { state: 'real', reason: null };
    } catch (error) {
      return { state: 'error', reason: error instanceof Error ? error.message : String(error) };
    }
  }
}
