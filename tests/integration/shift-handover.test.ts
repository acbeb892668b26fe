/**
 * Issue 15 #6 (R-SEC-21): 交接班记录 on real SQLite: the outgoing clerk's system cash against the cash held, the
 * difference with its reason, the incoming clerk's sign-in, audited, append-only (raw SQL against the triggers).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';

let host: TestHost;
const db = () => host.store.sqlite;

beforeEach(() => {
  host = makeTestHost();
  const a = addAccount(host, { accountNo: '97000001', name: '交班甲', address: '温州市鹿城区交班路1号', reading: 12300 });
  addBill(host, a, { id: 'a-1', readingDate: '2026-11-10', previous: 10000, current: 12300, amountFen: 7935, dueDate: '2026-12-10' });
});
afterEach(() => host.dispose());

describe('shift handover (R-SEC-21)', () => {
  it('records system cash vs cash held, needs a reason for a difference and the incoming clerk\'s password', async () => {
    const clerk = await signIn(host);
    expect(await clerk.call('payments.payCash', { accountId: 'acc-97000001', billIds: ['a-1'], tendered: '100', expectedTotalFen: 7935 })).toMatchObject({ ok: true });
    expect(await clerk.call('shift.handoverDraft', {})).toMatchObject({ ok: true, value: { businessDate: '2026-11-23', systemFen: 7935 } });
    const before = Number((db().prepare('SELECT count(*) n FROM audit_log').get() as { n: number }).n);
    // wrong password of the incoming clerk: refused at the field, nothing written
    expect(await clerk.call('shift.handover', { held: '79.35', incoming: { login: 'clerk02', password: 'wrong' } })).toMatchObject({ ok: false, error: { field: 'incoming' } });
    // the clerk cannot hand over to themself
    expect(await clerk.call('shift.handover', { held: '79.35', incoming: { login: 'clerk01', password: '123456' } })).toMatchObject({ ok: false, error: { field: 'incoming' } });
    // 1 fen short without a reason: refused
    expect(await clerk.call('shift.handover', { held: '79.34', incoming: { login: 'clerk02', password: '123456' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'reason' } });
    expect(db().prepare('SELECT count(*) n FROM shift_handovers').get()).toEqual({ n: 0 });
    const done = await clerk.call('shift.handover', { held: '79.34', reason: '找零差一分', incoming: { login: 'clerk02', password: '123456' } });
    expect(done).toMatchObject({ ok: true, value: { systemFen: 7935, heldFen: 7934, differenceFen: -1, reason: '找零差一分' } });
    expect(db().prepare("SELECT system_fen, held_fen, difference_fen, incoming_id FROM shift_handovers").get()).toEqual({ system_fen: 7935, held_fen: 7934, difference_fen: -1, incoming_id: 'staff-clerk02' });
    expect(db().prepare("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1").get()).toEqual({ action: 'shift.handover' });
    expect(Number((db().prepare('SELECT count(*) n FROM audit_log').get() as { n: number }).n)).toBeGreaterThan(before);
    // the next handover of the same clerk starts from what this one passed on
    expect(await clerk.call('shift.handoverDraft', {})).toMatchObject({ ok: true, value: { systemFen: 0 } });
    expect(await clerk.call('shift.handovers', { date: '2026-11-23' })).toMatchObject({ ok: true, value: [{ systemFen: 7935, heldFen: 7934, differenceFen: -1 }] });
  });

  it('is append-only and consistent in the database itself (raw SQL)', async () => {
    const clerk = await signIn(host);
    expect(await clerk.call('shift.handover', { held: '0', incoming: { login: 'clerk02', password: '123456' } })).toMatchObject({ ok: true });
    expect(() => db().prepare('UPDATE shift_handovers SET held_fen = 100').run()).toThrow(/append-only/);
    expect(() => db().prepare('DELETE FROM shift_handovers').run()).toThrow(/append-only/);
    const insert = "INSERT INTO shift_handovers (id, hall_id, counter_id, business_date, outgoing_id, incoming_id, system_fen, held_fen, difference_fen) VALUES (?, 'hall-lc', 'counter-lc01', '2026-11-23', 'staff-clerk01', ?, 100, 90, ?)";
    expect(() => db().prepare(insert).run('x1', 'staff-clerk02', 0)).toThrow(/held - system/);
    expect(() => db().prepare(insert).run('x2', 'staff-clerk01', -10)).toThrow(/two different clerks/);
    expect(() => db().prepare(insert).run('x3', 'staff-clerk02', -10)).not.toThrow();
  });
});
