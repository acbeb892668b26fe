/**
 * Issue 13 #2: the per-day totals that 日结, 日收银报表, 收银统计报表, the month-end report and the day's status
 * read are kept by insert triggers on the ledger. A day with counter cash, tickets, a 冲正 of a ticket payment,
 * a 冲正 of a cash payment, a bank write-off, an electronic-channel payment, an IC-card recharge and an invoice
 * exchange: the totals equal the ledger to the fen (`day.verifyTotals`). Raw SQL cannot write the totals.
 */
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerBankFile } from '../fixtures/bank-answer.js';
import { addAccount, addBill, makeTestHost, ok, signIn, type TestHost } from '../fixtures/host.js';
import { setBankWithholding } from '../fixtures/data.js';

let host: TestHost;

beforeEach(() => {
  host = makeTestHost();
  const a = addAccount(host, { accountNo: '93000001', name: '现金户', address: '温州市鹿城区对账路1号', reading: 14600 });
  addBill(host, a, { id: 'a-1', readingDate: '2026-10-20', previous: 10000, current: 12300, amountFen: 7935, dueDate: '2026-11-19' });
  addBill(host, a, { id: 'a-2', readingDate: '2026-11-10', previous: 12300, current: 14600, amountFen: 7935, dueDate: '2026-12-10' });
  const b = addAccount(host, { accountNo: '93000002', name: '冲正户', address: '温州市鹿城区对账路2号', reading: 4000 });
  addBill(host, b, { id: 'b-1', readingDate: '2026-11-10', previous: 1000, current: 2000, amountFen: 3450, dueDate: '2026-12-10' });
  addBill(host, b, { id: 'b-2', readingDate: '2026-11-11', previous: 2000, current: 4000, amountFen: 6900, dueDate: '2026-12-11' });
  const c = addAccount(host, { accountNo: '93000003', name: '代扣户', address: '温州市鹿城区对账路3号', reading: 1300 });
  setBankWithholding(host, c.accountId, { bank: '建行', cardNo: '6227001234567890123', holder: '代扣户' });
  addBill(host, c, { id: 'c-1', readingDate: '2026-11-10', previous: 0, current: 1300, amountFen: 4485, dueDate: '2026-12-10' });
  const d = addAccount(host, { accountNo: '93000004', name: '渠道户', address: '温州市鹿城区对账路4号', reading: 600 });
  addBill(host, d, { id: 'd-1', readingDate: '2026-11-10', previous: 0, current: 600, amountFen: 2070, dueDate: '2026-12-10' });
  addAccount(host, { accountNo: '93000005', name: '卡表户', address: '温州市鹿城区对账路5号', customerType: 'IC卡' });
});
afterEach(() => host.dispose());

const manager = { login: 'manager01', password: '123456' };
const gbk = (base64: string) => iconv.decode(Buffer.from(base64, 'base64'), 'gbk');
const b64 = (text: string) => iconv.encode(text, 'gbk').toString('base64');
const back = { backName: '冲正户', backAddress: '对账路2号' };

/** The day of every kind of ledger row; returns the clerk and the manager signed in. */
async function busyDay() {
  const clerk = await signIn(host);
  const boss = await signIn(host, 'manager01', 'counter-lc02');
  // counter cash with change, and a 国税 invoice for it
  ok(await clerk.call('payments.payCash', { accountId: 'acc-93000001', billIds: ['a-1'], tendered: '100', expectedTotalFen: 7985 }));
  ok(await clerk.call('invoices.registerBook', { category: '国税', prefix: '133012', firstNo: 1001, lastNo: 1050 }));
  ok(await clerk.call('invoices.issue', { slipNo: 'LC01-00000001' }));
  // tickets only
  ok(await clerk.call('payments.payCash', { accountId: 'acc-93000001', billIds: ['a-2'], tendered: '0', expectedTotalFen: 7935, tickets: [{ kind: '燃气票', year: 2026, quarter: 4, count: 5, backName: '现金户', backAddress: '对账路1号' }] }));
  // a ticket payment and a cash payment, both reversed (the 冲正 hands the tickets back)
  const withTickets = ok(
    await clerk.call('payments.payCash', { accountId: 'acc-93000002', billIds: ['b-2'], tendered: '70', expectedTotalFen: 6900, tickets: [{ kind: '优惠券', year: 2026, quarter: 4, count: 1, faceValue: '5', ...back }] }),
  );
  ok(await clerk.call('payments.reverse', { slipNo: withTickets.slipNo, reason: '收错用户', approver: manager }));
  const cash = ok(await clerk.call('payments.payCash', { accountId: 'acc-93000002', billIds: ['b-1'], tendered: '50', expectedTotalFen: 3450 }));
  ok(await clerk.call('payments.reverse', { slipNo: cash.slipNo, reason: '收错用户', approver: manager }));
  // a bank write-off
  const run = ok(await clerk.call('bank.generate', { bank: '建行' }));
  expect(await clerk.call('bank.writeOff', { runId: run.runId, file: b64(answerBankFile('建行', gbk(run.base64), () => null)) })).toMatchObject({ ok: true, value: { okCount: 1 } });
  // an electronic-channel payment entered by the manager
  ok(await boss.call('payments.recordElectronic', { accountId: 'acc-93000004', billIds: ['d-1'], channel: 'ATM', channelRef: 'ATM-20261123-0009', amount: '20.70' }));
  // an IC card and a recharge
  host.cardDevice?.sim.insertBlank();
  ok(await clerk.call('cards.issue', { accountId: 'acc-93000005', issueType: '制作新卡' }));
  ok(await clerk.call('cards.recharge', { accountId: 'acc-93000005', by: 'volume', value: '20', tendered: '100' }));
  return { clerk, boss };
}

