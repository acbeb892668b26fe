/**
 * Issue 15 #7 (R-PHOTO-02): the archive cannot be changed, and neither can its record. Raw SQL against a migrated
 * store: photo_imports and install_photos refuse UPDATE and DELETE; a photo row needs a 64-hex SHA-256 and a path in
 * its import's year-month folder.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addAccount, makeTestHost, type TestHost } from '../fixtures/host.js';

const hosts: TestHost[] = [];
afterEach(() => {
  for (const h of hosts.splice(0)) h.dispose();
});

const SHA = 'a'.repeat(64);

function store() {
  const h = makeTestHost();
  hosts.push(h);
  const { accountId } = addAccount(h, { accountNo: '91000001', name: '张三', address: '幸福路8号' });
  const db = h.store.sqlite;
  db.prepare(
    `INSERT INTO photo_imports (id, hall_id, batch, year_month, source_dir, photo_count, household_count, archive_dir, manifest_path, manifest_sha256, handover, imported_by)
     VALUES ('imp1', 'hall-lc', 'b1', '2026-11', '/cam', 1, 1, '/srv', '2026-11/SHA256SUMS-b1.txt', ?, '[]', 'staff-clerk01')`,
  ).run(SHA);
  const photo = db.prepare(`INSERT INTO install_photos (id, import_id, account_id, original_name, path, address, sha256, bytes) VALUES (?, 'imp1', ?, 'DSC_1.JPG', ?, '幸福路8号', ?, 5)`);
  photo.run('p1', accountId, '2026-11/幸福路8号-1.jpg', SHA);
  return { db, photo, accountId };
}

describe('photo record guards (issue 15 #7, R-PHOTO-02)', () => {
  it('R-PHOTO-02: imports and photos are append-only', () => {
    const { db } = store();
    expect(() => db.prepare("UPDATE install_photos SET sha256 = ? WHERE id = 'p1'").run('b'.repeat(64))).toThrow(/append-only/);
    expect(() => db.prepare("DELETE FROM install_photos WHERE id = 'p1'").run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE photo_imports SET manifest_sha256 = ? WHERE id = 'imp1'").run('b'.repeat(64))).toThrow(/append-only/);
    expect(() => db.prepare("DELETE FROM photo_imports WHERE id = 'imp1'").run()).toThrow(/append-only/);
    expect(db.prepare("SELECT sha256 FROM install_photos WHERE id = 'p1'").get()).toEqual({ sha256: SHA });
  });

  it('R-PHOTO-02: a photo row needs a 64-hex checksum and a path in its import\'s year-month folder', () => {
    const { db, photo, accountId } = store();
    expect(() => photo.run('p2', accountId, '2026-11/x-1.jpg', 'A'.repeat(64))).toThrow(/sha256 must be 64 hex/);
    expect(() => photo.run('p3', accountId, '2026-11/x-1.jpg', 'a'.repeat(63))).toThrow(/sha256 must be 64 hex/);
    expect(() => photo.run('p4', accountId, '2026-10/x-1.jpg', SHA)).toThrow(/year-month folder/);
    photo.run('p5', accountId, '2026-11/x-1.jpg', SHA);
    expect(db.prepare('SELECT count(*) AS n FROM install_photos').get()).toEqual({ n: 2 });
  });
});
