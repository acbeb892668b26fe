/**
 * Issue 15 #6 in Chromium at 1366×768, by keyboard: 查询及报表 (Alt+5) → Alt+T 票证核对 shows ticket count and m³ side
 * by side with the differing row highlighted (R-TKT-14); Alt+K 服务指标 shows the KPI table and its ECharts chart
 * against the targets, 无数据 where the app has no source (R-SEC-29, R-SEC-11), exported as .xlsx.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { artifacts, openCounterPage, type CounterPage } from './browser.js';
import { logIn } from './counter-page.js';

let host: TestHost;
let counter: CounterPage;
let page: Page;
const back = { backName: '张三', backAddress: '幸福小区5幢2单元301室' };

beforeAll(async () => {
  host = makeTestHost();
  const a = addAccount(host, { accountNo: '96000001', name: '票证甲', address: '温州市鹿城区票证路1号', reading: 12300 });
  const b = addAccount(host, { accountNo: '96000002', name: '票证乙', address: '温州市鹿城区票证路2号', reading: 12300 });
  addBill(host, a, { id: 'a-1', readingDate: '2026-11-10', previous: 10300, current: 12300, amountFen: 6900, dueDate: '2026-12-10' });
  addBill(host, b, { id: 'b-1', readingDate: '2026-11-10', previous: 10300, current: 12300, amountFen: 6900, dueDate: '2026-12-10' });
  const c1 = await signIn(host, 'clerk01', 'counter-lc01');
  const p1 = await c1.call('payments.payCash', { accountId: a.accountId, billIds: ['a-1'], tendered: '0', expectedTotalFen: 6900, tickets: [{ kind: '燃气票', year: 2026, quarter: 4, count: 4, ...back }] });
  if (!p1.ok) throw new Error(p1.error.message);
  for (const score of [1, 2]) await c1.call('display.rate', { score });
  await c1.call('auth.logout', {});
  const c2 = await signIn(host, 'clerk02', 'counter-lc02');
  const p2 = await c2.call('payments.payCash', { accountId: b.accountId, billIds: ['b-1'], tendered: '0', expectedTotalFen: 6900, tickets: [{ kind: '燃气票', year: 2026, quarter: 4, count: 4, ...back }] });
  if (!p2.ok) throw new Error(p2.error.message);
  await c2.call('auth.logout', {});
  // clerk02's 收银统计 ticket count made wrong by hand (the guard removed for it): one ticket too many
  host.store.sqlite.exec('DROP TRIGGER day_ticket_totals_update_guard');
  host.store.sqlite.exec("UPDATE day_ticket_totals SET count = 5, volume_centi = 2500 WHERE clerk_id = 'staff-clerk02'");
  counter = await openCounterPage(host, { width: 1366, height: 768 });
  page = counter.page;
  await logIn(page, counter.harness.url, 'manager01', 'counter-lc01');
});
afterAll(async () => {
  await counter?.close();
});

describe('management reports by keyboard (issue 15 #6)', () => {
  it('Alt+T 票证核对: count and m³ side by side, the differing clerk highlighted', async () => {
    await page.keyboard.press('Alt+5');
    await page.locator('select[name=mgmtReport]').waitFor();
    await page.keyboard.press('Alt+t');
    const table = page.locator('table[aria-label=票证核对表]');
    await table.waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    expect(await table.locator('thead th').allTextContents()).toEqual(['日期', '收讫人', '收银统计 票数(张)', '收银统计 票面气量(方)', '抄表收费 实收气票(张)', '抄表收费 核销气量(方)', '预存变动(方)', '张数差', '气量差(方)', '核对结果']);
    expect(await table.locator('tbody tr').nth(0).locator('td').allTextContents()).toEqual(['2026-11-23', 'clerk01', '4', '20', '4', '20', '0', '0', '0', '相符']);
    const bad = table.locator('tbody tr[data-differs=true]');
    expect(await bad.count()).toBe(1);
    expect(await bad.locator('td').allTextContents()).toEqual(['2026-11-23', 'clerk02', '5', '25', '4', '20', '0', '1', '5', '不符']);
    expect(await bad.locator('td').first().evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 235, 233)');
    expect(await page.getByTestId('ticket-verdict').textContent()).toContain('有 1 行张数或气量不符');
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'mgmt-tickets.png') });
  });

  it('Alt+K 服务指标: the KPI table with 无数据, the chart against the targets, 导出 Excel', async () => {
    await page.keyboard.press('Alt+k');
    const table = page.locator('table[aria-label=服务指标考核表]');
    await table.waitFor();
    const row = (label: string) => table.locator('tbody tr').filter({ has: page.locator('td', { hasText: label }) }).first().locator('td').allTextContents();
    expect((await row('户外表抄见率')).slice(0, 4)).toEqual(['户外表抄见率（月）', '98.00%', '无数据', '无数据']);
    expect((await row('满意率')).slice(0, 6)).toEqual(['满意率', '99.50%', '100.00%', '达标', '2', '2']);
    expect((await row('气费回收率')).slice(0, 4)).toEqual(['气费回收率', '95.00%', '100.00%', '达标']);
    const chart = page.locator('[data-testid=echart]').last();
    await chart.locator('svg').waitFor();
    await expect.poll(() => chart.locator('svg text').allTextContents()).toEqual(expect.arrayContaining(['抄见率', '满意率', '无数据', '100.00%']));
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'mgmt-kpi.png') });
    // keyboard to the export: focus the button and press Enter
    await page.locator('button[name=mgmtXlsx]').focus();
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(xlsx.suggestedFilename()).toBe('服务指标考核表.xlsx');
    const file = join(artifacts, 'mgmt-kpi.xlsx');
    await xlsx.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getCell('A1').value).toBe('服务指标考核表');
    expect(sheet?.getRow(5).getCell(1).value).toBe('抄见率');
  });
});