const rows = (sql: string) => host.store.sqlite.prepare(sql).all();

describe('per-day totals kept by the ledger triggers (issue 13 #2)', () => {
  it('equal the ledger to the fen after 冲正, tickets, bank, channel, card and invoice rows', async () => {
    const { boss } = await busyDay();
    const all = ok(await boss.call('day.verifyTotals', {}));
    expect(all).toMatchObject({ ok: true, mismatches: [] });
    expect(ok(await boss.call('day.verifyTotals', { date: '2026-11-23' }))).toEqual(all);
    // every kind of row is in them: methods, the ticket kinds with the 冲正 netted out, the invoice
    expect(rows('SELECT DISTINCT method FROM day_totals ORDER BY method')).toEqual([{ method: 'ATM' }, { method: '优惠券' }, { method: '燃气票' }, { method: '现金' }, { method: '银行代缴' }]);
    expect(rows('SELECT kind, count, volume_centi, value_fen FROM day_ticket_totals ORDER BY kind')).toEqual([
      { kind: '优惠券', count: 0, volume_centi: 0, value_fen: 0 },
      { kind: '燃气票', count: 5, volume_centi: 2500, value_fen: 0 },
    ]);
    expect(rows('SELECT category, count, amount_fen FROM day_invoice_totals')).toEqual([{ category: '国税', count: 1, amount_fen: 7985 }]);
    expect(Number(host.store.sqlite.prepare('SELECT sum(count) FROM day_totals').pluck().get())).toBe(Number(host.store.sqlite.prepare('SELECT count(*) FROM payments').pluck().get()));
    // a clerk may not ask
    const clerk = await signIn(host, 'clerk02', 'counter-lc02');
    expect(await clerk.call('day.verifyTotals', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses every raw write to the totals (only the ledger triggers write them)', async () => {
    await busyDay();
    const db = host.store.sqlite;
    const refused = 'day totals are kept by the ledger';
    const cell = db.prepare("SELECT * FROM day_totals WHERE method = '现金' AND charge_type = '燃气费'").get() as Record<string, unknown>;
    const last = db.prepare('SELECT * FROM payments WHERE rowid = (SELECT max(rowid) FROM payments)').get() as Record<string, unknown>;
    expect(() => db.prepare('UPDATE day_totals SET total_fen = total_fen + 100').run()).toThrow(refused);
    expect(() => db.prepare('UPDATE day_totals SET count = count').run()).toThrow(refused);
    expect(() => db.prepare('DELETE FROM day_totals').run()).toThrow(refused);
    expect(() =>
      db.prepare(`INSERT INTO day_totals (hall_id, business_date, clerk_id, counter_id, method, charge_type, invoice_category, count, gas_fen, late_fee_fen,
        fee_fen, total_fen, tendered_fen, change_fen, ticket_fen, ticket_cash_fen) VALUES ('hall-lc', '2026-11-24', 'staff-clerk01', 'counter-lc01', '现金', '燃气费', '核对单', 1, 100, 0, 0, 100, 100, 0, 0, 0)`).run(),
    ).toThrow(refused);
    // replaying the latest payment onto its own cell, or replacing that cell with it alone
    const replay = `UPDATE day_totals SET count = count + 1, gas_fen = gas_fen + ${String(last.gas_fen)}, late_fee_fen = late_fee_fen + ${String(last.late_fee_fen)},
      fee_fen = fee_fen + ${String(last.fee_fen)}, total_fen = total_fen + ${String(last.total_fen)}, tendered_fen = tendered_fen + ${String(last.tendered_fen)},
      change_fen = change_fen + ${String(last.change_fen)}, ticket_fen = ticket_fen + ${String(last.ticket_fen)}, ticket_cash_fen = ticket_cash_fen + ${String(last.ticket_cash_fen)},
      last_payment_id = '${String(last.id)}'
      WHERE hall_id = '${String(last.hall_id)}' AND clerk_id = '${String(last.clerk_id)}' AND counter_id = '${String(last.counter_id)}' AND method = '${String(last.method)}' AND charge_type = '${String(last.charge_type)}'`;
    expect(() => db.prepare(replay).run()).toThrow(refused);
    expect(() =>
      db.prepare(`INSERT OR REPLACE INTO day_totals (hall_id, business_date, clerk_id, counter_id, method, charge_type, invoice_category, count, gas_fen, late_fee_fen,
        fee_fen, total_fen, tendered_fen, change_fen, ticket_fen, ticket_cash_fen, last_payment_id)
        SELECT hall_id, business_date, clerk_id, counter_id, method, charge_type, invoice_category, 1, gas_fen, late_fee_fen, fee_fen, total_fen, tendered_fen,
          change_fen, ticket_fen, ticket_cash_fen, id FROM payments WHERE rowid = (SELECT max(rowid) FROM payments)`).run(),
    ).toThrow(/day totals are kept by the ledger|day_totals: append-only/); // issue 13 #4: the no-replace guard may answer first
    expect(() => db.prepare('UPDATE day_ticket_totals SET count = count + 1').run()).toThrow(refused);
    expect(() => db.prepare("UPDATE day_ticket_totals SET last_ref = 'x'").run()).toThrow(refused);
    expect(() => db.prepare('DELETE FROM day_ticket_totals').run()).toThrow(refused);
    expect(() => db.prepare("INSERT INTO day_ticket_totals (hall_id, business_date, clerk_id, kind, count, volume_centi, value_fen) VALUES ('hall-lc', '2026-11-23', 'staff-clerk02', '燃气票', 1, 500, 0)").run()).toThrow(refused);
    expect(() => db.prepare('UPDATE day_invoice_totals SET amount_fen = 0').run()).toThrow(refused);
    expect(() => db.prepare('DELETE FROM day_invoice_totals').run()).toThrow(refused);
    expect(() => db.prepare("INSERT INTO day_invoice_totals (clerk_id, business_date, category, count, amount_fen) VALUES ('staff-clerk01', '2026-11-23', '地税', 1, 100)").run()).toThrow(refused);
    expect(db.prepare("SELECT * FROM day_totals WHERE method = '现金' AND charge_type = '燃气费'").get()).toEqual(cell);
  });

  it('names the cell that differs when the totals and the ledger part', async () => {
    const { boss } = await busyDay();
    // past the guard (as a damaged or hand-edited store would be): the check must see it
    host.store.sqlite.exec('DROP TRIGGER day_totals_update_guard');
    host.store.sqlite.prepare("UPDATE day_totals SET total_fen = total_fen + 1 WHERE method = 'ATM'").run();
    const check = ok(await boss.call('day.verifyTotals', { date: '2026-11-23' }));
    expect(check.ok).toBe(false);
    expect(check.mismatches).toEqual([
      {
        table: 'day_totals',
        key: 'hall-lc / 2026-11-23 / staff-manager01 / counter-lc02 / ATM / 燃气费 / 核对单',
        ledger: expect.objectContaining({ count: 1, total_fen: 2070 }),
        totals: expect.objectContaining({ count: 1, total_fen: 2071 }),
      },
    ]);
  });

  it('are what the day status, 收银统计报表, 日收银报表 and the list of days to close read (not the payments)', async () => {
    const { clerk, boss } = await busyDay();
    const before = {
      status: ok(await boss.call('day.status', { date: '2026-11-23' })),
      stats: ok(await boss.call('reports.cash', { from: '2026-11-23', to: '2026-11-23' })),
      draft: ok(await clerk.call('cashReport.draft', {})),
    };
    // stop the upkeep (as a store past its guards would be), then take one more cash payment
    host.store.sqlite.exec('DROP TRIGGER payments_day_totals');
    addBill(host, { accountId: 'acc-93000001', meterId: 'meter-93000001' }, { id: 'a-3', readingDate: '2026-11-12', previous: 14600, current: 14700, amountFen: 345, dueDate: '2026-12-12' });
    ok(await clerk.call('payments.payCash', { accountId: 'acc-93000001', billIds: ['a-3'], tendered: '5', expectedTotalFen: 345 }));
    expect(ok(await boss.call('day.verifyTotals', { date: '2026-11-23' })).mismatches).toHaveLength(1);
    expect(ok(await boss.call('day.status', { date: '2026-11-23' }))).toEqual(before.status);
    expect(ok(await boss.call('reports.cash', { from: '2026-11-23', to: '2026-11-23' }))).toEqual(before.stats);
    expect(ok(await clerk.call('cashReport.draft', {}))).toEqual(before.draft);
    const closed = ok(await boss.call('day.openDays', {}));
    expect(closed.open.find((d) => d.date === '2026-11-23')?.payments).toBe(before.status.clerks.reduce((a, c) => a + c.payments, 0));
  });
});
