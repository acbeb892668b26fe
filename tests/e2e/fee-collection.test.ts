/**
 * End to end in Debian Chromium against the loopback harness: log in, find a customer by a fragment of
 * the address, pay cash, see the receipt (R-GEN-03, R-PAY-02, R-PAY-07, R-INV-06). Screenshots go to
 * tests/e2e/artifacts (ignored by git).
 */
import { join } from 'node:path';
import { approveAllCorrections } from './counter-page.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEscPos } from '../../hardware/printer/decode.js';
import type { Harness } from '../../main/harness/server.js';
import { addAccount, addBill, makeTestHost, type TestHost } from '../fixtures/host.js';
import { markBillEstimated, scalar } from '../fixtures/data.js';
import { artifacts, openCounterPage, type CounterPage } from './browser.js';

let host: TestHost;
let counter: CounterPage;
let page: Page;
let harness: Harness;

beforeAll(async () => {
  host = makeTestHost({ accounts: 500 });
  const ids = addAccount(host, { accountNo: '30000001', name: '张三', address: '温州市鹿城区人民路88号幸福小区5幢2单元301室', reading: 19348 });
  addBill(host, ids, { id: 'e2e-bill-1', readingDate: '2026-10-20', previous: 11522, current: 15000, amountFen: 12000, dueDate: '2026-11-19' });
  addBill(host, ids, { id: 'e2e-bill-2', readingDate: '2026-10-21', previous: 15000, current: 19348, amountFen: 15000, dueDate: '2026-11-19' });
  addAccount(host, { accountNo: '30000002', name: '李四', address: '温州市鹿城区人民路90号幸福小区6幢1单元502室', reading: 12000 });
  const est = addAccount(host, { accountNo: '30000003', name: '王五', address: '温州市鹿城区人民路92号幸福小区7幢1单元101室', reading: 15000 });
  addBill(host, est, { id: 'e2e-est-bill', readingDate: '2026-10-20', previous: 11522, current: 15000, amountFen: 12000, dueDate: '2026-11-19' });
  markBillEstimated(host, 'e2e-est-bill', { source: true });
  counter = await openCounterPage(host, { width: 1440, height: 900 });
  ({ page, harness } = counter);
});

afterAll(async () => {
  await counter?.close();
});

describe('前台收费 in Chromium', () => {
  it('logs in with the keyboard', async () => {
    await page.goto(harness.url);
    await page.locator('select[name=counter] option[value="counter-lc01"]').waitFor({ state: 'attached' });
    await page.selectOption('select[name=counter]', 'counter-lc01');
    await page.fill('input[name=login]', 'clerk01');
    await page.fill('input[name=password]', 'wrong');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#password-error').textContent()).toBe('工号或密码错误');
    await page.fill('input[name=password]', '123456');
    await page.keyboard.press('Enter');
    await page.locator('.app-header').waitFor();
    expect(await page.locator('.app-header').textContent()).toContain('王丽');
  });

  it('finds the customer by a fragment of the address and shows the unpaid list with late fees', async () => {
    const search = page.locator('input[name=query]');
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('幸福小区5幢');
    await page.keyboard.press('Enter');
    await page.locator('table.hits tbody tr').first().waitFor();
    expect(await page.locator('table.hits tbody tr').count()).toBe(1);
    expect(await page.locator('table.hits tbody tr').first().textContent()).toContain('张三');
    await page.keyboard.press('Enter');
    await page.locator('table.bills tbody tr').nth(1).waitFor();
    expect(await page.locator('[data-testid=due]').textContent()).toBe('￥272.50');
  });

  it('shows a short tender next to the field and posts nothing', async () => {
    await expect.poll(() => page.locator('input[name=tendered]').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('100');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#tendered-error').textContent()).toBe('实收 100.00 元不足应收 272.50 元');
    expect(scalar(host, 'SELECT count(*) FROM payments')).toBe(0);
  });

  it('pays cash, calls out the change and shows the printed check slip', async () => {
    await page.fill('input[name=tendered]', '300');
    // main computes the change as the clerk types (payments.quote, issue 11 #4): polled, same figures
    await expect.poll(() => page.locator('[data-testid=change]').textContent()).toBe('￥27.50');
    await expect.poll(() => page.locator('.payment .call-out').textContent()).toBe('收你 300.00 元，找你 27.50 元，请清点。');
    await page.locator('input[name=tendered]').press('Enter');
    await page.locator('.paid').waitFor();
    expect(await page.locator('.paid .big').textContent()).toBe('收费成功 LC01-00000001');
    const receipt = await page.locator('pre.receipt').textContent();
    expect(receipt).toContain('管道燃气费核对单');
    expect(receipt).toContain('￥272.50');
    await page.screenshot({ path: join(artifacts, 'fee-collection-paid.png'), fullPage: true });
    const printed = decodeEscPos(host.sim.jobs[0] ?? Buffer.alloc(0));
    expect(printed.some((l) => l.includes('张三'))).toBe(true);
    expect(printed.some((l) => l.startsWith('找零:') && l.endsWith('￥27.50'))).toBe(true);
  });

  it('reprints with F8 as 副本', async () => {
    await page.keyboard.press('F8');
    await expect.poll(() => page.locator('.receipt-panel h2').textContent()).toContain('副本');
    expect(host.sim.jobs).toHaveLength(2);
  });

  it('settles a customer with no imported bill from the reading typed at the counter (R-PAY-03)', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.type('李四');
    await page.keyboard.press('Enter');
    await page.locator('table.hits tbody tr').first().waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('input[name=reading]').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('110');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#reading-error').textContent()).toBe('本次立方数 110 小于上次读数 120，请核对缴费通知单');
    await page.fill('input[name=reading]', '130.5');
    await page.locator('input[name=reading]').press('Enter');
    // 10.5 m³ × 3.45 = 36.225 → 36.23 (A-12 half up)
    await expect.poll(() => page.locator('[data-testid=due]').textContent()).toBe('￥36.23');
    await page.keyboard.type('50');
    await page.keyboard.press('Enter');
    await page.locator('.paid').waitFor();
    expect(await page.locator('.paid .call-out').textContent()).toBe('收你 50.00 元，找你 13.77 元，请清点。');
    await page.screenshot({ path: join(artifacts, 'fee-collection-counter-reading.png'), fullPage: true });
  });
});

