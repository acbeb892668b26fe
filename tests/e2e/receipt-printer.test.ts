/**
 * Issue 12 #1 end to end in Chromium: the counter prints to the TCP printer simulator over raw ESC/POS.
 * Paper near end: the slip prints and 前台收费 shows the warning; paper out: the payment stands and the
 * counter shows the Chinese reason, the slip waits for its reprint.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEscPos } from '../../hardware/printer/decode.js';
import { TcpPrinterSimulator } from '../../hardware/printer/tcp-simulator.js';
import { tcpPrinter } from '../../hardware/printer/tcp.js';
import { addAccount, addBill, makeTestHost, type TestHost } from '../fixtures/host.js';
import { scalar } from '../fixtures/data.js';
import { openCounterPage, type CounterPage } from './browser.js';
import { findCustomer, logIn } from './counter-page.js';

let host: TestHost;
let sim: TcpPrinterSimulator;
let counter: CounterPage;
let page: Page;

beforeAll(async () => {
  sim = new TcpPrinterSimulator();
  const port = await sim.listen();
  host = makeTestHost({ printer: tcpPrinter('127.0.0.1', port, { connectMs: 1000, statusMs: 500, writeMs: 3000 }) });
  for (const [n, name] of [['1', '张三'], ['2', '李四']] as const) {
    const ids = addAccount(host, { accountNo: `3000000${n}`, name, address: `温州市鹿城区人民路8${n}号幸福小区${n}幢`, reading: 15000 });
    addBill(host, ids, { id: `e2e-bill-${n}`, readingDate: '2026-10-20', previous: 11522, current: 15000, amountFen: 12000, dueDate: '2026-11-19' });
  }
  counter = await openCounterPage(host);
  page = counter.page;
  await logIn(page, counter.harness.url, 'clerk01', 'counter-lc01');
}, 60_000);

afterAll(async () => {
  await counter?.close();
  await sim?.close();
});

async function pay(fragment: string): Promise<void> {
  await findCustomer(page, fragment);
  await page.fill('input[name=tendered]', '150');
  await expect.poll(() => page.locator('[data-testid=change]').textContent()).toBe('￥29.00');
  await page.locator('input[name=tendered]').press('Enter');
  await page.locator('.receipt-panel pre.receipt').waitFor();
}

describe('前台收费 with a TCP receipt printer', () => {
  it('paper near end: the slip prints (drawer kick included) and the counter shows the warning', async () => {
    sim.control('nearend');
    await pay('幸福小区1幢');
    await expect.poll(() => page.locator('.receipt-panel [role=status]').textContent()).toMatch(/^打印机 127\.0\.0\.1:\d+ 纸将用完，请及时换纸$/);
    await expect.poll(() => sim.jobs.length).toBe(1);
    expect(decodeEscPos(sim.jobs[0] ?? Buffer.alloc(0))).toContain('管道燃气费核对单');
    expect(sim.device.drawerKicks()).toBe(1);
  });

  it('paper out: the payment stands, the counter shows why the slip did not print', async () => {
    sim.control('paperout');
    await pay('幸福小区2幢');
    await expect.poll(() => page.locator('.receipt-panel [role=alert]').textContent()).toMatch(/^核对单未打印：打印机 127\.0\.0\.1:\d+ 缺纸。收费已入账，请检查打印机后补打。$/);
    expect(scalar(host, 'SELECT count(*) FROM payments')).toBe(2);
    expect(sim.device.drawerKicks()).toBe(1);
  });
});
