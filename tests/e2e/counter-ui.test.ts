/**
 * 前台收费 as a clerk sees it on a 1366×768 counter screen (issue 10 #14–#17): the layout fits without
 * horizontal scrolling, the screen lock keeps every key away from the windows underneath, a ticket payment
 * missing 票背面姓名 says so at the field (R-TKT-07), and after 冲正 the form is reset and every total shown
 * agrees with the amount due. Screenshots in tests/e2e/artifacts.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, addBill, makeTestHost, type TestHost } from '../fixtures/host.js';
import { scalar } from '../fixtures/data.js';
import { artifacts, openCounterPage, type CounterPage } from './browser.js';
import { approveAllCorrections, findCustomer, logIn } from './counter-page.js';

const VIEWPORT = { width: 1366, height: 768 };

let host: TestHost;
let counter: CounterPage;
let page: Page;

const n = (sql: string) => scalar(host, sql);
const value = (name: string) => page.locator(`input[name=${name}]`).inputValue();
const focused = (name: string) => page.locator(`input[name=${name}]`).evaluate((el) => el === document.activeElement);

beforeAll(async () => {
  host = makeTestHost({ accounts: 200 });
  const a = addAccount(host, {
    accountNo: '30000021',
    name: '欧阳晓明',
    address: '温州市鹿城区五马街道解放北路123号华侨新村东区12幢3单元1102室',
    reading: 30000,
  });
  addBill(host, a, { id: 'ui-bill-1', readingDate: '2026-09-20', previous: 20000, current: 24000, amountFen: 13800, dueDate: '2026-10-20' });
  addBill(host, a, { id: 'ui-bill-2', readingDate: '2026-10-20', previous: 24000, current: 27000, amountFen: 10350, dueDate: '2026-11-19' });
  addBill(host, a, { id: 'ui-bill-3', readingDate: '2026-11-10', previous: 27000, current: 30000, amountFen: 10350, dueDate: '2026-12-10' });
  const b = addAccount(host, { accountNo: '30000022', name: '周八', address: '温州市鹿城区人民路104号阳光小区5幢1单元301室', reading: 12000 });
  addBill(host, b, { id: 'ui-bill-b', readingDate: '2026-10-20', previous: 10000, current: 12000, amountFen: 6900, dueDate: '2026-11-19' });
  const c = addAccount(host, { accountNo: '30000023', name: '吴九', address: '温州市鹿城区人民路106号阳光小区6幢1单元401室', reading: 12300 });
  addBill(host, c, { id: 'ui-bill-c', readingDate: '2026-11-10', previous: 10000, current: 12300, amountFen: 7935, dueDate: '2026-12-10' });
  // Five-digit readings, as on an older meter: the widest the readings column gets in everyday use.
  const d = addAccount(host, { accountNo: '30000025', name: '司马长风', address: '温州市鹿城区杏花路208号杏花小区3幢2单元1702室', reading: 1234567 });
  addBill(host, d, { id: 'ui-bill-d', readingDate: '2026-10-20', previous: 1230000, current: 1234567, amountFen: 15756, dueDate: '2026-11-19' });
  counter = await openCounterPage(host, VIEWPORT);
  page = counter.page;
  await logIn(page, counter.harness.url, 'clerk01', 'counter-lc01');
});

afterAll(async () => {
  await counter?.close();
});

/** The element's box lies inside the viewport and inside the visible part of every scrolling ancestor. */
function fullyVisible(selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    if (r.left < 0 || r.top < 0 || r.right > window.innerWidth || r.bottom > window.innerHeight) return false;
    for (let p = el.parentElement; p; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (!/(auto|scroll|hidden)/.test(style.overflowX + style.overflowY)) continue;
      const c = p.getBoundingClientRect();
      if (r.left < c.left - 0.5 || r.right > c.left + p.clientWidth + 0.5 || r.top < c.top - 0.5 || r.bottom > c.top + p.clientHeight + 0.5) return false;
    }
    return true;
  });
}

