/**
 * 日终文件导入 (issue 14 #5) in Chromium at 1366×768, by keyboard: the hall manager at LC02 opens the window with Alt+U
 * (选择日终文件 has the focus), chooses counter LC01's signed day file and imports it with F9: the row says what came
 * in (LC01, 2026-11-23, records, 新导入, 本机日终 有) and the bill shows paid at this PC; the same file again changes
 * nothing and says so; a tampered file is refused whole with the reason; a file whose payment this PC refuses (an
 * account it does not have) lists the refused rows with their reasons. A clerk is told the window is the manager's.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fen } from '../../preload/kernel/money.js';
import { applyFeedPage } from '../../main/sync/applier.js';
import { exportDayFile } from '../../main/sync/day-file.js';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { change, count, enrolLocally, one, page, rowsOf } from '../fixtures/sync.js';
import { artifacts, openCounterPage, type CounterPage } from './browser.js';
import { logIn } from './counter-page.js';

let a: TestHost;
let a2: TestHost;
let b: TestHost;
let counter: CounterPage;
const dir = mkdtempSync(join(tmpdir(), 'gas-day-file-e2e-'));
const files: Record<'good' | 'tampered' | 'refused', string> = { good: '', tampered: '', refused: '' };

/** A counter of the hall that takes one cash payment and exports its signed day file; B learns its key from the feed. */
async function counterDay(host: TestHost, deviceId: string, accountNo: string, billId: string): Promise<Buffer> {
  const credentials = enrolLocally(host, { deviceId, counterId: 'counter-lc01' });
  applyFeedPage(b.store.sqlite, page(rowsOf(host, 'device_keys', 'device_id = ?', deviceId).map((r) => change('device_keys', r, { rowId: deviceId }))), { now: b.clock.now() });
  const clerk = await signIn(host);
  expect(await clerk.call('payments.payCash', { accountId: `acc-${accountNo}`, billIds: [billId], tendered: '100', expectedTotalFen: fen(7935) })).toMatchObject({ ok: true });
  return exportDayFile(host.store.sqlite, credentials, '2026-11-23', host.clock.now()).bytes;
}

beforeAll(async () => {
  a = makeTestHost();
  a2 = makeTestHost();
  b = makeTestHost();
  for (const h of [a, b]) {
    const acc = addAccount(h, { accountNo: '90000001', name: '张三', address: '温州市鹿城区同步路1号', reading: 14600 });
    addBill(h, acc, { id: 'bill-1', readingDate: '2026-11-10', previous: 12300, current: 14600, amountFen: fen(7935), dueDate: '2026-12-10' });
  }
  // an account only counter A2 has: its payment is refused at B
  const only = addAccount(a2, { accountNo: '90000009', name: '王五', address: '温州市鹿城区同步路9号', reading: 14600 });
  addBill(a2, only, { id: 'bill-9', readingDate: '2026-11-10', previous: 12300, current: 14600, amountFen: fen(7935), dueDate: '2026-12-10' });
  const good = await counterDay(a, 'device-a', '90000001', 'bill-1');
  files.good = join(dir, 'LC01-2026-11-23.gasday.json');
  writeFileSync(files.good, good);
  files.tampered = join(dir, 'LC01-tampered.gasday.json');
  writeFileSync(files.tampered, Buffer.from(good.toString('utf8').replace('7935', '7936'), 'utf8'));
  files.refused = join(dir, 'LC01-other.gasday.json');
  writeFileSync(files.refused, await counterDay(a2, 'device-a2', '90000009', 'bill-9'));
  counter = await openCounterPage(b, { width: 1366, height: 768 });
}, 120_000);

afterAll(async () => {
  await counter?.close();
  a?.dispose();
  a2?.dispose();
});

const rows = () => counter.page.locator('table[aria-label="导入结果"] tbody tr');
const cells = (i: number) => rows().nth(i).locator('td').allTextContents();

