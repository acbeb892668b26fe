/**
 * Issue 15 #4: complaints and opinions. R-SEC-20 (logged, answered and closed with the customer's satisfaction,
 * overdue ones listed for the director), R-SEC-12 (首问负责制: the one who logs it is its handler until answered),
 * R-SEC-18 (the complaint phone told to the customer comes from the settings); a complaint about a transaction
 * shows the 满意度评价 stored for its slip. The rows are append-only (raw SQL).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../main/services/audit.js';
import { addAccount, addBill, makeTestHost, ok, signIn, type TestHost } from '../fixtures/host.js';

let host: TestHost;
let ids: { accountId: string; meterId: string };

beforeEach(() => {
  host = makeTestHost();
  ids = addAccount(host, { accountNo: '63000001', name: '周九', address: '温州市鹿城区投诉路3号', reading: 12000 });
});
afterEach(() => host.dispose());

const base = { kind: '投诉', channel: '柜台', category: '服务态度', customerName: '周九', phone: '13900001111', content: '收费员态度生硬' } as const;

describe('complaints and opinions (R-SEC-20, R-SEC-12, R-SEC-18)', () => {
  it('logged with its handler and promised date, linked to the slip\'s satisfaction rating, answered and closed once', async () => {
    addBill(host, ids, { id: 'c-1', readingDate: '2026-11-10', previous: 11000, current: 12000, amountFen: 3450, dueDate: '2026-12-10' });
    const clerk = await signIn(host);
    const paid = ok(await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['c-1'], tendered: '50', expectedTotalFen: 3450 }));
    ok(await clerk.call('display.show', { dueFen: 3450, tenderedFen: 5000, changeFen: 1550, slipNo: paid.slipNo, askRating: true }));
    ok(await clerk.call('display.rate', { score: 4 }));
    expect(ok(await clerk.call('complaints.phone', {}))).toEqual({ phone: '', answerDays: 5, categoryDays: {}, stored: false });
    const logged = ok(await clerk.call('complaints.log', { ...base, accountId: ids.accountId, slipNo: paid.slipNo }));
    expect(logged).toMatchObject({ status: '待答复', handlerName: '王丽', accountNo: '63000001', promisedBy: '2026-11-28', slipNo: paid.slipNo, slipRating: '不满意' });
    // R-SEC-12: another clerk is not the handler; the first responder or the manager closes it
    const other = await signIn(host, 'clerk02', 'counter-lc02');
    expect(await other.call('complaints.answer', { complaintId: logged.id, answer: '已答复', satisfaction: '满意' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await clerk.call('complaints.answer', { complaintId: logged.id, answer: ' ', satisfaction: '满意' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'answer' } });
    const closed = ok(await clerk.call('complaints.answer', { complaintId: logged.id, answer: '已向用户致歉并说明收费标准', satisfaction: '基本满意' }));
    expect(closed).toMatchObject({ status: '已办结', satisfaction: '基本满意', answeredByName: '王丽' });
    expect(await clerk.call('complaints.answer', { complaintId: logged.id, answer: '再次答复', satisfaction: '满意' })).toMatchObject({ ok: false, error: { code: 'ALREADY_DECIDED' } });
    expect(verifyAuditChain(host.store.db).ok).toBe(true);
  });

  it('the call centre logs from the phone; unanswered past the promised date it is on the director\'s overdue list, not a clerk\'s', async () => {
    const phone = await signIn(host, 'callcenter01', 'counter-cc01');
    const logged = ok(await phone.call('complaints.log', { ...base, kind: '意见', channel: '电话', category: '抄表', content: '希望抄表前电话通知', promisedBy: '2026-11-25' }));
    expect(logged).toMatchObject({ channel: '电话', accountNo: null, promisedBy: '2026-11-25' });
    const counter = await signIn(host);
    const atCounter = ok(await counter.call('complaints.log', { ...base, promisedBy: '2026-11-25' }));
    const manager = await signIn(host, 'manager01', 'counter-lc02');
    expect(ok(await manager.call('complaints.overdue', {}))).toEqual([]);
    host.clock.current = new Date('2026-11-27T02:00:00Z');
    const director = await signIn(host, 'manager01', 'counter-lc02');
    const clerk = await signIn(host);
    expect(ok(await director.call('complaints.overdue', {}))).toMatchObject([{ id: atCounter.id, status: '已超期' }]);
    const lead = await signIn(host, 'cclead01', 'counter-cc01');
    expect(ok(await lead.call('complaints.list', {}))).toMatchObject([{ id: logged.id, status: '已超期' }]);
    expect(await clerk.call('complaints.overdue', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('issue 15 #4 (§10 configurable, R-SEC-18/R-SEC-20): a manager sets the complaint phone and the answer days by category; a clerk may not; bad values are refused at the field; audited', async () => {
    const clerk = await signIn(host);
    const settings = { phone: '0577-88386119', answerDays: 7, categoryDays: { 收费: 2, 气压气质: 1 } } as const;
    expect(await clerk.call('complaints.saveSettings', settings)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const manager = await signIn(host, 'manager01', 'counter-lc02');
    expect(await manager.call('complaints.saveSettings', { ...settings, phone: '88-abc' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'phone' } });
    expect(await manager.call('complaints.saveSettings', { ...settings, answerDays: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'answerDays' } });
    expect(await manager.call('complaints.saveSettings', { ...settings, categoryDays: { 收费: 31 } })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'categoryDays.收费' } });
    const count = (sql: string) => host.store.sqlite.prepare(sql).pluck().get();
    expect(count('SELECT count(*) FROM complaint_settings')).toBe(0);
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'complaints.settings'")).toBe(0);
    // A category given the default's days is not kept as its own.
    expect(ok(await manager.call('complaints.saveSettings', { ...settings, categoryDays: { ...settings.categoryDays, 抄表: 7 } }))).toEqual({ phone: '0577-88386119', answerDays: 7, categoryDays: { 收费: 2, 气压气质: 1 }, stored: true });
    expect(ok(await clerk.call('complaints.phone', {}))).toMatchObject({ phone: '0577-88386119', answerDays: 7 });
    expect(JSON.parse(String(count("SELECT detail FROM audit_log WHERE action = 'complaints.settings'")))).toEqual({
      before: { phone: '', answerDays: 5, categoryDays: {} },
      after: { phone: '0577-88386119', answerDays: 7, categoryDays: { 收费: 2, 气压气质: 1 } },
    });
    // The promised answer date follows the category's own days, else the default (today 2026-11-23).
    expect(ok(await clerk.call('complaints.log', { ...base, category: '收费' })).promisedBy).toBe('2026-11-25');
    expect(ok(await clerk.call('complaints.log', { ...base, category: '服务态度' })).promisedBy).toBe('2026-11-30');
    expect(ok(await clerk.call('complaints.log', { ...base, category: '气压气质', promisedBy: '2026-12-01' })).promisedBy).toBe('2026-12-01');
    expect(verifyAuditChain(host.store.db).ok).toBe(true);
  });

  it('refuses missing content, a bad phone, a past or far promised date and an unknown slip, writing nothing', async () => {
    const clerk = await signIn(host);
    const cases = [
      [{ ...base, content: ' ' }, 'content'],
      [{ ...base, phone: 'abc' }, 'phone'],
      [{ ...base, promisedBy: '2026-11-01' }, 'promisedBy'],
      [{ ...base, promisedBy: '2027-03-01' }, 'promisedBy'],
      [{ ...base, slipNo: 'LC01-99999999' }, 'slipNo'],
    ] as const;
    for (const [input, field] of cases) expect(await clerk.call('complaints.log', input)).toMatchObject({ ok: false, error: { field } });
    expect(host.store.sqlite.prepare('SELECT count(*) FROM complaints').pluck().get()).toBe(0);
  });

  it('the database keeps complaints and answers append-only and refuses a promise before the day logged', async () => {
    const clerk = await signIn(host);
    const logged = ok(await clerk.call('complaints.log', base));
    const db = host.store.sqlite;
    expect(() => db.prepare("UPDATE complaints SET promised_by = '2027-01-01'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM complaints').run()).toThrow(/append-only/);
    ok(await clerk.call('complaints.answer', { complaintId: logged.id, answer: '已处理', satisfaction: '满意' }));
    expect(() => db.prepare("UPDATE complaint_answers SET satisfaction = '不满意'").run()).toThrow(/append-only/);
    expect(() =>
      db.prepare("INSERT INTO complaints (id, kind, channel, category, customer_name, phone, content, handler_id, hall_id, counter_id, promised_by, created_at) VALUES ('x', '投诉', '柜台', '收费', '甲', '1234567', '内容内容', 'staff-clerk01', 'hall-lc', 'counter-lc01', '2026-11-01', '2026-11-23T02:00:00Z')").run(),
    ).toThrow(/on or after the day/);
  });
});
