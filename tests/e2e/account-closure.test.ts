/**
 * Issue 15 #2 in Chromium at 1366×768, by keyboard (R-SEC-06): 销户 (Alt+X) refused while the customer owes →
 * paid at 前台收费 → application (site check, 2 working days) → removal fee and deposit taken with their slips, the
 * removal issued (5 working days) → final reading billed → deposit offset against the final bill, the rest handed back
 * (exact fen on the ledger, day totals agree) → the hall director signs in to approve → the closed account refused.
 * The site check and the removal are dispatched and received in 派工/回执 (Alt+3), the removal's 拆表单 there too.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../main/harness/server.js';
import { verifyDayTotals } from '../../main/services/day-totals.js';
import { fen } from '../../preload/kernel/money.js';
import { addAccount, addBill, makeTestHost, type TestHost } from '../fixtures/host.js';
import { artifacts, openCounterPage, type CounterPage } from './browser.js';
import { findCustomer, logIn } from './counter-page.js';

let host: TestHost;
let counter: CounterPage;
let page: Page;
let harness: Harness;
let leaver: { accountId: string; meterId: string };

beforeAll(async () => {
  // ASSUMPTION (Settings.closureRemovalFeeFen): finance set the removal fee to 50 yuan
  host = makeTestHost({ accounts: 30, settings: { closureRemovalFeeFen: fen(5_000) } });
  leaver = addAccount(host, { accountNo: '96500001', name: '周迁出', address: '温州市鹿城区松台街66号松台大厦5幢1201室', reading: 12000 });
  addBill(host, leaver, { id: 'e2e-close-1', readingDate: '2026-10-01', previous: 11000, current: 12000, amountFen: 3450, dueDate: '2026-12-31' });
  counter = await openCounterPage(host, { width: 1366, height: 768 });
  ({ page, harness } = counter);
  await logIn(page, harness.url, 'clerk02', 'counter-lc02');
});

afterAll(async () => {
  await counter?.close();
});

const status = () => page.locator('.closure [role=status]').textContent();
const q = <T>(text: string, ...args: unknown[]) => host.store.sqlite.prepare(text).get(...args) as T;

const queueStatus = () => page.locator('.work-queue [role=status]').textContent();

/** In 派工/回执 (Alt+3): dispatch the first row and enter its 合格 receipt (the customer signed), by keyboard. */
async function dispatchAndReceipt(): Promise<void> {
  await page.keyboard.press('Alt+3');
  await page.locator('table.queue tbody tr').first().waitFor();
  await page.fill('input[name=technician]', '李师傅');
  await page.locator('input[name=technician]').press('Enter');
  await expect.poll(queueStatus).toMatch(/^已保存：派工单 .* LC02-P\d{8}$/);
  await page.fill('input[name=arrivedAt]', '2026-11-24 09:00');
  await page.fill('input[name=leftAt]', '2026-11-24 09:45');
  await page.locator('input[name=leftAt]').press('Enter');
  await expect.poll(queueStatus).toMatch(/回执$/);
}

