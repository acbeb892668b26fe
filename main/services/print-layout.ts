/** Prints a laid-out report (not a check slip) on the receipt printer; a fault is reported, never thrown. */
import type { SlipLine } from '../../preload/kernel/slip-line.js';
import { printSlip } from '../../hardware/printer/slip-job.js';
import type { ReceiptPrinter } from '../../hardware/printer/printer.js';

export async function printLayout(printer: ReceiptPrinter, layout: readonly SlipLine[], columns: number): Promise<{ printed: boolean; message: string | null; lines: string[] }> {
  const lines = layout.flatMap((l) => (l.kind === 'text' || l.kind === 'title' ? [l.text] : l.kind === 'rule' ? ['-'.repeat(columns)] : []));
  try {
    await printSlip(printer, { lines: layout, columns });
    return { printed: true, message: null, lines };
  } catch (error) {
    return { printed: false, message: `未打印：${error instanceof Error ? error.message : String(error)}，请检查打印机后在日结窗口补打`, lines };
  }
}
