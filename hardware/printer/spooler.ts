/**
 * Issue 12 #1: a receipt printer installed with a Windows driver (a USB printer the driver owns), printed to
 * through the operating system's spooler. The back end cannot print a page itself (it runs without
 * Electron): it lays the slip out as HTML (slip-html.ts) and hands it to a `Spooler`, which in the app is the
 * Electron shell (main/shell-spooler.ts → backend protocol → webContents.print with silent and deviceName).
 *
 * What this path cannot do, and says so: no DLE EOT (a driver answers no real-time status: `status()` is
 * 'unknown', a paper-out printer takes the job and the driver queues it), no drawer kick (the kick is an
 * ESC/POS command; the drawer hangs on a raw printer). A failed print is a PrinterError, so the slip waits in
 * the reprint queue as on every other transport.
 */
import { decodeEscPos } from './decode.js';
import { PrinterError, type ReceiptPrinter, type SlipJob, type SlipPrinted } from './printer.js';
import type { StatusReading } from './raw-printer.js';
import { slipHtml, type PaperWidthMm } from './slip-html.js';

/** One page for the shell to print: the HTML and webContents.print's deviceName and pageSize (microns). */
export interface SpoolJob {
  html: string;
  deviceName: string;
  widthMicrons: number;
  heightMicrons: number;
}

/** The shell's answer: printed, or why not (Electron's failureReason as it gave it). */
export type SpoolAnswer = { ok: true } | { ok: false; failure: 'failed' | 'timeout' | 'no-shell'; reason?: string };

/** A printer installed in the operating system (webContents.getPrintersAsync). */
export interface InstalledPrinter {
  name: string;
  displayName: string;
}

/** The operating system's print spooler as the back end reaches it. */
export interface Spooler {
  print(job: SpoolJob): Promise<SpoolAnswer>;
  /** The installed printers; null where there is no shell to ask (the harness, scripts, tests). */
  printers(): Promise<InstalledPrinter[] | null>;
}

/** Electron's failureReason texts, in Chinese. */
const REASONS: Record<string, string> = {
  cancelled: '打印被取消',
  'Print job canceled': '打印被取消',
  'Print job failed': '打印任务失败，请检查打印机是否开机、联机、有纸',
  'Invalid deviceName provided': '系统中没有这台打印机，请在设备设置中重新选择',
  'Invalid printer settings': '打印设置无效（纸宽或打印机驱动不支持）',
};

export function spoolerReason(reason: string | undefined): string {
  const text = (reason ?? '').trim();
  return REASONS[text] ?? (text === '' ? '原因不明' : text);
}

export class SpoolerPrinter implements ReceiptPrinter {
  readonly name: string;

  constructor(
    readonly printerName: string,
    readonly paperMm: PaperWidthMm,
    /** null: no shell here (the harness, a script): every job is refused with what to do. */
    private readonly spooler: Spooler | null,
  ) {
    this.name = printerName;
  }

  /** Whether there is a shell to print through (false in the harness and scripts). */
  get hasShell(): boolean {
    return this.spooler !== null;
  }

  async printSlip(job: SlipJob): Promise<SlipPrinted> {
    if (!this.spooler) throw new PrinterError(this.name, 'no-shell');
    const page = slipHtml(job.lines, this.paperMm, job.columns);
    const answer = await this.spooler.print({ html: page.html, deviceName: this.printerName, widthMicrons: page.widthMicrons, heightMicrons: page.heightMicrons });
    if (!answer.ok) {
      if (answer.failure === 'no-shell') throw new PrinterError(this.name, 'no-shell');
      if (answer.failure === 'timeout') throw new PrinterError(this.name, 'timeout');
      throw new PrinterError(this.name, 'spooler', false, spoolerReason(answer.reason));
    }
    return { drawerKicked: false };
  }

  /**
   * ESC/POS bytes handed over directly (a caller that did not go through printSlip): their text lines are
   * printed as plain lines; the bytes themselves (a drawer kick among them) cannot go through a driver.
   */
  async write(job: Buffer): Promise<void> {
    const lines = decodeEscPos(job).map((text) => ({ kind: 'text' as const, text }));
    await this.printSlip({ lines, columns: this.paperMm === 58 ? 32 : 48 });
  }

  /** A driver gives no real-time status (no DLE EOT): unknown, honestly. */
  status(): Promise<StatusReading> {
    return Promise.resolve('unknown');
  }
}