describe('前台收费 at 1366×768 (issue 10 #15)', () => {
  it('fits without horizontal scrolling, with 滞纳金 and 小计 in view, tabs in at most two lines and the customer card visible while typing 实收', async () => {
    await findCustomer(page, '华侨新村东区12幢');
    await page.keyboard.press('F4');
    await expect.poll(() => focused('tendered')).toBe(true);
    await page.keyboard.type('400');
    await page.screenshot({ path: join(artifacts, 'fee-1366x768.png') });
    const scroll = await page.evaluate(() => {
      const s = document.scrollingElement ?? document.documentElement;
      return { scrollWidth: s.scrollWidth, clientWidth: s.clientWidth };
    });
    expect(scroll.scrollWidth).toBeLessThanOrEqual(scroll.clientWidth);
    expect(await fullyVisible('table.bills th:text-is("滞纳金")')).toBe(true);
    expect(await fullyVisible('table.bills th:text-is("小计")')).toBe(true);
    const tabs = await page.locator('nav.tabs').evaluate((nav) => {
      const first = nav.querySelector('a');
      return { height: nav.getBoundingClientRect().height, line: first ? first.getBoundingClientRect().height : 0 };
    });
    expect(tabs.line).toBeGreaterThan(0);
    expect(tabs.height).toBeLessThanOrEqual(tabs.line * 2 + 8);
    expect(await focused('tendered')).toBe(true);
    expect(await fullyVisible('.account-card')).toBe(true);
    expect(await fullyVisible('input[name=tendered]')).toBe(true);
  });
});

describe('screen lock (issue 10 #14)', () => {
  it('no key acts on the window underneath while locked; after unlock the same customer and form values, no stale error', async () => {
    await page.fill('input[name=tendered]', '50');
    const before = {
      card: await page.locator('.account-card').textContent(),
      query: await value('query'),
      due: await page.locator('[data-testid=due]').textContent(),
      hits: await page.locator('table.hits tbody tr').count(),
      hash: await page.evaluate(() => window.location.hash),
    };
    await page.keyboard.press('Control+l');
    await page.locator('.lock-screen').waitFor();
    await expect.poll(() => page.locator('input[name=unlockPassword]').evaluate((el) => el === document.activeElement)).toBe(true);
    for (const key of ['F2', 'F3', 'F4', 'F6', 'F8', 'F9', 'Escape', 'ArrowDown', 'ArrowUp']) await page.keyboard.press(key);
    for (const k of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', 'b', 'd', 's']) await page.keyboard.press(`Alt+${k}`);
    // Tab must not walk out of the lock screen into the fields underneath.
    for (let i = 0; i < 6; i += 1) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('.lock-screen') !== null)).toBe(true);
    }
    await page.locator('input[name=unlockPassword]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#unlock-error').textContent()).toBe('请输入密码');
    // The lock screen's own field still takes keys.
    await page.keyboard.type('12345');
    await page.keyboard.press('Backspace');
    expect(await value('unlockPassword')).toBe('1234');
    await page.keyboard.type('56');
    await page.screenshot({ path: join(artifacts, 'lock-1366x768.png') });
    // Nothing moved underneath.
    expect(await page.evaluate(() => window.location.hash)).toBe(before.hash);
    expect(await value('tendered')).toBe('50');
    expect(await page.locator('input[name=ticketsEnabled]').isChecked()).toBe(false);
    await page.keyboard.press('Enter');
    await page.locator('.lock-screen').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => window.location.hash)).toBe(before.hash);
    expect(await page.locator('.account-card').textContent()).toBe(before.card);
    expect(await value('query')).toBe(before.query);
    expect(await value('tendered')).toBe('50');
    expect(await page.locator('[data-testid=due]').textContent()).toBe(before.due);
    expect(await page.locator('table.hits tbody tr').count()).toBe(before.hits);
    expect(await page.locator('.fee-collection [role=alert]').count()).toBe(0);
    expect(await page.locator('select[name=ticketKind]').count()).toBe(0);
    expect(n('SELECT count(*) FROM payments')).toBe(0);
  });
});

