/**
 * Issue 15 #7 in Chromium at 1366×768 by keyboard (R-PHOTO-01/02): the manager sets the photo archive and the local
 * copy in 气价设置 → 照片归档位置; in 安装照片 (Alt+P) the technician's folder is picked with the folder list, F8
 * matches the photos to households (one by 户号, one by address), the handover-book counts are typed and a wrong one
 * stands out, F9 copies with progress; the manifest is on both copies and one audit row is written; the household's
 * photo is shown beside its ignition form in 派工/回执; 核对归档 finds an archive photo changed afterwards.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, makeTestHost, type TestHost } from '../fixtures/host.js';
import { artifacts, openCounterPage, type CounterPage } from './browser.js';
import { accept, findCustomer, logIn } from './counter-page.js';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (b: Buffer) => {
  let c = 0xffffffff;
  for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
/** A real 160×100 PNG: a coloured field with a darker band (a "photo" a person can tell apart in the screenshot). */
function png(r: number, g: number, b: number): Buffer {
  const w = 160;
  const h = 100;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      const band = y > 40 && y < 60 ? 0.5 : 1;
      const o = y * (w * 3 + 1) + 1 + x * 3;
      raw[o] = Math.round(r * band);
      raw[o + 1] = Math.round(g * band);
      raw[o + 2] = Math.round(b * band);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const ADDRESS_1 = '温州市鹿城区学院路9号翠微小区7幢1单元101室';
const ADDRESS_2 = '温州市鹿城区学院路9号翠微小区8幢2单元302室';

let host: TestHost;
let counter: CounterPage;
let page: Page;
let root: string;
const photos = [png(220, 120, 40), png(40, 140, 220), png(60, 180, 90)];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'gas-photos-e2e-'));
  const camera = join(root, '周师傅-1125');
  mkdirSync(camera);
  mkdirSync(join(root, 'server'));
  mkdirSync(join(root, 'D'));
  photos.forEach((bytes, i) => writeFileSync(join(camera, `IMG_000${i + 1}.png`), bytes));
  writeFileSync(
    join(camera, '照片清单.csv'),
    `文件名,户号,地址\nIMG_0001.png,80000011,${ADDRESS_1}\nIMG_0002.png,80000011,${ADDRESS_1}\nIMG_0003.png,,${ADDRESS_2}\n`,
  );
  host = makeTestHost();
  addAccount(host, { accountNo: '80000011', name: '孙八', address: ADDRESS_1, meterStatus: '装表' });
  addAccount(host, { accountNo: '80000012', name: '吴十', address: ADDRESS_2 });
  counter = await openCounterPage(host, { width: 1366, height: 768 });
  page = counter.page;
  await logIn(page, counter.harness.url, 'manager01', 'counter-lc01');
}, 60_000);
afterAll(async () => {
  await counter?.close();
  rmSync(root, { recursive: true, force: true });
});

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

