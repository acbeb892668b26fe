/**
 * Issue 12 #1: the raw TCP receipt printer (port 9100) against the TCP printer simulator: a payment's slip
 * arrives byte-exact, the drawer kick goes with a cash slip, and every fault (paper out before and during a
 * job, cover open, connection refused or dropped, no answer) leaves the slip in the reprint queue with its
 * Chinese reason, while paper near end only warns.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { layoutCheckSlip } from '../../main/domain/check-slip.js';
import { DRAWER_KICK, encodeSlip } from '../../hardware/printer/escpos-gbk.js';
import { TcpPrinterSimulator } from '../../hardware/printer/tcp-simulator.js';
import { tcpPrinter } from '../../hardware/printer/tcp.js';
import { migrationsDir, repoRoot } from '../../main/paths.js';
import { createHost } from '../../main/host.js';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { scalar } from '../fixtures/data.js';
import { goldenSlip } from '../fixtures/slips.js';

const TIMEOUTS = { connectMs: 1000, statusMs: 300, writeMs: 2000 };

let sim: TcpPrinterSimulator;
let port: number;
const hosts: TestHost[] = [];
const accountIds = new Map<TestHost, string>();

beforeEach(async () => {
  sim = new TcpPrinterSimulator();
  port = await sim.listen();
});
afterEach(async () => {
  for (const h of hosts.splice(0)) h.dispose();
  await sim.close();
});

/** The simulator records a job when its connection closes: wait for it. */
async function jobs(n: number): Promise<Buffer[]> {
  for (let i = 0; i < 100 && sim.jobs.length < n; i++) await new Promise((r) => setTimeout(r, 10));
  return sim.jobs;
}

function hostWith(printer: 'tcp' | 'simulated'): TestHost {
  const host = makeTestHost(printer === 'tcp' ? { printer: tcpPrinter('127.0.0.1', port, TIMEOUTS) } : {});
  hosts.push(host);
  const ids = addAccount(host, { accountNo: '20240001', name: '张三', address: '温州市鹿城区人民路88号幸福小区5幢2单元301室', reading: 15000 });
  addBill(host, ids, { id: 'bill-1', readingDate: '2026-10-20', previous: 11522, current: 15000, amountFen: 12000, dueDate: '2026-11-19' });
  accountIds.set(host, ids.accountId);
  return host;
}

async function payCash(host: TestHost) {
  const clerk = await signIn(host);
  const res = await clerk.call('payments.payCash', { accountId: accountIds.get(host) ?? '', billIds: ['bill-1'], tendered: '150', expectedTotalFen: 12100 });
  if (!res.ok) throw new Error(res.error.message);
  return { clerk, print: res.value.print };
}

