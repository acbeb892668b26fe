/**
 * Issue 15 #1 in Chromium at 1366×768, by keyboard (R-SEC-01..05, A-46): 欠费催缴 (Alt+Q) list → 催缴 notice on the
 * receipt printer → stop approved by the hall director signing in → the 封表 work order through 派工/回执 → full
 * payment at 前台收费 → the restore (启封) order issued with its 24-hour promise.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../main/harness/server.js';
import { saveArrearsSettings } from '../../main/services/arrears-collection.js';
import { DEFAULT_ARREARS_SETTINGS } from '../../main/domain/arrears-collection.js';
import { addAccount, addBill, makeTestHost, type TestHost } from '../fixtures/host.js';
import { change, page as feedPage } from '../fixtures/sync.js';
import { applyFeedPage } from '../../main/sync/applier.js';
import { unpaidList } from '../../main/services/billing.js';
import { payBills } from '../../main/services/payments.js';
import { asAccountId } from '../../main/domain/ids.js';
import { fen } from '../../preload/kernel/money.js';
import { artifacts, openCounterPage, type CounterPage } from './browser.js';
import { findCustomer, logIn, runThroughQueue } from './counter-page.js';

let host: TestHost;
let counter: CounterPage;
let page: Page;
let harness: Harness;
let debtor: { accountId: string; meterId: string };

beforeAll(async () => {
  host = makeTestHost({ accounts: 50 });
  debtor = addAccount(host, { accountNo: '97000001', name: '钱欠欠', address: '温州市鹿城区江滨路18号锦江花园3幢2单元402室', reading: 12000 });
  addBill(host, debtor, { id: 'e2e-arr-1', readingDate: '2026-09-01', previous: 10000, current: 11000, amountFen: 3450, dueDate: '2026-10-01' });
  addBill(host, debtor, { id: 'e2e-arr-2', readingDate: '2026-10-01', previous: 11000, current: 12000, amountFen: 3450, dueDate: '2026-10-31' });
  // the hall director has switched stopping for arrears on (off by default)
  saveArrearsSettings(host.deps, { staffId: 'staff-manager01', staffName: '郑建华', role: 'manager', hallId: 'hall-lc', hallName: '鹿城营业厅', counterId: 'counter-lc02', counterCode: 'LC02', counterName: '2号窗口' }, { ...DEFAULT_ARREARS_SETTINGS, enabled: true });
  counter = await openCounterPage(host, { width: 1366, height: 768 });
  ({ page, harness } = counter);
  await logIn(page, harness.url, 'clerk02', 'counter-lc02');
});

afterAll(async () => {
  await counter?.close();
});

/** The A4 sheet exactly as 欠费催缴 rendered it before it shared ArrearsNoticeSheet with 批量打印 (printed output unchanged). */
const ARREARS_SHEET = [
  '<article class="notice"><h1>气费催缴通知单</h1><p>钱欠欠（用户编号 97000001，抄表序号 0123052301）：温州市鹿城区江滨路18号锦江花园3幢2单元402室</p>',
  '<table><thead><tr><th>抄表日期</th><th>用气量(方)</th><th>气费</th><th>滞纳金</th></tr></thead><tbody><tr><td>2026-09-01</td><td class="num">10</td><td class="num">34.50</td><td class="num">5.00</td></tr>',
  '<tr><td>2026-10-01</td><td class="num">10</td><td class="num">34.50</td><td class="num">2.00</td></tr></tbody></table>',
  '<p>您已欠费 2 个月，合计 ￥76.00（滞纳金计至 2026-11-23）。请于通知之日起 3 日内到营业厅缴清，逾期将停止供气。鹿城营业厅 · 通知日期 2026-11-23</p></article>',
].join('');

const status = () => page.locator('.arrears [role=status]').textContent();
const meterStatus = () => host.store.sqlite.prepare('SELECT status FROM meters WHERE id = ?').pluck().get(debtor.meterId);

