/**
 * Issue 12 #2 (设备设置): the receipt printer chosen in the app is stored, audited and used from the next slip
 * on without a restart; a bad address is refused at `address` with nothing stored; only an administrator or a
 * technician may change it; the setting survives a restart of the host on the same store.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TcpPrinterSimulator } from '../../hardware/printer/tcp-simulator.js';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { scalar } from '../fixtures/data.js';

let sim: TcpPrinterSimulator;
const hosts: TestHost[] = [];

beforeEach(async () => {
  sim = new TcpPrinterSimulator();
  await sim.listen();
});
afterEach(async () => {
  for (const h of hosts.splice(0)) h.dispose();
  await sim.close();
});

function hostWithBill(options: Parameters<typeof makeTestHost>[0] = {}): { host: TestHost; accountId: string } {
  const host = makeTestHost(options);
  hosts.push(host);
  const ids = addAccount(host, { accountNo: '20240001', name: '张三', address: '人民路88号', reading: 15000 });
  addBill(host, ids, { id: 'bill-1', readingDate: '2026-10-20', previous: 11522, current: 15000, amountFen: 12000, dueDate: '2026-11-19' });
  return { host, accountId: ids.accountId };
}

async function jobs(n: number): Promise<Buffer[]> {
  for (let i = 0; i < 200 && sim.jobs.length < n; i++) await new Promise((r) => setTimeout(r, 10));
  return sim.jobs;
}

describe('device settings: the receipt printer (issue 12 #2)', () => {
  it('a printer set by the technician prints the next slip, without a restart, at the chosen paper width', async () => {
    const { host, accountId } = hostWithBill();
    const tech = await signIn(host, 'tech01');
    expect(await tech.ok('devices.printer', {})).toMatchObject({ address: null, stored: false, state: 'simulated', paperMm: 80, columns: 48 });
    expect(await tech.ok('devices.setPrinter', { address: ` ${sim.url} `, paperMm: 58 })).toEqual({ address: sim.url, paperMm: 58 });
    expect(await tech.ok('devices.printer', {})).toMatchObject({ address: sim.url, stored: true, state: 'real', reason: null, paperMm: 58, columns: 32 });
    expect(scalar(host, "SELECT count(*) FROM audit_log WHERE action = 'device.printer.set'")).toBe(1);

    const clerk = await signIn(host);
    const paid = await clerk.ok('payments.payCash', { accountId, billIds: ['bill-1'], tendered: '150', expectedTotalFen: 12100 });
    expect(paid.print).toMatchObject({ printed: true, copy: false });
    expect(host.sim.jobs).toHaveLength(0);
    const [job] = await jobs(1);
    expect(job?.length).toBeGreaterThan(0);
    expect(paid.print.lines.every((l) => l.length <= 32 || /[^\x00-\x7f]/.test(l))).toBe(true);
    expect(paid.print.lines).toContain('-'.repeat(32));
  });

  it('prints a test page and says what a stopped printer lacks', async () => {
    const { host } = hostWithBill();
    const admin = await signIn(host, 'admin01');
    await admin.ok('devices.setPrinter', { address: sim.url, paperMm: 80 });
    expect(await admin.ok('devices.testPrinter', {})).toEqual({ printed: true, message: null, warning: null });
    expect((await jobs(1)).length).toBe(1);
    sim.control('paperout');
    expect(await admin.ok('devices.printer', {})).toMatchObject({ state: 'error', reason: expect.stringContaining('缺纸') });
    const failed = await admin.ok('devices.testPrinter', {});
    expect(failed).toMatchObject({ printed: false, message: expect.stringContaining('缺纸') });
  });

  it('refuses a bad address at `address` with its Chinese reason, and stores nothing', async () => {
    const { host } = hostWithBill();
    const admin = await signIn(host, 'admin01');
    const res = await admin.call('devices.setPrinter', { address: 'tcp://打印机:9100', paperMm: 80 });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'address', message: expect.stringContaining('主机地址不正确') } });
    const bad = await admin.call('devices.setPrinter', { address: 'lpt1', paperMm: 80 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'address', message: expect.stringContaining('缺少连接方式') } });
    expect(scalar(host, 'SELECT count(*) FROM device_settings')).toBe(0);
    expect(scalar(host, "SELECT count(*) FROM audit_log WHERE action = 'device.printer.set'")).toBe(0);
  });

  it('a clerk may neither read nor change the printer settings', async () => {
    const { host } = hostWithBill();
    const clerk = await signIn(host);
    expect(await clerk.call('devices.setPrinter', { address: sim.url, paperMm: 80 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await clerk.call('devices.testPrinter', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(scalar(host, 'SELECT count(*) FROM device_settings')).toBe(0);
  });

  it('the stored printer is used after a restart of the host on the same store', async () => {
    const { host, accountId } = hostWithBill({ seed: true });
    const admin = await signIn(host, 'admin01');
    await admin.ok('devices.setPrinter', { address: sim.url, paperMm: 58 });
    const dir = host.dir;
    host.close();
    hosts.splice(hosts.indexOf(host), 1);
    // the same store, started again with the simulated printer as its option: the stored setting wins
    const again = makeTestHost({ dir, seed: false });
    hosts.push(again);
    const tech = await signIn(again, 'tech01');
    expect(await tech.ok('devices.printer', {})).toMatchObject({ address: sim.url, stored: true, state: 'real', paperMm: 58, columns: 32 });
    const clerk = await signIn(again);
    const paid = await clerk.ok('payments.payCash', { accountId, billIds: ['bill-1'], tendered: '150', expectedTotalFen: 12100 });
    expect(paid.print.printed).toBe(true);
    expect(again.sim.jobs).toHaveLength(0);
    expect((await jobs(1)).length).toBe(1);
  });

  it('keeps the raw printer’s last status for the counter’s status bar, without asking the printer again (issue 12 #1)', async () => {
    const { host, accountId } = hostWithBill();
    const admin = await signIn(host, 'admin01');
    await admin.ok('devices.setPrinter', { address: sim.url, paperMm: 80 });
    expect(host.printer.lastStatus()).toEqual({ state: 'real', reason: null, warning: null, at: null });
    sim.control('cover open');
    const clerk = await signIn(host);
    const paid = await clerk.ok('payments.payCash', { accountId, billIds: ['bill-1'], tendered: '150', expectedTotalFen: 12100 });
    expect(paid.print.printed).toBe(false);
    const connections = sim.control('jobs').connections;
    expect(host.printer.lastStatus()).toEqual({ state: 'error', reason: `打印机 ${host.printer.name} 纸仓盖未关好`, warning: null, at: host.clock.now() });
    expect(sim.control('jobs').connections).toBe(connections);
    sim.control('cover closed');
    sim.control('nearend');
    expect(await clerk.ok('receipts.reprint', { slipNo: paid.print.slipNo })).toMatchObject({ printed: true });
    expect(host.printer.lastStatus()).toMatchObject({ state: 'real', reason: null, warning: `打印机 ${host.printer.name} 纸将用完，请及时换纸` });
    sim.control('paperout');
    expect(await admin.ok('devices.printer', {})).toMatchObject({ state: 'error' });
    expect(host.printer.lastStatus()).toMatchObject({ state: 'error', reason: `打印机 ${host.printer.name} 缺纸` });
  });
});
