/**
 * A receipt printer on a raw ESC/POS link (TCP 9100, serial, /dev/usb/lp*), behind ReceiptPrinter
 * (hardware/printer/PROTOCOL.md): one job at a time, each on a fresh link; DLE EOT 1, 2 and 4 before the job
 * (a fault refuses it: not a byte is sent) and after it (a fault then means the slip did not finish). Every
 * failure is a PrinterError whose Chinese message the reprint queue keeps; paper near end is a warning.
 */
import { linkError, type RawLink } from './link.js';
import { paperNearEndWarning, PrinterError, type PrintResult, type ReceiptPrinter } from './printer.js';
import { decodeStatus, DLE_EOT, faultOf, isStatusByte, type PrinterStatus } from './status.js';

export interface RawTimeouts {
  /** Opening the link (TCP connect, opening the port). */
  connectMs: number;
  /** One DLE EOT answer. */
  statusMs: number;
  /** Sending one job. */
  writeMs: number;
  /** Waiting for the printer to have printed the job (GS r 1 answered), checking DLE EOT meanwhile; default 10 s. */
  printMs?: number;
}

export const DEFAULT_RAW_TIMEOUTS: RawTimeouts = { connectMs: 3000, statusMs: 1000, writeMs: 15000, printMs: 10000 };
/** GS r 1: transmit the paper sensor status, executed in turn after the bytes before it, i.e. once they are printed. */
export const GS_R_1 = Buffer.from([0x1d, 0x72, 0x01]);
/** A GS r 1 answer: bits 4–7 clear (a DLE EOT answer always has bit 4 set). */
const isPrintedReply = (b: number) => (b & 0xf0) === 0;

/** What a status check found: the printer's state, or unknown on a link that cannot read back. */
export type StatusReading = PrinterStatus | 'unknown';

export class RawPrinter implements ReceiptPrinter {
  private queue: Promise<unknown> = Promise.resolve();
  /** Whether this printer answers GS r 1 (unknown until a job tells): one that does not is not waited for again. */
  private answersGsR: boolean | undefined;
  /** A GS r 1 answer seen while reading status bytes of the current job. */
  private printedSeen = false;

  /**
   * @param statusRequired true: a printer that does not answer DLE EOT fails the job (timeout); false
   *   (a write-only device such as some /dev/usb/lp*): an unanswered check counts as unknown and the job goes.
   */
  constructor(
    readonly name: string,
    private readonly open: () => Promise<RawLink>,
    private readonly timeouts: RawTimeouts = DEFAULT_RAW_TIMEOUTS,
    private readonly statusRequired = true,
  ) {}

  write(job: Buffer): Promise<PrintResult> {
    return this.exclusive(() => this.print(job));
  }

  /** The printer's state now (the counter's status bar, a device test page); rejects with the link's fault. */
  status(): Promise<StatusReading> {
    return this.exclusive(async () => {
      const link = await this.open();
      try {
        return await this.phase(false, () => this.check(link, false));
      } finally {
        await link.close();
      }
    });
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async print(job: Buffer): Promise<PrintResult> {
    const link = await this.open();
    try {
      const before = await this.phase(false, () => this.check(link, false));
      this.refuse(before, false);
      const after = await this.phase(true, async () => {
        const barrier = link.canRead && before !== 'unknown' && this.answersGsR !== false;
        this.printedSeen = false;
        await link.write(barrier ? Buffer.concat([job, GS_R_1]) : job, this.timeouts.writeMs);
        if (barrier) await this.waitPrinted(link);
        return this.check(link, true);
      });
      this.refuse(after, true);
      const nearEnd = (before !== 'unknown' && before.paperNearEnd) || (after !== 'unknown' && after.paperNearEnd);
      return nearEnd ? { warning: paperNearEndWarning(this.name) } : {};
    } finally {
      await link.close();
    }
  }

  /**
   * Waits until the printer has printed the job (its GS r 1 answer), asking DLE EOT whenever it is quiet: a
   * fault meanwhile (paper out with the rest of the slip still in the printer's buffer) fails the job. A
   * printer that never answers GS r 1 while its status is fine is taken at its DLE EOT and not waited for again.
   */
  private async waitPrinted(link: RawLink): Promise<void> {
    const deadline = Date.now() + (this.timeouts.printMs ?? DEFAULT_RAW_TIMEOUTS.printMs ?? 10000);
    const poll = Math.min(500, this.timeouts.statusMs);
    for (;;) {
      const left = deadline - Date.now();
      const b = left > 0 ? await link.readByte(Math.min(poll, left)) : null;
      if ((b !== null && isPrintedReply(b)) || this.printedSeen) {
        this.answersGsR = true;
        return;
      }
      if (b !== null) continue;
      this.refuse(await this.check(link, true), true);
      if (this.printedSeen) {
        this.answersGsR = true;
        return;
      }
      if (Date.now() >= deadline) {
        // no answer in time with the status fine: a printer without GS r (not waited for again), or a long
        // report still printing; either way the DLE EOT after the job decides
        if (this.answersGsR === undefined) this.answersGsR = false;
        return;
      }
    }
  }

  /** A link failure before the job's first byte is no half slip; one after it is (…，本张未打完). */
  private async phase<T>(midJob: boolean, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const failure = linkError(this.name, error, midJob);
      throw failure.midJob === midJob ? failure : new PrinterError(this.name, failure.fault, midJob);
    }
  }

  private refuse(status: StatusReading, midJob: boolean): void {
    if (status === 'unknown') return;
    const fault = faultOf(status);
    if (fault) throw new PrinterError(this.name, fault, midJob);
  }

  /** DLE EOT 1, 2, 4 in turn, one status byte each (bytes that are no status byte are skipped). */
  private async check(link: RawLink, midJob: boolean): Promise<StatusReading> {
    if (!link.canRead) return 'unknown';
    if (!midJob) link.discard();
    const answers: number[] = [];
    for (const n of [1, 2, 4] as const) {
      await link.write(DLE_EOT(n), this.timeouts.statusMs);
      const answer = await this.answer(link);
      if (answer === null) {
        if (this.statusRequired) throw new PrinterError(this.name, 'timeout', midJob);
        return 'unknown';
      }
      answers.push(answer);
    }
    const [printer = 0, offlineCause = 0, paper = 0] = answers;
    return decodeStatus({ printer, offlineCause, paper });
  }

  private async answer(link: RawLink): Promise<number | null> {
    const deadline = Date.now() + this.timeouts.statusMs;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) return null;
      const b = await link.readByte(left);
      if (b === null || isStatusByte(b)) return b;
      if (isPrintedReply(b)) this.printedSeen = true;
    }
  }
}
