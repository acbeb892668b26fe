/**
 * Issue 15 #5 on real SQLite through the router: R-SEC-13 (each counter transaction timed from picking the customer to
 * its slip, ≤ 3 min fee payment, ≤ 10 min other businesses, configurable; the manager's distribution and share over the
 * limit per clerk and counter, exported) and R-SEC-16 (暂停营业 approved by the director who signs in, logged with its
 * start and end; a paused counter refuses new transactions; resuming is logged). The clock is injected, so every
 * duration is exact. The raw-SQL part tests the database guards: the two-person trigger, the pause written once, the
 * append-only timings, and the pause refusal on a path that skips the service.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../main/services/audit.js';
import { addAccount, addBill, makeTestHost, ok, signIn, type TestHost } from '../fixtures/host.js';
import { lastAuditDetail } from '../fixtures/data.js';
import { change, lastPaymentId, page, paymentChanges, rowsOf } from '../fixtures/sync.js';
import { applyFeedPage } from '../../main/sync/applier.js';

let host: TestHost;
let a: { accountId: string; meterId: string };
let b: { accountId: string; meterId: string };
let c: { accountId: string; meterId: string };

const T0 = Date.parse('2026-11-23T02:00:00.000Z');
const at = (ms: number) => {
  host.clock.current = new Date(T0 + ms);
};
const sql = () => host.store.sqlite;

beforeEach(() => {
  host = makeTestHost();
  a = addAccount(host, { accountNo: '71000001', name: '赵一', address: '温州市鹿城区计时路1号', reading: 15000 });
  b = addAccount(host, { accountNo: '71000002', name: '钱二', address: '温州市鹿城区计时路2号', reading: 15000 });
  c = addAccount(host, { accountNo: '71000003', name: '孙三', address: '温州市鹿城区计时路3号', reading: 15000 });
  // 120.00 yuan, not yet due on 2026-11-23: no late fee
  addBill(host, a, { id: 'bill-a', readingDate: '2026-11-10', previous: 11522, current: 15000, amountFen: 12000, dueDate: '2026-12-10' });
  addBill(host, b, { id: 'bill-b', readingDate: '2026-11-10', previous: 11522, current: 15000, amountFen: 12000, dueDate: '2026-12-10' });
});
afterEach(() => host.dispose());

const pay = (accountId: string, billId: string) => ({ accountId, billIds: [billId], tendered: '120', expectedTotalFen: 12000 });
const business = (accountId: string) => ({ accountId, type: '其它' as const, requirement: '换波纹管', contactPhone: '13100000000', priority: '等待安排' as const });
const timings = () =>
  sql().prepare('SELECT account_id AS accountId, counter_id AS counterId, clerk_id AS clerkId, kind, started_at AS startedAt, ended_at AS endedAt, duration_ms AS durationMs, limit_seconds AS limitSeconds, slip_ref AS slipRef FROM service_timings ORDER BY ended_at').all();

describe('service timing (R-SEC-13)', () => {
  it('times each transaction from the pick to its slip with the back end clock, exactly, and classifies it by kind', async () => {
    const clerk = await signIn(host);
    // customer A: picked at 10:00:00.000, paid at 10:02:59.250 → 179 250 ms, a fee payment within 3 minutes
    at(0);
    expect(ok(await clerk.call('timing.pick', { accountId: a.accountId }))).toEqual({ timed: true, pickedAt: '2026-11-23T02:00:00.000Z' });
    // the same customer picked again (another window, a re-search) keeps the start: the renderer cannot restart the clock
    at(60_000);
    expect(ok(await clerk.call('timing.pick', { accountId: a.accountId }))).toEqual({ timed: true, pickedAt: '2026-11-23T02:00:00.000Z' });
    at(179_250);
    const slipA = ok(await clerk.call('payments.payCash', pay(a.accountId, 'bill-a'))).slipNo;
    // customer B: 3:00.001 → over the fee limit by one millisecond
    at(200_000);
    ok(await clerk.call('timing.pick', { accountId: b.accountId }));
    at(380_001);
    const slipB = ok(await clerk.call('payments.payCash', pay(b.accountId, 'bill-b'))).slipNo;
    // customer C: a business accepted exactly 10 minutes after the pick: within (≤ 10 min)
    at(400_000);
    ok(await clerk.call('timing.pick', { accountId: c.accountId }));
    at(1_000_000);
    const accepted = ok(await clerk.call('businesses.accept', business(c.accountId)));
    expect(timings()).toEqual([
      { accountId: a.accountId, counterId: 'counter-lc01', clerkId: 'staff-clerk01', kind: '收费', startedAt: '2026-11-23T02:00:00.000Z', endedAt: '2026-11-23T02:02:59.250Z', durationMs: 179_250, limitSeconds: 180, slipRef: slipA },
      { accountId: b.accountId, counterId: 'counter-lc01', clerkId: 'staff-clerk01', kind: '收费', startedAt: '2026-11-23T02:03:20.000Z', endedAt: '2026-11-23T02:06:20.001Z', durationMs: 180_001, limitSeconds: 180, slipRef: slipB },
      { accountId: c.accountId, counterId: 'counter-lc01', clerkId: 'staff-clerk01', kind: '其它业务', startedAt: '2026-11-23T02:06:40.000Z', endedAt: '2026-11-23T02:16:40.000Z', durationMs: 600_000, limitSeconds: 600, slipRef: accepted.businessNo },
    ]);
    // the pick ended with its slip: a second slip for the same customer is not timed again
    expect(sql().prepare('SELECT count(*) FROM counter_picks').pluck().get()).toBe(0);
  });

  it('a slip at another counter, a slip for another customer and a let-go pick end nothing', async () => {
    const clerk = await signIn(host);
    const other = await signIn(host, 'clerk02', 'counter-lc02');
    at(0);
    ok(await clerk.call('timing.pick', { accountId: a.accountId }));
    at(30_000);
    ok(await other.call('payments.payCash', pay(a.accountId, 'bill-a'))); // the customer's bill paid at counter 2
    ok(await clerk.call('payments.payCash', pay(b.accountId, 'bill-b'))); // another customer's slip at counter 1
    expect(timings()).toEqual([]);
    ok(await clerk.call('timing.pick', { accountId: null })); // Esc: 下一位
    at(90_000);
    ok(await clerk.call('businesses.accept', business(a.accountId)));
    expect(timings()).toEqual([]);
  });

  it('letting the customer go or picking another does not restart their clock; a let-go pick is forgotten after the longer limit', async () => {
    const clerk = await signIn(host);
    const start = '2026-11-23T02:00:00.000Z';
    at(0);
    ok(await clerk.call('timing.pick', { accountId: a.accountId }));
    at(60_000);
    ok(await clerk.call('timing.pick', { accountId: null }));
    at(90_000);
    expect(ok(await clerk.call('timing.pick', { accountId: a.accountId })).pickedAt).toBe(start);
    at(120_000);
    expect(ok(await clerk.call('timing.pick', { accountId: b.accountId })).pickedAt).toBe('2026-11-23T02:02:00.000Z');
    at(150_000);
    expect(ok(await clerk.call('timing.pick', { accountId: a.accountId })).pickedAt).toBe(start);
    at(170_000);
    ok(await clerk.call('payments.payCash', pay(a.accountId, 'bill-a')));
    // B was let go at 150 s; picked again 601 s later (beyond the 600 s window) it starts afresh
    at(751_000);
    expect(ok(await clerk.call('timing.pick', { accountId: b.accountId })).pickedAt).toBe('2026-11-23T02:12:31.000Z');
    at(800_000);
    ok(await clerk.call('payments.payCash', pay(b.accountId, 'bill-b')));
    expect(timings()).toMatchObject([
      { accountId: a.accountId, startedAt: start, durationMs: 170_000 },
      { accountId: b.accountId, startedAt: '2026-11-23T02:12:31.000Z', durationMs: 49_000 },
    ]);
    expect(sql().prepare('SELECT count(*) FROM counter_picks').pluck().get()).toBe(0);
  });

  it('the limits are configurable by the director (audited) and timing can be switched off (§10)', async () => {
    const clerk = await signIn(host);
    const manager = await signIn(host, 'manager01', 'counter-lc02');
    expect(ok(await clerk.call('timing.settings', {}))).toEqual({ enabled: true, feeLimitSeconds: 180, otherLimitSeconds: 600 });
    expect(await clerk.call('timing.saveSettings', { enabled: true, feeLimitSeconds: 120, otherLimitSeconds: 480 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await manager.call('timing.saveSettings', { enabled: true, feeLimitSeconds: 10, otherLimitSeconds: 480 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'feeLimitSeconds' } });
    ok(await manager.call('timing.saveSettings', { enabled: true, feeLimitSeconds: 120, otherLimitSeconds: 480 }));
    expect(lastAuditDetail(host, 'timing.settings')).toEqual({ before: { enabled: true, feeLimitSeconds: 180, otherLimitSeconds: 600 }, after: { enabled: true, feeLimitSeconds: 120, otherLimitSeconds: 480 } });
    at(0);
    ok(await clerk.call('timing.pick', { accountId: a.accountId }));
    at(150_000);
    ok(await clerk.call('payments.payCash', pay(a.accountId, 'bill-a')));
    expect(timings()).toMatchObject([{ durationMs: 150_000, limitSeconds: 120 }]);
    ok(await manager.call('timing.saveSettings', { enabled: false, feeLimitSeconds: 120, otherLimitSeconds: 480 }));
    expect(ok(await clerk.call('timing.pick', { accountId: b.accountId }))).toEqual({ timed: false, pickedAt: null });
    ok(await clerk.call('payments.payCash', pay(b.accountId, 'bill-b')));
    expect(timings()).toHaveLength(1);
  });

  it('the manager sees per clerk and per counter the distribution and the share over the limit, as .xlsx and CSV', async () => {
    const clerk = await signIn(host);
    const other = await signIn(host, 'clerk02', 'counter-lc02');
    at(0);
    ok(await clerk.call('timing.pick', { accountId: a.accountId }));
    at(59_000);
    ok(await clerk.call('payments.payCash', pay(a.accountId, 'bill-a'))); // 0:59 收费, ≤1分
    at(100_000);
    ok(await clerk.call('timing.pick', { accountId: b.accountId }));
    at(100_000 + 240_000);
    ok(await clerk.call('payments.payCash', pay(b.accountId, 'bill-b'))); // 4:00 收费, 3-5分, over
    at(400_000);
    ok(await other.call('timing.pick', { accountId: c.accountId }));
    at(400_000 + 700_000);
    ok(await other.call('businesses.accept', business(c.accountId))); // 11:40 其它业务, >10分, over
    const manager = await signIn(host, 'manager01', 'counter-lc02');
    expect(await clerk.call('timing.report', { report: 'timing', from: '2026-11-01', to: '2026-11-30', by: 'clerk' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const byClerk = ok(await manager.call('timing.report', { report: 'timing', from: '2026-11-01', to: '2026-11-30', by: 'clerk' }));
    expect(byClerk.table.columns.map((col) => col.header)).toEqual(['营业员', '业务类别', '笔数', '≤1分', '1-2分', '2-3分', '3-5分', '5-10分', '>10分', '平均用时', '最长用时', '超时笔数', '超时比例']);
    expect(byClerk.table.rows).toEqual([
      // in pinyin order (陈 chén before 王 wáng)
      ['陈晓敏（clerk02）', '其它业务', 1, 0, 0, 0, 0, 0, 1, '11:40', '11:40', 1, '100.00%'],
      ['王丽（clerk01）', '收费', 2, 1, 0, 0, 1, 0, 0, '2:29', '4:00', 1, '50.00%'],
    ]);
    expect(byClerk.table.totals).toEqual(['合计', null, 3, 1, 0, 0, 1, 0, 1, null, null, 2, null]);
    expect(byClerk.flagged).toEqual([0, 1]);
    expect(byClerk.histogram).toEqual({
      buckets: ['≤1分', '1-2分', '2-3分', '3-5分', '5-10分', '>10分'],
      series: [
        { name: '陈晓敏（clerk02） 其它业务', counts: [0, 0, 0, 0, 0, 1] },
        { name: '王丽（clerk01） 收费', counts: [1, 0, 0, 1, 0, 0] },
      ],
    });
    const byCounter = ok(await manager.call('timing.report', { report: 'timing', from: '2026-11-23', to: '2026-11-23', by: 'counter' }));
    expect(byCounter.table.rows.map((r) => [r[0], r[1], r[2], r[11], r[12]])).toEqual([
      ['1号窗口（LC01）', '收费', 2, 1, '50.00%'],
      ['2号窗口（LC02）', '其它业务', 1, 1, '100.00%'],
    ]);
    // another range: nothing
    expect(ok(await manager.call('timing.report', { report: 'timing', from: '2026-10-01', to: '2026-10-31', by: 'clerk' })).table.rows).toEqual([]);
    expect(await manager.call('timing.report', { report: 'timing', from: '2026-11-30', to: '2026-11-01', by: 'clerk' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'from' } });
    const csv = ok(await manager.call('timing.export', { format: 'csv', query: { report: 'timing', from: '2026-11-01', to: '2026-11-30', by: 'counter' } }));
    expect(csv.fileName).toBe('服务计时统计（按柜台）-2026-11-01-2026-11-30.csv');
    const text = Buffer.from(csv.base64, 'base64').toString('utf8').replace(/^\uFEFF/, '');
    expect(text.split(/\r?\n/).filter(Boolean)).toEqual([
      '柜台,业务类别,笔数,≤1分,1-2分,2-3分,3-5分,5-10分,>10分,平均用时,最长用时,超时笔数,超时比例',
      '1号窗口（LC01）,收费,2,1,0,0,1,0,0,2:29,4:00,1,50.00%',
      '2号窗口（LC02）,其它业务,1,0,0,0,0,0,1,11:40,11:40,1,100.00%',
    ]);
    const xlsx = ok(await manager.call('timing.export', { format: 'xlsx', query: { report: 'timing', from: '2026-11-01', to: '2026-11-30', by: 'clerk' } }));
    expect(xlsx.fileName).toBe('服务计时统计（按营业员）-2026-11-01-2026-11-30.xlsx');
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
  });
});

describe('暂停营业 (R-SEC-16)', () => {
  const director = { login: 'manager01', password: '123456' };

  it('needs the director signing in (never the clerk), is logged with start and end, and refuses new transactions while open', async () => {
    const clerk = await signIn(host);
    const other = await signIn(host, 'clerk02', 'counter-lc02');
    at(0);
    ok(await clerk.call('timing.pick', { accountId: a.accountId }));
    expect(await clerk.call('timing.pause', { reason: '系统故障', approver: { login: 'clerk01', password: '123456' } })).toMatchObject({ ok: false, error: { field: 'approver' } });
    expect(await clerk.call('timing.pause', { reason: '系统故障', approver: { login: 'clerk02', password: '123456' } })).toMatchObject({ ok: false, error: { field: 'approver' } });
    expect(await clerk.call('timing.pause', { reason: '系统故障', approver: { login: 'manager01', password: 'wrong' } })).toMatchObject({ ok: false, error: { field: 'approver' } });
    expect(await clerk.call('timing.pause', { reason: ' ', approver: director })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'reason' } });
    expect(sql().prepare('SELECT count(*) FROM counter_pauses').pluck().get()).toBe(0);
    at(60_000);
    const paused = ok(await clerk.call('timing.pause', { reason: '收款机故障，等待维修', approver: director }));
    expect(paused).toMatchObject({ counterName: '1号窗口', reason: '收款机故障，等待维修', requestedBy: '王丽', approvedBy: '郑建华', startedAt: '2026-11-23T02:01:00.000Z', resumedAt: null });
    expect(lastAuditDetail(host, 'counter.pause')).toEqual({ counterId: 'counter-lc01', reason: '收款机故障，等待维修', approverId: 'staff-manager01' });
    expect(await clerk.call('timing.pause', { reason: '再次暂停', approver: director })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // the customer being served was let go: no timing spans the pause
    expect(ok(await clerk.call('timing.status', {}))).toMatchObject({ pause: { id: paused.id, approvedBy: '郑建华' }, pick: null });
    // refused while paused, with the reason in Chinese: the service's refusal (pick) and the database guard's (payment, business)
    const refused = { ok: false, error: { code: 'COUNTER_PAUSED', message: expect.stringMatching(/^本柜台暂停营业中，不能办理新业务/) } };
    expect(await clerk.call('timing.pick', { accountId: a.accountId })).toMatchObject(refused);
    expect(await clerk.call('payments.payCash', pay(a.accountId, 'bill-a'))).toMatchObject(refused);
    expect(await clerk.call('businesses.accept', business(c.accountId))).toMatchObject(refused);
    expect(sql().prepare("SELECT count(*) FROM payments WHERE counter_id = 'counter-lc01'").pluck().get()).toBe(0);
    // the other counter works
    ok(await other.call('payments.payCash', pay(b.accountId, 'bill-b')));
    // 恢复营业: logged once, then the counter works again
    at(60_000 + 14 * 60_000); // within the idle lock's 15 minutes
    const resumed = ok(await clerk.call('timing.resume', {}));
    expect(resumed).toMatchObject({ id: paused.id, startedAt: '2026-11-23T02:01:00.000Z', resumedAt: '2026-11-23T02:15:00.000Z', resumedBy: '王丽' });
    expect(lastAuditDetail(host, 'counter.resume')).toEqual({ counterId: 'counter-lc01', startedAt: '2026-11-23T02:01:00.000Z', resumedAt: '2026-11-23T02:15:00.000Z' });
    expect(await clerk.call('timing.resume', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    ok(await clerk.call('payments.payCash', pay(a.accountId, 'bill-a')));
    const manager = await signIn(host, 'manager01', 'counter-lc02');
    const log = ok(await manager.call('timing.report', { report: 'pauses', from: '2026-11-23', to: '2026-11-23' }));
    expect(log.table.rows).toEqual([['1号窗口（LC01）', '2026-11-23', '2026-11-23 10:01:00', '2026-11-23 10:15:00', 14, '收款机故障，等待维修', '王丽', '郑建华', '王丽']]);
    expect(log.flagged).toEqual([]);
    expect(verifyAuditChain(host.store.db).ok).toBe(true);
  });
});

describe('database guards (raw SQL)', () => {
  const insertPause = (id: string, requestedBy: string, approvedBy: string) =>
    sql()
      .prepare("INSERT INTO counter_pauses (id, hall_id, counter_id, business_date, reason, requested_by, approved_by, started_at) VALUES (?, 'hall-lc', 'counter-lc01', '2026-11-23', '临时暂停', ?, ?, '2026-11-23T02:00:00.000Z')")
      .run(id, requestedBy, approvedBy);

  it('two-person rule: a pause is approved by an active director other than the requester', () => {
    expect(() => insertPause('p1', 'staff-manager01', 'staff-manager01')).toThrow(/two-person rule/);
    expect(() => insertPause('p1', 'staff-clerk01', 'staff-clerk01')).toThrow(/two-person rule/);
    expect(() => insertPause('p1', 'staff-clerk01', 'staff-clerk02')).toThrow(/two-person rule/);
    expect(() => insertPause('p1', 'staff-clerk01', 'staff-admin01')).toThrow(/two-person rule/);
    sql().prepare("UPDATE staff SET active = 0 WHERE id = 'staff-manager01'").run();
    expect(() => insertPause('p1', 'staff-clerk01', 'staff-manager01')).toThrow(/two-person rule/);
    sql().prepare("UPDATE staff SET active = 1 WHERE id = 'staff-manager01'").run();
    insertPause('p1', 'staff-clerk01', 'staff-manager01');
    // one open pause per counter (the unique index, or first the no-replace guard once 0057 is regenerated with this table)
    expect(() => insertPause('p2', 'staff-clerk01', 'staff-manager01')).toThrow(/UNIQUE|append-only/);
  });

  it('the pause is fixed, its end written once; pauses and timings are never deleted or rewritten', () => {
    insertPause('p1', 'staff-clerk01', 'staff-manager01');
    expect(() => sql().prepare("UPDATE counter_pauses SET approved_by = 'staff-clerk02' WHERE id = 'p1'").run()).toThrow(/written once/);
    expect(() => sql().prepare("UPDATE counter_pauses SET resumed_at = '2026-11-23T01:00:00.000Z', resumed_by = 'staff-clerk01' WHERE id = 'p1'").run()).toThrow(/written once/);
    sql().prepare("UPDATE counter_pauses SET resumed_at = '2026-11-23T03:00:00.000Z', resumed_by = 'staff-clerk01' WHERE id = 'p1'").run();
    expect(() => sql().prepare("UPDATE counter_pauses SET resumed_at = '2026-11-23T04:00:00.000Z' WHERE id = 'p1'").run()).toThrow(/written once/);
    expect(() => sql().prepare("DELETE FROM counter_pauses WHERE id = 'p1'").run()).toThrow(/append-only/);
    sql()
      .prepare("INSERT INTO service_timings (id, hall_id, counter_id, clerk_id, account_id, business_date, kind, slip_ref, started_at, ended_at, duration_ms, limit_seconds) VALUES ('t1', 'hall-lc', 'counter-lc01', 'staff-clerk01', ?, '2026-11-23', '收费', 'LC01-1', 'x', 'y', 1000, 180)")
      .run(a.accountId);
    expect(() => sql().prepare("UPDATE service_timings SET duration_ms = 1 WHERE id = 't1'").run()).toThrow(/append-only/);
    expect(() => sql().prepare("DELETE FROM service_timings WHERE id = 't1'").run()).toThrow(/append-only/);
  });

  it('a paused counter takes no business even on a path that skips the service', () => {
    insertPause('p1', 'staff-clerk01', 'staff-manager01');
    expect(() =>
      sql()
        .prepare("INSERT INTO businesses (id, business_no, type, account_id, contact_phone, priority, accepted_on, promised_on, state, channel, accepted_by, hall_id, counter_id) VALUES ('b1', 'LC01-B1', '其它', ?, '', '等待安排', '2026-11-23', '2026-11-26', '已受理', '营业员', 'staff-clerk01', 'hall-lc', 'counter-lc01')")
        .run(a.accountId),
    ).toThrow(/^COUNTER_PAUSED: /);
  });
});

describe('the hall director sees every counter of the hall (issue 14 feed)', () => {
  it("counter 2's timing, pause and payment come down to counter 1's PC; the pause does not refuse rows from the feed or counter 1's own work", async () => {
    const other = makeTestHost();
    try {
      const a2 = addAccount(other, { accountNo: '71000001', name: '赵一', address: '温州市鹿城区计时路1号', reading: 15000 });
      addBill(other, a2, { id: 'bill-a', readingDate: '2026-11-10', previous: 11522, current: 15000, amountFen: 12000, dueDate: '2026-12-10' });
      other.clock.current = new Date(T0);
      const clerk2 = await signIn(other, 'clerk02', 'counter-lc02');
      ok(await clerk2.call('timing.pick', { accountId: a2.accountId }));
      other.clock.current = new Date(T0 + 95_000);
      ok(await clerk2.call('payments.payCash', pay(a2.accountId, 'bill-a')));
      ok(await clerk2.call('timing.pause', { reason: '午间暂停', approver: { login: 'manager01', password: '123456' } }));
      const pid = lastPaymentId(other);
      const [timing] = rowsOf(other, 'service_timings', '1');
      const [pause] = rowsOf(other, 'counter_pauses', '1');
      if (!timing || !pause) throw new Error('nothing to send');
      // the pause arrives before the payment made before it: the feed's rows pass the paused-counter guard
      const res = applyFeedPage(sql(), page([change('counter_pauses', pause), ...paymentChanges(other, pid), change('service_timings', timing)]), { now: host.clock.now() });
      expect(res).toMatchObject({ problems: 0 });
      const manager = await signIn(host, 'manager01', 'counter-lc01');
      const byCounter = ok(await manager.call('timing.report', { report: 'timing', from: '2026-11-23', to: '2026-11-23', by: 'counter' }));
      expect(byCounter.table.rows).toEqual([['2号窗口（LC02）', '收费', 1, 0, 1, 0, 0, 0, 0, '1:35', '1:35', 0, '0.00%']]);
      expect(ok(await manager.call('timing.report', { report: 'pauses', from: '2026-11-23', to: '2026-11-23' })).table.rows).toEqual([
        ['2号窗口（LC02）', '2026-11-23', '2026-11-23 10:01:35', '暂停中', null, '午间暂停', '陈晓敏', '郑建华', ''],
      ]);
      // counter 1 is not paused by counter 2's sign
      const clerk = await signIn(host);
      ok(await clerk.call('payments.payCash', pay(b.accountId, 'bill-b')));
    } finally {
      other.dispose();
    }
  });
});
