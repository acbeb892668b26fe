/**
 * 日收银报表 and 日结 in Chromium: the clerk counts the cash and signs, a second clerk reviews, the manager
 * closes the day offline and gets the numbered report (printed, and as an A4 PDF); the counter then
 * refuses the closed day.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { CardRecord } from '../../hardware/card/codec.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { scalar } from '../fixtures/data.js';
import { artifacts, openCounterPage, type CounterPage } from './browser.js';
import { findCustomer, logIn } from './counter-page.js';

let host: TestHost;
let counter: CounterPage;
let page: Page;
/** The IC card whose write is left in doubt across the close (issue 10 #1). */
let pulledCard: CardRecord | null = null;

beforeAll(async () => {
  host = makeTestHost();
  const a = addAccount(host, { accountNo: '91000001', name: '日结用户', address: '温州市鹿城区日结路9号', reading: 12300 });
  addBill(host, a, { id: 'd-1', readingDate: '2026-11-10', previous: 10000, current: 12300, amountFen: 7935, dueDate: '2026-12-10' });
  addBill(host, a, { id: 'd-2', readingDate: '2026-11-12', previous: 12300, current: 12400, amountFen: 345, dueDate: '2026-12-12' });
  addAccount(host, { accountNo: '91000002', name: '卡表用户', address: '温州市鹿城区日结路11号', customerType: 'IC卡' });
  counter = await openCounterPage(host);
  page = counter.page;
  await logIn(page, counter.harness.url, 'clerk01', 'counter-lc01');
});

afterAll(async () => {
  await counter?.close();
});