describe('screen lock found by the back end (issue 10 #14)', () => {
  it('a search typed as the counter locked on its side goes out after the unlock: no stale error, the picked customer unchanged', async () => {
    const card = await page.locator('.account-card').textContent();
    // 16 idle minutes on the back end's clock: its session locks; the page does not know yet.
    host.clock.current = new Date(host.clock.current.getTime() + 16 * 60_000);
    await page.locator('input[name=query]').fill('阳光小区6幢');
    await page.locator('input[name=query]').press('Enter');
    await page.locator('.lock-screen').waitFor();
    await page.keyboard.type('123456');
    await page.keyboard.press('Enter');
    await page.locator('.lock-screen').waitFor({ state: 'detached' });
    await page.locator('table.hits tbody tr').filter({ hasText: '吴九' }).waitFor();
    await page.screenshot({ path: join(artifacts, 'idle-unlock-1366x768.png') });
    expect(await page.locator('.app [role=alert]').count()).toBe(0);
    expect(await page.locator('.account-card').textContent()).toBe(card);
    expect(await value('tendered')).toBe('50');
  });
});

describe('errors at their field (issue 10 #16)', () => {
  it('a ticket payment missing 票背面姓名 says so at the tickets and posts nothing (R-TKT-07)', async () => {
    await findCustomer(page, '阳光小区6幢');
    await page.keyboard.press('F6');
    await page.locator('select[name=ticketKind]').waitFor();
    await page.fill('input[name=ticketCount]', '1');
    await page.fill('input[name=ticketBackAddress]', '阳光小区6幢1单元401室');
    await page.fill('input[name=tendered]', '100');
    await page.locator('input[name=tendered]').press('Enter');
    await expect.poll(() => page.locator('#tickets-error').textContent()).toBe('请登记票背面的姓名');
    expect(await page.locator('input[name=ticketBackName]').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: join(artifacts, 'ticket-back-name-1366x768.png') });
    expect(n('SELECT count(*) FROM payments')).toBe(0);
    await page.keyboard.press('F6');
  });
});

describe('冲正 and totals (issue 10 #17)', () => {
  it('every total shown agrees with the amount due or says it leaves the late fee out', async () => {
    await findCustomer(page, '华侨新村东区12幢');
    const due = await page.locator('[data-testid=due]').textContent();
    // Each 滞纳金 cell: the amount, then the trace of how it was reckoned.
    const lateFees = await page.locator('table.bills tbody tr td:nth-child(7)').evaluateAll((tds) => tds.map((td) => td.firstChild?.textContent ?? ''));
    const lateFen = lateFees.reduce((s, v) => s + Math.round(Number(v) * 100), 0);
    expect(lateFen).toBeGreaterThan(0);
    const hit = await page.locator('table.hits tbody tr').filter({ hasText: '欧阳晓明' }).locator('td').nth(3).textContent();
    const header = await page.locator('table.hits th').nth(3).textContent();
    // The search list shows the gas only and says so (its figure is 345.00 without the late fee).
    expect(header).toContain('不含滞纳金');
    expect(hit).toBe('3笔 345.00');
    await page.keyboard.press('Alt+2');
    await page.locator('.business-form').waitFor();
    const arrears = await page.locator('.business-form .warn').first().textContent();
    expect(arrears).toContain(`共 ${due?.replace('￥', '')} 元`);
    expect(arrears).toContain(`含滞纳金 ${(lateFen / 100).toFixed(2)} 元`);
    await page.screenshot({ path: join(artifacts, 'business-1366x768.png') });
    // 欠费清单 (查询及报表) sums the gas of the unpaid bills and says so.
    await page.keyboard.press('Alt+5');
    await page.locator('button[name=arrearsReport]').click();
    await expect.poll(() => page.locator('[data-testid=arrears-totals]').textContent()).toContain('不含滞纳金');
    await page.keyboard.press('Alt+1');
    await page.locator('.statement summary').click();
    await page.selectOption('select[name=statementStatus]', '未缴');
    await page.fill('input[name=statementFrom]', '2026-01-01');
    await page.locator('.statement button[type=submit]').click();
    await page.locator('table[aria-label=对账单]').waitFor();
    const statementText = await page.locator('table[aria-label=对账单]').textContent();
    expect(statementText).toContain('不含滞纳金');
    expect(statementText).toContain('345.00');
    await page.screenshot({ path: join(artifacts, 'totals-1366x768.png') });
  });

  it('after 冲正 the form is reset and the search list marker shows the bill unpaid again', async () => {
    await findCustomer(page, '阳光小区5幢');
    const row = () => page.locator('table.hits tbody tr').filter({ hasText: '周八' }).locator('td').nth(3).textContent();
    expect(await row()).toBe('1笔 69.00');
    const due = (await page.locator('[data-testid=due]').textContent()) ?? '';
    await page.keyboard.press('F4');
    await page.keyboard.type('100');
    await page.keyboard.press('Enter');
    await page.locator('.paid').waitFor();
    await expect.poll(row).toBe('—');
    const slip = (await page.locator('.paid .big').textContent())?.replace('收费成功 ', '') ?? '';
    await page.locator('.reversal summary').click();
    await expect.poll(() => value('reverseSlipNo')).toBe(slip);
    await page.fill('input[name=reverseReason]', '收错用户');
    // Without the manager's sign-in the refusal (field approver.login) is shown at the approver (issue 10 #16).
    await page.locator('button[name=reverse]').click();
    await expect.poll(() => page.locator('#reverse-approver-error').textContent()).toBe('请输入审批人工号');
    await page.fill('input[name=reverseApprover]', 'manager01');
    await page.fill('input[name=reversePassword]', '123456');
    await page.locator('button[name=reverse]').click();
    await expect.poll(() => page.locator('.reversed').textContent()).toContain(`（原单 ${slip}）`);
    await expect.poll(() => page.locator('table.bills tbody tr').count()).toBe(1);
    expect(await page.locator('.paid').count()).toBe(0);
    expect(await value('tendered')).toBe('');
    expect(await page.locator('[data-testid=change]').textContent()).toBe('—');
    expect(await page.locator('.payment .call-out').count()).toBe(0);
    expect(await page.locator('[data-testid=due]').textContent()).toBe(due);
    // The slip panel shows the reversal's voucher, not the reversed payment's slip.
    expect(await page.locator('.receipt-panel h2').textContent()).not.toContain(slip);
    // A reversal voucher is never exchanged for an invoice: no 核对单换发票 under it (issue 10 #6).
    expect(await page.locator('.receipt-panel .invoice-panel').count()).toBe(0);
    await expect.poll(row).toBe('1笔 69.00');
    await page.screenshot({ path: join(artifacts, 'reversal-1366x768.png') });
    expect(n("SELECT sum(total_fen) FROM payments WHERE account_id = 'acc-30000022'")).toBe(0);
  });
});

