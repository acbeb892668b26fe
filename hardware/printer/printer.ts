/** The receipt printer as the app sees it: a sink for ESC/POS bytes that can fail or be offline. */
export interface ReceiptPrinter {
  readonly name: string;
  /** Sends one job; rejects when the printer is offline or the job did not go through. */
  write(job: Buffer): Promise<void>;
}

export class PrinterOfflineError extends Error {
  constructor(name: string) {
    super(`打印机 ${name} 未连接或缺纸`);
    this.name = 'PrinterOfflineError';
  }
}
