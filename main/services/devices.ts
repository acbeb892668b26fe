/**
 * Issue 12 #2 (设备设置): the receipt printer chosen in the app. Stored in device_settings, applied at once
 * through the printer holder (the next slip goes to the new printer), audited; a test page on demand.
 */
import { eq } from 'drizzle-orm';
import { deviceSettings } from '../../db/schema.js';
import { formatPrinterAddress, parsePrinterAddress, type PrinterAddress } from '../../hardware/printer/address.js';
import type { PrinterHolder } from '../../hardware/printer/holder.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { localDateTime } from '../../preload/kernel/dates.js';
import { appendAudit } from './audit.js';
import type { Actor, ServiceDeps } from './context.js';
import { printSlip } from '../../hardware/printer/slip-job.js';
import type { SlipLine } from '../../preload/kernel/slip-line.js';

export const PAPER_COLUMNS = { 58: 32, 80: 48 } as const;
export type PaperMm = keyof typeof PAPER_COLUMNS;

export interface StoredPrinter {
  address: string;
  paperMm: PaperMm;
}

export function storedPrinter(deps: Pick<ServiceDeps, 'db'>): StoredPrinter | null {
  const row = deps.db.select().from(deviceSettings).where(eq(deviceSettings.device, 'printer')).get();
  if (!row) return null;
  return { address: row.address, paperMm: row.paperMm === 58 ? 58 : 80 };
}

/** The stored printer's paper width applied to the slips' layout. */
export function applyPaperWidth(deps: ServiceDeps, paperMm: PaperMm): void {
  deps.settings.receiptColumns = PAPER_COLUMNS[paperMm];
}

export async function printerSettings(deps: ServiceDeps, holder: PrinterHolder) {
  const stored = storedPrinter(deps);
  const paperMm: PaperMm = deps.settings.receiptColumns === PAPER_COLUMNS[58] ? 58 : 80;
  const live = await holder.state();
  return { address: stored?.address ?? null, stored: stored !== null, name: holder.name, paperMm, columns: PAPER_COLUMNS[paperMm], ...live };
}

/** Validates the address with its Chinese reason at `address`, stores it, audits it, and swaps the printer in. */
export function setPrinter(deps: ServiceDeps, actor: Actor, holder: PrinterHolder, input: { address: string; paperMm: PaperMm }) {
  let address: string;
  let parsed: PrinterAddress;
  try {
    parsed = parsePrinterAddress(input.address);
    address = formatPrinterAddress(parsed);
  } catch (error) {
    if (error instanceof DomainError) throw new DomainError('VALIDATION', error.message, 'address');
    throw error;
  }
  if (parsed.transport === 'spooler') {
    // issue 12 #1: only the desktop app has a spooler to print through; the harness refuses at once, never a hanging slip
    if (!holder.spooler) throw new DomainError('VALIDATION', 'Windows 驱动打印机只能在桌面程序中使用（当前以浏览器方式运行，没有 Windows 打印队列），请选择网络、串口或 USB 打印机', 'address');
    if (parsed.paperMm !== input.paperMm) throw new DomainError('VALIDATION', `纸宽应与 Windows 打印机地址中的 width=${parsed.paperMm} 一致`, 'paperMm');
  }
  const printer = holder.open(address);
  const before = storedPrinter(deps);
  const at = deps.clock.now();
  deps.db.transaction((tx) => {
    const row = { address, paperMm: input.paperMm, updatedBy: actor.staffId, updatedAt: at.toISOString() };
    tx.insert(deviceSettings)
      .values({ device: 'printer', ...row })
      .onConflictDoUpdate({ target: deviceSettings.device, set: row })
      .run();
    appendAudit(tx, { actorId: actor.staffId, action: 'device.printer.set', entity: 'device', entityId: 'printer', detail: { before, after: { address, paperMm: input.paperMm } } }, at);
  });
  holder.swap(printer);
  applyPaperWidth(deps, input.paperMm);
  return { address, paperMm: input.paperMm };
}

/** A short test page on the current printer; a fault is the answer (its Chinese reason), never thrown. */
export async function testPrinter(deps: ServiceDeps, holder: PrinterHolder): Promise<{ printed: boolean; message: string | null; warning: string | null }> {
  const columns = deps.settings.receiptColumns;
  const page: SlipLine[] = [
    { kind: 'title', text: '打印机测试页' },
    { kind: 'rule' },
    { kind: 'text', text: `打印机：${holder.name}` },
    { kind: 'text', text: `纸宽：${columns === PAPER_COLUMNS[58] ? 58 : 80}mm（每行${columns}字符）` },
    { kind: 'text', text: `时间：${localDateTime(deps.clock.now())}` },
    { kind: 'rule' },
    { kind: 'feed', lines: 3 },
  ];
  try {
    const result = await printSlip(holder, { lines: page, columns });
    return { printed: true, message: null, warning: result.warning ?? null };
  } catch (error) {
    return { printed: false, message: `测试页未打印：${error instanceof Error ? error.message : String(error)}`, warning: null };
  }
}

/** Issue 12 #1: the printers installed in the operating system, for 设备设置's Windows printer choice; null without the shell. */
export async function installedPrinters(holder: PrinterHolder) {
  const printers = await holder.installedPrinters();
  return { available: printers !== null, printers: printers ?? [] };
}
