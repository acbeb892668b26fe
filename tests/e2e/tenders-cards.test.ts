/**
 * End to end in Debian Chromium: a gas-ticket payment with 拆分立方数 and cash for the rest (R-TKT-08/10),
 * an IC-card new card and recharge against the simulated card reader (R-IC-01/05), and a reversal with
 * the hall manager's sign-in (冲正). Screenshots in tests/e2e/artifacts.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, addBill, clientOn, makeTestHost, type TestHost } from '../fixtures/host.js';
import { markDayClosed, scalar } from '../fixtures/data.js';
import { artifacts, openCounterPage, type CounterPage } from './browser.js';
import { findCustomer, logIn } from './counter-page.js';

let host: TestHost;
let counter: CounterPage;
let page: Page;
let icAccount: string;

const n = (sql: string) => scalar(host, sql);

beforeAll(async () => {
  host = makeTestHost({ accounts: 200 });
  const ids = addAccount(host, { accountNo: '30000011', name: '赵六', address: '温州市鹿城区人民路100号阳光小区3幢1单元201室', reading: 12300 });
  addBill(host, ids, { id: 'e2e-tkt-bill', readingDate: '2026-11-10', previous: 10000, current: 12300, amountFen: 7935, dueDate: '2026-12-10' });
  ({ accountId: icAccount } = addAccount(host, { accountNo: '30000012', name: '钱七', address: '温州市鹿城区人民路102号阳光小区4幢2单元602室', customerType: 'IC卡' }));
  counter = await openCounterPage(host);
  page = counter.page;
  await logIn(page, counter.harness.url, 'clerk01', 'counter-lc01');
});

afterAll(async () => {
  await counter?.close();
});

const status = () => page.locator('.payment [role=status]').textContent();

describe('gas tickets at 前台收费', () => {
  it('asks for a split, splits 20 m³, takes 4 tickets and cash for the rest', async () => {
    await findCustomer(page, '阳光小区3幢');
    await page.keyboard.press('F6');
    await page.locator('select[name=ticketKind]').waitFor();
    await page.fill('input[name=ticketYear]', '2026');
    await page.selectOption('select[name=ticketQuarter]', '4');
    await page.fill('input[name=ticketCount]', '4');
    await page.fill('input[name=ticketBackName]', '赵六');
    await page.fill('input[name=ticketBackAddress]', '阳光小区3幢1单元201室');
    await expect.poll(() => page.locator('[data-testid=ticket-preview]').textContent()).toContain('请先在该笔拆分 20 m³');
    await page.fill('input[name=splitVolume]', '20');
    await page.locator('button[name=split]').click();
    await expect.poll(() => page.locator('table.bills tbody tr').count()).toBe(2);
    await expect.poll(() => page.locator('[data-testid=cash-due]').textContent()).toBe('￥10.35');
    await page.fill('input[name=tendered]', '20');
    await page.locator('input[name=tendered]').press('Enter');
    await page.locator('.paid').waitFor();
    expect(await page.locator('.paid').textContent()).toContain('燃气票抵款 ￥69.00');
    const receipt = await page.locator('pre.receipt').textContent();
    expect(receipt).toMatch(/燃气票 2026年4季 4张\s+20方/);
    expect(receipt).toMatch(/实收现金:\s+￥20\.00/);
    expect(receipt).toMatch(/找零:\s+￥9\.65/);
    await page.screenshot({ path: join(artifacts, 'ticket-payment.png'), fullPage: true });
    expect(n("SELECT count(*) FROM ticket_tenders WHERE back_name = '赵六' AND count = 4")).toBe(1);
    expect(status).toBeDefined();
  });

  it('reverses it with the hall manager signing in', async () => {
    await page.locator('.reversal summary').click();
    await expect.poll(() => page.locator('input[name=reverseSlipNo]').inputValue()).toBe('LC01-00000001');
    await page.fill('input[name=reverseReason]', '用户要求改用现金');
    await page.fill('input[name=reverseApprover]', 'clerk01');
    await page.fill('input[name=reversePassword]', '123456');
    await page.locator('button[name=reverse]').click();
    await expect.poll(() => page.locator('#reverse-approver-error').textContent()).toContain('审批人工号或密码错误'); // a clerk's right password is no approver: the same answer as a wrong one (issue 10 #13)
    await page.fill('input[name=reverseApprover]', 'manager01');
    await page.locator('button[name=reverse]').click();
    await expect.poll(() => page.locator('.reversed').textContent()).toContain('冲正成功：LC01-00000002（原单 LC01-00000001），退还现金 ￥10.35，退还票证抵款 ￥69.00');
    await expect.poll(() => page.locator('table.bills tbody tr').count()).toBe(2);
    await page.screenshot({ path: join(artifacts, 'reversal.png'), fullPage: true });
    expect(n('SELECT sum(total_fen) FROM payments')).toBe(0);
  });
});

describe('卡务: new card and recharge against the card reader', () => {
  it('makes a new card on a blank card and recharges 20 m³', async () => {
    const sim = host.cardDevice?.sim;
    if (!sim) throw new Error('no simulated card reader');
    await page.keyboard.press('Alt+8');
    await page.locator('main.ic-cards').waitFor();
    sim.insertBlank();
    await page.keyboard.press('F2');
    await expect.poll(() => page.locator('#card-error').textContent()).toBe('这是一张空白卡，请先制卡');
    await page.locator('input[name=query]').fill('阳光小区4幢');
    await page.locator('input[name=query]').press('Enter');
    await page.locator('table.hits tbody tr').filter({ hasText: '阳光小区4幢' }).first().waitFor();
    await page.locator('input[name=query]').press('Enter');
    await expect.poll(() => page.locator('.issue').textContent()).toContain('用户：钱七 30000012');
    await page.locator('button[name=issueCard]').click();
    await expect.poll(() => page.locator('.issue [role=status]').textContent()).toBe('已制卡 30000012-1');
    await expect.poll(() => page.locator('[data-testid=card-info]').textContent()).toContain('钱七');
    await page.fill('input[name=rechargeValue]', '20');
    await page.keyboard.press('F4');
    await page.keyboard.type('100');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.ic-cards .paid').textContent()).toContain('写卡成功 LC01-00000003');
    expect(await page.locator('.ic-cards .paid').textContent()).toContain('收你 100.00 元，找你 31.00 元，请清点。');
    await expect.poll(() => page.locator('[data-testid=card-credit]').textContent()).toBe('20 方');
    expect(sim.card).toMatchObject({ cardNo: '30000012-1', counter: 1, creditCenti: 2000 });
    await page.screenshot({ path: join(artifacts, 'card-recharge.png'), fullPage: true });
  });

  it('a card pulled mid-write is shown as in doubt and recovered once', async () => {
    const sim = host.cardDevice?.sim;
    if (!sim) throw new Error('no simulated card reader');
    const card = sim.card;
    sim.faults.nextWrite = 'pull_after_apply';
    await page.fill('input[name=rechargeValue]', '10');
    await page.fill('input[name=rechargeTendered]', '40');
    await page.locator('button[name=recharge]').click();
    await page.locator('.pending-writes').waitFor();
    expect(n("SELECT count(*) FROM payments WHERE charge_type = '充值费'")).toBe(1);
    if (card) sim.insert({ ...card, counter: 2, creditCenti: 3000, totalCenti: 3000 });
    await page.keyboard.press('F6');
    await expect.poll(() => page.locator('.ic-cards [role=status]').first().textContent()).toContain('已确认写卡');
    await expect.poll(() => page.locator('.pending-writes').count()).toBe(0);
    expect(n("SELECT count(*) FROM payments WHERE charge_type = '充值费'")).toBe(2);
    expect(n(`SELECT sum(total_fen) FROM payments WHERE account_id = '${icAccount}'`)).toBe(6900 + 3450);
  });

  it('a tender far above the due is refused at 实收金额 until the clerk ticks 确认实收金额, then posted with it (issue 10 #5)', async () => {
    const sim = host.cardDevice?.sim;
    if (!sim) throw new Error('no simulated card reader');
    await page.fill('input[name=rechargeValue]', '10');
    await page.fill('input[name=rechargeTendered]', '5000');
    await page.locator('button[name=recharge]').click();
    await expect.poll(() => page.locator('#recharge-tendered-error').textContent()).toBe(
      '实收 5000.00 元比应收 34.50 元多出 1000 元以上，请核对实收金额；确认无误请勾选“确认实收金额”后再收费',
    );
    expect(sim.card).toMatchObject({ counter: 2, creditCenti: 3000 });
    expect(n("SELECT count(*) FROM card_writes")).toBe(2);
    await page.locator('input[name=confirmRechargeTender]').check();
    await page.locator('input[name=rechargeTendered]').press('Enter');
    await expect.poll(() => page.locator('.ic-cards .paid').textContent()).toContain('收你 5000.00 元，找你 4965.50 元，请清点。');
    expect(sim.card).toMatchObject({ counter: 3, creditCenti: 4000 });
    expect(host.store.sqlite.prepare("SELECT confirmation FROM payments WHERE charge_type = '充值费' AND tendered_fen = 500000").pluck().get()).toBe(
      '实收 5000.00 元比应收 34.50 元多出 1000 元以上，收费员确认',
    );
    await expect.poll(() => page.locator('input[name=confirmRechargeTender]').count()).toBe(0);
  });

  it('a write in doubt across the 日结 is posted onto its day and listed for the manager (issue 10 #1)', async () => {
    const sim = host.cardDevice?.sim;
    if (!sim) throw new Error('no simulated card reader');
    const card = sim.card;
    sim.faults.nextWrite = 'pull_after_apply';
    await page.fill('input[name=rechargeValue]', '5');
    await page.fill('input[name=rechargeTendered]', '20');
    await page.locator('button[name=recharge]').click();
    await page.locator('.pending-writes').waitFor();
    markDayClosed(host, { date: '2026-11-23', closedAt: '2026-11-23T09:00:00.000Z' });
    if (card) sim.insert({ ...card, counter: 4, creditCenti: 4500, totalCenti: 4500 });
    await page.keyboard.press('F6');
    await expect.poll(() => page.locator('.ic-cards [role=status]').first().textContent()).toContain('已补记到 2026-11-23');
    await expect.poll(() => page.locator('[data-testid=flagged-writes]').textContent()).toContain('购气 5 方 ￥17.25');
    expect(n(`SELECT sum(total_fen) FROM payments WHERE account_id = '${icAccount}'`)).toBe(6900 + 3450 + 3450 + 1725);
    await page.screenshot({ path: join(artifacts, 'card-late-posted.png'), fullPage: true });
  });
});

describe('screen lock', () => {
  it('Ctrl+L covers the counter; the password opens it with the window as it was', async () => {
    const before = await page.locator('[data-testid=card-info]').textContent();
    await page.keyboard.press('Control+l');
    await page.locator('.lock-screen').waitFor();
    expect(await clientOn(host, 'nobody').call('auth.session', {})).toMatchObject({ ok: true, value: null });
    await page.fill('input[name=unlockPassword]', 'wrong');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#unlock-error').textContent()).toBe('密码错误');
    await page.fill('input[name=unlockPassword]', '123456');
    await page.keyboard.press('Enter');
    await page.locator('.lock-screen').waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid=card-info]').textContent()).toBe(before);
  });
});
