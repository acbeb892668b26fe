/**
 * Issue 14 (real PostgreSQL): money conflicts decided by rule and never silent — a bill paid at two counters
 * offline (both stand, the later is a credit on the 异常 list), a business accepted twice, a refused bill change;
 * audit anchoring (restored old backup, re-hashed chain); day markers and the hall's day status; finance sums.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANOMALY_FEED_TABLE, ROUTES, type FeedPage, type PushResponse, type SyncEvent } from '../../server/protocol/index.js';
import { events, paymentRow, startHarness, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await h.admin('POST', ROUTES.adminRows, {
    companyId: 'C1',
    rows: [
      { table: 'halls', rowId: 'H1', row: { id: 'H1', code: '01', name: '一厅' } },
      { table: 'halls', rowId: 'H2', row: { id: 'H2', code: '02', name: '二厅' } },
      { table: 'counters', rowId: 'K1', row: { id: 'K1', hall_id: 'H1', code: '0101', name: '1号' } },
      { table: 'counters', rowId: 'K2', row: { id: 'K2', hall_id: 'H1', code: '0102', name: '2号' } },
      { table: 'counters', rowId: 'K3', row: { id: 'K3', hall_id: 'H1', code: '0103', name: '3号' } },
      { table: 'accounts', rowId: 'A1', row: { id: 'A1', account_no: '100001', name: '张三', home_hall_id: 'H1' } },
      { table: 'accounts', rowId: 'A2', row: { id: 'A2', account_no: '100002', name: '李四', home_hall_id: 'H2' } },
      bill('B1', 'A1', 5000, '2026-11-20'),
      bill('B2', 'A1', 3000, '2026-12-20'),
      bill('B3', 'A2', 777, '2026-11-01'),
    ],
  });
});
afterAll(async () => {
  await h?.stop();
});

function bill(id: string, account: string, amountFen: number, due: string, status = '未缴', paidBy: string | null = null) {
  return { table: 'bills', rowId: id, row: { id, account_id: account, amount_fen: amountFen, due_date: due, status, paid_payment_id: paidBy } };
}

/** The events one SQLite transaction of a gas payment makes: payment, its item, the bill marked paid. */
function gasPayment(paymentId: string, billId: string, account: string, amountFen: number, counter: string, hall = 'H1', date = '2026-12-01'): Array<Omit<SyncEvent, 'seq' | 'at'>> {
  return [
    { table: 'payments', op: 'insert', rowId: paymentId, row: paymentRow(paymentId, { account, hall, counter, date, totalFen: amountFen }), businessDate: date },
    { table: 'payment_items', op: 'insert', rowId: `${paymentId}-i`, row: { id: `${paymentId}-i`, payment_id: paymentId, bill_id: billId, gas_fen: amountFen, late_fee_fen: 0, overdue_days: 0 }, businessDate: date },
    { table: 'bills', op: 'update', rowId: billId, row: bill(billId, account, amountFen, '2026-11-20', '收讫', paymentId).row },
  ];
}

async function pullAll(auth: string, cursor?: string): Promise<FeedPage> {
  const all: FeedPage = { changes: [], cursor: cursor ?? '', more: true };
  while (all.more) {
    const page = await h.call<FeedPage>('GET', `${ROUTES.feed}?limit=100${all.cursor ? `&cursor=${all.cursor}` : ''}`, { auth });
    expect(page.status).toBe(200);
    all.changes.push(...page.body.changes);
    all.cursor = page.body.cursor;
    all.more = page.body.more;
  }
  return all;
}

