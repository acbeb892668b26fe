/**
 * 报装 → 派工 → 回执 → 安装单 → 点火 → 派工 → 回执 → 点火登记 in Chromium (P-REG, R-REG-11, §8, §3.2), with a
 * validation failure shown at its field first (DOMAIN §5 case 3).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../main/harness/server.js';
import { makeTestHost, type TestHost } from '../fixtures/host.js';
import { artifacts, openCounterPage, type CounterPage } from './browser.js';
import { accept, findCustomer, logIn, runThroughQueue } from './counter-page.js';

let host: TestHost;
let counter: CounterPage;
let page: Page;
let harness: Harness;

beforeAll(async () => {
  host = makeTestHost({ accounts: 100 });
  counter = await openCounterPage(host, { width: 1440, height: 1000 });
  ({ page, harness } = counter);
  await logIn(page, harness.url, 'clerk02', 'counter-lc02');
});

afterAll(async () => {
  await counter?.close();
});

const meter = () => host.store.sqlite.prepare("SELECT m.status FROM meters m JOIN accounts a ON a.id = m.account_id WHERE a.name = '钱多多'").pluck().get();

describe('报装 through ignition', () => {
  it('refuses a name with a space at the field, with the text selected', async () => {
    await page.keyboard.press('Alt+4');
    await page.fill('.registration input[name=name]', '钱 多多');
    await page.fill('.registration input[name=contactPhone]', '13900001111');
    await page.fill('.registration input[name=address]', '温州市鹿城区人民路88号幸福小区5幢2单元301室');
    await page.fill('.registration input[name=community]', '幸福小区');
    await page.fill('.registration input[name=book]', '0123');
    await page.fill('.registration input[name=building]', '05');
    await page.fill('.registration input[name=unit]', '02');
    await page.fill('.registration input[name=room]', '301');
    expect(await page.locator('[data-testid=seq-preview]').textContent()).toBe('0123052301');
    await page.fill('.registration input[name=tendered]', '2500');
    await page.keyboard.press('F9');
    await expect.poll(() => page.locator('#name-error').textContent()).toContain('R-VAL-02');
    const selected = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return el ? [el.name, el.selectionStart, el.selectionEnd] : null;
    });
    expect(selected).toEqual(['name', 0, 4]);
  });

  it('registers the household, takes the connection fee and opens the 安装 business', async () => {
    await page.fill('.registration input[name=name]', '钱多多');
    // issue 10 #5: 3500 yuan for a 2400-yuan fee is more than 1000 over: refused at the field until confirmed
    await page.fill('.registration input[name=tendered]', '3500');
    await page.keyboard.press('F9');
    await expect.poll(() => page.locator('#tendered-error').textContent()).toBe(
      '实收 3500.00 元比应收 2400.00 元多出 1000 元以上，请核对实收金额；确认无误请勾选“确认实收金额”后再收费',
    );
    await page.locator('input[name=confirmRegistrationTender]').check();
    await page.keyboard.press('F9');
    await page.locator('[aria-label=报装结果]').waitFor();
    const result = await page.locator('[aria-label=报装结果]').textContent();
    expect(result).toContain('抄表序号 0123052301');
    expect(result).toContain('承诺 2026-11-30 前安装');
    expect(result).toContain('找零 1100.00 元');
    expect(result).toContain('营业收费凭证');
    await page.screenshot({ path: join(artifacts, 'registration-done.png'), fullPage: true });
    expect(meter()).toBe('报装');
    // R-REG-09: the 报装单 prints as 用户联 and 存根联 on A4.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.application-slip h1').allTextContents()).toEqual(['管道燃气用气申请表（用户联）', '管道燃气用气申请表（存根联）']);
    const pdf = await page.pdf({ format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    writeFileSync(join(artifacts, 'application-slip.pdf'), pdf);
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(2);
  });

  it('dispatches the installation, enters the receipt and the 安装单: the meter is 装表', async () => {
    await runThroughQueue(page, { model: 'G2.5', meterNo: 'M2026001', baseReading: '0' });
    expect(meter()).toBe('装表');
  });

  it('accepts the ignition and completes it with the 点火登记: the meter is 通气', async () => {
    await page.keyboard.press('Alt+2');
    await findCustomer(page, '幸福小区5幢');
    await accept(page, '点火', '13900001111');
    await expect.poll(() => page.locator('.business-form [role=status]').textContent()).toMatch(/^已受理 LC02-B00000002，承诺 2026-11-26 前完成$/);
    await runThroughQueue(page, { latestReading: '0', cookerBrand: '老板' });
    expect(meter()).toBe('通气');
    await page.keyboard.press('Alt+2');
    await expect.poll(() => page.locator('table.history tbody tr').count()).toBe(2);
    expect(await page.locator('table.history').textContent()).toContain('已归档');
    await page.screenshot({ path: join(artifacts, 'registration-history.png'), fullPage: true });
  });

  it('counts the registration, the installation and the ignition in 气表业务综合查询 (R-STAT-04, R-STAT-01)', async () => {
    await page.keyboard.press('Alt+5');
    await page.locator('input[name=from]').waitFor();
    await page.locator('input[name=to]').press('Enter');
    await page.locator('table.stats').waitFor();
    const cells = await page.locator('table.stats tbody td').allTextContents();
    const heads = await page.locator('table.stats thead th').allTextContents();
    expect(Object.fromEntries(heads.map((h, i) => [h, cells[i]]))).toMatchObject({ 报装: '1', 装表: '1', 点火: '1' });
    expect(await page.locator('table[aria-label=点火用户统计]').textContent()).toContain('幸福小区1');
    await page.locator('table.stats tbody td').nth(heads.indexOf('点火')).locator('button').click();
    await expect.poll(() => page.locator('table[aria-label=点火用户清单] tbody tr').count()).toBe(1);
    expect(await page.locator('table[aria-label=点火用户清单]').textContent()).toContain('钱多多');
    await page.screenshot({ path: join(artifacts, 'statistics.png'), fullPage: true });
  });

  it('prints the day\'s dispatch sheets as A4 pages (R-WO-06, R-PRT-03), one per work order', async () => {
    await page.keyboard.press('Alt+6');
    await expect.poll(() => page.locator('article.sheet').count()).toBe(2);
    const text = await page.locator('.dispatch-sheets').textContent();
    expect(text).toContain('LC02-P00000001');
    expect(text).toContain('LC02-P00000002');
    expect(text).toContain('0123052301');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    writeFileSync(join(artifacts, 'dispatch-sheets.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(2);
  });
});
