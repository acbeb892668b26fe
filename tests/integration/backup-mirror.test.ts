/**
 * Issue 12 #6 (R-INV-09): the second backup path (a USB disk or a network share) set and cleared in the app by a
 * hall manager or administrator, stored in the database, validated (a full path, a folder that exists or can be
 * made, writable; refused at `dir` in Chinese otherwise), and used by the next backup without a restart. The
 * start's GAS_BACKUP_MIRROR stays the default until something is stored.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { scheduleBackups } from '../../main/services/backup.js';
import { makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { scalar } from '../fixtures/data.js';

const hosts: TestHost[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const h of hosts.splice(0)) h.dispose();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function scratch(): string {
  const d = mkdtempSync(join(tmpdir(), 'gas-mirror-'));
  dirs.push(d);
  return d;
}

function host(options: Parameters<typeof makeTestHost>[0] = {}): TestHost {
  const h = makeTestHost({ backupDir: join(scratch(), 'backups'), ...options });
  hosts.push(h);
  return h;
}

describe('the second backup path in settings (issue 12 #6, R-INV-09)', () => {
  it('a manager sets it, the next backup is copied there without a restart; a change and a clear apply at once', async () => {
    const start = join(scratch(), 'start-mirror');
    const h = host({ backupMirrorDir: start });
    const manager = await signIn(h, 'manager01');
    expect(await manager.ok('backup.mirror', {})).toEqual({ dir: start, stored: false, startDir: start });

    const usb = join(scratch(), 'usb', '燃气备份'); // not there yet: made
    expect(await manager.ok('backup.setMirror', { dir: ` ${usb} ` })).toEqual({ dir: usb, stored: true, startDir: start });
    expect(existsSync(usb)).toBe(true);
    const first = await manager.ok('backup.now', {});
    expect(first).toMatchObject({ mirror: join(usb, basename(first.file)), mirrorError: null });
    expect(existsSync(join(usb, basename(first.file)))).toBe(true);
    expect(existsSync(join(start, basename(first.file)))).toBe(false);

    const share = scratch();
    await manager.ok('backup.setMirror', { dir: share });
    h.clock.current = new Date(h.clock.current.getTime() + 60_000);
    const second = await manager.ok('backup.now', {});
    expect(second.mirror).toBe(join(share, basename(second.file)));

    // cleared: no second copy, even though the start named one
    expect(await manager.ok('backup.setMirror', { dir: null })).toEqual({ dir: null, stored: true, startDir: start });
    h.clock.current = new Date(h.clock.current.getTime() + 60_000);
    expect(await manager.ok('backup.now', {})).toMatchObject({ mirror: null, mirrorError: null });
    expect(scalar(h, "SELECT count(*) FROM audit_log WHERE action = 'backup.mirror.set'")).toBe(3);
  });

  it('refuses a relative path, a file, a folder that cannot be made or written, and the backup folder itself, at `dir`', async () => {
    const backupDir = join(scratch(), 'backups');
    const h = host({ backupDir });
    const admin = await signIn(h, 'admin01');
    const refused = async (dir: string) => {
      const res = await admin.call('backup.setMirror', { dir });
      expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'dir' } });
      return res.ok ? '' : res.error.message;
    };
    expect(await refused('backups2')).toBe('请填写完整路径（如 E:\\备份 或 /media/usb/备份）：backups2');
    const file = join(scratch(), 'a-file');
    writeFileSync(file, 'x');
    expect(await refused(file)).toBe(`不是文件夹：${file}`);
    expect(await refused(join(file, 'sub'))).toMatch(new RegExp(`^无法创建文件夹 ${join(file, 'sub').replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}：`));
    if (process.getuid?.() !== 0) {
      // root writes anywhere: the permission refusal is only seen as another user
      const readOnly = join(scratch(), 'ro');
      mkdirSync(readOnly);
      chmodSync(readOnly, 0o555);
      expect(await refused(readOnly)).toMatch(/^无法写入文件夹 /);
    }
    expect(await refused(backupDir)).toBe(`第二备份位置不能是备份目录本身：${backupDir}`);
    expect(scalar(h, 'SELECT count(*) FROM audit_log WHERE action = \'backup.mirror.set\'')).toBe(0);
    expect(await admin.ok('backup.mirror', {})).toEqual({ dir: null, stored: false, startDir: null });
  });

  it('only a manager or an administrator; the stored choice wins over the start after a restart', async () => {
    const h = host({ backupMirrorDir: join(scratch(), 'env') });
    for (const login of ['clerk01', 'tech01']) {
      const who = await signIn(h, login);
      expect(await who.call('backup.mirror', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await who.call('backup.setMirror', { dir: null })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const usb = scratch();
    await (await signIn(h, 'admin01')).ok('backup.setMirror', { dir: usb });
    h.close();
    const again = makeTestHost({ dir: h.dir, seed: false, backupDir: join(scratch(), 'backups'), backupMirrorDir: join(scratch(), 'other-env') });
    hosts.push(again);
    const manager = await signIn(again, 'manager01');
    expect(await manager.ok('backup.mirror', {})).toMatchObject({ dir: usb, stored: true });
    const taken = await manager.ok('backup.now', {});
    expect(taken.mirror).toBe(join(usb, basename(taken.file)));
  });

  it('the scheduled backups read the second path at each run: a change applies to the next one', async () => {
    const h = host();
    const first = scratch();
    const second = scratch();
    let mirror: string | undefined = first;
    let tick = 0;
    const stop = scheduleBackups(h.store, join(scratch(), 'scheduled'), 40, 14, () => new Date(Date.UTC(2026, 10, 23, 2, 0, tick++)), () => mirror);
    try {
      await expect.poll(() => readdirSync(first).length, { timeout: 3000 }).toBeGreaterThan(0);
      mirror = second;
      await expect.poll(() => readdirSync(second).length, { timeout: 3000 }).toBeGreaterThan(0);
    } finally {
      stop();
    }
  });
});
