/**
 * Issue 15 #7: installation photo import on real temp folders (R-PHOTO-01 check before copy, rename by address
 * into a year-month folder; R-PHOTO-02 archive + local copy with a SHA-256 manifest, never overwritten, verified).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importPhotos, verifyManifest } from '../../main/services/photos.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup() {
  const root = mkdtempSync(join(tmpdir(), 'gas-photos-'));
  dirs.push(root);
  const src = join(root, 'camera');
  mkdirSync(src);
  writeFileSync(join(src, 'DSC_0001.JPG'), 'photo-one');
  writeFileSync(join(src, 'DSC_0002.JPG'), 'photo-two');
  writeFileSync(join(src, 'DSC_0003.JPG'), 'photo-three');
  const listCsv = '文件名,户号,地址\nDSC_0001.JPG,1001,幸福路 8号 3-2-301\nDSC_0002.JPG,1001,幸福路 8号 3-2-301\nDSC_0003.JPG,1002,和平街12号/1单元\n';
  const handover = new Map([['1001', 2], ['1002', 1]]);
  return { root, src, listCsv, handover, archive: join(root, 'server'), local: join(root, 'D') };
}

const hex = (s: string) => createHash('sha256').update(s).digest('hex');

describe('installation photos (issue 15 #7, R-PHOTO-01/02)', () => {
  it('R-PHOTO-01/02: renames by address into YYYY-MM, copies to the archive and the local copy with an exact manifest', async () => {
    const s = setup();
    const r = await importPhotos({ sourceDir: s.src, listCsv: s.listCsv, handover: s.handover, yearMonth: '2026-11', targets: [s.archive, s.local], batch: 'b1' });
    for (const t of [s.archive, s.local]) {
      expect(readdirSync(join(t, '2026-11')).sort()).toEqual(['SHA256SUMS-b1.txt', '和平街12号_1单元-1.jpg', '幸福路8号3-2-301-1.jpg', '幸福路8号3-2-301-2.jpg'].sort());
      expect(readFileSync(join(t, '2026-11', '幸福路8号3-2-301-2.jpg'), 'utf8')).toBe('photo-two');
      expect(readFileSync(join(t, '2026-11', 'SHA256SUMS-b1.txt'), 'utf8')).toBe(
        `${hex('photo-three')}  2026-11/和平街12号_1单元-1.jpg\n${hex('photo-one')}  2026-11/幸福路8号3-2-301-1.jpg\n${hex('photo-two')}  2026-11/幸福路8号3-2-301-2.jpg\n`,
      );
      expect(await verifyManifest(t, '2026-11/SHA256SUMS-b1.txt')).toEqual([]);
    }
    expect(r.manifests).toHaveLength(2);
    // The source is left as it was.
    expect(readdirSync(s.src).sort()).toEqual(['DSC_0001.JPG', 'DSC_0002.JPG', 'DSC_0003.JPG']);
  });

  it('R-PHOTO-01: a count mismatch, a missing and an extra photo are listed and nothing is copied', async () => {
    const s = setup();
    writeFileSync(join(s.src, 'DSC_0009.JPG'), 'stray');
    rmSync(join(s.src, 'DSC_0003.JPG'));
    const handover = new Map([['1001', 3], ['1002', 1]]);
    const run = () => importPhotos({ sourceDir: s.src, listCsv: s.listCsv, handover, yearMonth: '2026-11', targets: [s.archive, s.local], batch: 'b1' });
    await expect(run()).rejects.toThrow(/清单上有、文件夹里没有：DSC_0003\.JPG/);
    await expect(run()).rejects.toThrow(/文件夹里有、清单上没有：DSC_0009\.JPG/);
    await expect(run()).rejects.toThrow(/户号 1001：清单 2 张，交接本 3 张/);
    expect(existsSync(s.archive)).toBe(false);
    expect(existsSync(s.local)).toBe(false);
  });

  it('R-PHOTO-01: only a count mismatch is enough to refuse the copy', async () => {
    const s = setup();
    const run = () => importPhotos({ sourceDir: s.src, listCsv: s.listCsv, handover: new Map([['1001', 2]]), yearMonth: '2026-11', targets: [s.archive], batch: 'b1' });
    await expect(run()).rejects.toThrow(/户号 1002：清单 1 张，交接本 0 张/);
    expect(existsSync(s.archive)).toBe(false);
  });

  it('R-PHOTO-02: an existing archive file is never overwritten; the whole copy is refused and nothing else is written', async () => {
    const s = setup();
    mkdirSync(join(s.archive, '2026-11'), { recursive: true });
    writeFileSync(join(s.archive, '2026-11', '幸福路8号3-2-301-2.jpg'), 'earlier');
    const run = () => importPhotos({ sourceDir: s.src, listCsv: s.listCsv, handover: s.handover, yearMonth: '2026-11', targets: [s.archive, s.local], batch: 'b1' });
    await expect(run()).rejects.toThrow(/不能覆盖/);
    expect(readFileSync(join(s.archive, '2026-11', '幸福路8号3-2-301-2.jpg'), 'utf8')).toBe('earlier');
    expect(readdirSync(join(s.archive, '2026-11'))).toEqual(['幸福路8号3-2-301-2.jpg']);
    expect(existsSync(s.local)).toBe(false);
  });

  it('R-PHOTO-02: a second import of the same batch is refused (manifest and photos already there)', async () => {
    const s = setup();
    const input = { sourceDir: s.src, listCsv: s.listCsv, handover: s.handover, yearMonth: '2026-11', targets: [s.archive], batch: 'b1' };
    await importPhotos(input);
    const before = readFileSync(join(s.archive, '2026-11', 'SHA256SUMS-b1.txt'));
    await expect(importPhotos(input)).rejects.toThrow(/不能覆盖/);
    expect(readFileSync(join(s.archive, '2026-11', 'SHA256SUMS-b1.txt'))).toEqual(before);
  });

  it('R-PHOTO-02: a copy interrupted half-way takes back what it wrote; files there before stay untouched, and the batch can be run again', async () => {
    const s = setup();
    mkdirSync(join(s.archive, '2026-11'), { recursive: true });
    writeFileSync(join(s.archive, '2026-11', 'earlier-batch.jpg'), 'earlier');
    const input = { sourceDir: s.src, listCsv: s.listCsv, handover: s.handover, yearMonth: '2026-11', targets: [s.archive, s.local], batch: 'b1' };
    // The failure is thrown after the second photo reached both copies (as a full disk or a lost share would).
    const failing = importPhotos(input, undefined, (p) => {
      if (p.done === 2) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    });
    await expect(failing).rejects.toThrow('复制中断，本次已复制的文件已撤回，请排除问题后重新导入 (R-PHOTO-02)：磁盘已满');
    expect(readdirSync(join(s.archive, '2026-11'))).toEqual(['earlier-batch.jpg']);
    expect(readdirSync(join(s.local, '2026-11'))).toEqual([]);
    await importPhotos(input);
    expect(await verifyManifest(s.archive, '2026-11/SHA256SUMS-b1.txt')).toEqual([]);
    expect(readFileSync(join(s.archive, '2026-11', 'earlier-batch.jpg'), 'utf8')).toBe('earlier');
  });

  it('R-PHOTO-02: verifyManifest lists a file changed after the copy', async () => {
    const s = setup();
    await importPhotos({ sourceDir: s.src, listCsv: s.listCsv, handover: s.handover, yearMonth: '2026-11', targets: [s.archive], batch: 'b1' });
    writeFileSync(join(s.archive, '2026-11', '幸福路8号3-2-301-1.jpg'), 'tampered');
    expect(await verifyManifest(s.archive, '2026-11/SHA256SUMS-b1.txt')).toEqual(['2026-11/幸福路8号3-2-301-1.jpg']);
  });

  it('bad input gets a typed Chinese error', async () => {
    const s = setup();
    const base = { sourceDir: s.src, listCsv: s.listCsv, handover: s.handover, yearMonth: '2026-11', targets: [s.archive], batch: 'b1' };
    await expect(importPhotos({ ...base, yearMonth: '2026-13' })).rejects.toThrow(/年月应为 YYYY-MM/);
    await expect(importPhotos({ ...base, batch: '../x' })).rejects.toThrow(/批次号/);
    await expect(importPhotos({ ...base, sourceDir: join(s.root, 'nope') })).rejects.toThrow(/照片文件夹不存在/);
    await expect(importPhotos({ ...base, listCsv: '文件名,户号,地址\nDSC_0001.JPG,1001\n' })).rejects.toThrow(/第 2 行/);
    expect(existsSync(s.archive)).toBe(false);
  });
});
