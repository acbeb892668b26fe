/**
 * Issue 15 #3 in Chromium at 1366×768, by keyboard: the clerk at LC01 asks for a reading correction (R-SEC-09)
 * with a reason in 前台收费; nothing changes; the hall manager at another counter PC (a second harness) opens
 * 更正审批 (Alt+A), sees the request and approves it with F9; the clerk's F5 shows the re-billed bill. A method
 * correction (R-PAY-10) asked in 更正审批 is refused by the manager with F10 and a note.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../main/harness/server.js';
import { rendererDistDir } from '../../main/paths.js';
import { addAccount, makeTestHost, type TestHost } from '../fixtures/host.js';
import { scalar } from '../fixtures/data.js';
import { artifacts, launchChromium } from './browser.js';
import { findCustomer, logIn } from './counter-page.js';

let host: TestHost;
let browser: Browser;
let clerkPc: Harness;
let managerPc: Harness;
let clerk: Page;
let manager: Page;

beforeAll(async () => {
  host = makeTestHost();
  addAccount(host, { accountNo: '62000001', name: '钱塘', address: '温州市鹿城区审批路8号', reading: 12000 });
  clerkPc = await startHarness(host.router, rendererDistDir, 0, { displayPush: host.displayPush });
  managerPc = await startHarness(host.router, rendererDistDir, 0, { displayPush: host.displayPush });
  browser = await launchChromium();
  clerk = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  manager = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await logIn(clerk, clerkPc.url, 'clerk01', 'counter-lc01');
  await logIn(manager, managerPc.url, 'manager01', 'counter-lc02');
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await clerkPc?.close();
  await managerPc?.close();
  host?.dispose();
});

describe('更正审批 (R-SEC-09, R-PAY-10)', () => {
  it('the clerk asks, the manager approves with F9 at another counter, the clerk sees the new bill with F5', async () => {
    await findCustomer(clerk, '审批路8号');
    await clerk.keyboard.press('F3');
    await clerk.keyboard.type('1200');
    await clerk.keyboard.press('Enter');
    await clerk.locator('input[name=confirmReading]').waitFor();
    await clerk.locator('input[name=confirmReading]').focus();
    await clerk.keyboard.press('Space');
    await clerk.keyboard.press('Enter');
    await expect.poll(() => clerk.locator('table.bills tbody tr').count()).toBe(1);
    await clerk.locator('table.bills button.link').focus();
    await clerk.keyboard.press('Enter');
    await clerk.locator('[data-testid=correction]').waitFor();
    await clerk.keyboard.type('128');
    await clerk.keyboard.press('Tab');
    await clerk.keyboard.type('多输入了一位，通知单为128');
    await clerk.keyboard.press('Enter');
    await expect.poll(() => clerk.locator('[data-testid=correction-requested]').textContent()).toContain('待营业厅主任审批');
    await clerk.screenshot({ path: join(artifacts, 'correction-requested-1366x768.png') });
    expect(scalar(host, "SELECT count(*) FROM bills WHERE status = '已更正'")).toBe(0);
    // the manager's PC: 更正审批 by keyboard
    await manager.keyboard.press('Alt+a');
    await manager.locator('[data-testid=approvals] table tbody tr').filter({ hasText: '待审批' }).waitFor();
    expect(await manager.locator('[data-testid=approvals] table tbody tr').first().textContent()).toContain('1200 → 128');
    await manager.locator('input[name=decisionNote]').focus();
    await manager.keyboard.type('已核对缴费通知单');
    await manager.screenshot({ path: join(artifacts, 'approvals-pending-1366x768.png') });
    await manager.keyboard.press('F9');
    await expect.poll(() => manager.locator('[data-testid=approvals-done]').textContent()).toContain('已批准');
    await expect.poll(() => manager.locator('[data-testid=approvals] table tbody tr').first().textContent()).toContain('已批准');
    await manager.screenshot({ path: join(artifacts, 'approvals-approved-1366x768.png') });
    expect(scalar(host, "SELECT count(*) FROM bills WHERE status = '已更正'")).toBe(1);
    // back at the counter
    await clerk.keyboard.press('F5');
    await expect.poll(() => clerk.locator('table.bills tbody tr').first().textContent()).toContain('120 / 128');
    await expect.poll(() => clerk.locator('[data-testid=due]').textContent()).toBe('￥27.60');
    await clerk.screenshot({ path: join(artifacts, 'correction-approved-1366x768.png') });
  });

  it('a method correction of a cash slip to cash is refused at the field; a clerk sees the outcome but cannot decide', async () => {
    await clerk.keyboard.press('F4');
    await clerk.keyboard.type('30');
    await clerk.keyboard.press('Enter');
    await expect.poll(() => scalar(host, 'SELECT count(*) FROM payments')).toBe(1);
    const slipNo = String(host.store.sqlite.prepare('SELECT slip_no FROM payments').pluck().get());
    await clerk.keyboard.press('Alt+a');
    await clerk.locator('input[name=methodSlipNo]').waitFor();
    await clerk.locator('input[name=methodSlipNo]').focus();
    await clerk.keyboard.type(slipNo);
    await clerk.keyboard.press('Tab');
    await clerk.keyboard.type('测试');
    await clerk.keyboard.press('Enter');
    // already cash: refused at once, nothing stored
    await expect.poll(() => clerk.locator('#method-error').textContent()).toContain('已是「现金」');
    expect(scalar(host, "SELECT count(*) FROM correction_requests WHERE kind = 'method'")).toBe(0);
    await clerk.screenshot({ path: join(artifacts, 'method-correction-refused-1366x768.png') });
    // the clerk's own list shows the approved reading request; no decision buttons for a clerk
    expect(await clerk.locator('[data-testid=approvals] table tbody tr').first().textContent()).toContain('已批准');
    expect(await clerk.locator('button[name=approve]').count()).toBe(0);
  });
});
