/**
 * Issue 10 #10 in Chromium: a 2,700-line bank return (over the harness's 256 KB frame as base64) picked in
 * the 银行代扣 window goes to main in chunks, is checked and written off (R-BANK-05); the page's
 * connection stays up.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerBankFile } from '../fixtures/bank-answer.js';
import { addRoute, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { scalar, withholdRoute } from '../fixtures/data.js';
import { artifacts, openCounterPage, type CounterPage } from './browser.js';
import { logIn } from './counter-page.js';

const LINES = 2_700;
let host: TestHost;
let counter: CounterPage;
let page: Page;
let returned: string;
let runId = '';
let size = 0;

beforeAll(async () => {
  host = makeTestHost();
  addRoute(host, '周抄表', LINES);
  withholdRoute(host, '周抄表', 'fixed');
  const clerk = await signIn(host);
  const gen = await clerk.call('bank.generate', { bank: '建行' });
  if (!gen.ok) throw new Error(gen.error.message);
  const run = gen.value;
  runId = run.runId;
  const bytes = iconv.encode(answerBankFile('建行', iconv.decode(Buffer.from(run.base64, 'base64'), 'gbk'), (i) => (i < 100 ? '余额不足' : null)), 'gbk');
  size = bytes.toString('base64').length;
  returned = join(artifacts, 'ccb-large-return.txt');
  counter = await openCounterPage(host);
  writeFileSync(returned, bytes);
  page = counter.page;
  await logIn(page, counter.harness.url, 'clerk01', 'counter-lc01');
});

afterAll(async () => {
  await counter?.close();
});

const status = () => page.locator('.bank [role=status]').textContent();

describe('银行代扣 window with a large return', () => {
  it('uploads a 2,700-line return in chunks, checks it and writes it off', async () => {
    expect(size).toBeGreaterThan(256 * 1024);
    await page.keyboard.press('Alt+b');
    await page.locator('main.bank').waitFor();
    await expect.poll(() => page.locator(`select[name=runId] option[value=${runId}]`).count()).toBe(1);
    await page.selectOption('select[name=runId]', runId);
    await page.setInputFiles('input[name=returnFile]', returned);
    await page.locator('button[name=check]').click();
    await expect.poll(() => page.locator('[data-testid=bank-check]').textContent()).toContain('成功 2600 笔 ￥89700.00；失败 100 笔 ￥3450.00。回执正确');
    await page.locator('button[name=writeOff]').click();
    await expect.poll(status).toContain('回执核销完成：成功 2600 笔 89700.00 元，失败 100 笔 3450.00 元');
    expect(scalar(host, "SELECT count(*) FROM payments WHERE method = '银行代缴'")).toBe(2600);
  });
});
