/**
 * 中心服务器 / 同步设置 in Chromium at 1366×768 (issue 14 #2), against the real sync server on a throwaway PostgreSQL:
 * the administrator types the server's address and the one-time code (Enter enrols), the panel shows the device, the
 * status bar says 已同步; with the network cut a payment shows as 离线（待上传 N 笔）, and 已同步 again once it is back.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../server/protocol/index.js';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { startSyncProxy, type SyncProxy } from '../fixtures/sync-proxy.js';
import { startHarness, type Harness } from '../server/harness.js';
import { artifacts, openCounterPage, type CounterPage } from './browser.js';
import { logIn } from './counter-page.js';

let h: Harness;
let proxy: SyncProxy;
let host: TestHost;
let counter: CounterPage;

beforeAll(async () => {
  h = await startHarness();
  proxy = await startSyncProxy(h.urls[0] ?? '');
  host = makeTestHost({ sync: { pusher: { idleMs: 50, backoffBaseMs: 20, backoffMaxMs: 200 } } });
  counter = await openCounterPage(host, { width: 1366, height: 768 });
  await logIn(counter.page, counter.harness.url, 'admin01', 'counter-lc02');
}, 120_000);

afterAll(async () => {
  await counter?.close();
  await proxy?.close();
  await h?.stop();
});

describe('中心服务器 / 同步设置', () => {
  it('enrols with the code, shows 已同步, then 离线 with the pending count while the network is cut', async () => {
    const { page } = counter;
    const made = await h.admin('POST', ROUTES.adminCodes, { companyId: 'C-e2e', hallId: 'hall-lc', counterId: 'counter-lc02' });
    await page.keyboard.press('Alt+s');
    const url = page.locator('input[name=syncServerUrl]');
    await url.waitFor();
    await url.fill(proxy.url);
    await page.locator('input[name=syncCode]').focus();
    await page.keyboard.type('bad-code');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#sync-code-error').textContent()).toContain('登记码');
    await page.locator('input[name=syncCode]').fill(String(made.body.code));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('section[aria-label="中心服务器"] [role=status]').textContent()).toContain('已登记');
    const badge = page.locator('span[aria-label="中心服务器同步"]');
    await expect.poll(() => badge.textContent(), { timeout: 15_000 }).toBe('同步：已同步');
    await page.locator('section[aria-label="中心服务器"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'sync-settings.png') });

    proxy.mode = 'refuse';
    const ids = addAccount(host, { accountNo: '39000001', name: '离线户', address: '温州市鹿城区离线路1号', reading: 2000 });
    addBill(host, ids, { id: 'bill-offline', readingDate: '2026-11-01', previous: 1000, current: 2000, amountFen: 3000, dueDate: '2026-12-01' });
    const clerk = await signIn(host, 'clerk01', 'counter-lc01');
    expect(await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-offline'], tendered: '30', expectedTotalFen: 3000 })).toMatchObject({ ok: true });
    await expect.poll(() => badge.textContent(), { timeout: 15_000 }).toMatch(/^同步：离线（待上传 \d+ 条记录（收费 1 笔））$/);
    await expect.poll(() => page.locator('section[aria-label="中心服务器"] [role=alert]').first().textContent(), { timeout: 15_000 }).toContain('无法连接中心服务器');
    await page.screenshot({ path: join(artifacts, 'sync-offline.png') });
    proxy.mode = 'pass';
    await expect.poll(() => badge.textContent(), { timeout: 20_000 }).toBe('同步：已同步');
  });
});
