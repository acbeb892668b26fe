/**
 * Issue 12 #3, "Not done until": the whole new-user path in Chromium at 1366×768, by keyboard, on an EMPTY store
 * without demo data (demo: false, no seed) with the TCP printer simulator as the receipt printer:
 * the setup wizard (company, hall, counter, the administrator with their own password, one clerk), then its
 * import step as the new administrator (the shipped samples db/templates/{tariffs,accounts,bills}-sample.csv,
 * the sample downloaded from the window byte-equal to the shipped file), the log-in as that administrator,
 * a cash payment for an imported account and its check slip on the simulator.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEscPos } from '../../hardware/printer/decode.js';
import { TcpPrinterSimulator } from '../../hardware/printer/tcp-simulator.js';
import { tcpPrinter } from '../../hardware/printer/tcp.js';
import { TEMPLATES_DIR } from '../../scripts/gen-templates.js';
import { makeTestHost, type TestHost } from '../fixtures/host.js';
import { scalar } from '../fixtures/data.js';
import { artifacts, openCounterPage, type CounterPage } from './browser.js';

let host: TestHost;
let sim: TcpPrinterSimulator;
let counter: CounterPage;
let page: Page;
const announced: Buffer[] = [];

beforeAll(async () => {
  sim = new TcpPrinterSimulator();
  const port = await sim.listen();
  host = makeTestHost({ seed: false, demo: false, printer: tcpPrinter('127.0.0.1', port, { connectMs: 1000, statusMs: 500, writeMs: 3000 }) });
  counter = await openCounterPage(host, { width: 1366, height: 768 });
  page = counter.page;
  // Playwright turns file-chooser interception on asynchronously when the first listener is added; a listener kept
  // from the start makes sure it is on before any key opens a chooser (a waitForEvent added just before Enter races).
  page.on('filechooser', () => undefined);
  // Playwright intercepts the file chooser only once a listener is attached (asynchronously): attach one now,
  // so the chooser the keyboard opens later is never the real (headless, ignored) dialog.
  page.on('filechooser', () => undefined);
  sim.onJob = (job) => void announced.push(job);
}, 60_000);

afterAll(async () => {
  await counter?.close();
  await sim?.close();
});

const type = async (text: string) => page.keyboard.type(text);
const press = async (key: string, times = 1) => {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
};
const focused = () => page.evaluate(() => document.activeElement?.getAttribute('name') ?? document.activeElement?.tagName ?? '');
const shot = (name: string) => page.screenshot({ path: join(artifacts, `first-run-${name}.png`) });

describe('a new user: setup wizard → import of the shipped samples → log-in → payment → slip on the TCP printer', () => {
  it('sets up company, hall, counter, administrator and one clerk by keyboard', async () => {
    await page.goto(counter.harness.url);
    await page.locator('form[aria-label="初始设置"]').waitFor();
    expect(await focused()).toBe('companyName');
    await type('温州燃气有限公司');
    await press('Tab');
    await type('LC');
    await press('Tab');
    await type('鹿城营业厅');
    await shot('1-company');
    await press('Enter');
    await page.locator('h2', { hasText: '柜台' }).waitFor();
    expect(await focused()).toBe('counterCode0');
    await type('LC01');
    await shot('2-counter');
    await press('Enter');
    await page.locator('input[name=adminLogin]').waitFor();
    expect(await focused()).toBe('adminLogin');
    await type('zhouadmin');
    await press('Tab');
    await type('周敏');
    await press('Tab');
    await type('Lucheng2026');
    await press('Tab');
    await type('Lucheng2026');
    await shot('3-admin');
    await press('Enter');
    await page.locator('button[name=addStaff]').waitFor();
    // no staff row yet: Enter would go on (下一步 has the focus), Alt+N adds a row
    expect(await focused()).toBe('nextStep');
    await press('Alt+n');
    await page.locator('input[name=staffLogin0]').waitFor();
    expect(await focused()).toBe('staffLogin0');
    await type('chen01');
    await press('Tab');
    await type('陈静');
    await press('Tab', 2); // 岗位 stays 营业员
    await type('Start2026x');
    await shot('4-staff');
    await press('Enter');
    await page.locator('button[name=finishSetup]').waitFor();
    expect(await focused()).toBe('finishSetup');
    expect(await page.locator('.setup-wizard dl').textContent()).toBe('公司温州燃气有限公司营业厅LC 鹿城营业厅柜台LC01 1号窗口系统管理员zhouadmin（周敏）员工chen01（陈静，营业员）');
    await shot('5-summary');
    await press('Enter');
  });

  it('the import step: signed in as the new administrator, the sample downloads, the three samples import', async () => {
    const step = page.locator('[aria-label="导入旧系统数据"]');
    await step.waitFor();
    expect(await step.locator('[role=status]').first().textContent()).toBe(
      '已建立 1 个营业厅、1 个柜台、2 名员工。管理员 zhouadmin 已在 LC01 1号窗口 登录，可以导入旧系统的价格、用户及表、欠费账单；也可以跳过，以后在“气价设置 → 旧系统数据导入”中导入。',
    );
    expect(await focused()).toBe('importKind');
    expect(await page.locator('button[name=toLogin]').textContent()).toBe('跳过导入，去登录');
    // 价格 first (the select starts there); the shipped sample downloads from the window, byte for byte
    const panel = page.locator('section[aria-label="旧系统数据导入"]');
    await press('Tab', 3);
    expect(await focused()).toBe('templateSample');
    await press('Enter');
    await panel.locator('a.download').waitFor();
    await press('Tab');
    const download = page.waitForEvent('download');
    await press('Enter');
    const file = await download;
    expect(file.suggestedFilename()).toBe('价格-示例.csv');
    const saved = await file.path();
    expect(readFileSync(saved)).toEqual(readFileSync(join(TEMPLATES_DIR, 'tariffs-sample.csv')));

    const importSample = async (kind: 'tariffs' | 'accounts' | 'bills', status: string) => {
      await page.focus('select[name=importKind]');
      await page.selectOption('select[name=importKind]', kind);
      await press('Tab', 4); // CSV 模板, Excel 模板, 示例文件, 选择导入文件
      expect(await focused()).toBe('chooseFile');
      const chooser = page.waitForEvent('filechooser');
      await press('Enter');
      await (await chooser).setFiles(join(TEMPLATES_DIR, `${kind}-sample.csv`));
      await expect.poll(() => panel.locator('#import-file-name').textContent()).toBe(`${kind}-sample.csv`);
      await press('Tab');
      expect(await focused()).toBe('importCheck');
      await press('Enter');
      await expect.poll(() => panel.locator('[role=status]').textContent()).toMatch(/^检查通过，共 \d 行，可以导入$/);
      await press('Tab');
      expect(await focused()).toBe('importRun');
      await press('Enter');
      await expect.poll(() => panel.locator('[role=status]').textContent()).toBe(status);
    };
    await importSample('tariffs', '已导入 2 行：新增 2，更新 0，未变 0');
    await importSample('accounts', '已导入 3 行：新增 3，更新 0，未变 0');
    await shot('6-import-accounts');
    await importSample('bills', '已导入 3 行：新增 3，更新 0，未变 0');
    await shot('7-import-bills');
    expect(scalar(host, 'SELECT count(*) FROM accounts')).toBe(3);
    expect(scalar(host, 'SELECT count(*) FROM meters')).toBe(3);
    expect(scalar(host, "SELECT count(*) FROM bills WHERE status = '未缴'")).toBe(3);
    // 李四 (90000002): 103.50 + 89.70 unpaid
    expect(scalar(host, "SELECT sum(b.amount_fen) FROM bills b JOIN accounts a ON a.id = b.account_id WHERE a.account_no = '90000002' AND b.status = '未缴'")).toBe(19320);
    expect(await page.locator('button[name=toLogin]').textContent()).toBe('完成导入，去登录');
  });

  it('signs in at the counter as the administrator they created', async () => {
    await page.focus('button[name=toLogin]');
    await press('Enter');
    await page.locator('form[aria-label="营业员登录"]').waitFor();
    await page.locator('select[name=counter] option', { hasText: 'LC01' }).waitFor({ state: 'attached' });
    await expect.poll(focused).toBe('login');
    await type('zhouadmin');
    await press('Tab');
    await type('Lucheng2026');
    await shot('8-login');
    await press('Enter');
    await page.locator('.app-header').waitFor();
    expect(await page.locator('.app-header .who').textContent()).toContain('周敏');
    expect(await page.locator('.app-header .who').textContent()).toContain('鹿城营业厅');
  });

  it('takes a cash payment for an imported account; the slip prints on the TCP printer simulator', async () => {
    const search = page.locator('input[name=query]');
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await type('府前街12号1单元');
    await press('Enter');
    await page.locator('table.hits tbody tr').first().waitFor();
    expect(await page.locator('table.hits tbody tr').count()).toBe(1);
    await press('Enter');
    await page.locator('.account-card').filter({ hasText: '90000001' }).waitFor();
    await shot('9-customer');
    // 119.23 due 2026-11-14, paid 2026-11-23: 119.23 × 0.3% × 9天 = 3.21 → 3.00 late fee (R-LATE-01/02)
    expect(await page.locator('[data-testid=due]').textContent()).toBe('￥122.23');
    await expect.poll(() => page.locator('input[name=tendered]').evaluate((el) => el === document.activeElement)).toBe(true);
    await type('200');
    await expect.poll(() => page.locator('[data-testid=change]').textContent()).toBe('￥77.77');
    await press('Enter');
    await page.locator('.paid').waitFor();
    expect(await page.locator('.paid .big').textContent()).toBe('收费成功 LC01-00000001');
    await shot('10-paid');
    await expect.poll(() => sim.jobs.length).toBe(1);
    // the job the harness shows in its terminal (onJob) is the job the simulator recorded
    expect(announced).toEqual([sim.jobs[0]]);
    const printed = decodeEscPos(sim.jobs[0] ?? Buffer.alloc(0));
    const line = (label: string) => printed.find((l) => l.startsWith(label))?.replace(/ +/g, ' ');
    expect(printed[0]).toBe('管道燃气费核对单');
    expect(line('核对单号:')).toBe('核对单号: LC01-00000001');
    expect(line('营业厅:')).toBe('营业厅: 鹿城营业厅 1号窗口');
    expect(line('收费员:')).toBe('收费员: 周敏');
    expect(line('用户编号:')).toBe('用户编号: 90000001');
    expect(line('用户姓名:')).toBe('用户姓名: 张三');
    expect(line('气费合计:')).toBe('气费合计: ￥119.23');
    expect(line('滞纳金:')).toBe('滞纳金: ￥3.00');
    expect(line('应收金额:')).toBe('应收金额: ￥122.23');
    expect(line('实收:')).toBe('实收: ￥200.00');
    expect(line('找零:')).toBe('找零: ￥77.77');
    expect(sim.device.drawerKicks()).toBe(1);
    expect(scalar(host, "SELECT count(*) FROM bills b JOIN accounts a ON a.id = b.account_id WHERE a.account_no = '90000001' AND b.status = '未缴'")).toBe(0);
  });
});
