/**
 * Issue 12 #1: a receipt printer installed with a Windows driver, printed to through the shell's spooler
 * (`spooler:<name>?width=58|80`). The back end lays the slip out as an HTML page at the paper width and hands
 * it to the spooler; a failed print leaves the slip in the reprint queue as on every other transport; the
 * path has no status and no drawer kick; without a shell (the harness) it is refused at once, never hangs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { InstalledPrinter, SpoolAnswer, Spooler, SpoolJob } from '../../hardware/printer/spooler.js';
import { SPOOLER_NO_STATUS } from '../../hardware/printer/holder.js';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { printerFromEnv } from '../../main/host.js';
import { scalar } from '../fixtures/data.js';

class FakeSpooler implements Spooler {
  readonly jobs: SpoolJob[] = [];
  answer: SpoolAnswer = { ok: true };
  installed: InstalledPrinter[] = [
    { name: 'XP-58C', displayName: 'XP-58C' },
    { name: 'EPSON TM-T82III Receipt', displayName: 'EPSON TM-T82III Receipt' },
  ];
  print(job: SpoolJob): Promise<SpoolAnswer> {
    this.jobs.push(job);
    return Promise.resolve(this.answer);
  }
  printers(): Promise<InstalledPrinter[] | null> {
    return Promise.resolve(this.installed);
  }
}

const hosts: TestHost[] = [];
afterEach(() => {
  for (const h of hosts.splice(0)) h.dispose();
});

function hostWithBill(options: Parameters<typeof makeTestHost>[0] = {}): { host: TestHost; accountId: string } {
  const host = makeTestHost(options);
  hosts.push(host);
  const ids = addAccount(host, { accountNo: '20240001', name: '张三', address: '人民路88号', reading: 15000 });
  addBill(host, ids, { id: 'bill-1', readingDate: '2026-10-20', previous: 11522, current: 15000, amountFen: 12000, dueDate: '2026-11-19' });
  return { host, accountId: ids.accountId };
}

const pay = { billIds: ['bill-1'], tendered: '150', expectedTotalFen: 12100 };

describe('the Windows spooler printer (issue 12 #1)', () => {
  it('lists the installed printers and prints a cash slip as a 58 mm page on the chosen one, with no drawer kick', async () => {
    const spooler = new FakeSpooler();
    const { host, accountId } = hostWithBill({ spooler });
    const tech = await signIn(host, 'tech01');
    expect(await tech.ok('devices.installedPrinters', {})).toEqual({ available: true, printers: spooler.installed });
    expect(await tech.ok('devices.setPrinter', { address: 'spooler:XP-58C?width=58', paperMm: 58 })).toEqual({ address: 'spooler:XP-58C?width=58', paperMm: 58 });
    expect(await tech.ok('devices.printer', {})).toMatchObject({ address: 'spooler:XP-58C?width=58', name: 'XP-58C', state: 'real', reason: SPOOLER_NO_STATUS, paperMm: 58, columns: 32 });

    const clerk = await signIn(host);
    const paid = await clerk.ok('payments.payCash', { accountId, ...pay });
    expect(paid.print).toMatchObject({ printed: true, copy: false, message: null });
    expect(spooler.jobs).toHaveLength(1);
    const [job] = spooler.jobs;
    expect(job).toMatchObject({ deviceName: 'XP-58C', widthMicrons: 58_000 });
    expect(job?.heightMicrons).toBeGreaterThan(20 * 3750);
    expect(job?.html).toContain('<span class="w">核</span><span class="w">对</span><span class="w">单</span>');
    expect(job?.html).toContain(`<div class="l">${'<span>-</span>'.repeat(32)}</div>`);
    // a cash slip on a raw printer opens the drawer; the spooler cannot, and nothing says it did
    expect(scalar(host, "SELECT count(*) FROM audit_log WHERE action = 'drawer.kick'")).toBe(0);
    expect(host.sim.jobs).toHaveLength(0);
  });

  it('a print the spooler fails leaves the slip in the reprint queue with the reason; the reprint prints it', async () => {
    const spooler = new FakeSpooler();
    const { host, accountId } = hostWithBill({ spooler });
    const admin = await signIn(host, 'admin01');
    await admin.ok('devices.setPrinter', { address: 'spooler:EPSON TM-T82III Receipt?width=80', paperMm: 80 });
    spooler.answer = { ok: false, failure: 'failed', reason: 'Print job failed' };
    const clerk = await signIn(host);
    const paid = await clerk.ok('payments.payCash', { accountId, ...pay });
    expect(paid.print).toMatchObject({
      printed: false,
      message: '核对单未打印：打印机 EPSON TM-T82III Receipt Windows 打印失败：打印任务失败，请检查打印机是否开机、联机、有纸。收费已入账，请检查打印机后补打。',
    });
    expect(spooler.jobs[0]).toMatchObject({ deviceName: 'EPSON TM-T82III Receipt', widthMicrons: 80_000 });
    expect(await clerk.ok('receipts.unprinted', {})).toMatchObject([{ slipNo: paid.print.slipNo }]);
    expect(await admin.ok('devices.printer', {})).toMatchObject({ state: 'real' });
    expect(host.printer.lastStatus()).toMatchObject({ state: 'error', reason: expect.stringContaining('打印任务失败') });

    spooler.answer = { ok: true };
    expect(await clerk.ok('receipts.reprint', { slipNo: paid.print.slipNo })).toMatchObject({ printed: true, copy: false });
    expect(await clerk.ok('receipts.unprinted', {})).toEqual([]);
    expect(host.printer.lastStatus()).toMatchObject({ state: 'real', reason: SPOOLER_NO_STATUS });
  });

  it('the paper width must be the address’s', async () => {
    const { host } = hostWithBill({ spooler: new FakeSpooler() });
    const admin = await signIn(host, 'admin01');
    expect(await admin.call('devices.setPrinter', { address: 'spooler:XP-58C?width=58', paperMm: 80 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'paperMm', message: '纸宽应与 Windows 打印机地址中的 width=58 一致' },
    });
  });

  it('without the desktop shell (the harness): not offered, refused at `address`, and a stored one fails each slip at once', async () => {
    const { host, accountId } = hostWithBill({ spooler: new FakeSpooler() });
    const admin = await signIn(host, 'admin01');
    await admin.ok('devices.setPrinter', { address: 'spooler:XP-58C?width=58', paperMm: 58 });
    const dir = host.dir;
    host.close();
    hosts.splice(hosts.indexOf(host), 1);
    // the same store in the harness: no shell, no spooler
    const harness = makeTestHost({ dir, seed: false });
    hosts.push(harness);
    const tech = await signIn(harness, 'tech01');
    expect(await tech.ok('devices.installedPrinters', {})).toEqual({ available: false, printers: [] });
    expect(await tech.ok('devices.printer', {})).toMatchObject({ state: 'error', reason: expect.stringContaining('只能在桌面程序中打印') });
    expect(await tech.call('devices.setPrinter', { address: 'spooler:XP-58C?width=58', paperMm: 58 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'address', message: expect.stringContaining('Windows 驱动打印机只能在桌面程序中使用') },
    });
    const clerk = await signIn(harness);
    const paid = await clerk.ok('payments.payCash', { accountId, ...pay });
    expect(paid.print).toMatchObject({ printed: false, message: expect.stringContaining('打印机 XP-58C 是 Windows 驱动打印机，只能在桌面程序中打印') });
    expect(await clerk.ok('receipts.unprinted', {})).toMatchObject([{ slipNo: paid.print.slipNo }]);
  });

  it('named at start (GAS_PRINTER=spooler:…?width=58): the slips are laid out at 32 columns for it', async () => {
    const spooler = new FakeSpooler();
    const { host, accountId } = hostWithBill({ spooler, printer: printerFromEnv({ GAS_PRINTER: 'spooler:XP-58C?width=58' }, spooler) });
    const clerk = await signIn(host);
    const paid = await clerk.ok('payments.payCash', { accountId, ...pay });
    expect(paid.print).toMatchObject({ printed: true });
    expect(paid.print.lines).toContain('-'.repeat(32));
    expect(spooler.jobs[0]).toMatchObject({ deviceName: 'XP-58C', widthMicrons: 58_000 });
    expect(spooler.jobs[0]?.html).toContain('span{display:inline-block;width:1.5mm;');
  });
});
