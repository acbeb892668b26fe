/**
 * Issue 14 (real PostgreSQL): the change feed's scope (company master data, own hall's facts, never one's own
 * events), its safety when transactions commit out of order (a bigserial cursor would skip a row), the initial
 * snapshot in pages, and two server instances on one database.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, type FeedChange, type FeedPage, type PushResponse, type SnapshotPage, type SnapshotStart } from '../../server/protocol/index.js';
import { events, paymentRow, startHarness, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness(2);
});
afterAll(async () => {
  await h?.stop();
});

async function pull(auth: string, cursor = '', limit = 50, instance = 0): Promise<{ changes: FeedChange[]; cursor: string }> {
  const changes: FeedChange[] = [];
  for (;;) {
    const page = await h.call<FeedPage>('GET', `${ROUTES.feed}?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, { auth, instance });
    expect(page.status).toBe(200);
    changes.push(...page.body.changes);
    cursor = page.body.cursor;
    if (!page.body.more) return { changes, cursor };
  }
}

const payment = (id: string, hall: string, counter: string) => ({
  table: 'payments', op: 'insert' as const, rowId: id, row: paymentRow(id, { account: 'A1', hall, counter, date: '2026-12-01', totalFen: 100 }), businessDate: '2026-12-01',
});

describe('feed scope', () => {
  it('master data and the rows that pay a bill reach every hall; other facts reach the other counters of the same hall only; never the pusher itself', async () => {
    const a = await h.enrolDevice('S1', 'S1-K1', 'SC');
    const b = await h.enrolDevice('S1', 'S1-K2', 'SC');
    const c = await h.enrolDevice('S2', 'S2-K1', 'SC');
    const otherCompany = await h.enrolDevice('S1', 'X-K1', 'OTHER');
    await h.call('POST', ROUTES.push, {
      auth: a.auth,
      body: {
        events: events(1, [
          payment('SP1', 'S1', 'S1-K1'),
          { table: 'accounts', op: 'update', rowId: 'SA1', row: { id: 'SA1', name: '王五' } },
          { table: 'satisfaction_ratings', op: 'insert', rowId: 'SR1', row: { id: 'SR1', slip_no: 'S1-K1-1', rating: '满意' } },
        ]),
        auditHead: null,
      },
    });
    const tables = (changes: FeedChange[]) => changes.map((x) => `${x.table}:${x.rowId}`).sort();
    expect(tables((await pull(a.auth)).changes)).toEqual([]);
    expect(tables((await pull(b.auth)).changes)).toEqual(['accounts:SA1', 'payments:SP1', 'satisfaction_ratings:SR1']);
    // A bill is master data: the payment that made it 收讫 goes to every hall with it (COMPANY_FACT_TABLES).
    expect(tables((await pull(c.auth)).changes)).toEqual(['accounts:SA1', 'payments:SP1']);
    expect((await pull(c.auth)).changes.find((x) => x.rowId === 'SP1')).toMatchObject({ hallId: 'S1' });
    expect(tables((await pull(otherCompany.auth)).changes)).toEqual([]);
    const fromB = (await pull(b.auth)).changes.find((x) => x.rowId === 'SP1')!;
    expect(fromB).toMatchObject({ originDeviceId: a.deviceId, hallId: 'S1', op: 'insert' });
    expect(fromB.row.total_fen).toBe(100);
  });
});

describe('feed safety', () => {
  it('a row whose transaction commits after a later-numbered one is still delivered (no skipped change)', async () => {
    const d = await h.enrolDevice('T1', 'T1-K1', 'TC');
    const { cursor: start } = await pull(d.auth);
    const insert = (client: pg.Client, rowId: string) =>
      client.query(`INSERT INTO feed (company_id, hall_id, table_name, op, row_id, row, origin_device_id) VALUES ('TC', 'T1', 'payments', 'insert', $1, '{}'::jsonb, NULL)`, [rowId]);
    const t1 = new pg.Client(h.cluster.urlFor('sync_test'));
    const t2 = new pg.Client(h.cluster.urlFor('sync_test'));
    await t1.connect();
    await t2.connect();
    try {
      // T1 takes the lower transaction id but writes its feed row last (the higher bigserial) and commits last;
      // T2 writes first (the lower bigserial) and commits first.
      await t1.query('BEGIN');
      await t1.query('SELECT pg_current_xact_id()');
      await t2.query('BEGIN');
      await t2.query('SELECT pg_current_xact_id()');
      await insert(t2, 'late-xid-early-id');
      await insert(t1, 'early-xid-late-id');
      await t2.query('COMMIT');
      // T1 is open: a reader must not move past anything T1 could still make visible.
      const during = await pull(d.auth, start);
      await t1.query('COMMIT');
      const after = await pull(d.auth, during.cursor);
      expect([...during.changes, ...after.changes].map((x) => x.rowId).sort()).toEqual(['early-xid-late-id', 'late-xid-early-id']);
      // The other order: T3 (lower xid) writes the lower bigserial, T4 (higher xid) commits first.
      const t3 = t1;
      const t4 = t2;
      await t3.query('BEGIN');
      await t3.query('SELECT pg_current_xact_id()');
      await insert(t3, 'x3');
      await t4.query('BEGIN');
      await insert(t4, 'x4');
      await t4.query('COMMIT');
      const mid = await pull(d.auth, after.cursor);
      await t3.query('COMMIT');
      const end = await pull(d.auth, mid.cursor);
      expect([...mid.changes, ...end.changes].map((x) => x.rowId).sort()).toEqual(['x3', 'x4']);
    } finally {
      await t1.end();
      await t2.end();
    }
  });

  it('positions are ordered as transaction ids, not as text (…998, 999, 1000, 1001… all delivered in order)', async () => {
    const d = await h.enrolDevice('W1', 'W1-K1', 'WC');
    const { cursor: start } = await pull(d.auth);
    const now = BigInt((await h.pool.query<{ x: string }>('SELECT pg_current_xact_id()::text AS x')).rows[0]!.x);
    let boundary = 10n ** BigInt(now.toString().length);
    if (boundary - now < 8n) boundary *= 10n;
    // Burn transaction ids up to just below the next power of ten (each loop turn commits one transaction).
    const burn = Number(boundary - now - 4n);
    if (burn > 0) await h.pool.query(`DO $$ BEGIN FOR i IN 1..${burn} LOOP PERFORM pg_current_xact_id(); COMMIT; END LOOP; END $$`);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { rows } = await h.pool.query<{ x: string }>(
        `INSERT INTO feed (company_id, hall_id, table_name, op, row_id, row, origin_device_id) VALUES ('WC', 'W1', 'payments', 'insert', $1, '{}'::jsonb, NULL) RETURNING txid::text AS x`,
        [`w-${i}`],
      );
      ids.push(rows[0]!.x);
    }
    expect(ids.some((x) => BigInt(x) < boundary)).toBe(true);
    expect(ids.some((x) => BigInt(x) >= boundary)).toBe(true);
    const got = await pull(d.auth, start, 1);
    expect(got.changes.map((c) => c.rowId)).toEqual(['w-0', 'w-1', 'w-2', 'w-3', 'w-4', 'w-5']);
  });

  it('counters pushing concurrently through two server instances while another pulls: every fact arrives exactly once', async () => {
    const pushers = await Promise.all([1, 2, 3, 4].map((i) => h.enrolDevice('U1', `U1-K${i}`, 'UC')));
    const reader = await h.enrolDevice('U1', 'U1-K9', 'UC');
    const perDevice = 40;
    const batch = 4;
    let done = false;
    const seen = new Map<string, number>();
    let cursor = '';
    const reading = (async () => {
      let instance = 0;
      while (!done) {
        const page = await pull(reader.auth, cursor, 7, (instance = 1 - instance));
        for (const c of page.changes) seen.set(c.rowId, (seen.get(c.rowId) ?? 0) + 1);
        cursor = page.cursor;
      }
    })();
    await Promise.all(
      pushers.map(async (d, n) => {
        for (let seq = 1; seq <= perDevice; seq += batch) {
          const list = Array.from({ length: batch }, (_, i) => payment(`U-${n}-${seq + i}`, 'U1', `U1-K${n + 1}`));
          const answer = await h.call<PushResponse>('POST', ROUTES.push, { auth: d.auth, body: { events: events(seq, list), auditHead: null }, instance: n % 2 });
          expect(answer.body.ackSeq).toBe(seq + batch - 1);
        }
      }),
    );
    done = true;
    await reading;
    const last = await pull(reader.auth, cursor);
    for (const c of last.changes) seen.set(c.rowId, (seen.get(c.rowId) ?? 0) + 1);
    expect(seen.size).toBe(4 * perDevice);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
  });
});

describe('snapshot', () => {
  it('serves the company’s master rows page by page, and a feed cursor that catches what changed meanwhile', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => {
      const id = `acc-${String(i).padStart(5, '0')}`;
      return { table: 'accounts', rowId: id, row: { id, account_no: String(100000 + i), name: `用户${i}`, home_hall_id: 'V1' } };
    });
    const imported = await h.admin('POST', ROUTES.adminRows, { companyId: 'VC', rows });
    expect(imported.body.applied).toBe(2500);
    const d = await h.enrolDevice('V1', 'V1-K1', 'VC');
    const start = await h.call<SnapshotStart>('GET', ROUTES.snapshotStart, { auth: d.auth });
    expect(start.body.counts.accounts).toBe(2500);
    // Changed while the snapshot loads: comes through the feed from start.feedCursor.
    await h.admin('POST', ROUTES.adminRows, { companyId: 'VC', rows: [{ table: 'accounts', rowId: 'acc-00007', row: { id: 'acc-00007', name: '改名' } }] });
    const got: string[] = [];
    let after: string | null = '';
    while (after !== null) {
      const page: { status: number; body: SnapshotPage } = await h.call<SnapshotPage>('GET', `${ROUTES.snapshot}?table=accounts&limit=1000${after ? `&after=${after}` : ''}`, { auth: d.auth });
      expect(page.status).toBe(200);
      got.push(...page.body.rows.map((r) => r.rowId));
      after = page.body.next;
    }
    expect(got.length).toBe(2500);
    expect(new Set(got).size).toBe(2500);
    expect(got).toEqual([...got].sort());
    const caughtUp = await pull(d.auth, start.body.feedCursor);
    expect(caughtUp.changes.map((c) => `${c.rowId}:${c.row.name}`)).toEqual(['acc-00007:改名']);
    const badTable = await h.call('GET', `${ROUTES.snapshot}?table=audit_log`, { auth: d.auth });
    expect(badTable.status).toBe(400);
  });
});