describe('欠费催缴 → 停气 → 缴费 → 复气', () => {
  it('lists the debtor and records the 催缴 notice printed on the receipt printer', async () => {
    await page.keyboard.press('Alt+q');
    const row = page.locator('table.arrears-list tbody tr').filter({ hasText: '97000001' });
    await row.waitFor();
    expect(await row.textContent()).toContain('2/2');
    await page.locator('input[name=pick-97000001]').focus();
    await page.keyboard.press('Space');
    // Enter goes on from the list to the actions, past the other debtors (a hall has hundreds: the list scrolls in its box)
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('noticeReceipt');
    expect(await page.locator('.arrears-list-box').evaluate((box) => [getComputedStyle(box).overflowY, getComputedStyle(box).maxHeight])).toEqual(['auto', '300px']);
    await page.keyboard.press('Enter');
    await expect.poll(status).toBe('已记录催缴通知 1 户，小票机打印 1 张');
    expect(host.store.sqlite.prepare('SELECT notice_date FROM arrears_notices').pluck().get()).toBe('2026-11-23');
    await expect.poll(() => row.textContent()).toContain('2026-11-26');
    await page.screenshot({ path: join(artifacts, 'arrears-notice.png'), fullPage: true });
  });

  it('prints the 催缴 notice as the A4 sheet shared with 批量打印 (R-SEC-04/05)', async () => {
    await page.locator('button[name=noticeA4]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(status).toBe('已记录催缴通知 1 户，请按 Ctrl+P 打印 A4');
    const sheet = page.locator('article.notice');
    await sheet.waitFor();
    expect(await sheet.count()).toBe(1);
    const html = await sheet.evaluate((e) => e.outerHTML);
    if (process.env.SHOW_SHEETS === '1') console.log(`ARREARS-SHEET ${html}`);
    await sheet.screenshot({ path: join(artifacts, 'arrears-notice-a4.png') });
    expect(html).toBe(ARREARS_SHEET);
    expect(host.store.sqlite.prepare("SELECT output FROM arrears_notices ORDER BY created_at").pluck().all()).toEqual(['receipt', 'A4']);
  });

  it('refuses the stop before the notice period, then the director signs in and a 封表 work order is issued', async () => {
    await page.fill('input[name=approverLogin]', 'manager01');
    await page.fill('input[name=approverPassword]', '123456');
    await page.locator('button[name=requestStop]').focus();
    await page.keyboard.press('Enter');
    await page.locator('#arrears-error, .arrears [role=status]').first().waitFor();
    await page.screenshot({ path: join(artifacts, 'arrears-stop-refused.png'), fullPage: true });
    expect(await page.locator('#arrears-error').textContent()).toContain('2026-11-26 起才能申请停气');
    // three days later: the counter locked itself while idle (15 minutes); the clerk unlocks with the password
    host.clock.current = new Date('2026-11-26T01:00:00.000Z');
    await page.locator('button[name=requestStop]').focus();
    await page.keyboard.press('Enter');
    await page.locator('.lock-screen').waitFor();
    await page.locator('input[name=unlockPassword]').fill('123456');
    await page.locator('input[name=unlockPassword]').press('Enter');
    await page.locator('.lock-screen').waitFor({ state: 'detached' });
    await page.fill('input[name=approverLogin]', 'manager01');
    await page.fill('input[name=approverPassword]', '123456');
    await page.locator('button[name=requestStop]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(status).toMatch(/^已批准停气，封表工单 LC02-B\d{8}，承诺 2026-12-01 前完成$/);
    await expect.poll(() => page.locator('table.stops tbody tr').first().textContent()).toContain('待封表');
    await page.screenshot({ path: join(artifacts, 'arrears-stop-approved.png'), fullPage: true });
    await runThroughQueue(page, { settledReading: '120', reason: '欠费停气' });
    expect(meterStatus()).toBe('封表');
  });

  it('after full payment the restore (启封) order is issued at once with its 24-hour promise', async () => {
    await page.keyboard.press('Alt+1');
    await findCustomer(page, '锦江花园3幢2单元402');
    await expect.poll(() => page.locator('[data-testid=due]').textContent()).toMatch(/^￥\d+\.\d\d$/);
    await page.fill('input[name=tendered]', '200');
    await page.locator('input[name=tendered]').press('Enter');
    await page.locator('.paid').waitFor();
    // the clerk is told at once, to tell the customer (R-SEC-02)
    const restoreNo = host.store.sqlite.prepare("SELECT business_no FROM businesses WHERE type = '启封'").pluck().get() as string;
    expect(await page.locator('[data-testid=restore-issued]').textContent()).toBe(`欠费已结清，已派发启封工单 ${restoreNo}：2026-11-27 09:00 前上门启封通气，请告知用户。`);
    await page.screenshot({ path: join(artifacts, 'arrears-restore-at-payment-1366x768.png') });
    await page.keyboard.press('Alt+q');
    const stopRow = page.locator('table.stops tbody tr').first();
    await expect.poll(() => stopRow.textContent()).toContain('待复气');
    expect(await stopRow.textContent()).toContain('结清欠费');
    expect(await stopRow.textContent()).toContain('2026-11-27 09:00'); // 24 hours after the payment, hall time
    const restore = host.store.sqlite.prepare("SELECT type, priority, promised_on AS promisedOn FROM businesses WHERE type = '启封'").get();
    expect(restore).toEqual({ type: '启封', priority: '加急安排', promisedOn: '2026-11-27' });
    await page.screenshot({ path: join(artifacts, 'arrears-restore-issued.png'), fullPage: true });
  });

  it('a 冲正 of that payment withdraws the 启封 not yet done and says so; the stop stands (R-SEC-02)', async () => {
    const restoreNo = host.store.sqlite.prepare("SELECT business_no FROM businesses WHERE type = '启封'").pluck().get() as string;
    await page.keyboard.press('Alt+1');
    await page.locator('.reversal summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('input[name=reverseSlipNo]').inputValue()).toBe('LC02-00000001');
    await page.fill('input[name=reverseReason]', '收错用户');
    await page.fill('input[name=reverseApprover]', 'manager01');
    await page.fill('input[name=reversePassword]', '123456');
    await page.locator('button[name=reverse]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.reversed .restore-withdrawn').textContent()).toBe(`欠费未结清，启封工单 ${restoreNo} 已撤销，该户仍停气 (R-SEC-02)`);
    await page.locator('.reversal').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'arrears-reversal-withdraws-restore-1366x768.png') });
    expect(host.store.sqlite.prepare('SELECT state FROM businesses WHERE business_no = ?').pluck().get(restoreNo)).toBe('已取消');
    await page.keyboard.press('Alt+q');
    await expect.poll(() => page.locator('table.stops tbody tr').first().textContent()).toContain('已停气');
  });

  it('paid at another hall: the stop shows 欠费已结清 and one key issues the 启封 here (R-SEC-02)', async () => {
    // 黄龙营业厅 takes the payment: it has the bills (company-wide) but not 鹿城's stop; its rows come down the feed
    const other = makeTestHost();
    try {
      const same = addAccount(other, { accountNo: '97000001', name: '钱欠欠', address: '温州市鹿城区江滨路18号锦江花园3幢2单元402室', reading: 12000 });
      addBill(other, same, { id: 'e2e-arr-1', readingDate: '2026-09-01', previous: 10000, current: 11000, amountFen: 3450, dueDate: '2026-10-01' });
      addBill(other, same, { id: 'e2e-arr-2', readingDate: '2026-10-01', previous: 11000, current: 12000, amountFen: 3450, dueDate: '2026-10-31' });
      other.clock.current = host.clock.current;
      const hl = { staffId: 'staff-clerk01', staffName: '李娜', role: 'clerk' as const, hallId: 'hall-hl', hallName: '黄龙营业厅', counterId: 'counter-hl01', counterCode: 'HL01', counterName: '1号窗口' };
      const due = unpaidList(other.deps, asAccountId(same.accountId));
      payBills(other.deps, hl, { accountId: asAccountId(same.accountId), billIds: due.bills.map((b) => b.id), expectedTotalFen: fen(due.totalFen), tenderedFen: fen(due.totalFen) });
      const rows = other.store.sqlite
        .prepare("SELECT tbl, op, row_id AS rowId, row FROM sync_outbox WHERE tbl IN ('check_slips', 'payments', 'payment_items', 'bills') ORDER BY seq")
        .all() as { tbl: string; op: 'insert' | 'update'; rowId: string; row: string }[];
      for (const r of rows) applyFeedPage(host.store.sqlite, feedPage([change(r.tbl, JSON.parse(r.row) as Record<string, string | number | null>, { rowId: r.rowId, op: r.op, hallId: 'hall-hl' })]), { now: host.clock.current });
    } finally {
      other.dispose();
    }
    await page.keyboard.press('Alt+1');
    await page.keyboard.press('Alt+q');
    const settle = page.locator('button[name=settle-97000001]');
    await expect.poll(() => settle.textContent()).toBe('欠费已结清 · 派发启封');
    await settle.focus();
    await page.keyboard.press('Enter');
    const restoreNo = host.store.sqlite.prepare("SELECT business_no FROM businesses WHERE type = '启封' AND state = '已受理'").pluck().get() as string;
    await expect.poll(status).toMatch(new RegExp(`^已派发启封工单 ${restoreNo}，\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} 前上门启封通气$`));
    await expect.poll(() => page.locator('table.stops tbody tr').first().textContent()).toContain('待复气');
    expect(await settle.count()).toBe(0);
    await page.screenshot({ path: join(artifacts, 'arrears-paid-elsewhere-1366x768.png') });
  });
});
