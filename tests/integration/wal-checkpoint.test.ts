/**
 * Issue 13 #3: WAL checkpoints off the counter's critical path. The write connection never checkpoints inside a
 * commit (wal_autocheckpoint = 0); the store checkpoints when writes pause (PASSIVE), or when the WAL passes its
 * size limit even while writes go on, so the WAL stays bounded; closing checkpoints. Durability stays
 * synchronous=FULL. The ticks are driven by hand here (no timing in tests).
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../db/open.js';
import { migrationsDir } from '../../main/paths.js';

let dir: string;
let store: Store;
const walSize = (file: string) => (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
const walFrames = () => (store.sqlite.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[])[0];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gas-wal-'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('WAL checkpoints at idle', () => {
  it('the write connection does not checkpoint on commit; durability stays FULL', () => {
    store = openStore(join(dir, 'a.db'), { migrationsDir });
    expect(store.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.checkpoints).not.toBeNull();
  });

  it('checkpoints once writes have paused for a tick, not while they go on', () => {
    store = openStore(join(dir, 'b.db'), { migrationsDir });
    const checkpoints = store.checkpoints;
    if (!checkpoints) throw new Error('no checkpointer');
    checkpoints.tick();
    store.sqlite.exec('CREATE TABLE t (x TEXT)');
    store.sqlite.prepare('INSERT INTO t VALUES (?)').run('a');
    expect(checkpoints.tick()).toBeNull(); // writes since the last tick: not idle yet
    expect(checkpoints.tick()).toBe('idle');
    expect(checkpoints.tick()).toBeNull(); // nothing new to checkpoint
    const frames = walFrames();
    expect(frames?.checkpointed).toBe(frames?.log);
  });

  it('checkpoints when the WAL passes its limit even while writes go on, so it stays bounded', () => {
    const limit = 256 * 1024;
    store = openStore(join(dir, 'c.db'), { migrationsDir, checkpoints: { idleMs: 60_000, maxWalBytes: limit } });
    const checkpoints = store.checkpoints;
    if (!checkpoints) throw new Error('no checkpointer');
    store.sqlite.exec('CREATE TABLE t (x TEXT)');
    // the migrations left a WAL over the limit: the first tick checkpoints it
    expect(checkpoints.tick()).toBe('size');
    const insert = store.sqlite.prepare('INSERT INTO t VALUES (?)');
    const reasons: (string | null)[] = [];
    let largest = 0;
    for (let i = 0; i < 400; i++) {
      insert.run('x'.repeat(3000));
      reasons.push(checkpoints.tick());
      largest = Math.max(largest, walSize(join(dir, 'c.db')));
    }
    expect(reasons).toContain('size');
    expect(reasons).not.toContain('idle');
    // 400 rows of 3 KB are 1.2 MB of WAL without checkpoints; with them it never passes the limit by much
    expect(largest).toBeLessThan(2 * limit);
  });

  it('a tick while a statement is still being read on the connection waits for the next tick (no error)', () => {
    store = openStore(join(dir, 'd.db'), { migrationsDir });
    const checkpoints = store.checkpoints;
    if (!checkpoints) throw new Error('no checkpointer');
    store.sqlite.exec('CREATE TABLE t (x TEXT); INSERT INTO t VALUES (1), (2)');
    const open = store.sqlite.prepare('SELECT x FROM t').iterate();
    open.next();
    expect(checkpoints.tick()).toBeNull();
    open.return?.();
    checkpoints.tick();
    expect(checkpoints.tick()).toBe('idle');
  });

  it('closing the store checkpoints the WAL into the main file', () => {
    const file = join(dir, 'd.db');
    store = openStore(file, { migrationsDir });
    store.sqlite.exec('CREATE TABLE t (x TEXT)');
    store.sqlite.prepare('INSERT INTO t VALUES (?)').run('kept');
    store.close();
    expect(walSize(file)).toBe(0);
    store = openStore(file, { migrationsDir });
    expect(store.sqlite.prepare('SELECT x FROM t').pluck().get()).toBe('kept');
  });
});
