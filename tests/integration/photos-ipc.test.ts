/**
 * Issue 15 #7 (R-PHOTO-01/02) through the typed IPC on a real store and real files in a temp folder: the archive and
 * the local copy set by a manager (existing, writable, audited); a clerk's import matches each photo to its household
 * (by 户号 or by the address alone) and to its install business, checks the handover-book counts, copies with an
 * exact manifest and writes one audit row; a household's photos are read back beside its forms; a modified archive
 * file (or manifest) is detected.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addAccount, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { addInstallRecord } from '../fixtures/data.js';

const hosts: TestHost[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const h of hosts.splice(0)) h.dispose();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  delete process.env.GAS_PHOTO_ARCHIVE;
  delete process.env.GAS_PHOTO_LOCAL;
});

const hex = (s: string) => createHash('sha256').update(s).digest('hex');

function setup() {
  const root = mkdtempSync(join(tmpdir(), 'gas-photos-ipc-'));
  dirs.push(root);
  const src = join(root, 'camera');
  mkdirSync(src);
  writeFileSync(join(src, 'DSC_0001.JPG'), 'photo-one');
  writeFileSync(join(src, 'DSC_0002.JPG'), 'photo-two');
  writeFileSync(join(src, 'DSC_0003.JPG'), 'photo-three');
  const archive = join(root, 'server');
  const local = join(root, 'D');
  mkdirSync(archive);
  mkdirSync(local);
  const h = makeTestHost({ backupDir: join(root, 'backups') });
  hosts.push(h);
  const a1 = addAccount(h, { accountNo: '91000001', name: '张三', address: '幸福路8号3-2-301' });
  addAccount(h, { accountNo: '91000002', name: '李四', address: '和平街12号1单元' });
  const install = addInstallRecord(h, a1.accountId, 'AZ-0001');
  // 91000002's line has no 户号: the household is found by its address (spaces and full-width digits as written).
  const listCsv = '文件名,户号,地址\nDSC_0001.JPG,91000001,幸福路 8号 3-2-301\nDSC_0002.JPG,91000001,幸福路 8号 3-2-301\nDSC_0003.JPG,,和平街１２号1单元\n';
  const handover = [
    { accountNo: '91000001', count: 2 },
    { accountNo: '91000002', count: 1 },
  ];
  const scalar = (sql: string, ...args: unknown[]) => Object.values(h.store.sqlite.prepare(sql).get(...args) as Record<string, unknown>)[0];
  return { root, src, archive, local, h, listCsv, handover, install, scalar };
}

describe('photos over IPC (issue 15 #7, R-PHOTO-01/02)', () => {
  it('the archive and local folders: a manager sets them (existing, writable, audited); a clerk may not; bad paths are refused at their field', async () => {
    const s = setup();
    const clerk = await signIn(s.h, 'clerk01');
    expect(await clerk.call('photos.setSettings', { archive: s.archive, local: null })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Until one is stored, the start's environment is the choice.
    process.env.GAS_PHOTO_ARCHIVE = s.archive;
    expect(await clerk.ok('photos.settings', {})).toEqual({ archive: s.archive, local: null, stored: { archive: false, local: false }, start: { archive: s.archive, local: null } });

    const manager = await signIn(s.h, 'manager01');
    const missing = join(s.root, 'no-such-share');
    expect(await manager.call('photos.setSettings', { archive: missing, local: null })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'archive', message: `照片归档位置不存在：${missing}` } });
    expect(existsSync(missing)).toBe(false); // never made by the app
    expect(await manager.call('photos.setSettings', { archive: 'photos', local: null })).toMatchObject({ ok: false, error: { field: 'archive' } });
    writeFileSync(join(s.root, 'a-file'), 'x');
    expect(await manager.call('photos.setSettings', { archive: s.archive, local: join(s.root, 'a-file') })).toMatchObject({ ok: false, error: { field: 'local', message: expect.stringContaining('不是文件夹') } });
    expect(await manager.call('photos.setSettings', { archive: s.archive, local: s.archive })).toMatchObject({ ok: false, error: { field: 'local' } });
    expect(s.scalar('SELECT count(*) FROM photo_settings')).toBe(0);
    expect(s.scalar("SELECT count(*) FROM audit_log WHERE action = 'photos.settings.set'")).toBe(0);

    const set = await manager.ok('photos.setSettings', { archive: s.archive, local: s.local });
    expect(set).toMatchObject({ archive: s.archive, local: s.local, stored: { archive: true, local: true } });
    // The probe file is gone: the archive holds only what was copied into it.
    expect(readdirSync(s.archive)).toEqual([]);
    expect(s.scalar("SELECT count(*) FROM audit_log WHERE action = 'photos.settings.set'")).toBe(1);
    expect(JSON.parse(String(s.scalar("SELECT detail FROM audit_log WHERE action = 'photos.settings.set'")))).toEqual({
      before: { archive: s.archive, local: null },
      after: { archive: s.archive, local: s.local },
    });
    // A stored choice wins over the environment; a cleared one too.
    process.env.GAS_PHOTO_LOCAL = join(s.root, 'elsewhere');
    expect(await clerk.ok('photos.settings', {})).toMatchObject({ archive: s.archive, local: s.local });
    expect(await manager.ok('photos.setSettings', { archive: s.archive, local: '' })).toMatchObject({ local: null, stored: { local: true } });
  });

  it('R-PHOTO-01/02: match by 户号 and by address, exact manifest on both copies, one record per photo linked to the install, one audit row', async () => {
    const s = setup();
    const manager = await signIn(s.h, 'manager01');
    await manager.ok('photos.setSettings', { archive: s.archive, local: s.local });
    const clerk = await signIn(s.h, 'clerk01');
    const tech = await signIn(s.h, 'tech01');
    const input = { sourceDir: s.src, listCsv: s.listCsv, handover: s.handover, yearMonth: '2026-11' };
    expect(await tech.call('photos.check', input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const check = await clerk.ok('photos.check', input);
    expect(check).toMatchObject({ missing: [], extra: [], countMismatch: [], listErrors: [], targets: { archive: s.archive, local: s.local } });
    expect(check.households).toEqual([
      { accountNo: '91000001', name: '张三', archiveAddress: '幸福路8号3-2-301', writtenAddress: '幸福路 8号 3-2-301', files: ['DSC_0001.JPG', 'DSC_0002.JPG'], by: 'accountNo', addressDiffers: false },
      { accountNo: '91000002', name: '李四', archiveAddress: '和平街12号1单元', writtenAddress: '和平街１２号1单元', files: ['DSC_0003.JPG'], by: 'address', addressDiffers: false },
    ]);
    expect(check.plan.map((p) => p.to)).toEqual(['2026-11/幸福路8号3-2-301-1.jpg', '2026-11/幸福路8号3-2-301-2.jpg', '2026-11/和平街１２号1单元-1.jpg']);

    const done = await clerk.ok('photos.import', { ...input, technician: '周师傅', batch: 'LC01-1' });
    expect(done).toMatchObject({ batch: 'LC01-1', photos: 3, households: 2, manifests: [join(s.archive, '2026-11/SHA256SUMS-LC01-1.txt'), join(s.local, '2026-11/SHA256SUMS-LC01-1.txt')] });
    const manifest =
      `${hex('photo-three')}  2026-11/和平街１２号1单元-1.jpg\n` + `${hex('photo-one')}  2026-11/幸福路8号3-2-301-1.jpg\n` + `${hex('photo-two')}  2026-11/幸福路8号3-2-301-2.jpg\n`;
    for (const t of [s.archive, s.local]) {
      expect(readFileSync(join(t, '2026-11', 'SHA256SUMS-LC01-1.txt'), 'utf8')).toBe(manifest);
      expect(readFileSync(join(t, '2026-11', '幸福路8号3-2-301-2.jpg'), 'utf8')).toBe('photo-two');
    }
    expect(done.manifestSha256).toBe(hex(manifest));
    expect(await clerk.ok('photos.progress', {})).toEqual({ running: false, done: 3, total: 3, batch: 'LC01-1' });

    expect(s.h.store.sqlite.prepare('SELECT batch, year_month, technician, photo_count, household_count, archive_dir, local_dir, manifest_path, manifest_sha256, handover, imported_by FROM photo_imports').all()).toEqual([
      {
        batch: 'LC01-1',
        year_month: '2026-11',
        technician: '周师傅',
        photo_count: 3,
        household_count: 2,
        archive_dir: s.archive,
        local_dir: s.local,
        manifest_path: '2026-11/SHA256SUMS-LC01-1.txt',
        manifest_sha256: hex(manifest),
        handover: '[{"accountNo":"91000001","count":2},{"accountNo":"91000002","count":1}]',
        imported_by: 'staff-clerk01',
      },
    ]);
    expect(s.h.store.sqlite.prepare('SELECT a.account_no, p.install_business_id, p.original_name, p.path, p.sha256, p.bytes FROM install_photos p JOIN accounts a ON a.id = p.account_id ORDER BY p.path').all()).toEqual([
      { account_no: '91000002', install_business_id: null, original_name: 'DSC_0003.JPG', path: '2026-11/和平街１２号1单元-1.jpg', sha256: hex('photo-three'), bytes: 11 },
      { account_no: '91000001', install_business_id: s.install, original_name: 'DSC_0001.JPG', path: '2026-11/幸福路8号3-2-301-1.jpg', sha256: hex('photo-one'), bytes: 9 },
      { account_no: '91000001', install_business_id: s.install, original_name: 'DSC_0002.JPG', path: '2026-11/幸福路8号3-2-301-2.jpg', sha256: hex('photo-two'), bytes: 9 },
    ]);
    const audit = s.h.store.sqlite.prepare("SELECT actor_id, entity, detail FROM audit_log WHERE action = 'photos.import'").all() as { actor_id: string; entity: string; detail: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: 'staff-clerk01', entity: 'photo_import' });
    expect(JSON.parse(audit[0]!.detail)).toEqual({ batch: 'LC01-1', yearMonth: '2026-11', photos: 3, households: 2, archive: s.archive, local: s.local, manifest: '2026-11/SHA256SUMS-LC01-1.txt', manifestSha256: hex(manifest) });

    // Beside the install and ignition forms: the household's photos and their bytes.
    const photos = await clerk.ok('photos.forAccount', { accountNo: '91000001' });
    expect(photos.map((p) => [p.path, p.originalName, p.installBusinessNo, p.batch])).toEqual([
      ['2026-11/幸福路8号3-2-301-1.jpg', 'DSC_0001.JPG', 'AZ-0001', 'LC01-1'],
      ['2026-11/幸福路8号3-2-301-2.jpg', 'DSC_0002.JPG', 'AZ-0001', 'LC01-1'],
    ]);
    expect(await clerk.ok('photos.image', { id: photos[1]!.id })).toEqual({ mime: 'image/jpeg', base64: Buffer.from('photo-two').toString('base64'), intact: true, source: 'local' });

    // The same batch again: refused before anything is written.
    expect(await clerk.call('photos.import', { ...input, technician: '周师傅', batch: 'LC01-1' })).toMatchObject({ ok: false, error: { field: 'batch' } });
    expect(s.scalar("SELECT count(*) FROM audit_log WHERE action = 'photos.import'")).toBe(1);
    expect(await clerk.ok('photos.verifyArchive', {})).toEqual({ root: s.archive, imports: 1, photos: 3, problems: [] });
  });

  it('R-PHOTO-02: a modified archive photo, a removed one and an edited manifest are each detected', async () => {
    const s = setup();
    const manager = await signIn(s.h, 'manager01');
    await manager.ok('photos.setSettings', { archive: s.archive, local: s.local });
    const clerk = await signIn(s.h, 'clerk01');
    await clerk.ok('photos.import', { sourceDir: s.src, listCsv: s.listCsv, handover: s.handover, yearMonth: '2026-11', technician: '', batch: 'b1' });
    writeFileSync(join(s.archive, '2026-11', '幸福路8号3-2-301-1.jpg'), 'tampered');
    expect(await clerk.ok('photos.verifyArchive', {})).toMatchObject({ problems: ['2026-11/幸福路8号3-2-301-1.jpg：内容与校验清单不符（已被改动）'] });
    rmSync(join(s.archive, '2026-11', '幸福路8号3-2-301-2.jpg'));
    const manifest = join(s.archive, '2026-11', 'SHA256SUMS-b1.txt');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(hex('photo-one'), hex('tampered')));
    expect((await clerk.ok('photos.verifyArchive', {})).problems).toEqual([
      '2026-11/SHA256SUMS-b1.txt：清单文件被改动',
      '2026-11/幸福路8号3-2-301-1.jpg：内容与校验清单不符（已被改动）',
      '2026-11/幸福路8号3-2-301-2.jpg：文件不见了',
    ]);
    // Shown from the archive when the local copy is gone, flagged as changed.
    rmSync(join(s.local, '2026-11', '幸福路8号3-2-301-1.jpg'));
    const [first] = await clerk.ok('photos.forAccount', { accountNo: '91000001' });
    expect(await clerk.ok('photos.image', { id: first!.id })).toMatchObject({ intact: false, source: 'archive', base64: Buffer.from('tampered').toString('base64') });
  });

  it('R-PHOTO-01: an address that finds no household, or a count unlike the handover book, copies and records nothing', async () => {
    const s = setup();
    process.env.GAS_PHOTO_ARCHIVE = s.archive;
    const clerk = await signIn(s.h, 'clerk01');
    const base = { sourceDir: s.src, handover: s.handover, yearMonth: '2026-11', technician: '', batch: 'b1' };
    const unknown = s.listCsv.replace('和平街１２号1单元', '和平街99号');
    const check = await clerk.ok('photos.check', { sourceDir: s.src, listCsv: unknown, handover: s.handover, yearMonth: '2026-11' });
    expect(check.listErrors).toEqual(['DSC_0003.JPG：地址“和平街99号”找不到用户，请在清单上写明户号']);
    expect(check.countMismatch).toEqual([{ accountNo: '91000002', listed: 0, handover: 1 }]);
    expect(await clerk.call('photos.import', { ...base, listCsv: unknown })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'sourceDir' } });
    const more = await clerk.call('photos.import', { ...base, listCsv: s.listCsv, handover: [{ accountNo: '91000001', count: 3 }, { accountNo: '91000002', count: 1 }] });
    expect(more).toMatchObject({ ok: false, error: { message: expect.stringContaining('户号 91000001：清单 2 张，交接本 3 张') } });
    expect(readdirSync(s.archive)).toEqual([]);
    expect(s.scalar('SELECT count(*) FROM photo_imports')).toBe(0);
    expect(s.scalar("SELECT count(*) FROM audit_log WHERE action = 'photos.import'")).toBe(0);
    // No archive configured: refused, pointing at the settings.
    delete process.env.GAS_PHOTO_ARCHIVE;
    expect(await clerk.call('photos.import', { ...base, listCsv: s.listCsv })).toMatchObject({ ok: false, error: { field: 'targets', message: expect.stringContaining('照片归档位置') } });
  });

  it('the list file in the folder is used when none is typed; the folder picker lists sub-folders with their photo counts', async () => {
    const s = setup();
    process.env.GAS_PHOTO_ARCHIVE = s.archive;
    writeFileSync(join(s.src, '照片清单.csv'), `\uFEFF${s.listCsv}`);
    const clerk = await signIn(s.h, 'clerk01');
    expect(await clerk.ok('photos.browse', { dir: s.root })).toEqual({
      dir: s.root,
      parent: tmpdir(),
      photos: 0,
      hasList: false,
      folders: [
        { name: 'camera', path: s.src, photos: 3 },
        { name: 'D', path: s.local, photos: 0 },
        { name: 'server', path: s.archive, photos: 0 },
      ].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    });
    const check = await clerk.ok('photos.check', { sourceDir: s.src, listCsv: '', handover: s.handover, yearMonth: '2026-11' });
    expect(check).toMatchObject({ missing: [], extra: [], listErrors: [], countMismatch: [] });
    rmSync(join(s.src, '照片清单.csv'));
    expect(await clerk.call('photos.check', { sourceDir: s.src, listCsv: '', handover: s.handover, yearMonth: '2026-11' })).toMatchObject({ ok: false, error: { field: 'listCsv' } });
  });
  it('R-PHOTO-01: a link in the camera folder is no photo: a dangling one is no internal error, one to a file outside is never copied', async () => {
    // found trying 安装照片 at the counter: a dangling link made 核对 answer 系统内部错误 (statSync threw)
    const s = setup();
    const manager = await signIn(s.h, 'manager01');
    await manager.ok('photos.setSettings', { archive: s.archive, local: s.local });
    const clerk = await signIn(s.h, 'clerk01');
    const outside = join(s.root, 'secret.jpg');
    writeFileSync(outside, 'not-a-camera-photo');
    symlinkSync(join(s.root, 'nothing-here'), join(s.src, 'DSC_0009.JPG'));
    const input = { sourceDir: s.src, listCsv: s.listCsv, handover: s.handover, yearMonth: '2026-11' };
    expect(await clerk.ok('photos.check', input)).toMatchObject({ missing: [], extra: [], countMismatch: [], listErrors: [] });
    rmSync(join(s.src, 'DSC_0009.JPG'));
    symlinkSync(outside, join(s.src, 'DSC_0004.JPG'));
    const listed = { ...input, listCsv: `${s.listCsv}DSC_0004.JPG,91000002,和平街12号1单元\n`, handover: [{ accountNo: '91000001', count: 2 }, { accountNo: '91000002', count: 2 }] };
    expect(await clerk.ok('photos.check', listed)).toMatchObject({ missing: ['DSC_0004.JPG'], extra: [] });
    expect(await clerk.call('photos.import', { ...listed, technician: '周师傅', batch: 'LC01-9' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(readdirSync(s.archive)).toEqual([]);
    expect(s.scalar('SELECT count(*) FROM install_photos')).toBe(0);
  });
});