describe('日终文件导入', () => {
  it('imports a counter day file by keyboard, shows what came in, then the same file again, a tampered one and refused rows', async () => {
    const { page } = counter;
    await logIn(page, counter.harness.url, 'manager01', 'counter-lc02');
    await page.keyboard.press('Alt+u');
    await page.locator('section[aria-label="日终文件导入"]').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('day-file-choose');
    // Playwright turns on file-chooser interception when a listener is added, asynchronously: a key pressed in the
    // same tick can open the chooser before it is on, and the event never comes. Listen first, press later.
    const chooserOpened = page.waitForEvent('filechooser', { timeout: 30_000 });
    // F9 with nothing chosen: the reason at the field
    await page.keyboard.press('F9');
    await expect.poll(() => page.locator('#day-file-error').textContent()).toBe('请选择日终文件（U盘中的 .gasday.json 文件）');

    // Enter on the focused 选择日终文件 opens the file chooser
    await page.keyboard.press('Enter');
    const chooser = await chooserOpened;
    await chooser.setFiles(files.good);
    await expect.poll(() => page.locator('#day-file-names').textContent()).toBe('LC01-2026-11-23.gasday.json');
    await page.keyboard.press('F9');
    await expect.poll(() => rows().count()).toBe(1);
    const first = await cells(0);
    expect(first.slice(0, 3)).toEqual(['LC01-2026-11-23.gasday.json', 'LC01', '2026-11-23']);
    expect(Number(first[3])).toBeGreaterThan(0);
    expect(Number(first[4])).toBeGreaterThan(0);
    // (新导入 + 已有 count each row once: a row written twice in the day is one)
    expect(Number(first[4]) + Number(first[5])).toBeLessThanOrEqual(Number(first[3]));
    expect(first.slice(6)).toEqual(['0', '无（日结显示未完成）', '已导入']);
    expect(one(b, "SELECT status FROM bills WHERE id = 'bill-1'")).toEqual({ status: '收讫' });
    expect(count(b, "SELECT count(*) FROM payments WHERE total_fen = 7935")).toBe(1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('day-file-choose');
    await page.screenshot({ path: join(artifacts, 'day-file-import-1366x768.png') });

    // the same file again: nothing changes, and the row says so
    await page.locator('#day-file').setInputFiles(files.good);
    await page.keyboard.press('F9');
    await expect.poll(() => rows().count()).toBe(2);
    const again = await cells(0);
    expect(again[4]).toBe('0');
    expect(again[8]).toBe('已导入过，未改变任何数据');
    expect(count(b, 'SELECT count(*) FROM payments')).toBe(1);

    // a tampered file: refused whole with the reason, nothing changed
    await page.locator('#day-file').setInputFiles(files.tampered);
    await page.keyboard.press('F9');
    await expect.poll(() => rows().count()).toBe(3);
    const tampered = await cells(0);
    expect(tampered[0]).toBe('LC01-tampered.gasday.json');
    expect(tampered[8]).toMatch(/^拒绝导入：.*签名不符/);
    expect(count(b, 'SELECT count(*) FROM payments')).toBe(1);

    // a file whose payment this PC refuses: the refused rows with their reasons
    await page.locator('#day-file').setInputFiles(files.refused);
    await page.keyboard.press('F9');
    await expect.poll(() => rows().count()).toBe(4);
    const refused = await cells(0);
    expect(Number(refused[6])).toBeGreaterThan(0);
    const problems = await rows().nth(0).locator('.day-file-problems li').allTextContents();
    expect(problems.length).toBe(Number(refused[6]));
    expect(problems.some((p) => p.startsWith('payments '))).toBe(true);
    expect(count(b, "SELECT count(*) FROM payments WHERE account_id = 'acc-90000009'")).toBe(0);
    await page.screenshot({ path: join(artifacts, 'day-file-import-refused-1366x768.png') });

    // a file name with a direction override is shown with the override visible, not reversed (found trying the window:
    // "\u202eevil😀.json" was listed as "nosj.😀live")
    const before = await rows().count();
    await page.locator('#day-file').setInputFiles({ name: '\u202enosj.yadsag.exe', mimeType: 'application/json', buffer: Buffer.from('{}') });
    await expect.poll(() => page.locator('#day-file-names').textContent()).toBe('[U+202E]nosj.yadsag.exe');
    await page.keyboard.press('F9');
    await expect.poll(() => rows().count()).toBe(before + 1);
    const spoof = await cells(0);
    expect(spoof[0]).toBe('[U+202E]nosj.yadsag.exe');
    expect(spoof[spoof.length - 1]).toMatch(/^拒绝导入：/);

    // Esc clears the list; the field keeps the focus
    await page.keyboard.press('Escape');
    await expect.poll(() => rows().count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('day-file-choose');
  });

  it('a clerk is told the window is the hall manager’s', async () => {
    const { page } = counter;
    await page.locator('header button').filter({ hasText: '退出' }).click();
    await logIn(page, counter.harness.url, 'clerk02', 'counter-lc02');
    await page.keyboard.press('Alt+u');
    await expect.poll(() => page.locator('section[aria-label="日终文件导入"] [role=alert]').textContent()).toContain('日终文件须由营业厅主任或管理员导入');
  });
});
