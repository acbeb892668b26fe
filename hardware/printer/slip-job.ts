/**
 * Issue 12 #1: one way to print a laid-out slip on any ReceiptPrinter. A raw transport gets the ESC/POS
 * bytes (escpos-gbk.ts) with the drawer kick as the job's last bytes; a printer that lays slips out itself
 * (the Windows spooler, spooler.ts) gets the lines and never kicks a drawer.
 */
import { DRAWER_KICK, encodeSlip } from './escpos-gbk.js';
import type { ReceiptPrinter, SlipJob, SlipPrinted } from './printer.js';

export async function printSlip(printer: ReceiptPrinter, job: SlipJob): Promise<SlipPrinted> {
  if (typeof printer.printSlip === 'function') return printer.printSlip(job);
  const bytes = encodeSlip(job.lines, { columns: job.columns });
  const kick = job.drawerKick === true;
  const result = await printer.write(kick ? Buffer.concat([bytes, DRAWER_KICK]) : bytes);
  return { ...(result?.warning ? { warning: result.warning } : {}), drawerKicked: kick };
}
