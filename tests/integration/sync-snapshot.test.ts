/**
 * Issue 14 #2: a new counter's initial snapshot on a real SQLite store: pages of the company's accounts written
 * set-based in one transaction each, found by the counter's search at once, not captured into the outbox, loaded
 * again without change, a bad row listed in sync_problems while the rest of its page goes in, a garbled page refused
 * whole.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { loadSnapshotPage } from '../../main/sync/snapshot.js';
import { FeedInputError } from '../../main/sync/applier.js';
import { accountRow, snapshotPageText } from '../bench/snapshot.js';
import { count, rowsOf } from '../fixtures/sync.js';

let host: TestHost;
beforeEach(() => {
  host = makeTestHost();
});
afterEach(() => host.dispose());

const now = () => host.clock.now();
const load = (raw: unknown) => loadSnapshotPage(host.store.sqlite, raw, now());

describe('initial snapshot', () => {
  it('loads pages of accounts set-based; the counter finds them; nothing goes to the outbox; the same pages again change nothing', async () => {
    const outbox = count(host, 'SELECT count(*) FROM sync_outbox');
    const p1 = JSON.parse(snapshotPageText(0, 300, 500));
    const p2 = JSON.parse(snapshotPageText(300, 300, 500));
    expect(load(p1)).toMatchObject({ table: 'accounts', rows: 300, inserted: 300, problems: 0 });
    expect(load(p2)).toMatchObject({ rows: 200, inserted: 200, problems: 0, next: null });
    expect(count(host, "SELECT count(*) FROM accounts WHERE id LIKE 'acc-0%'")).toBe(500);
    expect(count(host, 'SELECT count(*) FROM sync_outbox')).toBe(outbox);
    const clerk = await signIn(host);
    const found = await clerk.call('accounts.search', { query: '10000123' });
    expect(found.ok && found.value.rows.some((a) => a.accountNo === '10000123')).toBe(true);
    const before = JSON.stringify(rowsOf(host, 'accounts', "id LIKE 'acc-0%' ORDER BY id"));
    expect(load(p1)).toMatchObject({ inserted: 0, existing: 300, problems: 0 });
    expect(JSON.stringify(rowsOf(host, 'accounts', "id LIKE 'acc-0%' ORDER BY id"))).toBe(before);
  });

  it('a changed row of an account already here is updated in its changed columns only', () => {
    load(JSON.parse(snapshotPageText(0, 10, 10)));
    const row: Record<string, string | number | null> = { ...accountRow(3), name: '改名用户' };
    expect(load({ table: 'accounts', rows: [{ rowId: String(row.id), row }], next: null })).toMatchObject({ inserted: 1, problems: 0 });
    expect(rowsOf(host, 'accounts', 'id = ?', row.id)[0]).toMatchObject({ name: '改名用户' });
  });

  it('a row the store refuses (unknown hall) is listed; the rest of its page goes in', () => {
    const page = JSON.parse(snapshotPageText(0, 20, 20));
    page.rows[7].row.home_hall_id = 'hall-nowhere';
    expect(load(page)).toMatchObject({ inserted: 19, problems: 1 });
    const problems = rowsOf(host, 'sync_problems', "source = 'snapshot'");
    expect(problems).toHaveLength(1);
    expect(String(problems[0]?.reason)).toContain('缺少关联的主数据');
  });

  it('a garbled page is refused whole with a clear message', () => {
    const good = JSON.parse(snapshotPageText(0, 5, 5));
    for (const bad of [null, { table: 'payments', rows: [], next: null }, { ...good, rows: [{ rowId: '', row: {} }] }, { ...good, rows: [{ rowId: 'x', row: { a: { b: 1 } } }] }, { ...good, rows: 'x' }]) {
      expect(() => load(bad)).toThrow(FeedInputError);
    }
    expect(count(host, "SELECT count(*) FROM accounts WHERE id LIKE 'acc-0%'")).toBe(0);
  });
});
