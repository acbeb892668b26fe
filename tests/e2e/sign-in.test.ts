/**
 * Issue 10 #13 in Chromium: outside demo mode a clerk who signs in with the initial password 123456 must set
 * a new one on the Login window before any counter window opens; the administrator lifts a sign-in lockout
 * in 气价设置 (Alt+S).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SIGN_IN_THROTTLE } from '../../main/domain/sign-in-throttle.js';
import { clientOn, makeTestHost, type TestHost } from '../fixtures/host.js';
import { artifacts, openCounterPage, type CounterPage } from './browser.js';

let host: TestHost;
let counter: CounterPage;
let page: Page;

beforeAll(async () => {
  host = makeTestHost({ demo: false, settings: { signInThrottle: DEFAULT_SIGN_IN_THROTTLE } });
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

  it('the administrator lifts a lockout; the clerk can then sign in', async () => {
    for (let i = 0; i < 5; i++) {
      await clientOn(host, 'x').call('auth.login', { login: 'clerk02', password: 'wrong', counterId: 'counter-lc02' });
      host.clock.current = new Date(host.clock.current.getTime() + 60_000);
    }
    expect(await clientOn(host, 'x').call('auth.login', { login: 'clerk02', password: '123456', counterId: 'counter-lc02' })).toMatchObject({ ok: false, error: { code: 'THROTTLED' } });
    await page.locator('.app-header button', { hasText: '退出' }).click();
    await page.locator('select[name=counter] option[value="counter-lc01"]').waitFor({ state: 'attached' });
    await page.selectOption('select[name=counter]', 'counter-lc01');
    await page.fill('input[name=login]', 'admin01');
    await page.fill('input[name=password]', '123456');
    await page.keyboard.press('Enter');
    // admin01 still has the initial password outside demo mode, so the change comes first
    await page.locator('form[aria-label="首次登录，请修改初始密码"]').waitFor();
    await page.fill('input[name=currentPassword]', '123456');
    await page.fill('input[name=newPassword]', 'Admin2026x');
    await page.fill('input[name=confirmPassword]', 'Admin2026x');
    await page.keyboard.press('Enter');
    await page.locator('.app-header').waitFor();
    await page.keyboard.press('Alt+s');
    await page.fill('input[name=unlockLogin]', 'clerk02');
    await page.selectOption('select[name=unlockCounter]', 'counter-lc02');
    await page.locator('button[name=unlockSignIns]').click();
    await expect.poll(() => page.locator('.sign-in-locks [role=status]').textContent()).toBe('已解除 2 项登录锁定');
    await page.screenshot({ path: `${artifacts}/sign-in-unlock.png` });
    expect(await clientOn(host, 'x').call('auth.login', { login: 'clerk02', password: '123456', counterId: 'counter-lc02' })).toMatchObject({ ok: true });
  });
});
