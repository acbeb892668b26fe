/**
 * 抄表机数据处理 in Chromium (issue 5): clock, export with the count agreed, the reader's day on the
 * simulated handheld, import with anomalies, 退回重抄, re-read, 入库, and the bill in 前台收费.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, makeTestHost, type TestHost } from '../fixtures/host.js';
import { scalar } from '../fixtures/data.js';
import { artifacts, openCounterPage, type CounterPage } from './browser.js';
import { findCustomer, logIn } from './counter-page.js';

let host: TestHost;
let counter: CounterPage;
let page: Page;

beforeAll(async () => {
  host = makeTestHost();
  for (let i = 1; i <= 4; i++) addAccount(host, { accountNo: `4200000${i}`, name: `抄表户${i}`, address: `温州市鹿城区锦江路${i}号`, reading: 10000 * i });
  counter = await openCounterPage(host);
  page = counter.page;
  await logIn(page, counter.harness.url, 'clerk01', 'counter-lc01');
});

afterAll(async () => {
  await counter?.close();
});

const status = () => page.locator('.handheld [role=status]').textContent();

describe('抄表机 export → import → anomaly → commit', () => {
  it('syncs the clock and exports after the count is agreed', async () => {
    await page.keyboard.press('Alt+9');
    await page.locator('main.handheld').waitFor();
    await page.locator('button[name=syncClock]').click();
    await expect.poll(status).toContain('抄表机时钟已校正');
    await page.selectOption('select[name=meterReader]', '陈建国');
    await page.locator('button[name=showList]').click();
    await expect.poll(() => page.locator('[data-testid=export-count]').textContent()).toContain('清单共 4 户');
    await page.fill('input[name=confirmedCount]', '3');
    await page.locator('button[name=upload]').click();
    await expect.poll(() => page.locator('#confirmed-error').textContent()).toContain('清单共 4 户，与核对的 3 户不符');
    await page.fill('input[name=confirmedCount]', '4');
    await page.locator('button[name=upload]').click();
    await expect.poll(status).toContain('已上传至抄表机：批次 HB202611230001，共 4 户');
    expect(host.handheldDevice?.sim.route?.records).toHaveLength(4);
  });

  it('imports, shows the anomaly, sends it back, takes the re-read and commits', async () => {
    const sim = host.handheldDevice?.sim;
    if (!sim) throw new Error('no simulated handheld');
    // 42000002 reads below the last reading; 42000004 used 150 m³ (大额方数, issue 10 #8)
    const first = (accountNo: string, last: number) => (accountNo === '42000002' ? last - 300 : accountNo === '42000004' ? last + 15000 : last + 2300);
    sim.walkRoute((r) => ({ accountNo: r.accountNo, reading: first(r.accountNo, r.lastReading), readAt: '2026-11-22 09:30', status: 0, meterNo: r.meterNo }));
    await page.keyboard.press('F5');
    await expect.poll(status).toContain('已导入批次 HB202611230001：新增 4 户');
    await expect.poll(() => page.locator('[data-testid=batch-summary]').textContent()).toContain('异常 2 户');
    const bad = page.locator('table.readings tbody tr.anomaly').filter({ hasText: '读数小于上次' });
    expect(await bad.textContent()).toContain('读数小于上次');
    await page.keyboard.press('F9');
    await expect.poll(() => page.locator('#handheld-error').textContent()).toContain('请退回重抄后再入库');
    await bad.locator('input[type=checkbox]').check();
    await page.locator('button[name=sendBack]').click();
    await expect.poll(status).toContain('已退回重抄 1 户');
    sim.walkRoute((r) => ({ accountNo: r.accountNo, reading: r.accountNo === '42000002' ? r.lastReading + 500 : first(r.accountNo, r.lastReading), readAt: '2026-11-22 15:30', status: 0, meterNo: r.meterNo }));
    await page.keyboard.press('F5');
    await expect.poll(status).toContain('重抄更新 1 户');
    await page.screenshot({ path: join(artifacts, 'handheld-import.png'), fullPage: true });
    // R-HH-04: 入库 waits until the clerk confirms the 大额方数 row
    await expect.poll(() => page.locator('.large-volumes').textContent()).toContain('42000004 抄表户4 用气 150 方');
    await page.keyboard.press('F9');
    await expect.poll(() => page.locator('#confirm-large-error').textContent()).toContain('1 户大额方数未确认（42000004 150 方）');
    expect(scalar(host, 'SELECT count(*) FROM bills')).toBe(0);
    // The refusal takes the clerk to the confirmation (below a route's long list it is out of view otherwise):
    // Space ticks it, F9 commits.
    expect(await page.locator('input[name=confirmLarge]').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    expect(await page.locator('input[name=confirmLarge]').isChecked()).toBe(true);
    await page.keyboard.press('F9');
    await expect.poll(status).toContain('入库完成：生成费用 4 户');
    expect(sim.readings).toBeNull();
    expect(scalar(host, "SELECT count(*) FROM bills WHERE source = 'handheld'")).toBe(4);
  });

  it('the bill is in 前台收费 with how it was computed', async () => {
    await page.keyboard.press('Alt+1');
    await findCustomer(page, '锦江路1号');
    await page.locator('table.bills tbody tr').first().waitFor();
    expect(await page.locator('table.bills tbody tr').first().textContent()).toContain('23 m³ × 3.45 = 79.35');
  });
});
