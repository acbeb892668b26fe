/**
 * Issue 15 #7 (R-PHOTO-01/02) through the typed IPC: counter roles only; the check, then the import to the
 * configured archive (GAS_PHOTO_ARCHIVE) and local copy (GAS_PHOTO_LOCAL); a failed check copies nothing.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestHost, signIn, type TestHost } from '../fixtures/host.js';

const hosts: TestHost[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const h of hosts.splice(0)) h.dispose();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  delete process.env.GAS_PHOTO_ARCHIVE;
  delete process.env.GAS_PHOTO_LOCAL;
});

describe('photos over IPC (issue 15 #7, R-PHOTO-01/02)', () => {
  it('a technician is refused; a clerk checks then imports; a count mismatch copies nothing', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gas-photos-ipc-'));
    dirs.push(root);
    const src = join(root, 'camera');
    mkdirSync(src);
    writeFileSync(join(src, 'IMG_1.jpg'), 'a');
    process.env.GAS_PHOTO_ARCHIVE = join(root, 'server');
    process.env.GAS_PHOTO_LOCAL = join(root, 'D');
    const h = makeTestHost({ backupDir: join(root, 'backups') });
    hosts.push(h);
    const input = { sourceDir: src, listCsv: '文件名,户号,地址\nIMG_1.jpg,1001,幸福路8号\n', handover: [{ accountNo: '1001', count: 1 }], yearMonth: '2026-11' };

    const tech = await signIn(h, 'tech01');
    expect(await tech.call('photos.import', { ...input, batch: 'b1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(existsSync(join(root, 'server'))).toBe(false);

    const clerk = await signIn(h, 'clerk01');
    const bad = await clerk.call('photos.import', { ...input, handover: [{ accountNo: '1001', count: 2 }], batch: 'b1' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(existsSync(join(root, 'server'))).toBe(false);

    expect(await clerk.ok('photos.check', input)).toMatchObject({ missing: [], extra: [], countMismatch: [], plan: [{ from: 'IMG_1.jpg', to: '2026-11/幸福路8号-1.jpg' }] });
    const done = await clerk.ok('photos.import', { ...input, batch: 'b1' });
    expect(done.manifests).toHaveLength(2);
    for (const t of ['server', 'D']) expect(readdirSync(join(root, t, '2026-11')).sort()).toEqual(['SHA256SUMS-b1.txt', '幸福路8号-1.jpg']);
  });
});
