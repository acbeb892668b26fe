/**
 * A printer simulator: keeps every job's exact bytes (and, if given a folder, writes each job to a .bin
 * file), and can be switched offline to test that printing never blocks or loses a payment.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PrinterOfflineError, type ReceiptPrinter } from './printer.js';

export class SimulatedPrinter implements ReceiptPrinter {
  readonly name: string;
  readonly jobs: Buffer[] = [];
  online = true;
  private readonly outDir: string | undefined;

  constructor(name = '模拟打印机', outDir?: string) {
    this.name = name;
    this.outDir = outDir;
    if (outDir) mkdirSync(outDir, { recursive: true });
  }

  write(job: Buffer): Promise<void> {
    if (!this.online) return Promise.reject(new PrinterOfflineError(this.name));
    this.jobs.push(Buffer.from(job));
    if (this.outDir) {
      writeFileSync(join(this.outDir, `job-${String(this.jobs.length).padStart(6, '0')}.bin`), job);
    }
    return Promise.resolve();
  }
}
