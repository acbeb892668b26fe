/**
 * Issue 12 #1: the serial receipt printer (serialport) and the Linux USB printer device (/dev/usb/lp*, a
 * plain file) against the printer simulator running as its own process on the far end of a socat pty pair,
 * and the USB device path against a FIFO (write-only: status unknown, the job still goes).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { layoutCheckSlip } from '../../main/domain/check-slip.js';
import { encodeSlip } from '../../hardware/printer/escpos-gbk.js';
import { PrinterError } from '../../hardware/printer/printer.js';
import { serialPrinter } from '../../hardware/printer/serial.js';
import { usbLpPrinter } from '../../hardware/printer/usblp.js';
import { repoRoot } from '../../main/paths.js';
import { startPtySimulator, type PtySimulator } from '../fixtures/pty.js';
import { addAccount, addBill, makeTestHost, signIn } from '../fixtures/host.js';
import { goldenSlip } from '../fixtures/slips.js';

const TIMEOUTS = { connectMs: 1000, statusMs: 400, writeMs: 3000 };
const golden = readFileSync(join(repoRoot, 'tests', 'fixtures', 'check-slip-48col.hex'), 'utf8').trim();
const slipBytes = () => encodeSlip(layoutCheckSlip(goldenSlip, 48), { columns: 48 });

let pty: PtySimulator;
beforeAll(async () => {
  pty = await startPtySimulator('hardware/printer/sim-cli.ts');
}, 30_000);
afterAll(() => pty?.stop());
beforeEach(async () => {
  await pty.control('reset');
});

/** What the simulator printed since `from` bytes, in hex. */
async function printedSince(from: number): Promise<string> {
  const state = await pty.control('bytes');
  return String(state.printedHex).slice(from * 2);
}
const printedCount = async () => Number((await pty.control('state')).printed);

const transports = [
  ['serial port', () => serialPrinter(pty.app, 9600, TIMEOUTS)],
  ['USB printer device', () => usbLpPrinter(pty.app, TIMEOUTS)],
] as const;

describe.each(transports)('%s ↔ printer simulator over a socat pty', (_label, open) => {
  it('prints the golden check slip byte-exact', async () => {
    const from = await printedCount();
    expect(await open().write(slipBytes())).toEqual({});
    expect(await printedSince(from)).toBe(golden);
  });

  const faults: [string, string, string][] = [
    ['paper out before the job', 'paperout', '缺纸'],
    ['paper out mid-job', 'paperout-after 150', '缺纸，本张未打完'],
    ['the cover open', 'cover open', '纸仓盖未关好'],
    ['the printer offline', 'offline', '脱机'],
  ];
  it.each(faults)('%s: refused with the Chinese reason', async (_fault, command, reason) => {
    await pty.control(command);
    const failure = await open().write(slipBytes()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(PrinterError);
    expect(failure).toMatchObject({ message: `打印机 ${pty.app} ${reason}` });
  });

  it('a buffered printer: paper out with the slip still in its buffer is caught', async () => {
    await pty.control('buffered 64');
    await pty.control('paperout-after 300');
    try {
      await expect(open().write(slipBytes())).rejects.toMatchObject({ fault: 'paper-out', midJob: true });
    } finally {
      await pty.control('buffered 0');
    }
  });

  it('paper near end: printed, with a warning', async () => {
    await pty.control('nearend');
    expect(await open().write(Buffer.from('x\n'))).toEqual({ warning: `打印机 ${pty.app} 纸将用完，请及时换纸` });
  });
});

describe('USB printer device that does not answer (unidirectional)', () => {
  it('prints with its status unknown, without waiting for the slip to be printed', async () => {
    await pty.control('mute');
    const from = await printedCount();
    const started = Date.now();
    expect(await usbLpPrinter(pty.app, TIMEOUTS).write(slipBytes())).toEqual({});
    // two unanswered DLE EOT 1 (400 ms each), never the 10 s of waiting for GS r
    expect(Date.now() - started).toBeLessThan(4000);
    expect(await printedSince(from)).toBe(golden);
  });
});

describe('serial printer in the host', () => {
  it('paper out: the payment stands, the slip waits in receipts.unprinted with the Chinese reason', async () => {
    const host = makeTestHost({ printer: serialPrinter(pty.app, 9600, TIMEOUTS) });
    try {
      const ids = addAccount(host, { accountNo: '20240001', name: '张三', address: '人民路1号', reading: 15000 });
      addBill(host, ids, { id: 'bill-1', readingDate: '2026-10-20', previous: 11522, current: 15000, amountFen: 12000, dueDate: '2026-11-19' });
      await pty.control('paperout');
      const clerk = await signIn(host);
      const res = await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-1'], tendered: '150', expectedTotalFen: 12100 });
      expect(res).toMatchObject({ ok: true, value: { print: { printed: false, message: `核对单未打印：打印机 ${pty.app} 缺纸。收费已入账，请检查打印机后补打。` } } });
      expect(await clerk.call('receipts.unprinted', {})).toMatchObject({ ok: true, value: [{ slipNo: 'LC01-00000001' }] });
      await pty.control('paperin');
      expect(await clerk.call('receipts.reprint', { slipNo: 'LC01-00000001' })).toMatchObject({ ok: true, value: { printed: true, copy: false } });
    } finally {
      host.dispose();
    }
  });

  it('a port that is not there: device not found, in Chinese', async () => {
    await expect(serialPrinter('/dev/ttyGAS-NONE', 9600, TIMEOUTS).write(Buffer.from('x'))).rejects.toMatchObject({
      fault: 'not-found',
      message: '打印机 /dev/ttyGAS-NONE 设备不存在，请检查连线和设备名',
    });
  });

  it('a port that does not answer DLE EOT: timeout', async () => {
    await pty.control('mute');
    await expect(serialPrinter(pty.app, 9600, TIMEOUTS).write(Buffer.from('x'))).rejects.toMatchObject({ fault: 'timeout', message: `打印机 ${pty.app} 无应答（超时）` });
  });
});

describe('USB printer device as a FIFO (no read back)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gas-usblp-'));
    execFileSync('mkfifo', [join(dir, 'lp0')]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the slip exactly with no status query (status unknown), and warns of nothing', async () => {
    const fifo = join(dir, 'lp0');
    const chunks: Buffer[] = [];
    // the reading end: a process blocked opening the FIFO counts as its reader
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'inherit'] });
    reader.stdout.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((r) => reader.on('exit', r));
    await new Promise((r) => setTimeout(r, 200));
    expect(await usbLpPrinter(fifo, TIMEOUTS).write(slipBytes())).toEqual({});
    await ended;
    expect(Buffer.concat(chunks).toString('hex')).toBe(golden);
  });

  it('nobody reading (no printer): refused, device not found', async () => {
    await expect(usbLpPrinter(join(dir, 'lp0'), TIMEOUTS).write(Buffer.from('x'))).rejects.toMatchObject({ fault: 'not-found' });
    await expect(usbLpPrinter(join(dir, 'lp9'), TIMEOUTS).write(Buffer.from('x'))).rejects.toMatchObject({ message: `打印机 ${join(dir, 'lp9')} 设备不存在，请检查连线和设备名` });
  });
});
