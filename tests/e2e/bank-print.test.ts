/**
 * 银行代扣 and 批量打印 in Chromium: the CCB file generated and saved, the bank's return loaded, checked
 * and written off, the failure listed; then the arrears notices of the failed account printed to an A4 PDF.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerBankFile } from '../fixtures/bank-answer.js';
import { addAccount, addBill, makeTestHost, type TestHost } from '../fixtures/host.js';
import { scalar, setBankWithholding } from '../fixtures/data.js';
import { artifacts, openCounterPage, type CounterPage } from './browser.js';
import { logIn } from './counter-page.js';

let host: TestHost;
let counter: CounterPage;
let page: Page;

beforeAll(async () => {
  host = makeTestHost();
  for (const [no, name, card] of [
    ['71000001', '周一', '6227001111111111111'],
    ['71000002', '吴二', '6227002222222222222'],
  ] as const) {
    const ids = addAccount(host, { accountNo: no, name, address: `温州市鹿城区代扣路${no.slice(-1)}号`, reading: 5000 });
    setBankWithholding(host, ids.accountId, { bank: '建行', cardNo: card, holder: name });
    addBill(host, ids, { id: `bill-${no}`, readingDate: '2026-10-20', previous: 2700, current: 5000, amountFen: 7935, dueDate: '2026-11-19' });
  }
  counter = await openCounterPage(host);
  page = counter.page;
  await logIn(page, counter.harness.url, 'clerk01', 'counter-lc01');
});

afterAll(async () => {
  await counter?.close();
});

const status = () => page.locator('.bank [role=status]').textContent();

describe('银行代扣 window', () => {
  it('generates the CCB file, checks the return and writes it off', async () => {
    await page.keyboard.press('Alt+b');
    await page.locator('main.bank').waitFor();
    await page.selectOption('select[name=bank]', '建行');
    await page.locator('button[name=preview]').click();
    await expect.poll(() => page.locator('[data-testid=bank-preview]').textContent()).toBe('共 2 户，金额 ￥158.70');
    await page.locator('button[name=generate]').click();
    await expect.poll(status).toContain('已生成 建行银行-BK20261123001.txt：共 2 户，金额 158.70 元');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a.download').click()]);
    const saved = join(artifacts, 'ccb-file.txt');
    await download.saveAs(saved);
    const sent = iconv.decode(readFileSync(saved), 'gbk');
    const returned = join(artifacts, 'ccb-return.txt');
    writeFileSync(returned, iconv.encode(answerBankFile('建行', sent, (i) => (i === 1 ? '余额不足' : null)), 'gbk'));
    await page.selectOption('select[name=runId]', 'BK20261123001');
    await page.setInputFiles('input[name=returnFile]', returned);
    await page.locator('button[name=check]').click();
    await expect.poll(() => page.locator('[data-testid=bank-check]').textContent()).toContain('成功 1 笔 ￥79.35；失败 1 笔 ￥79.35。回执正确');
    await page.locator('button[name=writeOff]').click();
    await expect.poll(status).toContain('回执核销完成：成功 1 笔 79.35 元，失败 1 笔 79.35 元');
    expect(await page.locator('table.failed').textContent()).toContain('吴二');
    await page.screenshot({ path: join(artifacts, 'bank-write-off.png'), fullPage: true });
    expect(scalar(host, "SELECT count(*) FROM payments WHERE method = '银行代缴'")).toBe(1);
  });
});

const BATCH_SHEET = [
  '<article class="notice"><h1>燃气费欠费通知单</h1><p>吴二（用户编号 71000002，抄表序号 0123052301）：温州市鹿城区代扣路2号</p>',
  '<table><thead><tr><th>抄表日期</th><th>用气量(方)</th><th>气费</th><th>滞纳金</th></tr></thead><tbody><tr><td>2026-10-20</td><td class="num">23</td><td class="num">79.35</td><td class="num">0.50</td></tr></tbody></table>',
  '<p>欠费合计 ￥79.85（滞纳金按每日0.3%计至 2026-11-23），请尽快缴纳。鹿城营业厅 · 区域 鹿城区 · 抄表员 陈建国</p></article>',
].join('');

describe('批量打印 window', () => {
  it('previews the arrears notice of the failed debit and prints it to an A4 PDF', async () => {
    await page.keyboard.press('Alt+0');
    await page.locator('main.batch-print').waitFor();
    await page.locator('button[name=previewArrears]').click();
    await page.locator('article.notice').first().waitFor();
    expect(await page.locator('article.notice').count()).toBe(1);
    expect(await page.locator('article.notice').textContent()).toContain('吴二');
    const html = await page.locator('article.notice').evaluate((e) => e.outerHTML);
    if (process.env.SHOW_SHEETS === '1') console.log(`BATCH-SHEET ${html}`);
    await page.locator('article.notice').screenshot({ path: join(artifacts, 'batch-notice-a4.png') });
    // the sheet exactly as 批量打印 rendered it before sharing ArrearsNoticeSheet with 欠费催缴 (printed output unchanged)
    expect(html).toBe(BATCH_SHEET);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(artifacts, 'arrears-notices.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.selectOption('select[name=printMethod]', '银行代缴');
    await page.locator('button[name=refreshSlips]').click();
    await page.locator('pre.receipt').first().waitFor();
    expect(await page.locator('pre.receipt').first().textContent()).toContain('71000001');
  });
});
