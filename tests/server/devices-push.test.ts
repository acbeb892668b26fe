/**
 * Issue 14 (real PostgreSQL): enrolment with one-time codes, revocation, a device pushing in another's name,
 * idempotent and overlapping pushes, gaps, seq reuse, bad input refused with a typed 400 and nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, deviceAuthorization, type PushResponse } from '../../server/protocol/index.js';
import { events, paymentRow, startHarness, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const count = async (sql: string, params: unknown[] = []) => Number((await h.pool.query<{ n: string }>(sql, params)).rows[0]!.n);

function pay(first: number, ids: string[], hall = 'H1', counter = 'K1') {
  return events(
    first,
    ids.map((id) => ({ table: 'payments', op: 'insert' as const, rowId: id, row: paymentRow(id, { account: 'A1', hall, counter, date: '2026-12-01', totalFen: 1234 }), hallId: hall, businessDate: '2026-12-01' })),
  );
}

describe('enrolment', () => {
  it('trades a one-time code for a credential once; a reused, unknown or admin-less code is refused', async () => {
    const noAdmin = await h.call('POST', ROUTES.adminCodes, { body: { companyId: 'C1', hallId: 'H1', counterId: 'K9' } });
    expect(noAdmin.status).toBe(401);
    expect(noAdmin.body.error.code).toBe('UNAUTHENTICATED');

    const code = await h.admin('POST', ROUTES.adminCodes, { companyId: 'C1', hallId: 'H1', counterId: 'K9' });
    expect(code.status).toBe(200);
    const typed = code.body.code.toLowerCase().replace(/-/g, ' ');
    const first = await h.call('POST', ROUTES.enrol, { body: { code: typed } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ companyId: 'C1', hallId: 'H1', counterId: 'K9' });
    expect(Buffer.from(first.body.secret, 'base64url').length).toBeGreaterThanOrEqual(32);

    const again = await h.call('POST', ROUTES.enrol, { body: { code: code.body.code } });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('UNAUTHENTICATED');
    const unknown = await h.call('POST', ROUTES.enrol, { body: { code: 'AAAA-BBBB-CCCC' } });
    expect(unknown.status).toBe(401);

    // The secret is stored hashed only.
    const stored = await h.pool.query<{ secret_hash: string }>('SELECT secret_hash FROM devices WHERE id = $1', [first.body.deviceId]);
    expect(stored.rows[0]!.secret_hash).not.toContain(first.body.secret);
    const works = await h.call('GET', ROUTES.pushState, { auth: deviceAuthorization(first.body.deviceId, first.body.secret) });
    expect(works.status).toBe(200);
    expect(works.body).toEqual({ ackSeq: 0, auditHead: null });
  });

  it('an expired code is refused', async () => {
    const code = await h.admin('POST', ROUTES.adminCodes, { companyId: 'C1', hallId: 'H1', counterId: 'K8', ttlMinutes: 1 });
    await h.pool.query(`UPDATE enrolment_codes SET expires_at = now() - interval '1 second' WHERE device_id IS NULL AND counter_id = 'K8'`);
    const late = await h.call('POST', ROUTES.enrol, { body: { code: code.body.code } });
    expect(late.status).toBe(401);
  });

  it('a revoked device is refused at once, on every endpoint', async () => {
    const d = await h.enrolDevice('H1', 'K7');
    const before = await h.call<PushResponse>('POST', ROUTES.push, { auth: d.auth, body: { events: pay(1, ['rv-1'], 'H1', 'K7'), auditHead: null } });
    expect(before.status).toBe(200);
    const revoked = await h.admin('POST', ROUTES.adminRevoke(d.deviceId));
    expect(revoked.status).toBe(200);
    for (const [method, path, body] of [
      ['POST', ROUTES.push, { events: pay(2, ['rv-2'], 'H1', 'K7'), auditHead: null }],
      ['GET', ROUTES.feed, undefined],
      ['GET', ROUTES.snapshotStart, undefined],
      ['GET', ROUTES.pushState, undefined],
    ] as const) {
      const answer = await h.call(method, path, { auth: d.auth, body });
      expect(answer.status, path).toBe(401);
      expect(answer.body.error.code).toBe('UNAUTHENTICATED');
    }
    expect(await count(`SELECT count(*) AS n FROM events WHERE device_id = $1`, [d.deviceId])).toBe(1);
  });
});

describe('push', () => {
  it('a device cannot push in another device’s name or for another hall', async () => {
    const a = await h.enrolDevice('H1', 'K1');
    const b = await h.enrolDevice('H2', 'K2');
    // B's secret under A's id: refused.
    const forged = await h.call('POST', ROUTES.push, { auth: deviceAuthorization(a.deviceId, b.secret), body: { events: pay(1, ['f-1']), auditHead: null } });
    expect(forged.status).toBe(401);
    // B naming A's hall: refused whole, nothing stored.
    const otherHall = await h.call('POST', ROUTES.push, { auth: b.auth, body: { events: pay(1, ['f-2'], 'H1', 'K1'), auditHead: null } });
    expect(otherHall.status).toBe(403);
    expect(otherHall.body.error.code).toBe('FORBIDDEN');
    expect(await count(`SELECT count(*) AS n FROM events WHERE device_id IN ($1, $2)`, [a.deviceId, b.deviceId])).toBe(0);
    // A device id in the body is not part of the contract: refused as bad input.
    const smuggled = await h.call('POST', ROUTES.push, { auth: b.auth, body: { deviceId: a.deviceId, events: [], auditHead: null } });
    expect(smuggled.status).toBe(400);
  });

  it('a repeated or overlapping push changes nothing; a gap is not acked past it', async () => {
    const d = await h.enrolDevice('H1', 'K3');
    const batch = pay(1, ['p-1', 'p-2', 'p-3'], 'H1', 'K3');
    const first = await h.call<PushResponse>('POST', ROUTES.push, { auth: d.auth, body: { events: batch, auditHead: null } });
    expect(first.body).toEqual({ ackSeq: 3, conflicts: [] });
    const feedBefore = await count(`SELECT count(*) AS n FROM feed`);
    const again = await h.call<PushResponse>('POST', ROUTES.push, { auth: d.auth, body: { events: batch, auditHead: null } });
    expect(again.body).toEqual({ ackSeq: 3, conflicts: [] });
    expect(await count(`SELECT count(*) AS n FROM feed`)).toBe(feedBefore);
    expect(await count(`SELECT count(*) AS n FROM payments WHERE device_id = $1`, [d.deviceId])).toBe(3);

    const overlap = await h.call<PushResponse>('POST', ROUTES.push, { auth: d.auth, body: { events: [...batch.slice(1), ...pay(4, ['p-4', 'p-5'], 'H1', 'K3')], auditHead: null } });
    expect(overlap.body.ackSeq).toBe(5);
    expect(await count(`SELECT count(*) AS n FROM payments WHERE device_id = $1`, [d.deviceId])).toBe(5);

    // 6 and 8 without 7: acked to 6, 8 not stored.
    const gap = [...pay(6, ['p-6'], 'H1', 'K3'), ...pay(8, ['p-8'], 'H1', 'K3')];
    const gapped = await h.call<PushResponse>('POST', ROUTES.push, { auth: d.auth, body: { events: gap, auditHead: null } });
    expect(gapped.body.ackSeq).toBe(6);
    expect(await count(`SELECT count(*) AS n FROM events WHERE device_id = $1 AND seq = 8`, [d.deviceId])).toBe(0);
    // A batch that starts past the ack stores nothing.
    const ahead = await h.call<PushResponse>('POST', ROUTES.push, { auth: d.auth, body: { events: pay(8, ['p-8'], 'H1', 'K3'), auditHead: null } });
    expect(ahead.body.ackSeq).toBe(6);
    const filled = await h.call<PushResponse>('POST', ROUTES.push, { auth: d.auth, body: { events: [...pay(7, ['p-7'], 'H1', 'K3'), ...pay(8, ['p-8'], 'H1', 'K3')], auditHead: null } });
    expect(filled.body.ackSeq).toBe(8);
    expect(await count(`SELECT count(*) AS n FROM payments WHERE device_id = $1`, [d.deviceId])).toBe(8);
    const state = await h.call('GET', ROUTES.pushState, { auth: d.auth });
    expect(state.body.ackSeq).toBe(8);
  });

  it('concurrent pushes of one batch (a retry racing the first try) store it once', async () => {
    const d = await h.enrolDevice('H1', 'K4');
    const batch = pay(1, ['c-1', 'c-2', 'c-3', 'c-4'], 'H1', 'K4');
    const answers = await Promise.all([1, 2, 3].map(() => h.call<PushResponse>('POST', ROUTES.push, { auth: d.auth, body: { events: batch, auditHead: null } })));
    expect(answers.map((a) => a.body.ackSeq)).toEqual([4, 4, 4]);
    expect(await count(`SELECT count(*) AS n FROM payments WHERE device_id = $1`, [d.deviceId])).toBe(4);
  });

  it('the same payment pushed again under new seqs (a restored outbox) is stored once; a stored seq with other content is seq_reuse', async () => {
    const d = await h.enrolDevice('H1', 'K5');
    await h.call('POST', ROUTES.push, { auth: d.auth, body: { events: pay(1, ['r-1', 'r-2'], 'H1', 'K5'), auditHead: null } });
    const renumbered = await h.call<PushResponse>('POST', ROUTES.push, { auth: d.auth, body: { events: [...pay(1, ['r-3'], 'H1', 'K5'), ...pay(3, ['r-1'], 'H1', 'K5')], auditHead: null } });
    expect(renumbered.body.ackSeq).toBe(3);
    expect(renumbered.body.conflicts.map((c) => c.kind)).toEqual(['seq_reuse']);
    expect(await count(`SELECT count(*) AS n FROM payments WHERE device_id = $1`, [d.deviceId])).toBe(2);
    expect(await count(`SELECT count(*) AS n FROM payments WHERE id = 'r-3'`)).toBe(0);
  });

  it('bad input is a typed 400 and changes nothing', async () => {
    const d = await h.enrolDevice('H1', 'K6');
    const bad: Array<[string, { raw?: string; body?: unknown }]> = [
      ['not json', { raw: '{"events": [' }],
      ['empty', { raw: '' }],
      ['missing auditHead', { body: { events: [] } }],
      ['fractional fen', { body: { events: pay(1, ['b-1'], 'H1', 'K6').map((e) => ({ ...e, row: { ...e.row, total_fen: 12.5 } })), auditHead: null } }],
      ['seq 0', { body: { events: pay(0, ['b-1'], 'H1', 'K6'), auditHead: null } }],
      ['bad table name', { body: { events: pay(1, ['b-1'], 'H1', 'K6').map((e) => ({ ...e, table: 'payments; drop table events' })), auditHead: null } }],
      ['local table', { body: { events: pay(1, ['b-1'], 'H1', 'K6').map((e) => ({ ...e, table: 'sign_in_failures' })), auditHead: null } }],
      ['nested row value', { body: { events: pay(1, ['b-1'], 'H1', 'K6').map((e) => ({ ...e, row: { ...e.row, x: { y: 1 } } })), auditHead: null } }],
      ['bad date', { body: { events: pay(1, ['b-1'], 'H1', 'K6').map((e) => ({ ...e, businessDate: '2026-02-30' })), auditHead: null } }],
      ['bad audit hash', { body: { events: [], auditHead: { seq: 1, hash: 'zz' } } }],
      ['one seq twice, two contents', { body: { events: [...pay(1, ['b-1'], 'H1', 'K6'), ...pay(1, ['b-2'], 'H1', 'K6')], auditHead: null } }],
    ];
    for (const [name, options] of bad) {
      const answer = await h.call('POST', ROUTES.push, { auth: d.auth, ...options });
      expect(answer.status, name).toBe(400);
      expect(answer.body.error.code, name).toBe('VALIDATION');
      expect(typeof answer.body.error.message).toBe('string');
    }
    const unknownRoute = await h.call('GET', '/v1/nothing', { auth: d.auth });
    expect(unknownRoute.status).toBe(404);
    const badCursor = await h.call('GET', `${ROUTES.feed}?cursor=abc`, { auth: d.auth });
    expect(badCursor.status).toBe(400);
    const badLimit = await h.call('GET', `${ROUTES.feed}?limit=999999`, { auth: d.auth });
    expect(badLimit.status).toBe(400);
    expect(await count(`SELECT count(*) AS n FROM events WHERE device_id = $1`, [d.deviceId])).toBe(0);
    const health = await h.call('GET', ROUTES.health);
    expect(health.status).toBe(200);
  });
});

describe('append-only central log', () => {
  it('events, payments and audit anchors refuse UPDATE, DELETE and TRUNCATE (raw SQL)', async () => {
    const d = await h.enrolDevice('H1', 'K10');
    await h.call('POST', ROUTES.push, { auth: d.auth, body: { events: pay(1, ['ao-1'], 'H1', 'K10'), auditHead: { seq: 1, hash: 'ab'.repeat(32) } } });
    for (const sql of [
      `UPDATE events SET row_id = 'x' WHERE device_id = '${d.deviceId}'`,
      `DELETE FROM events WHERE device_id = '${d.deviceId}'`,
      'TRUNCATE events',
      `UPDATE payments SET total_fen = 0 WHERE id = 'ao-1'`,
      `DELETE FROM payments WHERE id = 'ao-1'`,
      'TRUNCATE payments',
      `UPDATE audit_anchors SET hash = 'cd' WHERE device_id = '${d.deviceId}'`,
      `DELETE FROM audit_anchors WHERE device_id = '${d.deviceId}'`,
    ]) {
      await expect(h.pool.query(sql), sql).rejects.toThrow(/append-only/);
    }
    expect(await count(`SELECT count(*) AS n FROM payments WHERE id = 'ao-1' AND total_fen = 1234`)).toBe(1);
  });
});
