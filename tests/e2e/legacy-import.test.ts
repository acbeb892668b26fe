/**
 * Issue 12 #3 in Chromium: the 设置 window's 旧系统数据导入 panel. An administrator checks a file with one bad
 * row (the error table names row and column, the error report is offered for download, 导入 stays disabled),
 * then imports the shipped sample (db/templates/accounts-sample.csv) through the chunked upload.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestHost, type TestHost } from '../fixtures/host.js';
import { TEMPLATES_DIR } from '../../scripts/gen-templates.js';
import { artifacts, openCounterPage, type CounterPage } from './browser.js';
import { logIn } from './counter-page.js';

let host: TestHost;
let counter: CounterPage;
let page: Page;
const sample = join(TEMPLATES_DIR, 'accounts-sample.csv');
const bad = join(artifacts, 'accounts-bad-unit.csv');

beforeAll(async () => {
  host = makeTestHost();
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(bad, readFileSync(sample, 'utf8').replace('1001,3,2,502', '1001,3,12,502'));
  counter = await openCounterPage(host);
  page = counter.page;
  await logIn(page, counter.harness.url, 'admin01', 'counter-lc01');
});
afterAll(async () => {
  await counter?.close();
});

describe('旧系统数据导入 panel', () => {
  it('shows a bad row with its column and offers the report; then imports the shipped sample', async () => {
    await page.keyboard.press('Alt+s');
    const panel = page.locator('section[aria-label="旧系统数据导入"]');
    await panel.waitFor();
    await page.selectOption('select[name=importKind]', 'accounts');
    await page.setInputFiles('input[name=importFile]', bad);
    await page.locator('button[name=importCheck]').click();
    await panel.locator('table tbody tr').first().waitFor();
    expect(await panel.locator('table tbody tr').first().locator('td').allTextContents()).toEqual(['3', '单元', expect.stringContaining('老区域单元号只能是1-9')]);
    expect(await panel.locator('a.download', { hasText: '下载错误报告' }).count()).toBe(1);
    expect(await page.locator('button[name=importRun]').isDisabled()).toBe(true);
    await page.screenshot({ path: `${artifacts}/legacy-import-errors.png` });
    await page.setInputFiles('input[name=importFile]', sample);
    await page.locator('button[name=importRun]').click();
    await expect.poll(() => panel.locator('[role=status]').textContent()).toBe('已导入 3 行：新增 3，更新 0，未变 0');
    expect(host.store.sqlite.prepare("SELECT count(*) FROM accounts WHERE account_no LIKE '9000000%'").pluck().get()).toBe(3);
  });
});
