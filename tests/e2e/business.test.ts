/**
 * 业务受理 → 派工 → 回执 → 后续登记 in Chromium (R-WO-01..05, R-LT-01, R-RCPT-01..05/09/11), and 封表
 * refused for arrears (R-SEAL-02) until they are paid at 前台收费, then 启封 (R-UNSEAL-02).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../main/harness/server.js';
import { addAccount, addBill, makeTestHost, type TestHost } from '../fixtures/host.js';
import { artifacts, openCounterPage, type CounterPage } from './browser.js';
import { accept as acceptOn, findCustomer as findOn, logIn, runThroughQueue as runOn } from './counter-page.js';

const findCustomer = (fragment: string) => findOn(page, fragment);
const accept = (type: string, phone: string) => acceptOn(page, type, phone);
const runThroughQueue = (followUp: Record<string, string>) => runOn(page, followUp);

let host: TestHost;
let counter: CounterPage;
let page: Page;
let harness: Harness;
let ignitionMeter: string;
let sealMeter: string;
let transferAccount: string;

beforeAll(async () => {
  host = makeTestHost({ accounts: 200 });
  ignitionMeter = addAccount(host, { accountNo: '80000001', name: '孙八', address: '温州市鹿城区学院路9号翠微小区7幢1单元101室', meterStatus: '装表' }).meterId;
  const sealIds = addAccount(host, { accountNo: '80000002', name: '吴十', address: '温州市鹿城区学院路9号翠微小区8幢2单元302室', reading: 15000 });
  sealMeter = sealIds.meterId;
  addBill(host, sealIds, { id: 'e2e-seal-bill', readingDate: '2026-11-01', previous: 12000, current: 15000, amountFen: 10350, dueDate: '2026-12-01' });
  const transferIds = addAccount(host, { accountNo: '80000003', name: '周老', address: '温州市鹿城区学院路9号翠微小区9幢1单元501室', reading: 15000 });
  transferAccount = transferIds.accountId;
  addBill(host, transferIds, { id: 'e2e-trf-bill', readingDate: '2026-11-02', previous: 14000, current: 15000, amountFen: 3450, dueDate: '2026-12-02' });
  counter = await openCounterPage(host, { width: 1440, height: 900 });
  ({ page, harness } = counter);
  await logIn(page, harness.url, 'clerk02', 'counter-lc02');
});

afterAll(async () => {
  await counter?.close();
});

const meterStatus = (id: string) => host.store.sqlite.prepare('SELECT status FROM meters WHERE id = ?').pluck().get(id);
describe('业务受理 → 派工 → 回执 → 点火登记', () => {
  it('accepts an ignition with its promised date', async () => {
    await page.keyboard.press('Alt+2');
    await findCustomer('翠微小区7幢');
    await accept('点火', '13900000001');
    await expect.poll(() => page.locator('.business-form [role=status]').textContent()).toBe('已受理 LC02-B00000001，承诺 2026-11-26 前完成');
    await expect.poll(() => page.locator('table.history tbody tr').first().textContent()).toContain('已受理');
    await page.screenshot({ path: join(artifacts, 'business-accepted.png'), fullPage: true });
  });

  it('dispatches, enters the receipt and the ignition registration; the meter is then 通气', async () => {
    await runThroughQueue({ latestReading: '0', cookerBrand: '方太' });
    expect(meterStatus(ignitionMeter)).toBe('通气');
    await expect.poll(() => page.locator('table.queue').count()).toBe(0);
  });
});

describe('封表 blocked by arrears, then 启封', () => {
  it('refuses the seal at the field, naming the unpaid bill', async () => {
    await page.keyboard.press('Alt+2');
    await findCustomer('翠微小区8幢');
    await accept('封表', '13900000002');
    await expect.poll(() => page.locator('#type-error').textContent()).toContain('你还有欠费未缴,须先缴清欠费方可给予受理封表业务 (R-SEAL-02)');
    expect(await page.locator('#type-error').textContent()).toContain('最早为 2026-11-01 抄表 103.50 元');
    await page.screenshot({ path: join(artifacts, 'business-seal-refused.png'), fullPage: true });
  });

  it('accepts it after the arrears are paid at 前台收费, and seals then unseals the meter', async () => {
    await page.keyboard.press('Alt+1');
    await expect.poll(() => page.locator('[data-testid=due]').textContent()).toBe('￥103.50');
    await page.fill('input[name=tendered]', '110');
    await page.locator('input[name=tendered]').press('Enter');
    await page.locator('.paid').waitFor();

    await page.keyboard.press('Alt+2');
    await page.locator('.account-card').waitFor();
    await accept('封表', '13900000002');
    await expect.poll(() => page.locator('.business-form [role=status]').textContent()).toMatch(/^已受理 LC02-B00000002/);
    await runThroughQueue({ settledReading: '150', reason: '长期外出' });
    expect(meterStatus(sealMeter)).toBe('封表');

    await page.keyboard.press('Alt+2');
    await page.locator('.account-card').waitFor();
    await accept('启封', '13900000002');
    await expect.poll(() => page.locator('.business-form [role=status]').textContent()).toMatch(/^已受理 LC02-B00000003/);
    await runThroughQueue({ settledReading: '150', reason: '回家居住' });
    expect(meterStatus(sealMeter)).toBe('通气');
    await page.keyboard.press('Alt+2');
    await expect.poll(() => page.locator('table.history tbody tr').count()).toBe(2);
    await page.screenshot({ path: join(artifacts, 'business-history.png'), fullPage: true });
  });
});

describe('过户 blocked by arrears, then allowed after payment', () => {
  it('refuses the transfer at the field, then transfers with the 5-yuan fee once the bill is paid', async () => {
    await page.keyboard.press('Alt+2');
    await findCustomer('翠微小区9幢');
    await page.selectOption('select[name=type]', '过户');
    await page.fill('input[name=newName]', '周小');
    await page.fill('input[name=contactPhone]', '13700000001');
    await page.fill('input[name=transferTendered]', '10');
    await page.keyboard.press('F9');
    await expect.poll(() => page.locator('#type-error').textContent()).toBe(
      '你还有欠费未缴,须先缴清欠费方可办理过户 (R-TRF-04)：未缴 1 笔共 34.50 元，最早为 2026-11-02 抄表 34.50 元',
    );
    await page.keyboard.press('Alt+1');
    await expect.poll(() => page.locator('[data-testid=due]').textContent()).toBe('￥34.50');
    await page.fill('input[name=tendered]', '50');
    await page.locator('input[name=tendered]').press('Enter');
    await page.locator('.paid').waitFor();
    await page.keyboard.press('Alt+2');
    await page.locator('input[name=newName]').waitFor();
    // issue 10 #5: 2000 yuan for a 5-yuan fee is refused at the field until the clerk ticks 确认实收金额
    await page.fill('input[name=transferTendered]', '2000');
    await page.keyboard.press('F9');
    await expect.poll(() => page.locator('#tendered-error').textContent()).toBe(
      '实收 2000.00 元比应收 5.00 元多出 1000 元以上，请核对实收金额；确认无误请勾选“确认实收金额”后再收费',
    );
    await page.locator('input[name=confirmTransferTender]').check();
    await page.keyboard.press('F9');
    await expect.poll(() => page.locator('.business-form [role=status]').textContent()).toMatch(/^已过户：原户主 周老，结算方数 150，过户费凭证 LC02-\d{8}$/);
    expect(host.store.sqlite.prepare('SELECT name FROM accounts WHERE id = ?').pluck().get(transferAccount)).toBe('周小');
    expect(host.store.sqlite.prepare("SELECT change_fen, confirmation FROM payments WHERE charge_type = '过户费'").get()).toEqual({
      change_fen: 199500,
      confirmation: '实收 2000.00 元比应收 5.00 元多出 1000 元以上，收费员确认',
    });
    await page.screenshot({ path: join(artifacts, 'business-transfer.png'), fullPage: true });
  });
});

describe('顺延 and 作废 in 派工/回执 (R-CANC-06, R-CANC-08)', () => {
  it('defers to the agreed date, and refuses a void by a clerk', async () => {
    const ids = addAccount(host, { accountNo: '80000004', name: '郑一', address: '温州市鹿城区学院路9号翠微小区10幢1单元101室', meterStatus: '装表' });
    await page.keyboard.press('Alt+2');
    await findCustomer('翠微小区10幢');
    await accept('点火', '13900000004');
    await expect.poll(() => page.locator('.business-form [role=status]').textContent()).toMatch(/^已受理/);
    await page.keyboard.press('Alt+3');
    await page.locator('table.queue tbody tr').filter({ hasText: '郑一' }).click();
    await page.locator('.defer-void summary').click();
    await page.fill('input[name=agreedDate]', '2026-11-25');
    await page.fill('input[name=deferRemark]', '用户出差');
    await page.getByRole('button', { name: '保存顺延' }).click();
    await expect.poll(() => page.locator('#agreedDate-error').textContent()).toContain('R-CANC-06');
    await page.fill('input[name=agreedDate]', '2026-12-10');
    await page.getByRole('button', { name: '保存顺延' }).click();
    await expect.poll(() => page.locator('.work-queue [role=status]').textContent()).toBe('已保存：LC02-B00000004 已顺延至 2026-12-10');
    await expect.poll(() => page.locator('table.queue tbody tr').filter({ hasText: '郑一' }).textContent()).toContain('顺延');
    await page.fill('input[name=voidReason]', '楼栋未通气');
    await page.getByRole('button', { name: '作废业务' }).click();
    await expect.poll(() => page.locator('#voidReason-error').textContent()).toBe('您的岗位没有此项操作权限');
    expect(host.store.sqlite.prepare("SELECT state FROM businesses WHERE account_id = ?").pluck().get(ids.accountId)).toBe('顺延');
  });
});
