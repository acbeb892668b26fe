/**
 * 设备设置 of the card reader and the handheld in Chromium at 1366×768 (issue 12 #2): the technician chooses
 * 指定端口 for the handheld with the keyboard, types the port (a socat pty with the handheld simulator on it), 检测
 * runs IDENTIFY, Enter saves; the card reader is set to 不使用. The status bar shows each device's state, the
 * reason on hover.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestHost, type TestHost } from '../fixtures/host.js';
import { startPtySimulator, type PtySimulator } from '../fixtures/pty.js';
import { artifacts, openCounterPage, type CounterPage } from './browser.js';
import { logIn } from './counter-page.js';

let host: TestHost;
let counter: CounterPage;
let pty: PtySimulator;

beforeAll(async () => {
  pty = await startPtySimulator('hardware/handheld/sim-cli.ts');
  host = makeTestHost();
  counter = await openCounterPage(host, { width: 1366, height: 768 });
  await logIn(counter.page, counter.harness.url, 'tech01', 'counter-lc01');
}, 60_000);

afterAll(async () => {
  await counter?.close();
  host?.dispose();
  pty?.stop();
});

describe('设备设置 · 读卡器 / 抄表机', () => {
  it('chooses the handheld port with the keyboard, tests and saves it; the status bar shows every device', async () => {
    const { page } = counter;
    const bar = (device: string) => page.locator(`.device-status [data-device=${device}]`);
    // demo mode: the simulators, said so in the status bar
    await expect.poll(() => bar('handheld').getAttribute('data-kind')).toBe('simulated');
    expect(await page.locator('.device-status').textContent()).toBe('打印机：模拟器读卡器：模拟器抄表机：模拟器');

    await page.keyboard.press('Alt+s');
    const mode = page.locator('select[name=handheldMode]');
    await mode.waitFor();
    await expect.poll(() => mode.inputValue()).toBe('simulator');
    // 模拟器 → 指定端口 is one option up
    await mode.focus();
    await page.keyboard.press('ArrowUp');
    expect(await mode.inputValue()).toBe('port');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('handheldPort');
    await page.keyboard.type('/dev/ttyNOPE7');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // 检测
    await expect.poll(() => page.locator('#handheld-port-error').textContent()).toBe('串口 /dev/ttyNOPE7 不存在：请检查设备是否插好，或重新选择端口');
    const port = page.locator('input[name=handheldPort]');
    await port.fill('');
    await port.focus();
    await page.keyboard.type(pty.app);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // 检测
    await expect.poll(() => page.locator('section[aria-label="设备设置 · 抄表机"]').textContent()).toContain('检测通过');
    await port.focus();
    await page.keyboard.press('Enter'); // 保存
    await expect.poll(() => page.locator('#handheld-state').getAttribute('data-device-state')).toBe('real');

    // the card reader: 不使用
    const cardMode = page.locator('select[name=cardMode]');
    await cardMode.focus();
    await page.keyboard.press('ArrowDown');
    expect(await cardMode.inputValue()).toBe('none');
    await page.locator('button[name=cardSavePort]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#card-state').getAttribute('data-device-state')).toBe('disconnected');

    // the status bar follows without a restart (read every 5 s and on focus)
    await expect.poll(() => bar('handheld').getAttribute('data-kind'), { timeout: 8000 }).toBe('real');
    await expect.poll(() => bar('card').getAttribute('data-kind'), { timeout: 8000 }).toBe('disconnected');
    expect(await bar('handheld').textContent()).toBe('抄表机：真实设备');
    expect(await bar('handheld').getAttribute('title')).toBe(`抄表机已连接（${pty.app}）`);
    expect(await bar('card').textContent()).toBe('读卡器：未连接');
    expect(await bar('card').getAttribute('title')).toBe('未连接读卡器，请在“设备设置”中选择端口');
    await page.locator('section[aria-label="设备设置 · 抄表机"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'device-ports.png') });
  });
});
