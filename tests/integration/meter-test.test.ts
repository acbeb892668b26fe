/** 校表 settlement (R-RCPT-12, R-TEST-03/04/05, R-VOL-05): fee when the meter passes, the deposit always back. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../preload/contract.js';
import { decodeEscPos } from '../../hardware/printer/decode.js';
import { acceptAtCounter } from '../../main/services/businesses.js';
import type { Actor } from '../../main/services/context.js';
import { dispatch, enterReceipt } from '../../main/services/work-orders.js';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { fen } from '../../preload/kernel/money.js';
import { billOwner, markBillCorrected } from '../fixtures/data.js';

let host: TestHost;
let businessId: string;
const actor: Actor = {
  staffId: 'staff-clerk02', staffName: '陈晓敏', role: 'clerk', hallId: 'hall-lc', hallName: '鹿城营业厅',
  counterId: 'counter-lc02', counterCode: 'LC02', counterName: '2号窗口',
};

beforeEach(() => {
  host = makeTestHost();
  const ids = addAccount(host, { accountNo: '96000001', name: '校表户', address: '温州市鹿城区汤家桥路8号米兰花园2幢2单元202室', reading: 15000 });
  // Three readings; A-19 corrects the last two (no recent ignition on record).
  addBill(host, ids, { id: 't-1', readingDate: '2026-08-20', previous: 9000, current: 10000, amountFen: fen(3450), dueDate: '2026-09-19' });
  addBill(host, ids, { id: 't-2', readingDate: '2026-09-20', previous: 10000, current: 11522, amountFen: fen(5251), dueDate: '2026-10-20' });
  addBill(host, ids, { id: 't-3', readingDate: '2026-10-20', previous: 11522, current: 15000, amountFen: fen(12000), dueDate: '2026-11-19' });
  const { business } = acceptAtCounter(host.deps, actor, {
    accountId: ids.accountId, type: '校表', requirement: '', contactPhone: '13000000001', priority: '等待安排', depositTenderedFen: fen(30000),
  });
  businessId = business.id;
  const wo = dispatch(host.deps, actor, { businessId, technician: '李师傅', remark: '' });
  enterReceipt(host.deps, actor, { workOrderNo: wo.workOrderNo, arrivedAt: null, implementedAt: null, leftAt: null, result: '合格', businessValid: true, siteRemark: '' });
});
afterEach(() => host.dispose());

const form = (): Input<'followUps.meterTest'> => ({
  businessId, readingBeforeTest: '150', settledReading: '150', signedOn: '2026-11-23', sentOn: '2026-11-24', installer: '李师傅',
  tempMeterModel: 'G2.5', tempMeterNo: 'T-01', result: '合格', errorPercent: '', handling: '原表合格，已装回', tendered: '20',
});
const ledger = () =>
  host.store.sqlite.prepare('SELECT charge_type AS t, fee_fen AS fee, tendered_fen AS tendered, change_fen AS change FROM payments ORDER BY slip_no').all();

describe('校表 dispatch sheet (R-TEST-07)', () => {
  it('carries the agreement\'s payment information and the deposit receipt to the technician', async () => {
    const clerk = await signIn(host, 'clerk02', 'counter-lc02');
    const res = await clerk.call('businesses.dispatchSheets', { date: '2026-11-23' });
    expect(res).toMatchObject({ ok: true, value: [{ type: '校表', paymentMethod: '现金', bankName: null, depositSlipNo: 'LC02-00000001' }] });
  });
});

describe('校表 settlement', () => {
  it('charges the 20-yuan refit fee when the meter passes and hands the 300-yuan deposit back, refunding no gas (R-SEC-19)', async () => {
    const clerk = await signIn(host, 'clerk02', 'counter-lc02');
    const res = await clerk.call('followUps.meterTest', form());
    expect(res).toMatchObject({ ok: true, value: { business: { state: '已归档' }, slipNo: 'LC02-00000002', changeFen: fen(0), refundSlipNo: 'LC02-00000003', refundFen: fen(30000) } });
    expect(ledger()).toEqual([
      { t: '检测押金', fee: 30000, tendered: 30000, change: 0 },
      { t: '校表费', fee: 2000, tendered: 2000, change: 0 },
      { t: '检测押金', fee: -30000, tendered: 0, change: 30000 },
    ]);
    const refund = decodeEscPos(host.sim.jobs[1] ?? Buffer.alloc(0));
    expect(refund[0]).toBe('押金退还凭证');
    expect(refund.some((l) => l.startsWith('退还金额:') && l.endsWith('￥300.00'))).toBe(true);
    expect(await clerk.call('followUps.meterTest', form())).toMatchObject({ ok: false, error: { message: expect.stringContaining('已归档') } });
  });

  it('needs the hall director for a failed meter, which costs no fee and credits the last two readings (R-TEST-04, R-VOL-05, R-SEC-19, A-19)', async () => {
    const clerk = await signIn(host, 'clerk02', 'counter-lc02');
    const failed = { ...form(), result: '偏快' as const, errorPercent: '4.5', tendered: null, handling: '表偏快4.5%，免费换新表' };
    expect(await clerk.call('followUps.meterTest', failed)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'result' } });
    const director = await signIn(host, 'manager01', 'counter-lc02');
    expect(await director.call('followUps.meterTest', { ...failed, errorPercent: '' })).toMatchObject({ ok: false, error: { field: 'errorPercent' } });
    // 偏快 4.5%: 15.22 m³ × 3.45 × 4.5% = 2.36, 34.78 m³ × 3.45 × 4.5% = 5.40 → 7.76 credited
    expect(await director.call('followUps.meterTest', failed)).toMatchObject({ ok: true, value: { slipNo: null, refundFen: fen(30000), correctionFen: fen(776) } });
    expect(ledger()).toEqual([
      { t: '检测押金', fee: 30000, tendered: 30000, change: 0 },
      { t: '检测押金', fee: -30000, tendered: 0, change: 30000 },
      { t: '气费退补', fee: -776, tendered: 0, change: 776 },
    ]);
    expect(host.store.sqlite.prepare('SELECT bill_id, amount_fen FROM meter_test_corrections ORDER BY bill_id').all()).toEqual([
      { bill_id: 't-2', amount_fen: 236 },
      { bill_id: 't-3', amount_fen: 540 },
    ]);
    expect(host.store.sqlite.prepare('SELECT confirmed_by FROM meter_test_records').pluck().get()).toBe('staff-manager01');
  });

  it('leaves a bill voided by 更正读数 out of the last two readings it corrects (A-19 with issue 10 #5)', async () => {
    // t-3 was typed wrong and corrected to 12000: t-3b replaces it on the same reading date, t-3 is 已更正
    const ids = billOwner(host, 't-3');
    addBill(host, ids, { id: 't-3b', readingDate: '2026-10-20', previous: 11522, current: 12000, amountFen: fen(1649), dueDate: '2026-11-19' });
    markBillCorrected(host, { oldBillId: 't-3', newBillId: 't-3b', clerkId: 'staff-clerk02' });
    const director = await signIn(host, 'manager01', 'counter-lc02');
    const failed = { ...form(), result: '偏快' as const, errorPercent: '4.5', tendered: null, handling: '表偏快4.5%，免费换新表' };
    expect(await director.call('followUps.meterTest', failed)).toMatchObject({ ok: true });
    expect(host.store.sqlite.prepare('SELECT bill_id FROM meter_test_corrections ORDER BY bill_id').pluck().all()).toEqual(['t-2', 't-3b']);
  });

  it('collects the difference when the meter ran slow (A-19)', async () => {
    const director = await signIn(host, 'manager01', 'counter-lc02');
    const slow = { ...form(), result: '偏慢' as const, errorPercent: '4.5', tendered: null, handling: '表偏慢' };
    expect(await director.call('followUps.meterTest', slow)).toMatchObject({ ok: false, error: { field: 'tendered', message: expect.stringContaining('7.76') } });
    expect(await director.call('followUps.meterTest', { ...slow, tendered: '10' })).toMatchObject({ ok: true, value: { correctionFen: fen(-776) } });
    expect(host.store.sqlite.prepare("SELECT fee_fen, tendered_fen, change_fen FROM payments WHERE charge_type = '气费退补'").get()).toEqual({ fee_fen: 776, tendered_fen: 1000, change_fen: 224 });
  });

  it('refuses a negative fee row that is not a deposit refund', () => {
    expect(() =>
      host.store.sqlite
        .prepare(`INSERT INTO check_slips (slip_no, counter_id, seq, hall_id, business_date) VALUES ('X-1', 'counter-lc01', 999, 'hall-lc', '2026-11-23')`)
        .run(),
    ).not.toThrow();
    expect(() =>
      host.store.sqlite
        .prepare(
          `INSERT INTO payments (id, slip_no, account_id, hall_id, counter_id, clerk_id, business_date, method, charge_type, invoice_category,
           fee_fen, gas_fen, late_fee_fen, total_fen, tendered_fen, change_fen)
           VALUES ('p', 'X-1', 'acc-96000001', 'hall-lc', 'counter-lc01', 'staff-clerk01', '2026-11-23', '现金', '过户费', '定额', -500, 0, 0, -500, 0, 500)`,
        )
        .run(),
    ).toThrow(/does not balance/);
  });
});
