/**
 * Issue 13 #5: start-up opens, migrates and serves reads without a full-file integrity check on the critical path.
 * The check runs in the background (a worker thread, read-only connection); until it has passed every write is
 * refused with a typed Chinese error, and a store it finds damaged is never written to.
 */
import { closeSync, copyFileSync, existsSync, mkdtempSync, readdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../main/host.js';
import { migrationsDir } from '../../main/paths.js';
import { seedAccounts, seedReferenceData } from '../../main/seed/generate.js';
import type { IntegrityVerdict } from '../../db/integrity.js';
import { openStore, StoreDamagedError } from '../../db/open.js';
import { clientOn, FixedClock, TEST_NOW } from '../fixtures/host.js';

let dir: string;
let file: string;
let host: Host | null = null;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gas-check-'));
  file = join(dir, 'store.db');
  const setup = createHost({ dbFile: file, migrationsDir, demo: true });
  seedReferenceData(setup.store.sqlite);
  setup.close();
});
afterEach(() => {
  host?.close();
  host = null;
  rmSync(dir, { recursive: true, force: true });
});

const login = { login: 'clerk01', password: '123456', counterId: 'counter-lc01' };
const audits = () => Number(host?.store.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get());
const fileDigest = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
const walBytes = (f: string) => {
  try {
    return statSync(`${f}-wal`).size;
  } catch {
    return 0;
  }
};

/** A checker the test answers when it wants (a slow check of a large store). */
function controllableChecker() {
  let answer: (v: IntegrityVerdict) => void = () => undefined;
  const started: string[] = [];
  return {
    started,
    answer: (v: IntegrityVerdict) => answer(v),
    checker: (f: string) => {
      started.push(f);
      return new Promise<IntegrityVerdict>((resolve) => {
        answer = resolve;
      });
    },
  };
}