describe('raw TCP printer ↔ TCP printer simulator', () => {
  it('sends the golden check slip byte-exact (tests/fixtures/check-slip-48col.hex)', async () => {
    const printer = tcpPrinter('127.0.0.1', port, TIMEOUTS);
    expect(await printer.write(encodeSlip(layoutCheckSlip(goldenSlip, 48), { columns: 48 }))).toEqual({});
    const golden = readFileSync(join(repoRoot, 'tests', 'fixtures', 'check-slip-48col.hex'), 'utf8').trim();
    expect((await jobs(1))[0]?.toString('hex')).toBe(golden);
  });

  it("prints a cash payment's slip with the drawer kick, the same bytes as the simulated printer gets", async () => {
    const reference = hostWith('simulated');
    await payCash(reference);
    const host = hostWith('tcp');
    const { print } = await payCash(host);
    expect(print).toMatchObject({ printed: true, copy: false, message: null });
    const [job] = await jobs(1);
    expect(job?.toString('hex')).toBe(reference.sim.jobs[0]?.toString('hex'));
    expect(job?.subarray(-DRAWER_KICK.length).toString('hex')).toBe('1b700019fa');
    expect(sim.device.drawerKicks()).toBe(1);
    expect(scalar(host, "SELECT count(*) FROM audit_log WHERE action = 'drawer.kick'")).toBe(1);
  });

  it('asks DLE EOT 1, 2 and 4 before and after the job', async () => {
    await tcpPrinter('127.0.0.1', port, TIMEOUTS).write(Buffer.from('x\n'));
    // DLE EOT 1, 2, 4 · the job · GS r 1 (answered once the job is printed) · DLE EOT 1, 2, 4
    expect(Buffer.from(sim.device.received).toString('hex')).toBe('100401100402100404' + '780a' + '1d7201' + '100401100402100404');
  });

  const faults: [string, (s: TcpPrinterSimulator) => void, RegExp][] = [
    ['paper out before the job', (s) => s.control('paperout'), /^核对单未打印：打印机 127\.0\.0\.1:\d+ 缺纸。收费已入账/],
    ['the cover open', (s) => s.control('cover open'), /^核对单未打印：打印机 127\.0\.0\.1:\d+ 纸仓盖未关好。/],
    ['the printer offline', (s) => s.control('offline'), /^核对单未打印：打印机 127\.0\.0\.1:\d+ 脱机。/],
    ['paper out mid-job', (s) => s.control('paperout-after 200'), /^核对单未打印：打印机 127\.0\.0\.1:\d+ 缺纸，本张未打完。/],
    ['the connection dropped mid-job', (s) => s.control('drop 300'), /^核对单未打印：打印机 127\.0\.0\.1:\d+ 连接中断，本张未打完。/],
    ['the connection dropped before the job', (s) => s.control('drop 2'), /^核对单未打印：打印机 127\.0\.0\.1:\d+ 连接中断。/],
    ['no status answer', (s) => s.control('mute'), /^核对单未打印：打印机 127\.0\.0\.1:\d+ 无应答（超时）。/],
  ];
  it.each(faults)('%s: the payment stands, the slip waits in receipts.unprinted with the Chinese reason', async (_label, fault, reason) => {
    const host = hostWith('tcp');
    fault(sim);
    const { clerk, print } = await payCash(host);
    expect(print).toMatchObject({ printed: false, copy: false });
    expect(print.message).toMatch(reason);
    expect(scalar(host, 'SELECT count(*) FROM payments')).toBe(1);
    expect(await clerk.call('receipts.unprinted', {})).toMatchObject({ ok: true, value: [{ slipNo: 'LC01-00000001', totalFen: 12100 }] });
    expect(scalar(host, "SELECT count(*) FROM slip_prints WHERE outcome = 'failed' AND error = ?", print.message)).toBe(1);
    expect(scalar(host, "SELECT count(*) FROM audit_log WHERE action = 'drawer.kick'")).toBe(0);
    // once the fault is cleared the reprint is the original
    sim.control('reset');
    sim.device.faults.paperOut = false;
    expect(await clerk.call('receipts.reprint', { slipNo: 'LC01-00000001' })).toMatchObject({ ok: true, value: { printed: true, copy: false } });
    expect(await clerk.call('receipts.unprinted', {})).toEqual({ ok: true, value: [] });
  });

  it('a buffered printer: paper out while the slip is still in its buffer is caught (GS r 1 waits for the slip to be printed)', async () => {
    const host = hostWith('tcp');
    // 64 bytes every 10 ms: the whole job is in the printer's buffer when the after-job DLE EOT would be answered
    sim.control('buffered 64');
    sim.control('paperout-after 400');
    const { clerk, print } = await payCash(host);
    expect(print).toMatchObject({ printed: false });
    expect(print.message).toMatch(/^核对单未打印：打印机 127\.0\.0\.1:\d+ 缺纸，本张未打完。/);
    expect(await clerk.call('receipts.unprinted', {})).toMatchObject({ ok: true, value: [{ slipNo: 'LC01-00000001' }] });
  });

  it('a buffered printer: the slip counts as printed once the printer has printed all of it', async () => {
    const host = hostWith('tcp');
    sim.control('buffered 64');
    const { print } = await payCash(host);
    expect(print).toMatchObject({ printed: true, message: null });
    const [job] = await jobs(1);
    expect(job?.subarray(-5).toString('hex')).toBe('1b700019fa');
    expect(sim.device.control('state')).toMatchObject({ buffered: 0 });
  });

  it('a printer without GS r: the first job waits printMs and goes by its DLE EOT, later jobs do not wait', async () => {
    sim.control('no-gsr');
    const printer = tcpPrinter('127.0.0.1', port, { ...TIMEOUTS, printMs: 1000 });
    let started = Date.now();
    expect(await printer.write(Buffer.from('a\n'))).toEqual({});
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    started = Date.now();
    expect(await printer.write(Buffer.from('b\n'))).toEqual({});
    expect(Date.now() - started).toBeLessThan(500);
    expect((await jobs(2)).map((j) => j.toString())).toEqual(['a\n', 'b\n']);
  });

  it('reads the status without printing (for the counter\'s status bar and device settings)', async () => {
    const printer = tcpPrinter('127.0.0.1', port, TIMEOUTS);
    expect(await printer.status()).toEqual({ online: true, coverOpen: false, paperOut: false, paperNearEnd: false, error: false });
    sim.control('cover open');
    sim.control('nearend');
    // an open cover takes the printer offline (DLE EOT 1 bit 3), the cause in DLE EOT 2
    expect(await printer.status()).toEqual({ online: false, coverOpen: true, paperOut: false, paperNearEnd: true, error: false });
    expect(sim.device.printed).toHaveLength(0);
  });

  it('paper out before the job: not a byte of the slip reaches the printer', async () => {
    const host = hostWith('tcp');
    sim.control('paperout');
    await payCash(host);
    expect(sim.device.printed).toHaveLength(0);
    expect(sim.device.received.length).toBeLessThanOrEqual(9);
  });

  it('connection refused: the slip waits with the reason', async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        const p = typeof address === 'object' && address ? address.port : 0;
        server.close(() => resolve(p));
      });
    });
    const host = makeTestHost({ printer: tcpPrinter('127.0.0.1', closed, TIMEOUTS) });
    hosts.push(host);
    const ids = addAccount(host, { accountNo: '20240001', name: '张三', address: '人民路1号', reading: 15000 });
    addBill(host, ids, { id: 'bill-1', readingDate: '2026-10-20', previous: 11522, current: 15000, amountFen: 12000, dueDate: '2026-11-19' });
    accountIds.set(host, ids.accountId);
    const { clerk, print } = await payCash(host);
    expect(print.printed).toBe(false);
    expect(print.message).toBe(`核对单未打印：打印机 127.0.0.1:${closed} 拒绝连接，请检查打印机电源、网线和地址端口。收费已入账，请检查打印机后补打。`);
    expect(await clerk.call('receipts.unprinted', {})).toMatchObject({ ok: true, value: [{ slipNo: 'LC01-00000001' }] });
  });

  it('paper near end: the slip prints and the counter is warned', async () => {
    const host = hostWith('tcp');
    sim.control('nearend');
    const { clerk, print } = await payCash(host);
    expect(print).toMatchObject({ printed: true, message: null, warning: `打印机 127.0.0.1:${port} 纸将用完，请及时换纸` });
    expect((await jobs(1))).toHaveLength(1);
    expect(await clerk.call('receipts.unprinted', {})).toEqual({ ok: true, value: [] });
  });

  it('the host takes the printer by address (HostOptions.printerUrl, GAS_PRINTER in main/backend.ts)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gas-printer-url-'));
    const host = createHost({ dbFile: join(dir, 'test.db'), migrationsDir, printerUrl: `tcp://127.0.0.1:${port}`, demo: true });
    try {
      expect(host.printer.name).toBe(`127.0.0.1:${port}`);
      expect(await host.printer.write(Buffer.from('x\n'))).toEqual({});
      expect((await jobs(1))[0]?.toString()).toBe('x\n');
      expect(() => createHost({ dbFile: join(dir, 'other.db'), migrationsDir, printerUrl: 'tcp://127.0.0.1:99999' })).toThrow('端口应在 1–65535 之间');
    } finally {
      host.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints one job at a time: two jobs sent at once arrive whole, one after the other', async () => {
    const printer = tcpPrinter('127.0.0.1', port, TIMEOUTS);
    const a = Buffer.alloc(20000, 0x41);
    const b = Buffer.alloc(20000, 0x42);
    await Promise.all([printer.write(a), printer.write(b)]);
    const done = await jobs(2);
    expect(done.map((j) => [j.length, j[0], j[j.length - 1]])).toEqual([
      [20000, 0x41, 0x41],
      [20000, 0x42, 0x42],
    ]);
  });
});
