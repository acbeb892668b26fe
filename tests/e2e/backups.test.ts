/**
 * 备份与恢复 in Chromium (issue 12 #6): the manager backs up, checks a backup and chooses it for restoring at
 * the next start; the running store is untouched until then. 1366×768, by keyboard where the form allows.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingRestoreFile } from '../../main/services/backup.js';
import { makeTestHost, type TestHost } from '../fixtures/host.js';
import { artifacts, openCounterPage, type CounterPage } from './browser.js';
import { logIn } from './counter-page.js';

let host: TestHost;
let counter: CounterPage;
let backups: string;

beforeAll(async () => {
  backups = mkdtempSync(join(tmpdir(), 'gas-e2e-backups-'));
  host = makeTestHost({ backupDir: backups });
  counter = await openCounterPage(host, { width: 1366, height: 768 });
  await logIn(counter.page, counter.harness.url, 'manager01', 'counter-lc02');
});

afterAll(async () => {
  await counter?.close();
  host?.dispose();
  rmSync(backups, { recursive: true, force: true });
});

describe('备份与恢复', () => {
  it('backs up, checks the backup and restores it at the next start', async () => {
    const { page } = counter;
    await page.keyboard.press('Alt+d');
    await page.locator('button[name=backupNow]').click();
    await expect.poll(() => page.locator('.backups [role=status]').textContent()).toContain('已备份');
    await expect.poll(() => page.locator('select[name=backupFile] option').count()).toBe(2);
    await page.locator('select[name=backupFile]').focus();
    await page.keyboard.press('ArrowDown');
    await page.locator('button[name=checkBackup]').click();
    await expect.poll(() => page.locator('.backups [role=status]').textContent()).toBe('备份完好：0 笔收费记录，审计链完整');
    await page.locator('button[name=restoreBackup]').click();
    await expect.poll(() => page.locator('.backups [role=status]').textContent()).toContain('已安排恢复');
    expect(existsSync(pendingRestoreFile(join(host.dir, 'test.db')))).toBe(true);
    await page.locator('.backups').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'backups-restore.png') });
  });
});