describe('money conflicts', () => {
  it('a bill paid at two counters offline: both payments stand, the later is a credit on the 异常 list, the bill keeps the first', async () => {
    const a = await h.enrolDevice('H1', 'K1');
    const b = await h.enrolDevice('H1', 'K2');
    const first = await h.call<PushResponse>('POST', ROUTES.push, { auth: a.auth, body: { events: events(1, gasPayment('PA', 'B1', 'A1', 5000, 'K1')), auditHead: null } });
    expect(first.body).toEqual({ ackSeq: 3, conflicts: [] });
    const second = await h.call<PushResponse>('POST', ROUTES.push, { auth: b.auth, body: { events: events(1, gasPayment('PB', 'B1', 'A1', 5000, 'K2')), auditHead: null } });
    expect(second.body.ackSeq).toBe(3);
    expect(second.body.conflicts).toHaveLength(1);
    const credit = second.body.conflicts[0]!;
    expect(credit).toMatchObject({ kind: 'double_payment', billId: 'B1', paymentId: 'PB', otherPaymentId: 'PA', amountFen: 5000, accountId: 'A1', hallId: 'H1', counterId: 'K2', resolution: null });
    expect(credit.detail).toContain('预存');

    // Both payments are real money: both stand centrally.
    const paid = await h.pool.query(`SELECT id FROM payments WHERE id IN ('PA', 'PB') ORDER BY id`);
    expect(paid.rows.map((r) => r.id)).toEqual(['PA', 'PB']);
    // The central bill keeps the first payment, and flows down again to B (its own change was not taken).
    const central = await h.pool.query(`SELECT row FROM rows WHERE table_name = 'bills' AND row_key = 'B1'`);
    expect(central.rows[0].row.paid_payment_id).toBe('PA');
    const feedB = await pullAll(b.auth);
    const billForB = feedB.changes.filter((c) => c.table === 'bills' && c.rowId === 'B1').at(-1);
    expect(billForB?.row.paid_payment_id).toBe('PA');
    // The anomaly flows down to both counters of the hall, and is on the list; not to another hall.
    expect(feedB.changes.some((c) => c.table === ANOMALY_FEED_TABLE && c.rowId === credit.id)).toBe(true);
    const feedA = await pullAll(a.auth);
    expect(feedA.changes.some((c) => c.table === ANOMALY_FEED_TABLE && c.rowId === credit.id)).toBe(true);
    const other = await h.enrolDevice('H2', 'K9');
    const feedOther = await pullAll(other.auth);
    expect(feedOther.changes.some((c) => c.table === ANOMALY_FEED_TABLE)).toBe(false);

    const list = await h.call('GET', `${ROUTES.anomalies}?open=1`, { auth: a.auth });
    expect(list.body.anomalies.map((x: { id: string }) => x.id)).toContain(credit.id);
    // Pushing B's batch again raises nothing new.
    const repeat = await h.call<PushResponse>('POST', ROUTES.push, { auth: b.auth, body: { events: events(1, gasPayment('PB', 'B1', 'A1', 5000, 'K2')), auditHead: null } });
    expect(repeat.body.conflicts).toEqual([]);
    expect((await h.pool.query(`SELECT count(*)::int AS n FROM anomalies WHERE kind = 'double_payment'`)).rows[0].n).toBe(1);

    // The hall manager decides: a money anomaly is refunded or kept, not merely acknowledged; another hall may not.
    const wrongKind = await h.call('POST', ROUTES.resolveAnomaly(credit.id), { auth: a.auth, body: { resolution: 'acknowledged', resolvedBy: 'mgr' } });
    expect(wrongKind.status).toBe(400);
    const otherHall = await h.call('POST', ROUTES.resolveAnomaly(credit.id), { auth: other.auth, body: { resolution: 'keep', resolvedBy: 'x' } });
    expect(otherHall.status).toBe(403);
    const kept = await h.call('POST', ROUTES.resolveAnomaly(credit.id), { auth: a.auth, body: { resolution: 'keep', resolvedBy: 'mgr', note: '用户同意留作预存' } });
    expect(kept.body).toMatchObject({ resolution: 'keep', resolvedBy: 'mgr' });
    const twice = await h.call('POST', ROUTES.resolveAnomaly(credit.id), { auth: a.auth, body: { resolution: 'refund', resolvedBy: 'mgr2' } });
    expect(twice.body.resolution).toBe('keep');
    const resolvedDown = await pullAll(b.auth, feedB.cursor);
    expect(resolvedDown.changes.find((c) => c.rowId === credit.id)?.row.resolution).toBe('keep');
  });

  it('two counters pushing payments of the same bills at the same moment: one holds each bill, the other is one credit', async () => {
    const a = await h.enrolDevice('H1', 'K1');
    const b = await h.enrolDevice('H1', 'K2');
    const bills = ['BX1', 'BX2', 'BX3', 'BX4', 'BX5'];
    await h.admin('POST', ROUTES.adminRows, { companyId: 'C1', rows: bills.map((id) => bill(id, 'A1', 100, '2026-11-20')) });
    const batch = (tag: string, counter: string) => events(1, bills.flatMap((id) => gasPayment(`${tag}-${id}`, id, 'A1', 100, counter)));
    const [ra, rb] = await Promise.all([
      h.call<PushResponse>('POST', ROUTES.push, { auth: a.auth, body: { events: batch('QA', 'K1'), auditHead: null } }),
      h.call<PushResponse>('POST', ROUTES.push, { auth: b.auth, body: { events: batch('QB', 'K2'), auditHead: null } }),
    ]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    const credits = [...ra.body.conflicts, ...rb.body.conflicts].filter((c) => c.kind === 'double_payment');
    expect(credits.map((c) => c.billId).sort()).toEqual(bills);
    for (const id of bills) {
      const holder = (await h.pool.query(`SELECT payment_id FROM bill_claims WHERE bill_id = $1`, [id])).rows[0].payment_id;
      const central = (await h.pool.query(`SELECT row->>'paid_payment_id' AS p FROM rows WHERE table_name = 'bills' AND row_key = $1`, [id])).rows[0].p;
      expect(central).toBe(holder);
      expect(credits.find((c) => c.billId === id)?.otherPaymentId).toBe(holder);
    }
  });

  it('a payment and its 冲正 in one batch hold no bill', async () => {
    const a = await h.enrolDevice('H1', 'K1');
    await h.admin('POST', ROUTES.adminRows, { companyId: 'C1', rows: [bill('BY1', 'A1', 100, '2026-11-20')] });
    const list = [
      ...gasPayment('PY', 'BY1', 'A1', 100, 'K1'),
      { table: 'payments', op: 'insert' as const, rowId: 'PY-R', row: paymentRow('PY-R', { account: 'A1', hall: 'H1', counter: 'K1', date: '2026-12-01', totalFen: -100, reverses: 'PY' }), businessDate: '2026-12-01' },
      { table: 'bills', op: 'update' as const, rowId: 'BY1', row: bill('BY1', 'A1', 100, '2026-11-20').row },
    ];
    const answer = await h.call<PushResponse>('POST', ROUTES.push, { auth: a.auth, body: { events: events(1, list), auditHead: null } });
    expect(answer.body).toEqual({ ackSeq: 5, conflicts: [] });
    expect((await h.pool.query(`SELECT count(*)::int AS n FROM bill_claims WHERE bill_id = 'BY1'`)).rows[0].n).toBe(0);
    expect((await h.pool.query(`SELECT row->>'status' AS s FROM rows WHERE row_key = 'BY1'`)).rows[0].s).toBe('未缴');
  });

  it('a 冲正 releases the bill: the reversing counter may set it back to 未缴; without a reversal that change is refused', async () => {
    const a = await h.enrolDevice('H1', 'K3');
    const b = await h.enrolDevice('H1', 'K3');
    await h.call('POST', ROUTES.push, { auth: a.auth, body: { events: events(1, gasPayment('PC', 'B2', 'A1', 3000, 'K3')), auditHead: null } });
    // Another device tries to set the bill unpaid: refused, with its reason.
    const refused = await h.call<PushResponse>('POST', ROUTES.push, { auth: b.auth, body: { events: events(1, [{ table: 'bills', op: 'update', rowId: 'B2', row: bill('B2', 'A1', 3000, '2026-12-20').row }]), auditHead: null } });
    expect(refused.body.conflicts.map((c) => c.kind)).toEqual(['refused_change']);
    expect((await h.pool.query(`SELECT row->>'status' AS s FROM rows WHERE row_key = 'B2'`)).rows[0].s).toBe('收讫');
    // The reversal and the bill back to 未缴 in one batch: taken.
    const reversal = [
      { table: 'payments', op: 'insert' as const, rowId: 'PC-R', row: { ...paymentRow('PC-R', { account: 'A1', hall: 'H1', counter: 'K3', date: '2026-12-01', totalFen: -3000, reverses: 'PC' }), gas_fen: -3000 }, businessDate: '2026-12-01' },
      { table: 'bills', op: 'update' as const, rowId: 'B2', row: bill('B2', 'A1', 3000, '2026-12-20').row },
    ];
    const reversed = await h.call<PushResponse>('POST', ROUTES.push, { auth: a.auth, body: { events: events(4, reversal), auditHead: null } });
    expect(reversed.body).toEqual({ ackSeq: 5, conflicts: [] });
    expect((await h.pool.query(`SELECT row->>'status' AS s FROM rows WHERE row_key = 'B2'`)).rows[0].s).toBe('未缴');
  });

  it('a business accepted twice for one account while open: the second is flagged', async () => {
    const a = await h.enrolDevice('H1', 'K1');
    const b = await h.enrolDevice('H2', 'K9');
    const business = (id: string, hall: string, counter: string) => ({
      table: 'businesses', op: 'insert' as const, rowId: id,
      row: { id, business_no: `NO-${id}`, type: '报修', account_id: 'A1', state: '已受理', hall_id: hall, counter_id: counter, accepted_on: '2026-12-01' },
      businessDate: '2026-12-01',
    });
    const one = await h.call<PushResponse>('POST', ROUTES.push, { auth: a.auth, body: { events: events(1, [business('BZ1', 'H1', 'K1')]), auditHead: null } });
    expect(one.body.conflicts).toEqual([]);
    const two = await h.call<PushResponse>('POST', ROUTES.push, { auth: b.auth, body: { events: events(1, [business('BZ2', 'H2', 'K9')]), auditHead: null } });
    expect(two.body.conflicts).toHaveLength(1);
    expect(two.body.conflicts[0]).toMatchObject({ kind: 'duplicate_business', rowId: 'BZ2', otherRowId: 'BZ1', accountId: 'A1', hallId: 'H2' });
  });
});

describe('master data edited at two counters', () => {
  it('changes to different columns of one account both stand (base given); the merged row reaches the pusher too', async () => {
    const a = await h.enrolDevice('H1', 'K1');
    const b = await h.enrolDevice('H2', 'K9');
    const original = { id: 'AM', account_no: '100009', name: '赵六', payment_method: '现金', bank_card_no: null, home_hall_id: 'H1' };
    await h.admin('POST', ROUTES.adminRows, { companyId: 'C1', rows: [{ table: 'accounts', rowId: 'AM', row: original }] });
    const { cursor } = await pullAll(a.auth);
    // Offline at both: 过户 at B (name), 缴费方式变更 at A (payment method and card).
    const transfer = { ...original, name: '钱七' };
    const method = { ...original, payment_method: '银行代缴', bank_card_no: '6222' };
    const atB = await h.call<PushResponse>('POST', ROUTES.push, { auth: b.auth, body: { events: events(1, [{ table: 'accounts', op: 'update', rowId: 'AM', row: transfer, base: original }]), auditHead: null } });
    expect(atB.body.conflicts).toEqual([]);
    const atA = await h.call<PushResponse>('POST', ROUTES.push, { auth: a.auth, body: { events: events(1, [{ table: 'accounts', op: 'update', rowId: 'AM', row: method, base: original }]), auditHead: null } });
    expect(atA.body.conflicts).toEqual([]);
    const central = (await h.pool.query(`SELECT row FROM rows WHERE table_name = 'accounts' AND row_key = 'AM'`)).rows[0].row;
    expect(central).toEqual({ ...original, name: '钱七', payment_method: '银行代缴', bank_card_no: '6222' });
    const down = await pullAll(a.auth, cursor);
    expect(down.changes.filter((c) => c.rowId === 'AM').at(-1)?.row).toEqual(central);
    // Without base the row replaces the central one whole (the contract's fallback).
    await h.call('POST', ROUTES.push, { auth: a.auth, body: { events: events(2, [{ table: 'accounts', op: 'update', rowId: 'AM', row: original }]), auditHead: null } });
    expect((await h.pool.query(`SELECT row FROM rows WHERE table_name = 'accounts' AND row_key = 'AM'`)).rows[0].row).toEqual(original);
  });
});

describe('audit anchoring', () => {
  const head = (seq: number, tag = 'a') => ({ seq, hash: (tag.repeat(8) + seq.toString(16).padStart(8, '0')).slice(0, 64).padEnd(64, '0') });

  it('a restored old backup (a head below one anchored) and a re-hashed chain are detected and listed', async () => {
    const d = await h.enrolDevice('H1', 'K2');
    const audit = (seq: number, tag = 'a') => ({ table: 'audit_log', op: 'insert' as const, rowId: String(seq), row: { seq, action: 'pay', hash: head(seq, tag).hash, prev_hash: 'x' } });
    const ok = await h.call<PushResponse>('POST', ROUTES.push, { auth: d.auth, body: { events: events(1, [audit(1), audit(2), audit(3)]), auditHead: head(3) } });
    expect(ok.body.conflicts).toEqual([]);
    const later = await h.call<PushResponse>('POST', ROUTES.push, { auth: d.auth, body: { events: events(4, [audit(4), audit(5)]), auditHead: head(5) } });
    expect(later.body.conflicts).toEqual([]);

    // The PC restored to the backup it had at audit row 3: its next sync reports head 3 again, then goes on.
    const restored = await h.call<PushResponse>('POST', ROUTES.push, { auth: d.auth, body: { events: [], auditHead: head(3) } });
    expect(restored.body.conflicts.map((c) => c.kind)).toEqual(['audit_rollback']);
    expect(restored.body.conflicts[0]!.detail).toContain('回退');

    // Rows rewritten and re-hashed: another hash at an anchored seq.
    const rehashed = await h.call<PushResponse>('POST', ROUTES.push, { auth: d.auth, body: { events: [], auditHead: head(5, 'b') } });
    expect(rehashed.body.conflicts.map((c) => c.kind)).toEqual(['audit_rehash']);
    // A head whose hash differs from the audit row the device pushed with that seq.
    const pushedRow = await h.call<PushResponse>('POST', ROUTES.push, { auth: d.auth, body: { events: events(6, [audit(6)]), auditHead: head(6, 'c') } });
    expect(pushedRow.body.conflicts.map((c) => c.kind)).toEqual(['audit_rehash']);

    const list = await h.call('GET', ROUTES.anomalies, { auth: d.auth });
    const kinds = list.body.anomalies.filter((x: { deviceId: string }) => x.deviceId === d.deviceId).map((x: { kind: string }) => x.kind);
    expect(kinds.sort()).toEqual(['audit_rehash', 'audit_rehash', 'audit_rollback']);
    const state = await h.call('GET', ROUTES.pushState, { auth: d.auth });
    expect(state.body.auditHead).toEqual(head(5));
  });

  it('a late duplicate of a stored batch (a network replay) carries its older head: no false rollback', async () => {
    const d = await h.enrolDevice('H1', 'K3');
    const audit = (seq: number) => ({ table: 'audit_log', op: 'insert' as const, rowId: String(seq), row: { seq, action: 'pay', hash: head(seq).hash, prev_hash: 'x' } });
    const first = { events: events(1, [audit(1), audit(2)]), auditHead: head(2) };
    expect((await h.call<PushResponse>('POST', ROUTES.push, { auth: d.auth, body: first })).body.conflicts).toEqual([]);
    expect((await h.call<PushResponse>('POST', ROUTES.push, { auth: d.auth, body: { events: events(3, [audit(3), audit(4)]), auditHead: head(4) } })).body.conflicts).toEqual([]);
    // The first batch delivered again after the second (a proxy or load balancer replaying it).
    const replay = await h.call<PushResponse>('POST', ROUTES.push, { auth: d.auth, body: first });
    expect(replay.body).toEqual({ ackSeq: 4, conflicts: [] });
    const list = await h.call('GET', ROUTES.anomalies, { auth: d.auth });
    expect(list.body.anomalies.filter((x: { deviceId: string }) => x.deviceId === d.deviceId)).toEqual([]);
    expect((await h.call('GET', ROUTES.pushState, { auth: d.auth })).body.auditHead).toEqual(head(4));
  });
});

describe('hall day close and finance', () => {
  it('day markers: refused before the day is pushed, compared with the server, listed in the hall day status', async () => {
    const k1 = await h.enrolDevice('H3', 'K21');
    const k2 = await h.enrolDevice('H3', 'K22');
    const day = '2026-12-02';
    const pays = [1000, 2500, 99].map((fen, i) => ({ table: 'payments', op: 'insert' as const, rowId: `D1-${i}`, row: paymentRow(`D1-${i}`, { account: 'A2', hall: 'H3', counter: 'K21', date: day, totalFen: fen }), businessDate: day }));
    const marker = { hallId: 'H3', counterId: 'K21', businessDate: day, paymentCount: 3, totalFen: 3599, auditHead: null, throughSeq: 3 };
    const early = await h.call('POST', ROUTES.dayMarker, { auth: k1.auth, body: marker });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('NOT_YET_PUSHED');
    await h.call('POST', ROUTES.push, { auth: k1.auth, body: { events: events(1, pays), auditHead: null } });
    const sent = await h.call('POST', ROUTES.dayMarker, { auth: k1.auth, body: marker });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ mismatch: false, marker: { serverPaymentCount: 3, serverTotalFen: 3599 } });
    const wrongCounter = await h.call('POST', ROUTES.dayMarker, { auth: k1.auth, body: { ...marker, counterId: 'K22' } });
    expect(wrongCounter.status).toBe(403);

    const status = await h.call('GET', ROUTES.hallDay('H3', day), { auth: k2.auth });
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ complete: false, paymentCount: 3, totalFen: 3599 });
    expect(status.body.missing).toContain('K22');
    expect(status.body.missing).not.toContain('K21');
    const otherHall = await h.call('GET', ROUTES.hallDay('H1', day), { auth: k2.auth });
    expect(otherHall.status).toBe(403);

    // K22's marker claims a payment the server never got: mismatch, anomaly.
    const claim = await h.call('POST', ROUTES.dayMarker, { auth: k2.auth, body: { ...marker, counterId: 'K22', paymentCount: 1, totalFen: 500, throughSeq: 0 } });
    expect(claim.body.mismatch).toBe(true);
    const after = await h.call('GET', ROUTES.hallDay('H3', day), { auth: k2.auth });
    expect(after.body.complete).toBe(true);
    const anomalies = await h.call('GET', `${ROUTES.anomalies}?open=1`, { auth: k2.auth });
    expect(anomalies.body.anomalies.map((x: { kind: string }) => x.kind)).toContain('day_marker_mismatch');
    // The marker reaches the hall's other counter through the feed.
    const feed = await pullAll(k1.auth);
    expect(feed.changes.some((c) => c.table === 'sync_day_markers' && c.rowId === `K22|${day}`)).toBe(true);
  });

  it('收银统计报表 per hall and day sums to the fen; 欠费 and bank runs come from the central rows', async () => {
    const d = await h.enrolDevice('H2', 'K23');
    const day = '2026-12-03';
    const amounts = [1, 99, 100, 12345, 50001, 7, 3000000];
    const list = amounts.map((fen, i) => ({
      table: 'payments', op: 'insert' as const, rowId: `F-${i}`,
      row: { ...paymentRow(`F-${i}`, { account: 'A2', hall: 'H2', counter: 'K23', date: day, totalFen: fen, method: i % 2 ? '现金' : '银行代缴' }), gas_fen: fen - (i % 3), late_fee_fen: i % 3 },
      businessDate: day,
    }));
    list.push({ table: 'payments', op: 'insert', rowId: 'F-R', row: { ...paymentRow('F-R', { account: 'A2', hall: 'H2', counter: 'K23', date: day, totalFen: -99, reverses: 'F-1' }), gas_fen: -98, late_fee_fen: -1 }, businessDate: day });
    await h.call('POST', ROUTES.push, { auth: d.auth, body: { events: events(1, list), auditHead: null } });
    const expected = amounts.reduce((n, x) => n + x, 0) - 99;

    const report = await h.admin('GET', `${ROUTES.cashStats}?from=${day}&to=${day}&hallId=H2`);
    expect(report.status).toBe(200);
    expect(report.body.totalFen).toBe(expected);
    expect(report.body.count).toBe(8);
    expect(report.body.lines.reduce((n: number, l: { totalFen: number }) => n + l.totalFen, 0)).toBe(expected);
    for (const l of report.body.lines) expect(l.gasFen + l.lateFeeFen + l.feeFen).toBe(l.totalFen);
    expect(report.body.days).toEqual([{ hallId: 'H2', businessDate: day, count: 8, totalFen: expected, reversalCount: 1 }]);
    // A device sees its own hall only.
    const asDevice = await h.call('GET', `${ROUTES.cashStats}?from=${day}&to=${day}`, { auth: d.auth });
    expect(asDevice.body.totalFen).toBe(expected);
    const foreign = await h.call('GET', `${ROUTES.cashStats}?from=${day}&to=${day}&hallId=H1`, { auth: d.auth });
    expect(foreign.status).toBe(403);
    const badRange = await h.admin('GET', `${ROUTES.cashStats}?from=2026-13-01&to=${day}`);
    expect(badRange.status).toBe(400);

    const arrears = await h.admin('GET', `${ROUTES.arrears}?companyId=C1`);
    expect(arrears.status).toBe(200);
    // B1 and BX* were paid; B2 was reversed back to 未缴, BY1 paid and reversed in one batch; B3 unpaid.
    expect(arrears.body.lines).toEqual([
      { accountId: 'A1', accountNo: '100001', name: '张三', hallId: 'H1', billCount: 2, amountFen: 3100, oldestDueDate: '2026-11-20' },
      { accountId: 'A2', accountNo: '100002', name: '李四', hallId: 'H2', billCount: 1, amountFen: 777, oldestDueDate: '2026-11-01' },
    ]);
    expect(arrears.body.amountFen).toBe(3877);
    expect(arrears.body.billCount).toBe(3);
    const hallOnly = await h.admin('GET', `${ROUTES.arrears}?companyId=C1&hallId=H2`);
    expect(hallOnly.body.amountFen).toBe(777);

    await h.admin('POST', ROUTES.adminRows, {
      companyId: 'C1',
      rows: [{ table: 'bank_runs', rowId: 'BR1', row: { id: 'BR1', bank_name: '建行', business_date: day, status: 'returned', item_count: 2, total_fen: 8000, ok_count: 1, ok_fen: 5000 } }],
    });
    const runs = await h.admin('GET', `${ROUTES.bankRuns}?from=${day}&to=${day}`);
    expect(runs.body).toMatchObject({ totalFen: 8000, okFen: 5000, runs: [{ id: 'BR1', bankName: '建行', okCount: 1 }] });
  });
});