describe('安装照片 (R-PHOTO-01/02)', () => {
  it('the manager sets the archive and the local copy (a missing folder is refused at its field)', async () => {
    await page.keyboard.press('Alt+s');
    const archive = page.locator('input[name=photoArchive]');
    await archive.waitFor();
    await archive.focus();
    await page.keyboard.type(join(root, 'no-such-share'));
    await page.keyboard.press('Tab');
    await page.keyboard.type(join(root, 'D'));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#photo-archive-error').textContent()).toContain('照片归档位置不存在');
    await archive.focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(join(root, 'server'));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-photo-archive]').getAttribute('data-photo-archive')).toBe(join(root, 'server'));
    await page.locator('section[aria-label=照片归档位置]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'photos-settings-1366x768.png') });
  });

  it('picks the folder, matches the photos, highlights a count unlike the handover book, imports with F9', async () => {
    await page.keyboard.press('Alt+p');
    const folder = page.locator('input[name=photoFolder]');
    await folder.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('photoFolder');
    await page.keyboard.type(root);
    await page.keyboard.press('Enter');
    // The folder list: Tab to the technician's folder, Enter opens it.
    const camera = page.locator('button[data-folder="周师傅-1125"]');
    await camera.waitFor();
    await expect.poll(() => camera.textContent()).toContain('（3 张）');
    for (let i = 0; i < 8 && (await page.evaluate(() => document.activeElement?.getAttribute('data-folder'))) !== '周师傅-1125'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => folder.inputValue()).toBe(join(root, '周师傅-1125'));
    await page.locator('input[name=technician]').focus();
    await page.keyboard.type('周师傅');
    await page.keyboard.press('F8');
    const households = page.locator('table.photo-households tbody tr');
    await expect.poll(() => households.count()).toBe(2);
    expect(await households.nth(1).textContent()).toContain('按地址匹配');
    // Nothing typed from the handover book yet: both rows differ, import is not offered.
    await expect.poll(() => page.locator('[data-photo-diffs]').getAttribute('data-photo-diffs')).toBe('2');
    expect(await page.locator('button[name=importPhotos]').isDisabled()).toBe(true);
    await page.locator('input[name="handover-80000011"]').focus();
    await page.keyboard.type('3');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1');
    await expect.poll(() => page.locator('[data-photo-diffs]').getAttribute('data-photo-diffs')).toBe('1');
    expect(await page.locator('tr.differs').getAttribute('data-account')).toBe('80000011');
    expect(await page.locator('tr.differs .photo-diff').textContent()).toBe(' 清单少 1 张');
    expect(await page.locator('table.photo-plan tbody tr').first().textContent()).toBe(`IMG_0001.png80000011${'2026-11'}/${ADDRESS_1}-1.png`);
    await page.screenshot({ path: join(artifacts, 'photos-check-differs-1366x768.png') });

    await page.locator('input[name="handover-80000011"]').focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2');
    await expect.poll(() => page.locator('[data-photo-diffs]').getAttribute('data-photo-diffs')).toBe('0');
    await page.keyboard.press('F9');
    await expect.poll(() => page.locator('[data-photo-batch]').textContent()).toContain('2 户 3 张');
    expect(await page.locator('[aria-label=导入进度]').textContent()).toContain('3/3 张');
    await page.screenshot({ path: join(artifacts, 'photos-imported-1366x768.png') });

    const batch = (await page.locator('[data-photo-batch]').getAttribute('data-photo-batch')) ?? '';
    const manifest =
      `${sha(photos[0]!)}  2026-11/${ADDRESS_1}-1.png\n` + `${sha(photos[1]!)}  2026-11/${ADDRESS_1}-2.png\n` + `${sha(photos[2]!)}  2026-11/${ADDRESS_2}-1.png\n`;
    for (const t of ['server', 'D']) {
      expect(readdirSync(join(root, t, '2026-11')).sort()).toEqual([`SHA256SUMS-${batch}.txt`, `${ADDRESS_1}-1.png`, `${ADDRESS_1}-2.png`, `${ADDRESS_2}-1.png`].sort());
      expect(readFileSync(join(root, t, '2026-11', `SHA256SUMS-${batch}.txt`), 'utf8')).toBe(manifest);
    }
    expect(host.store.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'photos.import'").pluck().get()).toBe(1);
    expect(host.store.sqlite.prepare('SELECT count(*) FROM install_photos').pluck().get()).toBe(3);
  });

  it('shows the household\'s photos beside its ignition form in 派工/回执', async () => {
    await page.keyboard.press('Alt+2');
    await findCustomer(page, '翠微小区7幢');
    await accept(page, '点火', '13900000011');
    await expect.poll(() => page.locator('.business-form [role=status]').textContent()).toContain('已受理');
    await page.keyboard.press('Alt+3');
    await page.locator('table.queue tbody tr').first().waitFor();
    await page.locator('input[name=technician]').focus();
    await page.keyboard.type('李师傅');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.work-queue [role=status]').textContent()).toMatch(/派工单/);
    await page.locator('input[name=arrivedAt]').focus();
    await page.keyboard.type('2026-11-24 09:00');
    await page.locator('input[name=leftAt]').focus();
    await page.keyboard.type('2026-11-24 09:45');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.work-queue [role=status]').textContent()).toMatch(/回执$/);
    const panel = page.locator('section[aria-label=安装照片]');
    await panel.waitFor();
    await expect.poll(() => panel.locator('figcaption').getAttribute('data-photo-intact')).toBe('1');
    expect(await panel.locator('.photo-picks button').count()).toBe(2);
    expect(await panel.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(160);
    // Keyboard: Tab to the second photo and Enter shows it.
    await panel.locator('.photo-picks button').nth(1).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.locator('figcaption').textContent()).toContain(`${ADDRESS_1}-2.png`);
    await page.screenshot({ path: join(artifacts, 'photos-beside-ignition-1366x768.png') });
  });

  it('核对归档 in 气价设置 finds an archive photo changed after the import (R-PHOTO-02)', async () => {
    writeFileSync(join(root, 'server', '2026-11', `${ADDRESS_2}-1.png`), png(0, 0, 0));
    await page.keyboard.press('Alt+s');
    const verify = page.locator('button[name=verifyPhotoArchive]');
    await verify.waitFor();
    await verify.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-photo-verify]').getAttribute('data-photo-verify')).toBe('1');
    expect(await page.locator('[data-photo-verify] li').textContent()).toBe(`2026-11/${ADDRESS_2}-1.png：内容与校验清单不符（已被改动）`);
    await page.locator('section[aria-label=照片归档位置]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'photos-verify-archive-1366x768.png') });
  });
});
