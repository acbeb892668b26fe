/**
 * Issue 15 #5 in Chromium at 1366×768 by keyboard: a clerk picks a customer at 前台收费 and pays 2:30 later by the
 * back end's clock (R-SEC-13); at 服务计时 (Alt+J) the counter is paused with the director signing in (F9, R-SEC-16),
 * picking a customer then says the counter is paused, F10 resumes; the director sees the histogram and the share over
 * the limit per clerk. Screenshots in tests/e2e/artifacts.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, addBill, makeTestHost, type TestHost } from '../fixtures/host.js';
import { scalar } from '../fixtures/data.js';
import { artifacts, openCounterPage, type CounterPage } from './browser.js';
import { findCustomer, logIn } from './counter-page.js';

let host: TestHost;
let counter: CounterPage;
const T0 = Date.parse('2026-11-23T02:00:00.000Z');

beforeAll(async () => {
  host = makeTestHost();
  const a = addAccount(host, { accountNo: '72000001', name: '周计时', address: '温州市鹿城区计时街1号', reading: 15000 });
  addBill(host, a, { id: 'e2e-timing-a', readingDate: '2026-11-10', previous: 11522, current: 15000, amountFen: 12000, dueDate: '2026-12-10' });
  const b = addAccount(host, { accountNo: '72000002', name: '吴超时', address: '温州市鹿城区计时街2号', reading: 15000 });
  addBill(host, b, { id: 'e2e-timing-b', readingDate: '2026-11-10', previous: 11522, current: 15000, amountFen: 12000, dueDate: '2026-12-10' });
  counter = await openCounterPage(host, { width: 1366, height: 768 });
  await logIn(counter.page, counter.harness.url, 'clerk01', 'counter-lc01');
}, 60_000);
afterAll(async () => {
  await counter?.close();
});

async function payFound(seconds: number, name: string): Promise<void> {
  const { page } = counter;
  await findCustomer(page, name);
  host.clock.current = new Date(host.clock.current.getTime() + seconds * 1000);
  await expect.poll(() => page.locator('input[name=tendered]').evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.type('120');
  await page.keyboard.press('Enter');
  await page.locator('.paid').waitFor();
  await page.keyboard.press('Escape');
}

describe('服务计时 (R-SEC-13) and 暂停营业 (R-SEC-16)', () => {
  it('times the customer from the pick to the slip by the back end clock', async () => {
    host.clock.current = new Date(T0);
    await payFound(150, '周计时'); // 2:30, within 3 minutes
    await payFound(200, '吴超时'); // 3:20, over
    expect(host.store.sqlite.prepare('SELECT duration_ms FROM service_timings ORDER BY ended_at').pluck().all()).toEqual([150_000, 200_000]);
  });

  it('pauses the counter with the director signing in (F9); a pick is refused; F10 resumes', async () => {
    const { page } = counter;
    await page.keyboard.press('Alt+j');
    await page.locator('[data-testid=counter-state]').filter({ hasText: '营业中' }).waitFor();
    await page.locator('input[name=pauseReason]').focus();
    await page.keyboard.type('打印机卡纸，等待维修');
    await page.keyboard.press('Tab');
    await page.keyboard.type('manager01');
    await page.keyboard.press('Tab');
    await page.keyboard.type('123456');
    await page.keyboard.press('F9');
    await expect.poll(() => page.locator('[data-testid=counter-state]').textContent()).toContain('暂停营业中');
    expect(await page.locator('[data-testid=counter-state]').textContent()).toContain('主任 郑建华 批准');
    await page.screenshot({ path: join(artifacts, 'service-timing-paused-1366x768.png') });
    await page.keyboard.press('Alt+1');
    await page.locator('input[name=query]').fill('计时街1号');
    await page.locator('input[name=query]').press('Enter');
    await page.locator('table.hits tbody tr').first().waitFor();
    await page.locator('input[name=query]').press('Enter');
    await expect.poll(() => page.locator('#query-error').textContent()).toContain('本柜台暂停营业中');
    await page.screenshot({ path: join(artifacts, 'service-timing-refused-1366x768.png') });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+j');
    await page.locator('button[name=resumeCounter]').waitFor();
    host.clock.current = new Date(host.clock.current.getTime() + 10 * 60_000);
    await page.keyboard.press('F10');
    await expect.poll(() => page.locator('[data-testid=counter-state]').textContent()).toContain('营业中');
    expect(await page.locator('table.pause-log tbody tr').first().textContent()).toContain('打印机卡纸，等待维修');
    expect(scalar(host, 'SELECT count(*) FROM counter_pauses WHERE resumed_at IS NOT NULL')).toBe(1);
  });

  it('shows the director the distribution per clerk and the share over the limit', async () => {
    const { page } = counter;
    await page.locator('.app-header button', { hasText: '退出' }).click();
    await logIn(page, counter.harness.url, 'manager01', 'counter-lc02');
    await page.keyboard.press('Alt+j');
    await page.locator('select[name=timingReport]').focus();
    await page.locator('input[name=timingFrom]').focus();
    await page.keyboard.press('Enter');
    const row = page.locator('table.mgmt-table tbody tr').first();
    await expect.poll(() => row.textContent()).toContain('王丽（clerk01）');
    expect(await row.locator('td').allTextContents()).toEqual(['王丽（clerk01）', '收费', '2', '0', '0', '1', '1', '0', '0', '2:55', '3:20', '1', '50.00%']);
    expect(await row.getAttribute('data-differs')).toBe('true');
    await page.locator('[data-testid=echart] svg').waitFor();
    await page.locator('[data-testid=echart]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'service-timing-report-1366x768.png'), fullPage: true });
  });
});
