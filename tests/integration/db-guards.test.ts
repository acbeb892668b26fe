/**
 * issue 10 #18: the database guards on their own. Every row here is written with raw SQL, past the services,
 * so each test fails when its trigger is missing: the closed day (payments_day_open, check_slips_day_open),
 * the reversal's second person who is a hall manager (reversals_two_people) and the late-fee waiver above
 * the clerk's limit (late_fee_waivers_approval, issue 10 #9, R-LATE-05, A-28).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLERK_WAIVER_LIMIT_FEN } from '../../main/domain/late-fee.js';
import { addAccount, addBill, makeTestHost, type TestHost } from '../fixtures/host.js';

let host: TestHost;
let ids: { accountId: string; meterId: string };

beforeEach(() => {
  host = makeTestHost();
  ids = addAccount(host, { accountNo: '20240001', name: '张三', address: '温州市鹿城区人民路88号', reading: 12300 });
  addBill(host, ids, { id: 'bill-1', readingDate: '2026-10-20', previous: 10000, current: 12300, amountFen: 7935, dueDate: '2026-11-19' });
});
afterEach(() => host.dispose());

const run = (sql: string, ...params: unknown[]) => host.store.sqlite.prepare(sql).run(...params);
const count = (sql: string) => Number(host.store.sqlite.prepare(sql).pluck().get());

function slip(slipNo: string, seq: number, date = '2026-11-23'): void {
  run("INSERT INTO check_slips (slip_no, counter_id, seq, hall_id, business_date) VALUES (?, 'counter-lc01', ?, 'hall-lc', ?)", slipNo, seq, date);
}

function payment(id: string, slipNo: string, fen: number, extra: { reverses?: string; date?: string } = {}): void {
  const tendered = fen < 0 ? 0 : fen;
  run(
    `INSERT INTO payments (id, slip_no, account_id, hall_id, counter_id, clerk_id, business_date, method, gas_fen, late_fee_fen,
     total_fen, tendered_fen, change_fen, reverses_payment_id)
     VALUES (?, ?, ?, 'hall-lc', 'counter-lc01', 'staff-clerk01', ?, '现金', ?, 0, ?, ?, ?, ?)`,
    id, slipNo, ids.accountId, extra.date ?? '2026-11-23', fen, fen, tendered, tendered - fen, extra.reverses ?? null,
  );
}

function closeDay(date = '2026-11-23'): void {
  run("INSERT INTO business_days (hall_id, business_date, closed_at, closed_by) VALUES ('hall-lc', ?, '2026-11-23T10:00:00.000Z', 'staff-manager01')", date);
}

describe('closed business day (payments_day_open, check_slips_day_open)', () => {
  it('refuses a payment row inserted directly on a closed day, even with its slip number taken before the close', () => {
    slip('LC01-00000001', 1);
    closeDay();
    expect(() => payment('pay-1', 'LC01-00000001', 7935)).toThrow('business day closed');
    expect(count('SELECT count(*) FROM payments')).toBe(0);
  });

  it('refuses a check-slip number drawn directly on a closed day', () => {
    closeDay();
    expect(() => slip('LC01-00000001', 1)).toThrow('business day closed');
    expect(count('SELECT count(*) FROM check_slips')).toBe(0);
  });

  it('still takes rows on an open day (the guards refuse only the closed one)', () => {
    closeDay('2026-11-22');
    slip('LC01-00000001', 1);
    payment('pay-1', 'LC01-00000001', 7935);
    expect(count('SELECT count(*) FROM payments')).toBe(1);
  });
});

describe('reversal needs a second person who is a hall manager (reversals_two_people)', () => {
  beforeEach(() => {
    slip('LC01-00000001', 1);
    payment('pay-1', 'LC01-00000001', 7935);
    slip('LC01-00000002', 2);
    payment('rev-1', 'LC01-00000002', -7935, { reverses: 'pay-1' });
  });
  const reversal = (approverId: string) =>
    run("INSERT INTO reversals (payment_id, original_payment_id, reason, clerk_id, approver_id) VALUES ('rev-1', 'pay-1', '收错用户', 'staff-clerk01', ?)", approverId);

  it('refuses a reversal approved by the clerk themself', () => {
    expect(() => reversal('staff-clerk01')).toThrow("a reversal needs a second person's approval");
    expect(count('SELECT count(*) FROM reversals')).toBe(0);
  });

  it('refuses a reversal approved by another person who is not a manager', () => {
    expect(() => reversal('staff-clerk02')).toThrow("a reversal needs a second person's approval");
    expect(() => reversal('staff-reviewer01')).toThrow("a reversal needs a second person's approval");
    expect(count('SELECT count(*) FROM reversals')).toBe(0);
  });

  it('takes a reversal approved by the hall manager', () => {
    reversal('staff-manager01');
    expect(count('SELECT count(*) FROM reversals')).toBe(1);
  });
});

describe('late-fee waiver above the clerk limit needs another person with the manager role (late_fee_waivers_approval)', () => {
  beforeEach(() => {
    slip('LC01-00000001', 1);
    payment('pay-1', 'LC01-00000001', 7935);
  });
  let n = 0;
  const waiver = (lateFeeFen: number, approverId: string | null, waivedFen = lateFeeFen) =>
    run(
      "INSERT INTO late_fee_waivers (id, payment_id, bill_id, late_fee_fen, waived_fen, reason, clerk_id, approver_id) VALUES (?, 'pay-1', 'bill-1', ?, ?, '估抄争议', 'staff-clerk01', ?)",
      `w-${++n}`, lateFeeFen, waivedFen, approverId,
    );
  const refused = "a late-fee waiver above the clerk's limit needs another person with the manager role";

  it('the limit is the service one: 20 yuan (A-28)', () => {
    expect(CLERK_WAIVER_LIMIT_FEN).toBe(2000);
  });

  it('refuses a clerk-only waiver of an estimated reading above 20 yuan', () => {
    run("UPDATE bills SET estimated = 1 WHERE id = 'bill-1'");
    expect(() => waiver(CLERK_WAIVER_LIMIT_FEN + 50, null)).toThrow(refused);
    expect(count('SELECT count(*) FROM late_fee_waivers')).toBe(0);
  });

  it('refuses a clerk-only waiver of a reading that is not estimated, however small', () => {
    expect(() => waiver(100, null)).toThrow(refused);
  });

  it('refuses the clerk as their own approver and an approver who is not a manager', () => {
    run("UPDATE bills SET estimated = 1 WHERE id = 'bill-1'");
    expect(() => waiver(CLERK_WAIVER_LIMIT_FEN + 50, 'staff-clerk01')).toThrow(refused);
    expect(() => waiver(CLERK_WAIVER_LIMIT_FEN + 50, 'staff-clerk02')).toThrow(refused);
    expect(() => waiver(CLERK_WAIVER_LIMIT_FEN + 50, 'staff-admin01')).toThrow(refused);
    expect(count('SELECT count(*) FROM late_fee_waivers')).toBe(0);
  });

  it('refuses waiving nothing or more than the late fee', () => {
    expect(() => waiver(3000, 'staff-manager01', 3050)).toThrow('at most the late fee');
    expect(() => waiver(3000, 'staff-manager01', 0)).toThrow('at most the late fee');
  });

  it('takes a clerk waiver within the limit of an estimated reading, and a manager-approved one above it', () => {
    run("UPDATE bills SET estimated = 1 WHERE id = 'bill-1'");
    waiver(CLERK_WAIVER_LIMIT_FEN, null);
    waiver(CLERK_WAIVER_LIMIT_FEN + 50, 'staff-manager01');
    expect(count('SELECT count(*) FROM late_fee_waivers')).toBe(2);
  });
});

describe('set-based statements meet the same per-row guards (issue 13 #4: bulk posting replaces no trigger)', () => {
  it('refuses an INSERT…SELECT of payments on a closed day and an unbalanced one, whole', () => {
    slip('LC01-00000001', 1);
    slip('LC01-00000002', 2);
    const bulk = (date: string, change: number) =>
      run(
        `INSERT INTO payments (id, slip_no, account_id, hall_id, counter_id, clerk_id, business_date, method, gas_fen, late_fee_fen, total_fen, tendered_fen, change_fen)
         SELECT 'bulk-' || seq, slip_no, ?, 'hall-lc', 'counter-lc01', 'staff-clerk01', ?, '银行代缴', 7935, 0, 7935, 7935, ? FROM check_slips ORDER BY seq`,
        ids.accountId, date, change,
      );
    expect(() => bulk('2026-11-23', 1)).toThrow('payment does not balance');
    closeDay();
    expect(() => bulk('2026-11-23', 0)).toThrow('business day closed');
    expect(count('SELECT count(*) FROM payments')).toBe(0);
  });

  it('refuses an UPDATE…FROM that marks bills 收讫 without a payment item covering each', () => {
    slip('LC01-00000001', 1);
    payment('pay-1', 'LC01-00000001', 7935);
    run('CREATE TEMP TABLE paid (bill_id TEXT, payment_id TEXT)');
    run("INSERT INTO temp.paid VALUES ('bill-1', 'pay-1')");
    expect(() => run("UPDATE bills SET status = '收讫', paid_payment_id = p.payment_id FROM temp.paid p WHERE bills.id = p.bill_id")).toThrow(
      'a bill becomes 收讫 only through a payment item that covers it',
    );
    expect(count("SELECT count(*) FROM bills WHERE status = '收讫'")).toBe(0);
  });
});