describe('the end of the day', () => {
  it('the clerk takes a payment, counts the cash and signs the report; a colleague reviews it', async () => {
    await findCustomer(page, '日结路9号');
    await page.locator('table.bills tbody tr').nth(1).waitFor();
    await page.locator('input[name=tendered]').fill('100');
    await page.locator('input[name=tendered]').press('Enter');
    await page.locator('.paid').waitFor();
    await page.keyboard.press('Alt+d');
    await page.locator('main.day-close').waitFor();
    await expect.poll(() => page.locator('[data-testid=balance]').textContent()).toContain('本日营业收入 ￥82.80');
    await page.fill('input[name=count-5000]', '1');
    await page.fill('input[name=count-2000]', '1');
    await page.fill('input[name=count-1000]', '1');
    await page.fill('input[name=count-100]', '2');
    await page.fill('input[name=count-50]', '1');
    await page.fill('input[name=count-10]', '3');
    await expect.poll(() => page.locator('[data-testid=counted]').textContent()).toBe('清点现金 ￥82.80，差额 ￥0.00');
    await page.locator('button[name=submitReport]').click();
    await expect.poll(() => page.locator('[data-testid=report-submitted]').textContent()).toContain('当日结余 ￥82.80；清点 ￥82.80，待复核');
    // issue 10 #20: the signed report shows the audit chain head recorded with it
    const reportHead = host.store.sqlite.prepare("SELECT seq, hash FROM audit_heads WHERE kind = 'cash_report'").get() as { seq: number; hash: string };
    expect(await page.locator('[data-testid=report-submitted]').textContent()).toContain(`审计链头 #${reportHead.seq} ${reportHead.hash.slice(0, 12)}`);
    await page.fill('input[name=reviewClerk]', 'clerk01');
    await page.fill('input[name=reviewerLogin]', 'clerk02');
    await page.fill('input[name=reviewerPassword]', '123456');
    await page.locator('button[name=review]').click();
    await expect.poll(() => page.locator('[data-testid=report-submitted]').textContent()).toContain('已复核');
  });

  it('the manager closes the day and gets the numbered report', async () => {
    // issue 10 #1: a card write left in doubt at another counter before the close (its card was pulled)
    const sim = host.cardDevice?.sim;
    if (!sim) throw new Error('no simulated card reader');
    const clerk2 = await signIn(host, 'clerk02', 'counter-lc02');
    sim.insertBlank();
    expect(await clerk2.call('cards.issue', { accountId: 'acc-91000002', issueType: '制作新卡' })).toMatchObject({ ok: true });
    pulledCard = sim.card;
    sim.faults.nextWrite = 'pull_after_apply';
    const now = host.clock.current;
    host.clock.current = new Date(now.getTime() - 60 * 60 * 1000); // begun an hour before the close
    expect(await clerk2.call('cards.recharge', { accountId: 'acc-91000002', by: 'volume', value: '10', tendered: '40' })).toMatchObject({ ok: false, error: { code: 'CARD_WRITE_UNCERTAIN' } });
    host.clock.current = now;
    await page.locator('.app-header button', { hasText: '退出' }).click();
    await logIn(page, counter.harness.url, 'manager01', 'counter-lc02');
    await page.keyboard.press('Alt+d');
    // issue 10 #3: the day is picked from the hall's open days (today, no future day), not typed
    await expect.poll(() => page.locator('select[name=closeDate] option').allTextContents()).toEqual(['2026-11-23（今天） 1 笔']);
    expect(await page.locator('select[name=closeDate]').inputValue()).toBe('2026-11-23');
    await page.locator('button[name=dayStatus]').click();
    await expect.poll(() => page.locator('[data-testid=day-status]').textContent()).toContain('王丽：1 笔，日收银报表已复核');
    await page.locator('button[name=closeDay]').click();
    await expect.poll(() => page.locator('.day-close [role=status]').last().textContent()).toContain('日结完成：RJ-LC-00001，报告已打印');
    expect(await page.locator('article.close-report').textContent()).toContain('合计 1 笔 ￥82.80');
    const closeHead = host.store.sqlite.prepare("SELECT seq, hash FROM audit_heads WHERE kind = 'day.close'").get() as { seq: number; hash: string };
    const printedHead = `#${closeHead.seq} ${closeHead.hash.slice(0, 12)}`;
    expect(await page.locator('[data-testid=chain-head]').textContent()).toBe(`审计链头 ${printedHead}`);
    await expect.poll(() => page.locator('select[name=closeDate] option').allTextContents()).toEqual(['2026-11-23 RJ-LC-00001']);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(artifacts, 'day-close-report.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(scalar(host, "SELECT count(*) FROM business_days WHERE closed_at IS NOT NULL")).toBe(1);
    await page.locator('button[name=monthReportButton]').click();
    await expect.poll(() => page.locator('[data-testid=month-report]').textContent()).toContain('已日结 1 天');
    await page.fill('textarea[name=printedHeads]', printedHead);
    await page.locator('button[name=auditExport]').click();
    await expect.poll(() => page.locator('.day-close [role=status]').last().textContent()).toContain('审计链完整');
    await page.fill('textarea[name=printedHeads]', `#${closeHead.seq} 0123456789ab`);
    await page.locator('button[name=auditExport]').click();
    await expect.poll(() => page.locator('.day-close [role=status]').last().textContent()).toContain(`hash differs at seq ${closeHead.seq}`);
  });
});

describe('日结后补记 (issue 10 #1, R-IC-07)', () => {
  it('a write in doubt confirmed after the close shows on the closed day apart from its figures, and in the month report', async () => {
    const sim = host.cardDevice?.sim;
    if (!sim) throw new Error('no simulated card reader');
    const clerk2 = await signIn(host, 'clerk02', 'counter-lc02');
    const writeId = host.cards.pending()[0]?.id ?? '';
    if (pulledCard) sim.insert({ ...pulledCard, counter: 1, creditCenti: 1000, totalCenti: 1000 });
    const rec = await clerk2.call('cards.recover', { writeId, action: 'retry' });
    expect(rec).toMatchObject({ ok: true, value: { slipNo: 'LC02-00000001', totalFen: 3450, latePosted: true } });
    await page.locator('button[name=dayStatus]').click();
    await expect.poll(() => page.locator('article.close-report [data-testid=late-rows]').textContent()).toContain('日结后补记 1 笔 ￥34.50，其中现金 ￥34.50');
    const late = await page.locator('article.close-report [data-testid=late-rows]').textContent();
    expect(late).toContain('LC02-00000001');
    expect(late).toContain('卡表用户 91000002');
    expect(late).toContain('91000002-1');
    expect(await page.locator('article.close-report [data-testid=late-reconcile]').textContent()).toBe(
      '日结数字 1 笔 ￥82.80 + 日结后补记 1 笔 ￥34.50 = 账面 2 笔 ￥117.30（其中现金 ￥82.80 + ￥34.50 = ￥117.30）',
    );
    expect(await page.locator('article.close-report').textContent()).toContain('合计 1 笔 ￥82.80');
    await page.locator('button[name=monthReportButton]').click();
    await expect.poll(() => page.locator('[data-testid=month-report] [data-testid=late-reconcile]').textContent()).toBe(
      '日结数字 1 笔 ￥82.80 + 日结后补记 1 笔 ￥34.50 = 账面 2 笔 ￥117.30（其中现金 ￥82.80 + ￥34.50 = ￥117.30）',
    );
    expect(await page.locator('[data-testid=month-report]').textContent()).toContain('2026-11-23LC02-00000001');
    await page.screenshot({ path: join(artifacts, 'day-close-late-rows.png'), fullPage: true });
  });
});

describe('reports', () => {
  it('收银统计报表 with its chart and the Excel export', async () => {
    await page.keyboard.press('Alt+5');
    await page.locator('button[name=cashReport]').click();
    await page.locator('.reports table').first().waitFor();
    expect(await page.locator('.reports table').first().textContent()).toContain('燃气费182.80') // 收款项目 · 笔数 1 · ￥82.80;
    // issue 15 #8: the daily takings drawn by ECharts (SVG renderer): the day and its amount are text in the chart
    // (every 收款项目 of the day: the ￥82.80 gas fee and the ￥34.50 card top-up posted after the close)
    await expect.poll(() => page.locator('.reports [data-testid=echart] svg text').allTextContents()).toEqual(expect.arrayContaining(['每日营业收入', '11-23', '117.30']));
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.reports a.download').first().click()]);
    const file = join(artifacts, 'cash-report.csv');
    await download.saveAs(file);
    expect(readFileSync(file, 'utf8')).toContain('燃气费,1,82.80');
  });
});
