/**
 * 第二备份位置 in Chromium at 1366×768 (issue 12 #6, R-INV-09): the hall manager types a folder (Enter saves), a
 * relative path is refused at the field, a good one is saved and the next backup is copied there; 清除 stops it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { artifacts, openCounterPage, type CounterPage } from './browser.js';
import { logIn } from './counter-page.js';

let host: TestHost;
let counter: CounterPage;
const scratch = mkdtempSync(join(tmpdir(), 'gas-mirror-e2e-'));

beforeAll(async () => {
  host = makeTestHost({ backupDir: join(scratch, 'backups') });
  counter = await openCounterPage(host, { width: 1366, height: 768 });
  await logIn(counter.page, counter.harness.url, 'manager01', 'counter-lc01');
}, 60_000);

afterAll(async () => {
  await counter?.close();
  host?.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

describe('第二备份位置', () => {
  it('refuses a relative path at the field, saves a folder with Enter, and the next backup is copied there', async () => {
    const { page } = counter;
    await page.keyboard.press('Alt+s');
    const input = page.locator('input[name=backupMirror]');
    await input.waitFor();
    await input.focus();
    await page.keyboard.type('备份');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#backup-mirror-error').textContent()).toBe('请填写完整路径（如 E:\\备份 或 /media/usb/备份）：备份');
    const usb = join(scratch, 'usb', '燃气备份');
    await input.fill('');
    await page.keyboard.type(usb);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-backup-mirror]').getAttribute('data-backup-mirror')).toBe(usb);
    expect(await page.locator('#backup-mirror-error').count()).toBe(0);
    // the next backup is copied there, without a restart
    const manager = await signIn(host, 'manager01');
    const taken = await manager.ok('backup.now', {});
    expect(taken.mirror).toBe(join(usb, basename(taken.file)));
    expect(existsSync(join(usb, basename(taken.file)))).toBe(true);
    await page.locator('section[aria-label="第二备份位置"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'backup-mirror.png') });
    await page.locator('button[name=clearBackupMirror]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-backup-mirror]').getAttribute('data-backup-mirror')).toBe('');
    expect(await page.locator('section[aria-label="第二备份位置"]').textContent()).toContain('已清除，备份不再复制到第二位置');
  });
});
