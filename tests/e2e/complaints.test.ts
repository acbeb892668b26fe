/** Issue 15 #4 in Chromium at 1366×768 by keyboard: 投诉与意见 (Alt+C) logs a complaint with F9 (R-SEC-20, handler R-SEC-12) and closes it with F10. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestHost, type TestHost } from '../fixtures/host.js';
import { artifacts, openCounterPage, type CounterPage } from './browser.js';
import { logIn } from './counter-page.js';

let host: TestHost;
let counter: CounterPage;

beforeAll(async () => {
  host = makeTestHost();
  counter = await openCounterPage(host, { width: 1366, height: 768 });
  await logIn(counter.page, counter.harness.url, 'clerk01', 'counter-lc01');
}, 60_000);
afterAll(async () => {
  await counter?.close();
});

describe('投诉与意见 (R-SEC-20, R-SEC-12)', () => {
  it('logs with F9 and closes with F10 with the customer\'s satisfaction', async () => {
    const { page } = counter;
    await page.keyboard.press('Alt+c');
    await page.locator('input[name=complaintName]').waitFor();
    await page.locator('input[name=complaintName]').focus();
    await page.keyboard.type('周九');
    await page.keyboard.press('Tab');
    await page.keyboard.type('13900001111');
    await page.locator('textarea[name=complaintContent]').focus();
    await page.keyboard.type('等候时间过长');
    await page.keyboard.press('F9');
    await expect.poll(() => page.locator('[data-testid=complaints-done]').textContent()).toContain('受理人');
    await page.locator('input[name=complaintAnswer]').focus();
    await page.keyboard.type('已增开窗口并致歉');
    await page.keyboard.press('F10');
    await expect.poll(() => page.locator('[data-testid=complaints] table tbody tr').first().textContent()).toContain('已办结');
    await page.screenshot({ path: join(artifacts, 'complaints-1366x768.png') });
  });
});
