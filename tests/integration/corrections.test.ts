/**
 * Issue 15 #3: corrections only through an approved request. R-SEC-09 (更改指数 of an unpaid bill with a reason,
 * approved by the office manager before the reading changes, then re-billed; late fee recomputed), R-SEC-10 (an
 * estimated reading for a faulty meter with its reason), R-PAY-10 (a committed payment's method is never edited:
 * approved, it is a reversal plus a new payment, both linked to the request), A-32 (old and new values recorded),
 * and the database guards: a request is decided once, never by its requester, only by a manager.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../main/services/audit.js';
import { addAccount, addBill, makeTestHost, ok, signIn, type TestHost } from '../fixtures/host.js';
import { lastAuditDetail } from '../fixtures/data.js';

let host: TestHost;
let ids: { accountId: string; meterId: string };

beforeEach(() => {
  host = makeTestHost();
  ids = addAccount(host, { accountNo: '61000001', name: '孙八', address: '温州市鹿城区更正路1号', reading: 12000 });
});
afterEach(() => host.dispose());

/** A counter reading typed as 1200 instead of 128, overdue since 2026-10-25 (the test clock is 2026-11-23). */
async function overdueWrongBill() {
  const clerk = await signIn(host);
  addBill(host, ids, { id: 'old-1', readingDate: '2026-09-25', previous: 11000, current: 12000, amountFen: 3450, dueDate: '2026-10-25' });
  const clerkBill = ok(await clerk.call('bills.enterReading', { accountId: ids.accountId, reading: '1200', source: 'notice', confirmUnusual: true }));
  return { clerk, billId: clerkBill.id };
}

const sql = () => host.store.sqlite;
const billStatus = (id: string) => sql().prepare('SELECT status FROM bills WHERE id = ?').pluck().get(id);

