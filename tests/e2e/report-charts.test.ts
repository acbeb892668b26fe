/**
 * Issue 15 #8 in Chromium at 1366×768: the 统计 window's reports draw their charts with Apache ECharts (SVG renderer:
 * the axis labels and the amounts over the bars are text in the page, the tooltip names day and amount), export a
 * chart as PNG (导出图片) and the report as a real .xlsx (导出 Excel), both through the page's download.
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

/** Takings on three days: 11-21 ￥79.35, 11-22 ￥102.12, 11-23 ￥13.80 (bills due in December: no late fee). */
beforeAll(async () => {
  host = makeTestHost({ now: new Date('2026-11-21T02:00:00.000Z') });
  const bills = [
    { accountNo: '95000001', readingDate: '2026-09-20', amountFen: 7935, day: '21' },
    { accountNo: '95000002', readingDate: '2026-10-20', amountFen: 10212, day: '22' },
    { accountNo: '95000003', readingDate: '2026-10-21', amountFen: 1380, day: '23' },
  ];
  for (const [i, b] of bills.entries()) {
    const ids = addAccount(host, { accountNo: b.accountNo, name: `图表${i + 1}`, address: `温州市鹿城区图表路${i + 1}号`, reading: 20000 });
    addBill(host, ids, { id: `c-${i}`, readingDate: b.readingDate, previous: 10000, current: 12000, amountFen: b.amountFen, dueDate: '2026-12-20' });
    // two bills left unpaid, for the arrears trend: 2026-09 and 2026-10
    addBill(host, ids, { id: `u-${i}`, readingDate: `2026-${i === 0 ? '09' : '10'}-25`, previous: 20000, current: 20100, amountFen: 345 * (i + 1), dueDate: '2026-12-25' });
  }
  for (const b of bills) {
    host.clock.current = new Date(`2026-11-${b.day}T02:00:00.000Z`);
    const clerk = await signIn(host, 'clerk02', 'counter-lc02');
    const paid = await clerk.call('payments.payCash', { accountId: `acc-${b.accountNo}`, billIds: [`c-${bills.indexOf(b)}`], tendered: '200', expectedTotalFen: b.amountFen });
    if (!paid.ok) throw new Error(paid.error.message);
    await clerk.call('auth.logout', {});
  }
  counter = await openCounterPage(host, { width: 1366, height: 768 });
  page = counter.page;
  await logIn(page, counter.harness.url, 'manager01', 'counter-lc01');
});
afterAll(async () => {
  await counter?.close();
});

/** The text of an ECharts SVG (its <text> elements), in order. */
const chartTexts = (nth: number) => page.locator('[data-testid=echart]').nth(nth).locator('svg text').allTextContents();

describe('report charts (Apache ECharts) and exports', () => {
  it('收银统计报表: the daily takings chart with axes and amounts, its tooltip, 导出图片 as PNG and 导出 Excel', async () => {
    await page.keyboard.press('Alt+5');
    await page.fill('input[name=reportFrom]', '2026-11-01');
    await page.fill('input[name=reportTo]', '2026-11-30');
    await page.locator('button[name=cashReport]').click();
    await page.locator('[data-testid=echart] svg').first().waitFor();
    await expect.poll(() => chartTexts(0)).toEqual(expect.arrayContaining(['每日营业收入', '11-21', '11-22', '11-23', '79.35', '102.12', '13.80', '金额（元）']));
    // three bars (one path per bar in the series), the aria description names the chart for a screen reader
    expect(await page.locator('[data-testid=echart]').first().getAttribute('aria-label')).toContain('每日营业收入');
    await page.locator('[data-testid=echart]').first().scrollIntoViewIfNeeded();
    const box = await page.locator('[data-testid=echart]').first().boundingBox();
    if (!box) throw new Error('no chart box');
    // hover the middle bar (11-22): the tooltip says the full date and the amount
    await page.mouse.move(box.x + box.width / 2, box.y + box.height - 60);
    await expect.poll(() => page.locator('[data-testid=echart]').first().locator('div').filter({ hasText: '营业收入：' }).last().textContent()).toContain('2026-11-22营业收入：￥102.12');
    await page.screenshot({ path: join(artifacts, 'report-chart-cash.png') });

    const [image] = await Promise.all([page.waitForEvent('download'), page.locator('button[name=exportChartImage]').first().click()]);
    expect(image.suggestedFilename()).toBe('每日营业收入-2026-11-01-2026-11-30.png');
    const png = join(artifacts, 'report-chart-export.png');
    await image.saveAs(png);
    const bytes = readFileSync(png);
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // twice the chart's size in pixels (pixelRatio 2)
    expect(Math.abs(bytes.readUInt32BE(16) - box.width * 2)).toBeLessThanOrEqual(2);
    expect(bytes.readUInt32BE(20)).toBe(280 * 2);

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('button[name=xlsx-cash]').click()]);
    expect(xlsx.suggestedFilename()).toBe('收银统计报表-2026-11-01-2026-11-30.xlsx');
    const file = join(artifacts, 'report-cash.xlsx');
    await xlsx.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getCell('A1').value).toBe('收银统计报表');
    expect(sheet?.getCell('A2').value).toBe('营业厅：鹿城营业厅　　期间：2026-11-01 至 2026-11-30');
    expect(sheet?.getRow(5).values).toEqual([undefined, '燃气费', 3, 195.27, 195.27, 0, 0]);
    expect(sheet?.getRow(5).getCell(3).numFmt).toBe('0.00');
  });

  it('欠费清单: the arrears trend by month in a second chart, resized with the window', async () => {
    await page.locator('button[name=arrearsReport]').click();
    await expect.poll(() => page.locator('[data-testid=echart]').count()).toBe(2);
    await expect.poll(() => chartTexts(1)).toEqual(expect.arrayContaining(['2026-09', '2026-10', '3.45', '17.25']));
    const chart = page.locator('[data-testid=echart]').nth(1);
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'report-chart-arrears.png') });
    const wide = await chart.locator('svg').getAttribute('width');
    await page.setViewportSize({ width: 1600, height: 768 });
    await expect.poll(() => chart.locator('svg').getAttribute('width')).not.toBe(wide);
    await page.setViewportSize({ width: 1366, height: 768 });
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('button[name=xlsx-arrears]').click()]);
    expect(xlsx.suggestedFilename()).toBe('欠费清单-2026-11-23.xlsx');
  });

  it('审计日志 (日结 window, manager): 下载审计日志 (Excel) saves the audit rows as .xlsx', async () => {
    await page.keyboard.press('Alt+d');
    await page.fill('input[name=monthReport]', '2026-11');
    await page.locator('button[name=auditExport]').click();
    await page.locator('button[name=auditXlsx]').waitFor();
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('button[name=auditXlsx]').click()]);
    expect(xlsx.suggestedFilename()).toBe('审计日志-2026-11-01-2026-11-30.xlsx');
    const file = join(artifacts, 'report-audit.xlsx');
    await xlsx.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getCell('A1').value).toBe('审计日志');
    expect(sheet?.getRow(4).getCell(9).value).toBe('哈希');
    const payments = (sheet?.getRows(5, (sheet?.rowCount ?? 4) - 4) ?? []).filter((r) => r.getCell(4).value === 'payment.cash');
    expect(payments).toHaveLength(3);
    await page.screenshot({ path: join(artifacts, 'report-audit-export.png') });
  });
});
