/**
 * Issue 12 #4 in Chromium at 1366×768, by keyboard: the tabs of one harness are the windows of one counter PC.
 * Signing in in one tab signs in the others (they leave the sign-in screen), the customer display tab needs no
 * sign-in of its own, the customer picked in 前台收费 is picked in 业务受理, Ctrl+L in one tab locks all and the
 * password in another opens all, a tab opened later starts signed in at the area its address names, and signing
 * out in one signs out all. Screenshots in tests/e2e/artifacts.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, addBill, makeTestHost, type TestHost } from '../fixtures/host.js';
import { artifacts, openCounterPage, type CounterPage } from './browser.js';
import { findCustomer } from './counter-page.js';

const VIEWPORT = { width: 1366, height: 768 };

let host: TestHost;
let counter: CounterPage;
let fee: Page;
let business: Page;
let display: Page;

const newTab = async (hash: string) => {
  const page = await counter.browser.newPage({ viewport: VIEWPORT });
  page.setDefaultTimeout(10_000);
  await page.goto(`${counter.harness.url}${hash}`);
  return page;
};
const activeTab = (page: Page) => page.locator('.tabs a.active').textContent();
const signInForm = (page: Page) => page.locator('form[aria-label="营业员登录"]');

beforeAll(async () => {
  host = makeTestHost();
  const a = addAccount(host, { accountNo: '30000031', name: '欧阳晓明', address: '温州市鹿城区五马街道解放北路123号华侨新村东区12幢3单元1102室', reading: 30000 });
  addBill(host, a, { id: 'win-bill-1', readingDate: '2026-10-20', previous: 27000, current: 30000, amountFen: 10350, dueDate: '2026-11-19' });
  counter = await openCounterPage(host, VIEWPORT);
  fee = counter.page;
});

afterAll(async () => {
  await counter?.close();
});

describe('the tabs of one harness are one counter PC (issue 12 #4)', () => {
  it('signing in in one tab signs in the others; the customer display waits without a sign-in of its own', async () => {
    await fee.goto(counter.harness.url);
    await signInForm(fee).waitFor();
    business = await newTab('#/business');
    await signInForm(business).waitFor();
    display = await newTab('#/display');
    await display.locator('.customer-display-idle').waitFor();
    expect(await display.locator('.customer-display-idle').textContent()).toContain('暂停服务');
    expect(await signInForm(display).count()).toBe(0);
    await display.screenshot({ path: join(artifacts, 'counter-windows-display-waiting.png') });
    // signed in in 前台收费, by keyboard
    await fee.locator('select[name=counter] option[value="counter-lc01"]').waitFor({ state: 'attached' });
    await fee.selectOption('select[name=counter]', 'counter-lc01');
    await fee.locator('input[name=login]').focus();
    await fee.keyboard.type('clerk01');
    await fee.keyboard.press('Tab');
    await fee.keyboard.type('123456');
    await fee.keyboard.press('Enter');
    await fee.locator('.app-header').waitFor();
    // 业务受理 left its sign-in screen by itself, at its own area; the display shows the counter's figures
    await business.locator('.app-header').waitFor();
    expect(await signInForm(business).count()).toBe(0);
    expect(await activeTab(business)).toBe('业务受理');
    await display.locator('.customer-display-idle').waitFor({ state: 'detached' });
    await display.locator('.customer-display').waitFor();
  });

  it('the customer picked in 前台收费 is picked in 业务受理', async () => {
    await findCustomer(fee, '欧阳晓明');
    await business.locator('.account-card').filter({ hasText: '欧阳晓明' }).waitFor();
    await business.screenshot({ path: join(artifacts, 'counter-windows-followed.png') });
  });

  it('Ctrl+L in one tab locks all; the password typed in another opens all, each window as it was', async () => {
    await fee.keyboard.press('Control+l');
    await fee.locator('.lock-screen').waitFor();
    await business.locator('.lock-screen').waitFor();
    await business.screenshot({ path: join(artifacts, 'counter-windows-locked-1366x768.png') });
    await business.locator('input[name=unlockPassword]').focus();
    await business.keyboard.type('123456');
    await business.keyboard.press('Enter');
    await business.locator('.lock-screen').waitFor({ state: 'detached' });
    await fee.locator('.lock-screen').waitFor({ state: 'detached' });
    expect(await fee.locator('.account-card').textContent()).toContain('欧阳晓明');
    expect(await business.locator('.account-card').textContent()).toContain('欧阳晓明');
  });

  it('a tab opened later starts signed in at the area its address names; signing out in one signs out all', async () => {
    const cards = await newTab('#/cards');
    await cards.locator('.app-header').waitFor();
    expect(await activeTab(cards)).toBe('卡务');
    expect(await signInForm(cards).count()).toBe(0);
    await business.locator('.app-header button', { hasText: '退出' }).click();
    for (const page of [fee, business, cards]) await signInForm(page).waitFor();
    await display.locator('.customer-display-idle').waitFor();
    await fee.screenshot({ path: join(artifacts, 'counter-windows-signed-out.png') });
  });
});

describe('the idle lock counts the clerk’s work in every window of the PC (issue 12 #4)', () => {
  it('a window left idle does not lock the PC while the clerk works in another; with no work anywhere for 15 minutes all lock', async () => {
    const tab = async (hash: string) => {
      const page = await counter.browser.newPage({ viewport: VIEWPORT });
      page.setDefaultTimeout(10_000);
      await page.clock.install();
      await page.goto(`${counter.harness.url}${hash}`);
      return page;
    };
    const working = await tab('');
    await working.locator('select[name=counter] option[value="counter-lc01"]').waitFor({ state: 'attached' });
    await working.selectOption('select[name=counter]', 'counter-lc01');
    await working.fill('input[name=login]', 'clerk01');
    await working.fill('input[name=password]', '123456');
    await working.keyboard.press('Enter');
    await working.locator('.app-header').waitFor();
    const idle = await tab('#/stats');
    await idle.locator('.app-header').waitFor();
    // 20 minutes: the clerk types in 前台收费 every 5 minutes; 查询及报表 is never touched
    for (let minute = 0; minute < 20; minute += 5) {
      await working.keyboard.press('Shift');
      await new Promise((resolve) => setTimeout(resolve, 200));
      await working.clock.fastForward('05:00');
      await idle.clock.fastForward('05:00');
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await idle.locator('.lock-screen').count()).toBe(0);
    expect(await working.locator('.lock-screen').count()).toBe(0);
    // then nobody works for 16 minutes: every window locks
    for (let minute = 0; minute < 16; minute += 4) {
      await working.clock.fastForward('04:00');
      await idle.clock.fastForward('04:00');
    }
    await working.locator('.lock-screen').waitFor();
    await idle.locator('.lock-screen').waitFor();
  });

  it('the customer pressing rating keys on the display does not keep the clerk’s counter unlocked', async () => {
    const clerk = await counter.browser.newPage({ viewport: VIEWPORT });
    clerk.setDefaultTimeout(10_000);
    await clerk.clock.install();
    await clerk.goto(counter.harness.url);
    // the PC is locked from the test before: the clerk's password opens it
    await clerk.locator('.lock-screen').waitFor();
    await clerk.locator('input[name=unlockPassword]').focus();
    await clerk.keyboard.type('123456');
    await clerk.keyboard.press('Enter');
    await clerk.locator('.lock-screen').waitFor({ state: 'detached' });
    const customer = await counter.browser.newPage({ viewport: VIEWPORT });
    await customer.clock.install();
    await customer.goto(`${counter.harness.url}#/display`);
    await customer.locator('.customer-display:not(.customer-display-idle)').waitFor();
    for (let minute = 0; minute < 20; minute += 5) {
      await customer.keyboard.press('4');
      await new Promise((resolve) => setTimeout(resolve, 200));
      await clerk.clock.fastForward('05:00');
      await customer.clock.fastForward('05:00');
    }
    await clerk.locator('.lock-screen').waitFor();
  });
});