describe('reading correction with approval (R-SEC-09, A-32)', () => {
  it('a request changes nothing; the manager approves: old bill kept as 已更正, new bill linked to the request, late fee recomputed', async () => {
    const { billId } = await overdueWrongBill();
    // 20 days past the bill's due date (2026-12-23): a late fee runs on the wrong amount
    host.clock.current = new Date('2027-01-12T02:00:00Z');
    const clerk = await signIn(host);
    const before = ok(await clerk.call('bills.unpaid', { accountId: ids.accountId })).bills.find((b) => b.id === billId);
    expect(before?.lateFeeFen).toBeGreaterThan(0);
    const asked = ok(await clerk.call('corrections.requestReading', { billId, reading: '128', reason: '录入多打了一位，通知单为128' }));
    expect(asked).toMatchObject({ kind: 'reading', status: '待审批', requesterName: expect.any(String), summary: expect.stringContaining('1200 → 128') });
    // nothing changed yet (R-SEC-09: approved before the reading is changed)
    expect(billStatus(billId)).toBe('未缴');
    expect(sql().prepare('SELECT count(*) FROM bill_corrections').pluck().get()).toBe(0);
    // asked twice: refused while the first waits
    expect(await clerk.call('corrections.requestReading', { billId, reading: '129', reason: '再次申请' })).toMatchObject({ ok: false, error: { code: 'ALREADY_REQUESTED' } });
    // a clerk cannot decide (role), the manager sees it pending
    expect(await clerk.call('corrections.decide', { requestId: asked.id, approve: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const colleague = await signIn(host, 'clerk02', 'counter-lc02');
    expect(await colleague.call('corrections.decide', { requestId: asked.id, approve: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(billStatus(billId)).toBe('未缴');
    const manager = await signIn(host, 'manager01', 'counter-lc02');
    expect(ok(await manager.call('corrections.list', { pendingOnly: true })).map((r) => r.id)).toEqual([asked.id]);
    const approved = ok(await manager.call('corrections.decide', { requestId: asked.id, approve: true, note: '核对通知单无误' }));
    expect(approved).toMatchObject({ status: '已批准', note: '核对通知单无误', newBillId: expect.any(String) });
    expect(billStatus(billId)).toBe('已更正');
    expect(sql().prepare('SELECT old_bill_id, new_bill_id, request_id FROM bill_corrections').get()).toEqual({ old_bill_id: billId, new_bill_id: approved.newBillId, request_id: asked.id });
    const after = ok(await clerk.call('bills.unpaid', { accountId: ids.accountId })).bills.find((b) => b.id === approved.newBillId);
    expect(after).toMatchObject({ thisReading: 12800, consumption: 800, gasFen: 2760 });
    // the late fee follows the new amount (R-SEC-09: re-billed), the old figures are in the audit
    expect(before?.gasFen).toBe(372600);
    expect(after?.lateFeeFen).toBeGreaterThan(0);
    expect(after?.lateFeeFen).toBeLessThan(before?.lateFeeFen ?? 0);
    const audit = lastAuditDetail(host, 'correction.approve');
    expect(audit).toMatchObject({ kind: 'reading', newBillId: approved.newBillId, oldGasFen: 372600, newGasFen: 2760, oldLateFeeFen: before?.lateFeeFen, newLateFeeFen: after?.lateFeeFen });
    expect(lastAuditDetail(host, 'bill.correct_reading')).toMatchObject({ requestId: asked.id, old: { thisReading: 120000 }, new: { thisReading: 12800 } });
    // decided once
    expect(await manager.call('corrections.decide', { requestId: asked.id, approve: false, note: '重复审批' })).toMatchObject({ ok: false, error: { code: 'ALREADY_DECIDED' } });
    expect(verifyAuditChain(host.store.db).ok).toBe(true);
  });

  it('a handheld reading is not corrected at the counter (退回重抄)', async () => {
    addBill(host, ids, { id: 'late-1', readingDate: '2026-09-25', previous: 12000, current: 13000, amountFen: 3450, dueDate: '2026-10-25' });
    const clerk = await signIn(host);
    const hh = await clerk.call('corrections.requestReading', { billId: 'late-1', reading: '125', reason: '读数有误' });
    // a handheld reading goes back for re-reading, not through a counter correction
    expect(hh).toMatchObject({ ok: false, error: { code: 'NOT_CORRECTABLE', field: 'billId' } });
  });

  it('refused: a reason is required, nothing changes, and a new request may follow', async () => {
    const { clerk, billId } = await overdueWrongBill();
    const asked = ok(await clerk.call('corrections.requestReading', { billId, reading: '128', reason: '用户投诉读数偏大' }));
    const manager = await signIn(host, 'manager01', 'counter-lc02');
    expect(await manager.call('corrections.decide', { requestId: asked.id, approve: false })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'note' } });
    expect(ok(await manager.call('corrections.decide', { requestId: asked.id, approve: false, note: '现场核表读数为1200，原读数正确' }))).toMatchObject({ status: '已驳回', newBillId: null });
    expect(billStatus(billId)).toBe('未缴');
    expect(sql().prepare('SELECT count(*) FROM bills').pluck().get()).toBe(2);
    expect(ok(await clerk.call('corrections.list', { pendingOnly: false }))).toMatchObject([{ status: '已驳回', note: '现场核表读数为1200，原读数正确' }]);
    expect(await clerk.call('corrections.requestReading', { billId, reading: '128', reason: '用户再次投诉' })).toMatchObject({ ok: true });
  });

  it('a manager who asked cannot approve their own request (two-person rule); another manager or the administrator can', async () => {
    const { billId } = await overdueWrongBill();
    const manager = await signIn(host, 'manager01', 'counter-lc02');
    const asked = ok(await manager.call('corrections.requestReading', { billId, reading: '128', reason: '录入错误' }));
    expect(await manager.call('corrections.decide', { requestId: asked.id, approve: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'requestId' } });
    expect(billStatus(billId)).toBe('未缴');
    const admin = await signIn(host, 'admin01', 'counter-lc01');
    expect(ok(await admin.call('corrections.decide', { requestId: asked.id, approve: true }))).toMatchObject({ status: '已批准' });
  });

  it('R-SEC-10: an estimated reading for a faulty meter is recorded as 估抄 with its reason', async () => {
    const { clerk, billId } = await overdueWrongBill();
    const asked = ok(await clerk.call('corrections.requestReading', { billId, reading: '130', reason: '气表故障不走字，按近三月平均估抄', estimated: true }));
    expect(asked).toMatchObject({ estimated: true, summary: expect.stringContaining('估抄') });
    const manager = await signIn(host, 'manager01', 'counter-lc02');
    const approved = ok(await manager.call('corrections.decide', { requestId: asked.id, approve: true }));
    expect(sql().prepare('SELECT estimated FROM bills WHERE id = ?').pluck().get(approved.newBillId)).toBe(1);
  });
});

describe('payment method correction (R-PAY-10)', () => {
  it('approved: the original stays as it was, a reversal and a new cash payment of the same bills are posted at the requester\'s counter, both linked', async () => {
    addBill(host, ids, { id: 'p-1', readingDate: '2026-11-10', previous: 11000, current: 12000, amountFen: 3450, dueDate: '2026-12-10' });
    const clerk = await signIn(host);
    const paid = ok(await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['p-1'], tendered: '0', expectedTotalFen: 3450, tickets: [{ kind: '燃气票', year: 2026, quarter: 4, count: 2, backName: '孙八', backAddress: '更正路1号' }] }));
    const original = sql().prepare('SELECT * FROM payments WHERE slip_no = ?').get(paid.slipNo);
    expect(await clerk.call('corrections.requestMethod', { slipNo: 'LC01-99999999', toMethod: '现金', reason: '收的是现金' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const asked = ok(await clerk.call('corrections.requestMethod', { slipNo: paid.slipNo, toMethod: '现金', reason: '用户付的是现金，误录为燃气票' }));
    expect(asked).toMatchObject({ kind: 'method', status: '待审批', summary: expect.stringContaining('燃气票 → 现金') });
    expect(sql().prepare('SELECT count(*) FROM payments').pluck().get()).toBe(1);
    const manager = await signIn(host, 'manager01', 'counter-lc02');
    const approved = ok(await manager.call('corrections.decide', { requestId: asked.id, approve: true }));
    expect(approved.slips).toEqual({ reversal: 'LC01-00000002', payment: 'LC01-00000003' });
    // the committed payment is never edited
    expect(sql().prepare('SELECT * FROM payments WHERE slip_no = ?').get(paid.slipNo)).toEqual(original);
    const rows = sql().prepare('SELECT slip_no, method, clerk_id, counter_id, gas_fen, total_fen, ticket_fen, tendered_fen, reverses_payment_id IS NOT NULL AS reversal FROM payments ORDER BY slip_no').all();
    expect(rows).toEqual([
      { slip_no: paid.slipNo, method: '燃气票', clerk_id: 'staff-clerk01', counter_id: 'counter-lc01', gas_fen: 3450, total_fen: 3450, ticket_fen: 3450, tendered_fen: 0, reversal: 0 },
      { slip_no: 'LC01-00000002', method: '燃气票', clerk_id: 'staff-clerk01', counter_id: 'counter-lc01', gas_fen: -3450, total_fen: -3450, ticket_fen: -3450, tendered_fen: 0, reversal: 1 },
      { slip_no: 'LC01-00000003', method: '现金', clerk_id: 'staff-clerk01', counter_id: 'counter-lc01', gas_fen: 3450, total_fen: 3450, ticket_fen: 0, tendered_fen: 3450, reversal: 0 },
    ]);
    expect(sql().prepare('SELECT approver_id FROM reversals').pluck().get()).toBe('staff-manager01');
    expect(sql().prepare("SELECT b.status, p.slip_no FROM bills b JOIN payments p ON p.id = b.paid_payment_id WHERE b.id = 'p-1'").get()).toEqual({ status: '收讫', slip_no: 'LC01-00000003' });
    expect(sql().prepare('SELECT count(*) FROM payment_method_corrections WHERE request_id = ?').pluck().get(asked.id)).toBe(1);
    expect(await clerk.call('corrections.requestMethod', { slipNo: paid.slipNo, toMethod: '现金', reason: '再次' })).toMatchObject({ ok: false, error: { code: 'NOT_REVERSIBLE' } });
    expect(verifyAuditChain(host.store.db).ok).toBe(true);
  });

  it('refuses a cash payment to cash and a payment of another day', async () => {
    addBill(host, ids, { id: 'p-2', readingDate: '2026-11-10', previous: 11000, current: 12000, amountFen: 3450, dueDate: '2026-12-10' });
    const clerk = await signIn(host);
    const paid = ok(await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['p-2'], tendered: '50', expectedTotalFen: 3450 }));
    expect(await clerk.call('corrections.requestMethod', { slipNo: paid.slipNo, toMethod: '现金', reason: '测试' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'toMethod' } });
    expect(sql().prepare('SELECT count(*) FROM correction_requests').pluck().get()).toBe(0);
  });
});

describe('database guards of correction requests (raw SQL)', () => {
  async function pendingRequest(requester = 'clerk01', counter = 'counter-lc01') {
    const { billId } = await overdueWrongBill();
    const asker = await signIn(host, requester, counter);
    const asked = ok(await asker.call('corrections.requestReading', { billId, reading: '128', reason: '录入错误' }));
    return { billId, requestId: asked.id };
  }
  const decide = (requestId: string, deciderId: string, decision = 'approved') =>
    sql().prepare('INSERT INTO correction_decisions (request_id, decision, decider_id) VALUES (?, ?, ?)').run(requestId, decision, deciderId);

  it('a decision by the requester is refused (two-person rule)', async () => {
    const { requestId } = await pendingRequest('manager01', 'counter-lc02');
    expect(() => decide(requestId, 'staff-manager01')).toThrow(/two-person rule/);
  });

  it('a decision by a clerk is refused; only a manager or administrator decides', async () => {
    const { requestId } = await pendingRequest();
    expect(() => decide(requestId, 'staff-clerk02')).toThrow(/hall manager or administrator/);
  });

  it('a request is decided once, and neither requests nor decisions are changed or deleted', async () => {
    const { requestId } = await pendingRequest();
    decide(requestId, 'staff-manager01', 'refused');
    expect(() => decide(requestId, 'staff-admin01')).toThrow(/UNIQUE|PRIMARY|append-only/);
    expect(() => sql().prepare("UPDATE correction_decisions SET decision = 'approved'").run()).toThrow(/append-only/);
    expect(() => sql().prepare('DELETE FROM correction_decisions').run()).toThrow(/append-only/);
    expect(() => sql().prepare('UPDATE correction_requests SET reading_centi = 1').run()).toThrow(/append-only/);
    expect(() => sql().prepare('DELETE FROM correction_requests').run()).toThrow(/append-only/);
  });

  it('a bill correction row needs an approved request naming both bills (A-32)', async () => {
    const { billId, requestId } = await pendingRequest();
    const insert = (request: string | null) =>
      sql().prepare("INSERT INTO bill_corrections (old_bill_id, new_bill_id, reason, clerk_id, request_id) VALUES (?, 'old-1', '绕过审批', 'staff-clerk01', ?)").run(billId, request);
    expect(() => insert(null)).toThrow(/approved correction request/);
    expect(() => insert(requestId)).toThrow(/approved correction request/);
  });

  it('a method correction row needs an approved method request, a reversal and a new payment', async () => {
    const { requestId } = await pendingRequest();
    addBill(host, ids, { id: 'p-3', readingDate: '2026-11-10', previous: 12000, current: 12100, amountFen: 345, dueDate: '2026-12-10' });
    const clerk = await signIn(host, 'clerk02', 'counter-lc02');
    const paid = ok(await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['p-3'], tendered: '5', expectedTotalFen: 345 }));
    const pid = sql().prepare('SELECT id FROM payments WHERE slip_no = ?').pluck().get(paid.slipNo);
    expect(() =>
      sql().prepare('INSERT INTO payment_method_corrections (request_id, original_payment_id, reversal_payment_id, new_payment_id) VALUES (?, ?, ?, ?)').run(requestId, pid, pid, pid),
    ).toThrow(/R-PAY-10/);
  });
});