describe('confirmation and reading correction at 1366×768 (issue 10 #5 with #15)', () => {
  const hitOf = (name: string) => () => page.locator('table.hits tbody tr').filter({ hasText: name }).locator('td').nth(3).textContent();
  /** The search list's marker as the server reckons it: count and gas of the unpaid bills, late fee left out. */
  const marker = (accountId: string) => {
    const r = host.store.sqlite
      .prepare("SELECT count(*) AS c, sum(amount_fen) AS fen FROM bills WHERE account_id = ? AND status = '未缴'")
      .get(accountId) as { c: number; fen: number };
    return `${r.c}笔 ${(r.fen / 100).toFixed(2)}`;
  };
  const noHorizontalScroll = () =>
    page.evaluate(() =>
      [document.scrollingElement ?? document.documentElement, ...Array.from(document.querySelectorAll('.fee-collection .column'))].every(
        (el) => el.scrollWidth <= el.clientWidth,
      ),
    );

  it('the confirmation checkbox sits at the field and Enter on it submits; the search marker follows the new bill', async () => {
    await findCustomer(page, '杏花小区3幢');
    await page.keyboard.press('F3');
    await page.keyboard.type('99999999');
    await page.keyboard.press('Enter');
    await page.locator('input[name=confirmReading]').waitFor();
    expect(await fullyVisible('input[name=confirmReading]')).toBe(true);
    expect(await noHorizontalScroll()).toBe(true);
    await page.screenshot({ path: join(artifacts, 'confirm-reading-1366x768.png') });
    // By keyboard: Tab to the checkbox, Space ticks it, Enter sends the reading with the confirmation.
    await page.locator('input[name=confirmReading]').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('table.bills tbody tr').count()).toBe(2);
    expect(await focused('tendered')).toBe(true);
    // The search list's marker follows the new bill at once.
    await expect.poll(hitOf('司马长风')).toBe(marker('acc-30000025'));
    // A nine-digit bill may widen the unpaid list (its column scrolls, never the page); 更正读数 stays in view.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    expect(await fullyVisible('table.bills button.link')).toBe(true);
    await page.screenshot({ path: join(artifacts, 'absurd-bill-1366x768.png') });
  });

  it('the correction form opens at its reading field, fits the column, saves on Enter and hands over to 实收', async () => {
    // Esc in the small form closes the form, not the customer (Esc elsewhere is 下一位).
    await page.locator('table.bills button.link').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=correction]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=correction]').waitFor({ state: 'detached' });
    expect(await page.locator('.account-card').textContent()).toContain('司马长风');
    expect(await page.locator('table.bills tbody tr').count()).toBe(2);
    await page.locator('table.bills button.link').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=correction]').waitFor();
    expect(await focused('correctionReading')).toBe(true);
    // Opened under the list, the form's own buttons are in view without scrolling by hand.
    expect(await fullyVisible('.correction-buttons button')).toBe(true);
    await page.keyboard.type('12400.5');
    await page.keyboard.press('Tab');
    expect(await focused('correctionReason')).toBe(true);
    await page.keyboard.type('多输入了位数，通知单为12400.5');
    const box = await page.locator('[data-testid=correction]').evaluate((el) => {
      const r = el.getBoundingClientRect();
      const c = el.closest('.column')!.getBoundingClientRect();
      const buttons = Array.from(el.querySelectorAll('button')).map((b) => b.getBoundingClientRect());
      return { left: r.left - c.left, right: c.right - r.right, height: r.height, buttonRows: new Set(buttons.map((b) => Math.round(b.top))).size };
    });
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeGreaterThanOrEqual(0);
    // A small form: the two buttons side by side, the whole form at most a third of the screen's height.
    expect(box.buttonRows).toBe(1);
    expect(box.height).toBeLessThanOrEqual(768 / 3);
    await page.screenshot({ path: join(artifacts, 'correction-1366x768.png') });
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=correction]').waitFor({ state: 'detached' });
    // R-SEC-09 (issue 15 #3): approved by the hall manager, then F5 shows the new bill
    await approveAllCorrections(host);
    await page.keyboard.press('F5');
    await expect.poll(() => page.locator('table.bills tbody tr').last().textContent()).toContain('12345.67 / 12400.5');
    // Five-digit readings with the 更正读数 link: 滞纳金 and 小计 in view, nothing scrolls sideways.
    expect(await noHorizontalScroll()).toBe(true);
    expect(await fullyVisible('table.bills th:text-is("滞纳金")')).toBe(true);
    expect(await fullyVisible('table.bills th:text-is("小计")')).toBe(true);
    expect(await fullyVisible('table.bills tbody tr:last-child td:nth-child(8)')).toBe(true);
    expect(await fullyVisible('table.bills tbody tr:last-child button.link')).toBe(true);
    expect(await focused('tendered')).toBe(true);
    await expect.poll(hitOf('司马长风')).toBe(marker('acc-30000025'));
    expect(n("SELECT count(*) FROM bills WHERE account_id = 'acc-30000025' AND status = '已更正'")).toBe(1);
  });

  it('a tender far above the amount due asks at 实收 with the customer card, 小计 and the confirmation in view', async () => {
    await page.keyboard.type('999999999');
    await page.keyboard.press('Enter');
    await page.locator('input[name=confirmTender]').waitFor();
    expect(await focused('tendered')).toBe(true);
    expect(await fullyVisible('.account-card')).toBe(true);
    expect(await fullyVisible('input[name=confirmTender]')).toBe(true);
    // 应收金额 in view too, although the right column was scrolled down to the 冲正 panel before.
    expect(await fullyVisible('[data-testid=due]')).toBe(true);
    expect(await fullyVisible('table.bills th:text-is("小计")')).toBe(true);
    expect(await noHorizontalScroll()).toBe(true);
    await page.screenshot({ path: join(artifacts, 'confirm-tender-1366x768.png') });
    expect(n("SELECT count(*) FROM payments WHERE account_id = 'acc-30000025'")).toBe(0);
    await page.keyboard.press('Escape');
  });
});