describe('销户 (Alt+X) by keyboard', () => {
  it('refuses the application at the field while the customer owes, then takes it once paid', async () => {
    await page.keyboard.press('Alt+x');
    await page.locator('[data-testid=closure]').waitFor();
    await findCustomer(page, '松台大厦5幢1201');
    expect(await page.locator('.closure .warn').textContent()).toContain('欠费 34.50 元');
    // the pick moved the focus to 办理类型; Tab to the reason
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('closureKind');
    await page.keyboard.press('Tab');
    await page.keyboard.type('房屋出售，迁出本市');
    await page.keyboard.press('F9');
    await expect.poll(() => page.locator('#closure-account-error').textContent()).toMatch(/须先缴清欠费/);
    await page.screenshot({ path: join(artifacts, 'closure-refused-arrears.png') });
    expect(q<{ n: number }>('SELECT count(*) AS n FROM account_closures').n).toBe(0);
    // paid at 前台收费
    await page.keyboard.press('Alt+1');
    await findCustomer(page, '松台大厦5幢1201');
    await page.fill('input[name=tendered]', '50');
    await page.locator('input[name=tendered]').press('Enter');
    await page.locator('.paid').waitFor();
    await page.keyboard.press('Alt+x');
    await findCustomer(page, '松台大厦5幢1201');
    await page.locator('input[name=closureReason]').fill('房屋出售，迁出本市');
    await page.locator('input[name=closureReason]').press('Enter');
    await expect.poll(status).toMatch(/^已受理销户，现场核实工单 LC02-B\d{8}，承诺 2026-11-25 前完成$/);
    await expect.poll(() => page.locator('table.closures tbody tr').first().textContent()).toContain('等待现场核实回执');
  });

  it('after the site check takes the removal fee and the deposit with their slips and issues the removal', async () => {
    // the site check (其它) in 派工/回执; it leaves the queue when the removal is issued
    await dispatchAndReceipt();
    await page.keyboard.press('Alt+x');
    await page.keyboard.press('F5');
    await page.locator('input[name=closureDeposit]').waitFor();
    await page.locator('input[name=closureDeposit]').fill('100');
    await page.keyboard.press('Tab');
    await page.keyboard.type('149.99');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#closure-tendered-error').textContent()).toBe('实收 149.99 元不足应收 150.00 元');
    await page.locator('input[name=closureTendered]').fill('200');
    await page.locator('input[name=closureTendered]').press('Enter');
    await expect.poll(status).toMatch(/^已派发拆表工单 LC02-B\d{8}，承诺 2026-11-30 前完成；已收 销户押金 100\.00 元（核对单 LC02-\d+），拆表费 50\.00 元（核对单 LC02-\d+），找零 50\.00 元$/);
    expect(await page.locator('.closure .slip-preview').count()).toBe(2);
    await page.screenshot({ path: join(artifacts, 'closure-removal-deposit.png') });
  });

  it('bills the final reading, offsets the deposit against it to the fen and hands back the rest', async () => {
    expect(q<{ state: string }>("SELECT state FROM businesses WHERE type = '其它'").state).toBe('已归档');
    // the removal in 派工/回执: receipt, then the 拆表单 with its settled reading (the customer signed)
    await dispatchAndReceipt();
    await page.fill('input[name=settledReading]', '125');
    await page.fill('input[name=reason]', '销户拆表');
    await page.locator('input[name=settledReading]').press('Enter');
    await expect.poll(queueStatus).toMatch(/登记$/);
    await page.keyboard.press('Alt+x');
    await page.keyboard.press('F5');
    await expect.poll(() => page.locator('table.closures tbody tr').first().textContent()).toContain('出最终账单');
    await page.keyboard.press('F10');
    await expect.poll(status).toBe('已按拆表读数出最终账单，请结算押金');
    const settlement = page.locator('table[aria-label=押金结算]');
    await expect.poll(() => settlement.textContent()).toBe('押金100.00 元最终账单（含滞纳金）17.25 元押金抵扣17.25 元退还用户82.75 元');
    await page.screenshot({ path: join(artifacts, 'closure-settlement.png') });
    await page.keyboard.press('F10');
    await expect.poll(status).toBe('押金 100.00 元已结算：抵扣最终账单 17.25 元，退还用户 82.75 元');
    const rows = host.store.sqlite.prepare("SELECT charge_type AS c, total_fen AS t, tendered_fen AS i, change_fen AS o FROM payments WHERE account_id = ? AND (charge_type <> '燃气费' OR business_ref IS NOT NULL) ORDER BY slip_no").all(leaver.accountId);
    expect(rows).toEqual([
      { c: '销户押金', t: 10_000, i: 10_000, o: 0 },
      { c: '拆表费', t: 5_000, i: 10_000, o: 5_000 },
      { c: '销户押金', t: -10_000, i: 0, o: 10_000 },
      { c: '燃气费', t: 1_725, i: 10_000, o: 8_275 },
    ]);
    expect(verifyDayTotals(host.deps, '2026-11-23')).toMatchObject({ ok: true, mismatches: [] });
  });

  it('the hall director signs in to approve; the closed account is refused afterwards', async () => {
    await page.locator('input[name=closureApproverLogin]').waitFor();
    await page.locator('input[name=closureApproverLogin]').fill('clerk02');
    await page.locator('input[name=closureApproverPassword]').fill('123456');
    await page.keyboard.press('F10');
    await expect.poll(() => page.locator('#closure-step-error').textContent()).toMatch(/审批/);
    await page.locator('input[name=closureApproverLogin]').fill('manager01');
    await page.locator('input[name=closureApproverPassword]').fill('123456');
    await page.keyboard.press('F10');
    await expect.poll(status).toBe('已审批销户（2026-11-23），该用户不能再办理任何业务');
    // the status is set before the list is read again: wait for the row
    await expect.poll(() => page.locator('table.closures tbody tr').first().textContent()).toContain('已销户');
    await page.screenshot({ path: join(artifacts, 'closure-approved.png') });
    await page.locator('input[name=closureReason]').fill('再次申请');
    await page.keyboard.press('F9');
    await expect.poll(() => page.locator('#closure-account-error').textContent()).toMatch(/已于 2026-11-23 销户，不能再办理任何业务/);
    await page.screenshot({ path: join(artifacts, 'closure-refused-closed.png') });
  });
});
