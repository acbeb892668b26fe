/** Issue 12 #2 (设备设置, administrator or technician): the receipt printer chosen, shown and tested in the app. */
import { z } from 'zod';
import { noInput } from './schemas.js';

const DEVICE_ROLES = ['admin', 'technician'] as const;
const paperMm = z.union([z.literal(58), z.literal(80)], { error: '纸宽应为 58 或 80 毫米' });

export const devicesContract = {
  /** The stored address (null: what the start chose), the paper width and its columns, and the printer's live state. */
  'devices.printer': {
    access: DEVICE_ROLES,
    input: noInput,
    output: z.object({
      address: z.string().nullable(),
      stored: z.boolean(),
      name: z.string(),
      paperMm,
      columns: z.number().int(),
      state: z.enum(['real', 'simulated', 'not-configured', 'error']),
      reason: z.string().nullable(),
    }),
  },
  /** Stores the printer (audited) and uses it from the next slip on, without a restart; a bad address is refused at `address`. */
  'devices.setPrinter': {
    access: DEVICE_ROLES,
    input: z.object({ address: z.string().trim().min(1, '请输入打印机地址').max(200, '打印机地址过长'), paperMm }).strict(),
    output: z.object({ address: z.string(), paperMm }),
  },
  /**
   * Issue 12 #1: the printers installed in the operating system (Windows: those with a driver), which the
   * desktop app can print to as `spooler:<name>?width=80`; `available` false where there is no desktop
   * shell to print through (the browser harness).
   */
  'devices.installedPrinters': {
    access: DEVICE_ROLES,
    input: noInput,
    output: z.object({
      available: z.boolean(),
      printers: z.array(z.object({ name: z.string(), displayName: z.string() })),
    }),
  },
  /** Prints a short test page on the current printer; the outcome with the printer's Chinese reason. */
  'devices.testPrinter': {
    access: DEVICE_ROLES,
    input: noInput,
    output: z.object({ printed: z.boolean(), message: z.string().nullable(), warning: z.string().nullable() }),
  },
} as const;
