/**
 * Issue 12 #2: the receipt printer as a swappable holder. The services, the after-commit prints and the
 * device settings all hold this one object; `swap` puts a newly chosen printer behind it, so the next slip
 * goes to the new printer without a restart.
 */
import { SimulatedPrinter } from './simulator.js';
import { printerAt, UnconfiguredPrinter } from './open.js';
import { paperNearEndWarning, PrinterError, type PrintResult, type ReceiptPrinter, type SlipJob, type SlipPrinted } from './printer.js';
import { DEFAULT_RAW_TIMEOUTS, type StatusReading } from './raw-printer.js';
import { printSlip } from './slip-job.js';
import { SpoolerPrinter, type InstalledPrinter, type Spooler } from './spooler.js';
import { faultOf } from './status.js';

/** The printer's live state as the device settings and the status bar show it. */
export type PrinterState = 'real' | 'simulated' | 'not-configured' | 'error';

/**
 * What the printer last told, without asking it again (the counter's status bar reads this): from the last
 * job (a fault, paper near end, printed) or the last status check; `at` null before either.
 */
export interface PrinterLastStatus {
  state: PrinterState;
  /** The Chinese reason of a fault (or of a state with no live status, the spooler's). */
  reason: string | null;
  /** 纸将用完 from the last job or check. */
  warning: string | null;
  at: Date | null;
}

/** The spooler path's note: it is a real printer, but nothing about its paper or cover can be known. */
export const SPOOLER_NO_STATUS = '经 Windows 驱动打印，无实时状态（缺纸、开盖无法检测），不能开钱箱';

export class PrinterHolder implements ReceiptPrinter {
  private last: PrinterLastStatus;

  constructor(
    private current: ReceiptPrinter,
    /** Issue 12 #1: the shell's print spooler (null without the Electron shell) for `spooler:` addresses. */
    readonly spooler: Spooler | null = null,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.last = PrinterHolder.initial(current);
  }

  /** The printer at an address, with this app's spooler for a `spooler:` one. */
  open(address: string): ReceiptPrinter {
    return printerAt(address, DEFAULT_RAW_TIMEOUTS, this.spooler);
  }

  /** The printers installed in the operating system (the shell asks them); null without the shell. */
  installedPrinters(): Promise<InstalledPrinter[] | null> {
    return this.spooler ? this.spooler.printers() : Promise.resolve(null);
  }

  private static initial(p: ReceiptPrinter): PrinterLastStatus {
    if (p instanceof UnconfiguredPrinter) return { state: 'not-configured', reason: new PrinterError(p.name, 'not-configured').message, warning: null, at: null };
    if (p instanceof SimulatedPrinter) return { state: 'simulated', reason: null, warning: null, at: null };
    if (p instanceof SpoolerPrinter) return p.hasShell ? { state: 'real', reason: SPOOLER_NO_STATUS, warning: null, at: null } : { state: 'error', reason: new PrinterError(p.name, 'no-shell').message, warning: null, at: null };
    return { state: 'real', reason: null, warning: null, at: null };
  }

  /** Issue 12 #1: the last status seen (no link opened), for the counter's status bar. */
  lastStatus(): PrinterLastStatus {
    return { ...this.last };
  }

  private record<T extends PrintResult | void>(work: Promise<T>): Promise<T> {
    const printer = this.current;
    return work.then(
      (result) => {
        if (this.current === printer) this.last = { ...PrinterHolder.initial(printer), warning: result?.warning ?? null, at: this.now() };
        return result;
      },
      (error: unknown) => {
        if (this.current === printer) this.last = { state: 'error', reason: error instanceof Error ? error.message : String(error), warning: null, at: this.now() };
        throw error;
      },
    );
  }

  get name(): string {
    return this.current.name;
  }

  get printer(): ReceiptPrinter {
    return this.current;
  }

  swap(next: ReceiptPrinter): void {
    this.current = next;
    this.last = PrinterHolder.initial(next);
  }

  write(job: Buffer): Promise<PrintResult | void> {
    return this.record(this.current.write(job));
  }

  /** The slip on the current printer: bytes with the drawer kick on a raw transport, an HTML page on the spooler. */
  printSlip(job: SlipJob): Promise<SlipPrinted> {
    return this.record(printSlip(this.current, job));
  }

  /** real / simulated / not configured / error, with the Chinese reason of a fault. */
  async state(): Promise<{ state: PrinterState; reason: string | null }> {
    const p = this.current;
    const seen = (state: PrinterState, reason: string | null, warning: string | null = null) => {
      if (this.current === p) this.last = { state, reason, warning, at: this.now() };
      return { state, reason };
    };
    const fixed = PrinterHolder.initial(p);
    if (p instanceof UnconfiguredPrinter || p instanceof SimulatedPrinter || p instanceof SpoolerPrinter) return { state: fixed.state, reason: fixed.reason };
    const withStatus = p as ReceiptPrinter & { status?: () => Promise<StatusReading> };
    if (typeof withStatus.status !== 'function') return { state: 'real', reason: null };
    try {
      const reading = await withStatus.status();
      const fault = reading === 'unknown' ? null : faultOf(reading);
      const nearEnd = reading !== 'unknown' && reading.paperNearEnd ? paperNearEndWarning(p.name) : null;
      return fault ? seen('error', new PrinterError(p.name, fault).message) : seen('real', null, nearEnd);
    } catch (error) {
      return seen('error', error instanceof Error ? error.message : String(error));
    }
  }
}