describe('integrity check in the background at start', () => {
  it('serves reads at once, refuses a write until the check passes, then takes it', async () => {
    const check = controllableChecker();
    host = createHost({ dbFile: file, migrationsDir, demo: true, clock: new FixedClock(TEST_NOW), storeCheck: 'background', integrityChecker: check.checker, storeCheckWaitMs: 0 });
    expect(check.started).toEqual([file]);
    expect(host.storeCheckState()).toBe('checking');
    const counters = await clientOn(host, 'c1').call('auth.counters', {});
    expect(counters.ok).toBe(true);
    const before = audits();
    const refused = await clientOn(host, 'c1').call('auth.login', login);
    expect(refused).toMatchObject({ ok: false, error: { code: 'STORE_CHECKING', message: '正在检查数据文件完整性，请稍候再试' } });
    expect(audits()).toBe(before);
    check.answer({ ok: true });
    await host.storeCheck;
    expect(host.storeCheckState()).toBe('ok');
    expect(await clientOn(host, 'c1').call('auth.login', login)).toMatchObject({ ok: true });
    expect(audits()).toBe(before + 1);
  });

  it('a sign-in sent while a short check runs waits for it, then goes through', async () => {
    const check = controllableChecker();
    host = createHost({ dbFile: file, migrationsDir, demo: true, clock: new FixedClock(TEST_NOW), storeCheck: 'background', integrityChecker: check.checker, storeCheckWaitMs: 60_000 });
    const signingIn = clientOn(host, 'c1').call('auth.login', login);
    check.answer({ ok: true });
    expect(await signingIn).toMatchObject({ ok: true });
  });

  it('a store the check finds damaged is never written to: every write refused, the app told what to do', async () => {
    const check = controllableChecker();
    const damaged: string[] = [];
    host = createHost({
      dbFile: file,
      migrationsDir,
      demo: true,
      clock: new FixedClock(TEST_NOW),
      storeCheck: 'background',
      integrityChecker: check.checker,
      onStoreDamaged: (reason) => damaged.push(reason),
    });
    check.answer({ ok: false, detail: 'row 3 missing from index bills_account_status' });
    await host.storeCheck;
    expect(host.storeCheckState()).toBe('damaged');
    expect(damaged).toHaveLength(1);
    expect(damaged[0]).toContain('完整性检查未通过');
    const digest = fileDigest(file);
    const wal = walBytes(file);
    const refused = await clientOn(host, 'c1').call('auth.login', login);
    expect(refused).toMatchObject({ ok: false, error: { code: 'STORE_DAMAGED' } });
    expect(JSON.stringify(refused)).toContain('完整性检查未通过');
    expect(() => host?.store.sqlite.prepare("INSERT INTO calendar_days (date, kind) VALUES ('2026-12-01', 'holiday')").run()).toThrow();
    expect(await clientOn(host, 'c1').call('auth.counters', {})).toMatchObject({ ok: true });
    expect(fileDigest(file)).toBe(digest);
    expect(walBytes(file)).toBe(wal);
  });

  it('no backup is taken of a store the check found damaged (it would push a sound one out); a sound one is backed up', async () => {
    for (const verdict of [{ ok: false as const, detail: 'page 9: btree is corrupt' }, { ok: true as const }]) {
      const backups = join(dir, verdict.ok ? 'sound-backups' : 'damaged-backups');
      const check = controllableChecker();
      host = createHost({ dbFile: file, migrationsDir, demo: true, storeCheck: 'background', integrityChecker: check.checker, backupDir: backups, backupEveryMs: 20 });
      check.answer(verdict);
      await host.storeCheck;
      if (verdict.ok) await expect.poll(() => existsSync(backups) && readdirSync(backups).some((f) => f.endsWith('.db'))).toBe(true);
      else {
        await new Promise((resolve) => setTimeout(resolve, 300)); // some 15 rounds of the schedule
        expect(existsSync(backups) ? readdirSync(backups) : []).toEqual([]);
      }
      host.close();
      host = null;
    }
  });

  it('closing a store found damaged leaves its WAL alone: not even a checkpoint writes to it', async () => {
    // a store as a crash leaves it: committed pages still in its WAL
    const live = createHost({ dbFile: join(dir, 'live.db'), migrationsDir, demo: true });
    live.store.checkpoints?.close();
    live.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    seedReferenceData(live.store.sqlite);
    const crashed = join(dir, 'crashed.db');
    copyFileSync(join(dir, 'live.db'), crashed);
    copyFileSync(join(dir, 'live.db-wal'), `${crashed}-wal`);
    live.close();
    expect(walBytes(crashed)).toBeGreaterThan(0);
    const digest = fileDigest(crashed);
    const check = controllableChecker();
    host = createHost({ dbFile: crashed, migrationsDir, demo: true, clock: new FixedClock(TEST_NOW), storeCheck: 'background', integrityChecker: check.checker });
    check.answer({ ok: false, detail: 'page 7 is never used' });
    await host.storeCheck;
    host.close();
    host = null;
    expect(fileDigest(crashed)).toBe(digest);
    expect(walBytes(crashed)).toBeGreaterThan(0);
  });

  it('the default check is quick_check on a read-only connection in a worker thread: a damaged page is found', async () => {
    const big = createHost({ dbFile: file, migrationsDir, demo: true });
    seedAccounts(big.store.sqlite, { accounts: 3000, today: '2026-11-23', seed: 5 });
    big.close();
    const pages = statSync(file).size / 4096;
    // a page in the middle of the account data, far from the schema and the migrations' table
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * Math.floor(pages * 0.6));
    closeSync(fd);
    const damaged: string[] = [];
    host = createHost({ dbFile: file, migrationsDir, demo: true, clock: new FixedClock(TEST_NOW), storeCheck: 'background', onStoreDamaged: (r) => damaged.push(r) });
    expect(await host.storeCheck).toBe('damaged');
    expect(damaged[0]).toContain('完整性检查未通过');
    expect(await clientOn(host, 'c1').call('auth.login', login)).toMatchObject({ ok: false, error: { code: 'STORE_DAMAGED' } });
  });

  it('a store with a migration pending is checked before the migration writes to it', () => {
    const big = createHost({ dbFile: file, migrationsDir, demo: true });
    seedAccounts(big.store.sqlite, { accounts: 3000, today: '2026-11-23', seed: 5 });
    // as if this version brought the newest migration: the store has not applied it yet
    big.store.sqlite.prepare('DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)').run();
    big.close();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * Math.floor((statSync(file).size / 4096) * 0.6));
    closeSync(fd);
    expect(() => openStore(file, { migrationsDir, integrity: 'deferred' })).toThrow(StoreDamagedError);
  });

  it('the default check passes a sound store and lets writes through', async () => {
    host = createHost({ dbFile: file, migrationsDir, demo: true, clock: new FixedClock(TEST_NOW), storeCheck: 'background' });
    expect(await host.storeCheck).toBe('ok');
    expect(await clientOn(host, 'c1').call('auth.login', login)).toMatchObject({ ok: true });
  });
});
