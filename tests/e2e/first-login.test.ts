/**
 * Issue 10 #13 in Chromium: outside demo mode a clerk who signs in with the initial password 123456 must set
 * a new one on the Login window before any counter window opens.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestHost, type TestHost } from '../fixtures/host.js';
import { artifacts, openCounterPage, type CounterPage } from './browser.js';

let host: TestHost;
let counter: CounterPage;
let page: Page;

beforeAll(async () => {
  host = makeTestHost({ demo: false });
  counter = await openCounterPage(host);
  page = counter.page;
});

afterAll(async () => {
  await counter?.close();
});

describe('first log-in outside demo mode', () => {
  it('asks for a new password, refuses a weak or mistyped one, then opens the counter', async () => {
    await page.goto(counter.harness.url);
    await page.locator('select[name=counter] option[value="counter-lc01"]').waitFor({ state: 'attached' });
    await page.selectOption('select[name=counter]', 'counter-lc01');
    await page.fill('input[name=login]', 'clerk01');
    await page.fill('input[name=password]', '123456');
    await page.keyboard.press('Enter');
    await page.locator('form[aria-label="首次登录，请修改初始密码"]').waitFor();
    expect(await page.locator('.app-header').count()).toBe(0);
    await page.fill('input[name=currentPassword]', '123456');
    await page.fill('input[name=newPassword]', 'Lucheng2026');
    await page.fill('input[name=confirmPassword]', 'Lucheng2027');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#confirm-password-error').textContent()).toBe('两次输入的新密码不一致');
    await page.fill('input[name=newPassword]', 'abcdefgh');
    await page.fill('input[name=confirmPassword]', 'abcdefgh');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#new-password-error').textContent()).toBe('新密码须同时包含字母和数字');
    await page.screenshot({ path: `${artifacts}/first-login-change-password.png` });
    await page.fill('input[name=newPassword]', 'Lucheng2026');
    await page.fill('input[name=confirmPassword]', 'Lucheng2026');
    await page.keyboard.press('Enter');
    await page.locator('.app-header').waitFor();
    expect(await page.locator('.app-header').textContent()).toContain('王丽');
  });
});
