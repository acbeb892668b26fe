/**
 * Issue 14 #2: a new counter's initial snapshot through the real puller against the real server on PostgreSQL, in
 * small pages (7 rows: the next page is asked for while one is written): every account arrives once, nothing goes
 * to the outbox, the search-index triggers are as before, and the index the pages deferred is built before the feed
 * starts (the counter's search finds every account; no `search.accounts` debt left).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolDevice } from '../../main/sync/enrolment.js';
import { Puller } from '../../main/sync/puller.js';
import { searchPendingKey } from '../../main/sync/snapshot.js';
import { ROUTES } from '../../server/protocol/index.js';
import { accountRow } from '../bench/snapshot.js';
import { makeTestHost, type TestHost } from '../fixtures/host.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let host: TestHost;
const dir = mkdtempSync(join(tmpdir(), 'gas-snapshot-puller-'));

beforeAll(async () => {
  h = await startHarness(1);
  const rows = Array.from({ length: 30 }, (_, i) => ({ table: 'accounts', rowId: String(accountRow(i).id), row: accountRow(i) }));
  const put = await h.admin('POST', ROUTES.adminRows, { companyId: 'C1', rows });
  expect(put.status).toBe(200);
  host = makeTestHost({ sync: { start: false } });
}, 120_000);

afterAll(async () => {
  host?.dispose();
  await h?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('initial snapshot through the puller', () => {
  it('loads every account in pages, builds the deferred search index before the feed, captures nothing', async () => {
    const db = host.store.sqlite;
    const n = (sql: string, ...p: unknown[]) => Number(db.prepare(sql).pluck().get(...p));
    const triggers = () => db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'accounts' ORDER BY name").all();
    const before = triggers();
    const { body } = await h.admin('POST', ROUTES.adminCodes, { companyId: 'C1', hallId: 'hall-lc', counterId: 'counter-lc01' });
    const credentialsFile = join(dir, 'sync-credentials.json');
    await enrolDevice(db, credentialsFile, { serverUrl: h.urls[0] ?? '', code: String(body.code) }, host.clock.now());
    const puller = new Puller({ sqlite: db, credentialsFile, snapshotLimit: 7, now: () => host.clock.now() });
    await puller.pullOnce();
    expect(puller.status()).toMatchObject({ problems: 0, snapshotRows: 30 });
    expect(n("SELECT count(*) FROM accounts WHERE id LIKE 'acc-0%'")).toBe(30);
    expect(n('SELECT count(*) FROM sync_cursors WHERE feed = ?', searchPendingKey('accounts'))).toBe(0);
    expect(n("SELECT count(*) FROM accounts_fts WHERE accounts_fts MATCH '快照路'")).toBe(30);
    expect(n("SELECT count(*) FROM accounts_chars WHERE accounts_chars MATCH '快 照 路'")).toBe(30);
    expect(triggers()).toEqual(before);
    // the rows came from the server: none of them goes back up
    expect(n("SELECT count(*) FROM sync_outbox WHERE tbl = 'accounts'")).toBe(0);
  });
});
