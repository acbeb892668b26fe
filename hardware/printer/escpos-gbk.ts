/**
 * Turns check-slip lines into ESC/POS bytes for an Epson-compatible receipt printer in Chinese mode.
 *
 * node-thermal-printer builds the control sequences (init, align, bold, size, cut). It is given no
 * character set: its CHINA set sends ESC R 15 + GB2312 and never enters Chinese mode, and its own text
 * helpers count characters, not columns (ARCHITECTURE "Known environment facts"). So every text line is
 * laid out in display columns by the pure layout (main/domain/check-slip.ts), encoded to GBK with
 * iconv-lite, and wrapped in FS & (enter Chinese mode) … FS . (leave it).
 */
import iconv from 'iconv-lite';
import { PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import type { SlipLine } from '../../preload/kernel/slip-line.js';

export const FS_CHINESE_ON = Buffer.from([0x1c, 0x26]); // FS &
export const FS_CHINESE_OFF = Buffer.from([0x1c, 0x2e]); // FS .
/** ESC p 0 25 250: pulse the cash-drawer kick connector (pin 2), 50 ms on, 500 ms off. */
export const DRAWER_KICK = Buffer.from([0x1b, 0x70, 0x00, 0x19, 0xfa]);
/** ESC @ (its d.ts does not declare initHardware, so the reset at the start is sent as bytes). */
export const ESC_INIT = Buffer.from([0x1b, 0x40]);

export function gbk(text: string): Buffer {
  return iconv.encode(text, 'gbk');
}

export interface EncodeOptions {
  columns: number;
}

export function encodeSlip(lines: readonly SlipLine[], options: EncodeOptions): Buffer {
  const printer = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: '', width: options.columns });
  printer.add(ESC_INIT);
  printer.add(FS_CHINESE_ON);
  for (const line of lines) {
    switch (line.kind) {
      case 'title':
        printer.alignCenter();
        printer.bold(true);
        // GS ! n: node-thermal-printer writes n = 0x{h}{w}, so (0, 1) is n = 0x01, double height.
        printer.setTextSize(0, 1);
        printer.add(gbk(line.text));
        printer.newLine();
        printer.setTextSize(0, 0);
        printer.bold(false);
        printer.alignLeft();
        break;
      case 'text':
        printer.add(gbk(line.text));
        printer.newLine();
        break;
      case 'rule':
        printer.add(Buffer.from('-'.repeat(options.columns), 'ascii'));
        printer.newLine();
        break;
      case 'feed':
        for (let i = 0; i < line.lines; i++) printer.newLine();
        break;
    }
  }
  printer.add(FS_CHINESE_OFF);
  printer.cut();
  return Buffer.from(printer.getBuffer());
}
