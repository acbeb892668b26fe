/**
 * Data safety (issue 6): online backups while the store is in use, rotation, a restore that proves the
 * backup first and keeps the replaced store, and the integrity check that refuses a damaged store.
 */
import { copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync, closeSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, StoreDamagedError } from '../../db/open.js';
import { migrationsDir } from '../../main/paths.js';
import { backupNow, checkBackup, listBackups, restoreBackup, storeInUse } from '../../main/services/backup.js';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { scalar } from '../fixtures/data.js';

let host: TestHost;
let dir: string;

beforeEach(() => {
  host = makeTestHost();
  dir = mkdtempSync(join(tmpdir(), 'gas-backup-'));
  const a = addAccount(host, { accountNo: '92000001', name: '备份', address: '温州市鹿城区备份路1号', reading: 30000 });
  for (let i = 0; i < 3; i++) addBill(host, a, { id: `b-${i}`, readingDate: `2026-11-1${i}`, previous: 10000 * (i + 1) - 10000, current: 10000 * (i + 1), amountFen: 34500, dueDate: '2026-12-20' });
});
afterEach(() => {
  host.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const pay = async (clerk: Awaited<ReturnType<typeof signIn>>, billId: string) =>
  expect(await clerk.call('payments.payCash', { accountId: 'acc-92000001', billIds: [billId], tendered: '345', expectedTotalFen: 34500 })).toMatchObject({ ok: true });

describe('backups', () => {
  it('backs up online, rotates, and restores exactly what was there, keeping the replaced store', async () => {
    const clerk = await signIn(host);
    await pay(clerk, 'b-0');
    const first = await backupNow(host.store, dir, new Date('2026-11-23T02:00:00Z'), 2);
    await pay(clerk, 'b-1');
    await backupNow(host.store, dir, new Date('2026-11-23T03:00:00Z'), 2);
    await backupNow(host.store, dir, new Date('2026-11-23T04:00:00Z'), 2);
    expect(listBackups(dir).map((b) => b.at)).toEqual(['20261123-040000', '20261123-030000']);
    expect(existsSync(first.file)).toBe(false);
    const newest = listBackups(dir)[0]?.file ?? '';
    expect(checkBackup(newest)).toEqual({ ok: true, detail: 'ok', payments: 2 });
    await pay(clerk, 'b-2');
    // restore into a copy of the live store's place
    const target = join(dir, 'restored.db');
    writeFileSync(target, 'not a database');
    const done = restoreBackup(newest, target, new Date('2026-11-23T05:00:00Z'));
    expect(done.payments).toBe(2);
    expect(readFileSync(done.replaced ?? '', 'utf8')).toBe('not a database');
    const restored = openStore(target, { migrationsDir });
    expect(restored.sqlite.prepare('SELECT count(*) FROM payments').pluck().get()).toBe(2);
    restored.close();
  });

  it('refuses to restore a damaged backup', async () => {
    const b = await backupNow(host.store, dir, new Date('2026-11-23T02:00:00Z'));
    const fd = openSync(b.file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 3);
    closeSync(fd);
    expect(() => restoreBackup(b.file, join(dir, 'x.db'), new Date())).toThrow('不可用');
    expect(existsSync(join(dir, 'x.db'))).toBe(false);
  });

  it('a damaged store is refused at start (integrity check)', async () => {
    const b = await backupNow(host.store, dir, new Date('2026-11-23T02:00:00Z'));
    const fd = openSync(b.file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 3);
    closeSync(fd);
    expect(() => openStore(b.file, { migrationsDir })).toThrow(StoreDamagedError);
  });

  it('a manager can take a backup through the API; a clerk cannot', async () => {
    const clerk = await signIn(host);
    expect(await clerk.call('backup.now', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('restore against the running app and the recorded heads (issue 10 #20)', () => {
  it('refuses while a host holds the store open, and runs once it has stopped', async () => {
    const { createHost } = await import('../../main/host.js');
    const live = join(dir, 'live.db');
    const running = createHost({ dbFile: live, migrationsDir });
    const b = await backupNow(running.store, dir, new Date('2026-11-23T02:00:00Z'));
    const before = readFileSync(live);
    try {
      expect(storeInUse(live)).toBe(true);
      expect(() => restoreBackup(b.file, live, new Date('2026-11-23T03:00:00Z'))).toThrow('正在使用');
      expect(readFileSync(live).equals(before)).toBe(true);
      expect(existsSync(`${live}.replaced-20261123-030000`)).toBe(false);
    } finally {
      running.close();
    }
    expect(storeInUse(live)).toBe(false);
    expect(restoreBackup(b.file, live, new Date('2026-11-23T03:00:00Z')).replaced).toBe(`${live}.replaced-20261123-030000`);
  });

  it('refuses a backup shorter than a head the replaced store recorded or the paper shows, unless the loss is accepted', async () => {
    const clerk = await signIn(host);
    const b = await backupNow(host.store, dir, new Date('2026-11-23T02:00:00Z'));
    const rowsInBackup = scalar(host, 'SELECT count(*) FROM audit_log');
    await pay(clerk, 'b-0');
    expect(await clerk.call('cashReport.submit', { deposited: '345', denominations: {} })).toMatchObject({ ok: true });
    const head = host.store.sqlite.prepare('SELECT seq, hash FROM audit_heads').get() as { seq: number; hash: string };
    const target = join(host.dir, 'test.db');
    host.close();
    expect(() => restoreBackup(b.file, target, new Date('2026-11-23T03:00:00Z'))).toThrow(`短于被替换数据库记录的链头 #${head.seq}`);
    expect(() => restoreBackup(b.file, join(dir, 'fresh.db'), new Date(), { heads: [{ seq: head.seq, hash: head.hash.slice(0, 12) }] })).toThrow(`短于打印的链头 #${head.seq}`);
    expect(existsSync(join(dir, 'fresh.db'))).toBe(false);
    // a backup cut short of the heads it recorded itself is no backup
    const cut = join(dir, 'cut.db');
    copyFileSync(join(host.dir, 'test.db'), cut);
    const forged = new Database(cut);
    forged.exec('DROP TRIGGER audit_log_no_delete');
    forged.prepare('DELETE FROM audit_log WHERE seq >= ?').run(head.seq);
    forged.close();
    expect(checkBackup(cut)).toEqual({ ok: false, detail: `审计链只有 ${head.seq - 1} 条，短于已记录的链头 #${head.seq}（chain shorter than recorded head）`, payments: 0 });
    const done = restoreBackup(b.file, target, new Date('2026-11-23T03:00:00Z'), { acceptLoss: true });
    expect(done).toMatchObject({ payments: 0, lost: [`审计链只有 ${rowsInBackup} 条，短于被替换数据库记录的链头 #${head.seq}（chain shorter than replaced store head）`] });
  });
});

describe('scheduled backups', () => {
  it('the host backs up on its schedule while it runs', async () => {
    const { createHost } = await import('../../main/host.js');
    const { migrationsDir: migrations } = await import('../../main/paths.js');
    const scheduled = createHost({ demo: true, dbFile: join(dir, 'scheduled.db'), migrationsDir: migrations, backupDir: join(dir, 'auto'), backupEveryMs: 50, backupKeep: 3 });
    try {
      await expect.poll(() => listBackups(join(dir, 'auto')).length).toBeGreaterThanOrEqual(1);
      expect(checkBackup(listBackups(join(dir, 'auto'))[0]?.file ?? '').ok).toBe(true);
    } finally {
      scheduled.close();
    }
  });
});
