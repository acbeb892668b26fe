/**
 * Issue 12 #6: a manager restores a backup from within the app — the backup is listed, checked (integrity,
 * audit chain, the heads the live store recorded and those printed on paper) and restored at the next start,
 * the replaced store kept aside; backups can also go to a second path (R-INV-09).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupNow, listBackups, pendingRestoreFile } from '../../main/services/backup.js';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { lastAuditDetail, scalar } from '../fixtures/data.js';

let host: TestHost;
let backups: string;
let restarted: TestHost | null = null;

beforeEach(() => {
  backups = mkdtempSync(join(tmpdir(), 'gas-restore-'));
  host = makeTestHost({ backupDir: backups });
  const a = addAccount(host, { accountNo: '92100001', name: '恢复', address: '温州市鹿城区恢复路1号', reading: 30000 });
  for (let i = 0; i < 2; i++) addBill(host, a, { id: `r-${i}`, readingDate: `2026-11-1${i}`, previous: 10000 * i, current: 10000 * (i + 1), amountFen: 34500, dueDate: '2026-12-20' });
});
afterEach(() => {
  restarted?.dispose();
  restarted = null;
  host.dispose();
  rmSync(backups, { recursive: true, force: true });
});

const pay = async (billId: string) => {
  const clerk = await signIn(host);
  await clerk.ok('payments.payCash', { accountId: 'acc-92100001', billIds: [billId], tendered: '345', expectedTotalFen: 34500 });
};

describe('restore from within the app (issue 12 #6)', () => {
  it('checks the chosen backup, leaves the store as it is until the next start, then restores it and keeps the replaced store', async () => {
    await pay('r-0');
    const manager = await signIn(host, 'manager01');
    const taken = await manager.ok('backup.now', {});
    await pay('r-1');
    expect(await manager.ok('backup.check', { file: taken.file })).toEqual({ ok: true, detail: 'ok', payments: 1 });
    expect(await manager.ok('backup.restore', { file: taken.file, heads: [], acceptLoss: false })).toEqual({ payments: 1, lost: [], restartRequired: true });
    // nothing changes under the running counters
    expect(scalar(host, 'SELECT count(*) FROM payments')).toBe(2);
    expect(existsSync(pendingRestoreFile(join(host.dir, 'test.db')))).toBe(true);
    host.close();
    restarted = makeTestHost({ dir: host.dir, seed: false, backupDir: backups });
    expect(scalar(restarted, 'SELECT count(*) FROM payments')).toBe(1);
    expect(existsSync(pendingRestoreFile(join(host.dir, 'test.db')))).toBe(false);
    expect(readdirSync(host.dir).some((f) => f.startsWith('test.db.replaced-'))).toBe(true);
    expect(lastAuditDetail(restarted, 'backup.restored')).toMatchObject({ backup: taken.file, payments: 1 });
  });

  it('refuses a file that is not one of the listed backups, and a damaged backup, writing nothing', async () => {
    const manager = await signIn(host, 'manager01');
    const foreign = join(backups, 'elsewhere.db');
    writeFileSync(foreign, 'not a database');
    expect(await manager.call('backup.restore', { file: foreign, heads: [], acceptLoss: false })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'file' } });
    const taken = await backupNow(host.store, backups, new Date('2026-11-23T01:00:00Z'));
    writeFileSync(taken.file, 'damaged');
    expect(await manager.call('backup.restore', { file: taken.file, heads: [], acceptLoss: false })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'file' } });
    expect(existsSync(pendingRestoreFile(join(host.dir, 'test.db')))).toBe(false);
  });

  it('a backup shorter than a head the store recorded is restored only when the loss is accepted', async () => {
    const manager = await signIn(host, 'manager01');
    const taken = await manager.ok('backup.now', {});
    await pay('r-0');
    const clerk = await signIn(host);
    await clerk.ok('cashReport.submit', { deposited: '345', denominations: {} });
    const refused = await manager.call('backup.restore', { file: taken.file, heads: [], acceptLoss: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'acceptLoss' } });
    expect(existsSync(pendingRestoreFile(join(host.dir, 'test.db')))).toBe(false);
    const accepted = await manager.ok('backup.restore', { file: taken.file, heads: [], acceptLoss: true });
    expect(accepted.lost).toHaveLength(1);
    expect(await manager.call('backup.restore', { file: taken.file, heads: ['#12 xyz'], acceptLoss: true })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'heads' } });
  });

  it('a clerk may neither check nor restore', async () => {
    const clerk = await signIn(host);
    expect(await clerk.call('backup.restore', { file: 'x', heads: [], acceptLoss: false })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await clerk.call('backup.check', { file: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('a second backup path (R-INV-09)', () => {
  it('copies every backup to the second path too, rotating both; an unreachable second path leaves the backup and says so', async () => {
    const mirror = join(backups, 'usb');
    const first = await backupNow(host.store, join(backups, 'main'), new Date('2026-11-23T01:00:00Z'), 2, mirror);
    expect(first.mirror).toBe(join(mirror, 'gas-hall-20261123-010000.db'));
    await backupNow(host.store, join(backups, 'main'), new Date('2026-11-23T02:00:00Z'), 2, mirror);
    await backupNow(host.store, join(backups, 'main'), new Date('2026-11-23T03:00:00Z'), 2, mirror);
    expect(listBackups(mirror).map((b) => b.at)).toEqual(['20261123-030000', '20261123-020000']);
    const blocked = join(backups, 'not-a-dir');
    writeFileSync(blocked, 'a file where the share should be');
    const done = await backupNow(host.store, join(backups, 'main'), new Date('2026-11-23T04:00:00Z'), 2, blocked);
    expect(existsSync(done.file)).toBe(true);
    expect(done.mirror).toBeNull();
    expect(done.mirrorError).toMatch(/^第二备份位置不可用：/);
  });
});
