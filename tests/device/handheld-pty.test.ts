/**
 * A whole route of 5,000 accounts through the GHR/1 driver to the handheld simulator running as its own
 * process on a socat pty: upload with progress, the reader's readings back, 入库 into 5,000 bills, the
 * handheld emptied; a second import finds nothing to do.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '../../main/seed/generate.js';
import { createHost, type Host } from '../../main/host.js';
import { migrationsDir } from '../../main/paths.js';
import { addRoute, FixedClock, signIn, TEST_NOW } from '../fixtures/host.js';
import { startPtySimulator, type PtySimulator } from '../fixtures/pty.js';

let pty: PtySimulator;
let host: Host;

beforeAll(async () => {
  pty = await startPtySimulator('hardware/handheld/sim-cli.ts');
  host = createHost({ demo: true, dbFile: join(pty.dir, 'host', 'test.db'), migrationsDir, clock: new FixedClock(TEST_NOW), handheldPort: pty.app });
  seedReferenceData(host.store.sqlite);
  addRoute(host, '周抄表', 5000);
}, 30_000);

afterAll(() => {
  host?.close();
  pty?.stop();
});

describe('5,000-account sync over a pty', () => {
  it('exports, reads, imports and commits every reading exactly once', async () => {
    const clerk = await signIn(host);
    expect(await clerk.call('handheld.exportList', { meterReader: '周抄表', months: 1 })).toMatchObject({ ok: true, value: { count: 5000 } });
    const seen: number[] = [];
    const poll = setInterval(() => {
      void clerk.call('handheld.progress', {}).then((p) => {
        if (p.ok) seen.push(p.value.done);
      });
    }, 5);
    const exported = await clerk.call('handheld.export', { meterReader: '周抄表', months: 1, confirmedCount: 5000 });
    clearInterval(poll);
    expect(exported).toMatchObject({ ok: true, value: { count: 5000 } });
    expect(await pty.control('state')).toMatchObject({ route: 5000, readings: 0 });
    expect(seen.some((d) => d > 0)).toBe(true);

    expect(await pty.control('walk 12.5')).toMatchObject({ readings: 5000 });
    expect(await clerk.call('handheld.import', {})).toMatchObject({ ok: true, value: { inserted: 5000, unchanged: 0 } });
    const batchId = exported.ok ? exported.value.batchId : '';
    expect(await clerk.call('handheld.commit', { batchId })).toMatchObject({ ok: true, value: { billed: 5000, skipped: 0, deviceReleased: true } });
    const db = host.store.sqlite;
    expect(db.prepare("SELECT count(*) n, sum(consumption_centi) v, sum(amount_fen) a FROM bills WHERE source = 'handheld'").get()).toEqual({ n: 5000, v: 5000 * 1250, a: 5000 * 4313 });
    expect(db.prepare('SELECT count(DISTINCT account_id) FROM bills').pluck().get()).toBe(5000);
    expect(await pty.control('state')).toMatchObject({ readings: 0 });
    expect(await clerk.call('handheld.import', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  }, 120_000);
});
