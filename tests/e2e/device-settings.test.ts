/**
 * 设备设置 in Chromium at 1366×768 (issue 12 #2): the technician types the receipt printer's address (Enter
 * saves), a bad one is refused at the field, a test page reaches the TCP printer simulator and the state shows.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TcpPrinterSimulator } from '../../hardware/printer/tcp-simulator.js';
import { makeTestHost, type TestHost } from '../fixtures/host.js';
import type { InstalledPrinter, SpoolAnswer, Spooler, SpoolJob } from '../../hardware/printer/spooler.js';
import { artifacts, openCounterPage, type CounterPage } from './browser.js';
import { logIn } from './counter-page.js';

let host: TestHost;
let counter: CounterPage;
const printer = new TcpPrinterSimulator();
let port = 0;

beforeAll(async () => {
  port = await printer.listen();
  host = makeTestHost();
  counter = await openCounterPage(host, { width: 1366, height: 768 });
  await logIn(counter.page, counter.harness.url, 'tech01', 'counter-lc01');
});

afterAll(async () => {
  await counter?.close();
  await printer.close();
  host?.dispose();
});

describe('设备设置', () => {
  it('refuses a bad address at the field, saves a TCP printer with Enter and prints a test page on it', async () => {
    const { page } = counter;
    await page.keyboard.press('Alt+s');
    // the window shows a technician only what the contract lets them do: no price table, no legacy import
    await page.locator('input[name=printerAddress]').waitFor();
    expect(await page.locator('main.settings h2').allTextContents()).not.toContain('气价表');
    expect(await page.locator('main.settings').textContent()).not.toContain('旧系统数据导入');
    expect(await page.locator('main.settings').textContent()).not.toContain('您的岗位没有此项操作权限');
    // issue 12 #1: the harness has no Windows spooler: it says so instead of offering printers
    await expect.poll(() => page.locator('main.settings').textContent()).toContain('Windows 打印机（驱动）只能在桌面程序中选择');
    expect(await page.locator('select[name=windowsPrinter]').count()).toBe(0);
    const address = page.locator('input[name=printerAddress]');
    await address.fill('http://printer');
    await address.press('Enter');
    await expect.poll(() => page.locator('#printer-address-error').textContent()).not.toBe('');
    await address.fill(`tcp://127.0.0.1:${port}`);
    await address.press('Enter');
    await expect.poll(() => page.locator('[data-printer-state]').getAttribute('data-printer-state')).toBe('real');
    await page.locator('button[name=testPrinter]').click();
    await expect.poll(() => printer.jobs.length).toBe(1);
    await page.locator('[data-printer-state]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'device-settings.png') });
  });
});

describe('设备设置 with the desktop app’s spooler (issue 12 #1)', () => {
  const jobs: SpoolJob[] = [];
  const spooler: Spooler = {
    print: (job: SpoolJob): Promise<SpoolAnswer> => {
      jobs.push(job);
      return Promise.resolve({ ok: true });
    },
    printers: (): Promise<InstalledPrinter[]> =>
      Promise.resolve([
        { name: 'XP-58C', displayName: 'XP-58C' },
        { name: 'EPSON TM-T82III Receipt', displayName: 'EPSON TM-T82III Receipt' },
      ]),
  };
  let withSpooler: TestHost;
  let desk: CounterPage;
  afterAll(async () => {
    await desk?.close();
    withSpooler?.dispose();
  });

  it('offers the installed printers, fills the spooler address at the chosen width, saves it and prints the test page through it', async () => {
    withSpooler = makeTestHost({ spooler });
    desk = await openCounterPage(withSpooler, { width: 1366, height: 768 });
    await logIn(desk.page, desk.harness.url, 'tech01', 'counter-lc01');
    const { page } = desk;
    await page.keyboard.press('Alt+s');
    const choice = page.locator('select[name=windowsPrinter]');
    await choice.waitFor();
    expect(await choice.locator('option').allTextContents()).toEqual(['XP-58C', 'EPSON TM-T82III Receipt']);
    expect(await page.locator('main.settings').textContent()).toContain('不能开钱箱');
    await page.locator('select[name=printerPaper]').selectOption('58');
    await page.locator('button[name=useWindowsPrinter]').click();
    const address = page.locator('input[name=printerAddress]');
    expect(await address.inputValue()).toBe('spooler:XP-58C?width=58');
    // the width follows the paper chosen beside it
    await page.locator('select[name=printerPaper]').selectOption('80');
    await expect.poll(() => address.inputValue()).toBe('spooler:XP-58C?width=80');
    await page.locator('select[name=printerPaper]').selectOption('58');
    await page.locator('button[name=savePrinter]').click();
    await expect.poll(() => page.locator('[data-printer-state]').textContent()).toContain('无实时状态');
    await page.locator('button[name=testPrinter]').click();
    await expect.poll(() => jobs.length).toBe(1);
    expect(jobs[0]).toMatchObject({ deviceName: 'XP-58C', widthMicrons: 58_000 });
    await page.screenshot({ path: join(artifacts, 'device-settings-windows-printer.png') });
  });
});