describe('滞纳金减免 in Chromium (R-LATE-05)', () => {
  it('lets the clerk waive an estimated reading\'s late fee and records it', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.type('王五');
    await page.keyboard.press('Enter');
    await page.locator('table.hits tbody tr').filter({ hasText: '王五' }).first().waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid=due]').textContent()).toBe('￥121.00');
    await page.locator('.waiver summary').click();
    await page.selectOption('select[name=waiverBill]', 'e2e-est-bill');
    await page.fill('input[name=waiverAmount]', '1');
    await page.fill('input[name=waiverReason]', '估抄，用户有异议');
    await expect.poll(() => page.locator('[data-testid=due]').textContent()).toBe('￥120.00');
    await page.fill('input[name=tendered]', '120');
    await page.locator('input[name=tendered]').press('Enter');
    await page.locator('.paid').waitFor();
    expect(host.store.sqlite.prepare("SELECT waived_fen, approver_id FROM late_fee_waivers WHERE bill_id = 'e2e-est-bill'").get()).toEqual({ waived_fen: 100, approver_id: null });
  });
});

describe('顾客显示屏 (R-PAY-07, R-GEN-02)', () => {
  it('shows the figures of this counter and records the customer\'s rating', async () => {
    const display = await counter.browser.newPage({ viewport: { width: 1024, height: 768 } });
    // issue 11 #3: what the display page sends over its WebSocket (it subscribes once instead of polling)
    const sent: string[] = [];
    display.on('websocket', (ws) => ws.on('framesent', (frame) => sent.push(String(frame.payload))));
    // issue 12 #4: a tab of the same harness is a window of the same counter PC: signed in already, no sign-in of its own
    await display.goto(`${harness.url}#/display`);
    await display.locator('.customer-display:not(.customer-display-idle)').waitFor();
    const ids = addAccount(host, { accountNo: '30000004', name: '赵六', address: '温州市鹿城区人民路94号幸福小区8幢1单元101室', reading: 15000 });
    addBill(host, ids, { id: 'e2e-display-bill', readingDate: '2026-11-10', previous: 14000, current: 15000, amountFen: 3450, dueDate: '2026-12-10' });
    await page.keyboard.press('Escape');
    await page.keyboard.type('赵六');
    await page.keyboard.press('Enter');
    await page.locator('table.hits tbody tr').filter({ hasText: '赵六' }).first().waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => display.locator('[data-testid=display-due]').textContent()).toBe('￥34.50');
    await page.fill('input[name=tendered]', '50');
    await page.locator('input[name=tendered]').press('Enter');
    await expect.poll(() => display.locator('[data-testid=display-change]').textContent()).toBe('￥15.50');
    await display.locator('.rating button').first().waitFor();
    await display.screenshot({ path: join(artifacts, 'customer-display.png') });
    await display.keyboard.press('1');
    await display.locator('.thanks').waitFor();
    expect(host.store.sqlite.prepare('SELECT score, clerk_id FROM satisfaction_ratings').get()).toEqual({ score: 1, clerk_id: 'staff-clerk01' });
    // issue 11 #3: pushed, not polled: one read when the screen opened and one subscription, over a flow of seconds
    expect(sent.filter((f) => f.includes('"display.state"'))).toHaveLength(1);
    expect(sent.filter((f) => f === '{"subscribe":"display"}')).toHaveLength(1);
    await display.close();
  });
});

