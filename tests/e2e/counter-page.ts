/** Shared steps for the counter e2e tests: log in, find a customer, accept a business, work the queue. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { signIn, type TestHost } from '../fixtures/host.js';

export async function logIn(page: Page, url: string, login: string, counterId: string): Promise<void> {
  page.setDefaultTimeout(10_000);
  await page.goto(url);
  await page.locator(`select[name=counter] option[value="${counterId}"]`).waitFor({ state: 'attached' });
  await page.selectOption('select[name=counter]', counterId);
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', '123456');
  await page.keyboard.press('Enter');
  await page.locator('.app-header').waitFor();
}

export async function findCustomer(page: Page, fragment: string): Promise<void> {
  await page.locator('input[name=query]').fill(fragment);
  await page.locator('input[name=query]').press('Enter');
  // Wait for this search's rows, not the previous search's, before Enter picks the highlighted one.
  await page.locator('table.hits tbody tr').filter({ hasText: fragment }).first().waitFor();
  await page.locator('input[name=query]').press('Enter');
  await page.locator('.account-card').filter({ hasText: fragment }).waitFor();
}

export async function accept(page: Page, type: string, phone: string): Promise<void> {
  await page.selectOption('select[name=type]', type);
  await page.fill('textarea[name=requirement]', `${type}，上午`);
  await page.fill('input[name=contactPhone]', phone);
  await page.keyboard.press('F9');
}

const queueStatus = (page: Page) => () => page.locator('.work-queue [role=status]').textContent();

/** In 派工/回执: dispatch the first row, enter a 合格 receipt, then fill the follow-up form. */
export async function runThroughQueue(page: Page, followUp: Record<string, string>): Promise<void> {
  await page.keyboard.press('Alt+3');
  await page.locator('table.queue tbody tr').first().waitFor();
  await page.fill('input[name=technician]', '李师傅');
  await page.locator('input[name=technician]').press('Enter');
  await expect.poll(queueStatus(page)).toMatch(/^已保存：派工单 .* [A-Z0-9]+-P\d{8}$/);
  await page.fill('input[name=arrivedAt]', '2026-11-24 09:00');
  await page.fill('input[name=leftAt]', '2026-11-24 09:45');
  await page.locator('input[name=leftAt]').press('Enter');
  await expect.poll(queueStatus(page)).toMatch(/回执$/);
  for (const [name, value] of Object.entries(followUp)) await page.fill(`input[name=${name}]`, value);
  await page.locator(`input[name=${Object.keys(followUp)[0] ?? ''}]`).press('Enter');
  await expect.poll(queueStatus(page)).toMatch(/登记$/);
}

/** Issue 15 #3 (R-SEC-09): the hall manager approves every pending correction request (signed in at LC02). */
export async function approveAllCorrections(host: TestHost): Promise<void> {
  const manager = await signIn(host, 'manager01', 'counter-lc02');
  for (const r of await manager.ok('corrections.list', { pendingOnly: true })) await manager.ok('corrections.decide', { requestId: r.id, approve: true });
}