describe('unusual values need an explicit confirmation; a wrong reading is corrected before payment (issue 10 #5)', () => {
  it('asks at the field, stores the confirmation, corrects the reading and confirms a large tender', async () => {
    addAccount(host, { accountNo: '30000009', name: '孙八', address: '温州市鹿城区人民路96号幸福小区9幢1单元101室', reading: 101700 });
    await page.keyboard.press('Escape');
    await page.keyboard.type('孙八');
    await page.keyboard.press('Enter');
    await page.locator('table.hits tbody tr').filter({ hasText: '孙八' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('input[name=reading]').waitFor();
    await page.fill('input[name=reading]', '99999999');
    await page.locator('input[name=reading]').press('Enter');
    await expect
      .poll(() => page.locator('#reading-error').textContent())
      .toBe('本次用气 99998982 方，超过 100 方（大额方数 A-35），请核对缴费通知单；确认无误请勾选“确认读数无误”后再提交');
    expect(scalar(host, "SELECT count(*) FROM bills WHERE account_id = 'acc-30000009'")).toBe(0);
    await page.screenshot({ path: join(artifacts, 'fee-collection-confirm-reading.png'), fullPage: true });
    await page.check('input[name=confirmReading]');
    await page.locator('input[name=reading]').press('Enter');
    await expect.poll(() => page.locator('[data-testid=due]').textContent()).toBe('￥344996487.90');
    expect(host.store.sqlite.prepare("SELECT confirmation FROM bills WHERE account_id = 'acc-30000009'").pluck().get()).toBe(
      '大额方数：本次用气 99998982 方，超过 100 方 (A-35)，收费员确认',
    );
    // the clerk sees the typing error and corrects the reading before taking any money
    await page.locator('table.bills button.link').first().click();
    await page.fill('input[name=correctionReading]', '1025');
    await page.fill('input[name=correctionReason]', '多输入了位数，通知单为1025');
    await page.locator('.correction button').first().click();
    // R-SEC-09 (issue 15 #3): a request; nothing changes until the hall manager approves it, then F5 shows the new bill
    await expect.poll(() => page.locator('[data-testid=correction-requested]').textContent()).toContain('待营业厅主任审批');
    await approveAllCorrections(host);
    await page.keyboard.press('F5');
    await expect.poll(() => page.locator('[data-testid=due]').textContent()).toBe('￥27.60');
    expect(host.store.sqlite.prepare("SELECT status FROM bills WHERE account_id = 'acc-30000009' ORDER BY status").pluck().all()).toEqual(['已更正', '未缴']);
    await page.fill('input[name=tendered]', '99999');
    await page.locator('input[name=tendered]').press('Enter');
    await expect
      .poll(() => page.locator('#tendered-error').textContent())
      .toBe('实收 99999.00 元比应收 27.60 元多出 1000 元以上，请核对实收金额；确认无误请勾选“确认实收金额”后再收费');
    await page.check('input[name=confirmTender]');
    await page.locator('input[name=tendered]').press('Enter');
    await page.locator('.paid').waitFor();
    expect(host.store.sqlite.prepare("SELECT confirmation FROM payments WHERE account_id = 'acc-30000009'").pluck().get()).toBe(
      '实收 99999.00 元比应收 27.60 元多出 1000 元以上，收费员确认',
    );
  });
});
