/**
 * Issue 13 #1: each account's unpaid count and total (account_unpaid) are kept by triggers on bills, and the
 * front-desk search reads them. After readings, payments, 冲正 (the bill back to 未缴), a ticket payment and its
 * 冲正, a reading correction (已更正), a split (已拆分), a bank write-off and an electronic-channel payment, the
 * kept figures equal a recomputation from the bills to the fen (raw SQL), and the search shows exactly them.
 */
import iconv from 'iconv-lite';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../db/open.js';
import { migrationsDir } from '../../main/paths.js';
import { seedAccounts, seedReferenceData } from '../../main/seed/generate.js';
import { answerBankFile } from '../fixtures/bank-answer.js';
import { setBankWithholding } from '../fixtures/data.js';
import { addAccount, addBill, makeTestHost, ok, signIn, type TestHost } from '../fixtures/host.js';

let host: TestHost;

beforeEach(() => {
  host = makeTestHost();
  const a = addAccount(host, { accountNo: '94000001', name: '现金户', address: '温州市鹿城区欠费路1号', reading: 14600 });
  addBill(host, a, { id: 'a-1', readingDate: '2026-10-20', previous: 10000, current: 12300, amountFen: 7935, dueDate: '2026-11-19' });
  addBill(host, a, { id: 'a-2', readingDate: '2026-11-10', previous: 12300, current: 14600, amountFen: 7935, dueDate: '2026-12-10' });
  const b = addAccount(host, { accountNo: '94000002', name: '冲正户', address: '温州市鹿城区欠费路2号', reading: 4000 });
  addBill(host, b, { id: 'b-1', readingDate: '2026-11-10', previous: 1000, current: 2000, amountFen: 3450, dueDate: '2026-12-10' });
  addBill(host, b, { id: 'b-2', readingDate: '2026-11-11', previous: 2000, current: 4000, amountFen: 6900, dueDate: '2026-12-11' });
  const c = addAccount(host, { accountNo: '94000003', name: '代扣户', address: '温州市鹿城区欠费路3号', reading: 1300 });
  setBankWithholding(host, c.accountId, { bank: '建行', cardNo: '6227001234567890123', holder: '代扣户' });
  addBill(host, c, { id: 'c-1', readingDate: '2026-11-10', previous: 0, current: 1300, amountFen: 4485, dueDate: '2026-12-10' });
  const d = addAccount(host, { accountNo: '94000004', name: '渠道户', address: '温州市鹿城区欠费路4号', reading: 600 });
  addBill(host, d, { id: 'd-1', readingDate: '2026-11-10', previous: 0, current: 600, amountFen: 2070, dueDate: '2026-12-10' });
  addAccount(host, { accountNo: '94000005', name: '更正户', address: '温州市鹿城区欠费路5号', reading: 12000 });
  const f = addAccount(host, { accountNo: '94000006', name: '拆分户', address: '温州市鹿城区欠费路6号', reading: 12300 });
  addBill(host, f, { id: 'f-1', readingDate: '2026-11-10', previous: 10000, current: 12300, amountFen: 7935, dueDate: '2026-12-10' });
  addAccount(host, { accountNo: '94000007', name: '无欠户', address: '温州市鹿城区欠费路7号' });
});
afterEach(() => host.dispose());

const manager = { login: 'manager01', password: '123456' };
const gbk = (base64: string) => iconv.decode(Buffer.from(base64, 'base64'), 'gbk');
const b64 = (text: string) => iconv.encode(text, 'gbk').toString('base64');

/** The kept figures (accounts with a non-zero figure) and the same recomputed from the bills, raw SQL. */
function keptAndRecomputed() {
  const db = host.store.sqlite;
  return {
    kept: db.prepare('SELECT account_id, unpaid_count AS n, unpaid_fen AS fen FROM account_unpaid WHERE unpaid_count <> 0 OR unpaid_fen <> 0 ORDER BY account_id').all(),
    recomputed: db.prepare("SELECT account_id, count(*) AS n, sum(amount_fen) AS fen FROM bills WHERE status = '未缴' GROUP BY account_id ORDER BY account_id").all(),
  };
}

function expectKeptEqualsBills() {
  const { kept, recomputed } = keptAndRecomputed();
  expect(kept).toEqual(recomputed);
}

describe('unpaid count and total per account, kept by the bills triggers (issue 13 #1)', () => {
  it('equal a recomputation from the bills after payments, 冲正, corrections, splits, bank write-offs and channel payments', async () => {
    const clerk = await signIn(host);
    const boss = await signIn(host, 'manager01', 'counter-lc02');
    expectKeptEqualsBills();
    // a counter reading (a new unpaid bill) corrected (已更正 + a new bill)
    const entered = ok(await clerk.call('bills.enterReading', { accountId: 'acc-94000005', reading: '99999999', source: 'notice', confirmUnusual: true }));
    expectKeptEqualsBills();
    // issue 15 #3: a correction is asked by the clerk and decided by the manager (R-SEC-09)
    const asked = ok(await clerk.call('corrections.requestReading', { billId: entered.id, reading: '128', reason: '录入多打了位数' }));
    expectKeptEqualsBills();
    ok(await boss.call('corrections.decide', { requestId: asked.id, approve: true, note: '核对通知单无误' }));
    expectKeptEqualsBills();
    // cash, then a ticket payment and a cash payment both reversed (their bills back to 未缴)
    ok(await clerk.call('payments.payCash', { accountId: 'acc-94000001', billIds: ['a-1'], tendered: '100', expectedTotalFen: 7985 }));
    expectKeptEqualsBills();
    const withTickets = ok(
      await clerk.call('payments.payCash', {
        accountId: 'acc-94000002', billIds: ['b-2'], tendered: '70', expectedTotalFen: 6900,
        tickets: [{ kind: '优惠券', year: 2026, quarter: 4, count: 1, faceValue: '5', backName: '冲正户', backAddress: '欠费路2号' }],
      }),
    );
    ok(await clerk.call('payments.reverse', { slipNo: withTickets.slipNo, reason: '收错用户', approver: manager }));
    expectKeptEqualsBills();
    const cash = ok(await clerk.call('payments.payCash', { accountId: 'acc-94000002', billIds: ['b-1'], tendered: '50', expectedTotalFen: 3450 }));
    expectKeptEqualsBills();
    ok(await clerk.call('payments.reverse', { slipNo: cash.slipNo, reason: '收错用户', approver: manager }));
    expectKeptEqualsBills();
    // a split (已拆分 + two unpaid parts), one part paid
    const split = ok(await clerk.call('bills.split', { billId: 'f-1', split: '20' }));
    expectKeptEqualsBills();
    const part = host.store.sqlite.prepare('SELECT amount_fen FROM bills WHERE id = ?').pluck().get(split.billIds[1]) as number;
    ok(await clerk.call('payments.payCash', { accountId: 'acc-94000006', billIds: [split.billIds[1]], tendered: '100', expectedTotalFen: part }));
    expectKeptEqualsBills();
    // a bank write-off and an electronic-channel payment
    const run = ok(await clerk.call('bank.generate', { bank: '建行' }));
    expect(await clerk.call('bank.writeOff', { runId: run.runId, file: b64(answerBankFile('建行', gbk(run.base64), () => null)) })).toMatchObject({ ok: true, value: { okCount: 1 } });
    expectKeptEqualsBills();
    ok(await boss.call('payments.recordElectronic', { accountId: 'acc-94000004', billIds: ['d-1'], channel: 'ATM', channelRef: 'ATM-20261123-0009', amount: '20.70' }));
    expectKeptEqualsBills();
    // every kind of change went through: paid, reversed, corrected, split
    const statuses = host.store.sqlite.prepare('SELECT DISTINCT status FROM bills ORDER BY status').pluck().all();
    expect(statuses).toEqual(['已拆分', '已更正', '收讫', '未缴'].sort());
    expect(keptAndRecomputed().kept).toEqual([
      { account_id: 'acc-94000001', n: 1, fen: 7935 },
      { account_id: 'acc-94000002', n: 2, fen: 10350 },
      { account_id: 'acc-94000005', n: 1, fen: 2760 },
      { account_id: 'acc-94000006', n: 1, fen: 7935 - part },
    ]);
  });

  it('are what the search shows, the same as counting the bills (and nothing for an account without unpaid bills)', async () => {
    const clerk = await signIn(host);
    ok(await clerk.call('payments.payCash', { accountId: 'acc-94000001', billIds: ['a-1'], tendered: '100', expectedTotalFen: 7985 }));
    const found = ok(await clerk.call('accounts.search', { query: '欠费路' }));
    const naive = host.store.sqlite.prepare(
      `SELECT a.id, (SELECT count(*) FROM bills b WHERE b.account_id = a.id AND b.status = '未缴') AS unpaidCount,
         (SELECT coalesce(sum(b.amount_fen), 0) FROM bills b WHERE b.account_id = a.id AND b.status = '未缴') AS unpaidFen
       FROM accounts a WHERE a.address LIKE '%欠费路%' ORDER BY a.address`,
    ).all();
    expect(found.rows.map((r) => ({ id: r.id, unpaidCount: r.unpaidCount, unpaidFen: r.unpaidFen }))).toEqual(naive);
    expect(found.rows.find((r) => r.id === 'acc-94000007')).toMatchObject({ unpaidCount: 0, unpaidFen: 0 });
    expect(ok(await clerk.call('accounts.search', { query: '94000001' })).rows[0]).toMatchObject({ id: 'acc-94000001', unpaidCount: 1, unpaidFen: 7935 });
  });

  it('are back-filled from the bills when a store made before them is migrated', () => {
    const dir = mkdtempSync(join(tmpdir(), 'account-unpaid-'));
    try {
      // the migrations up to the one before account_unpaid
      const older = join(dir, 'migrations');
      cpSync(migrationsDir, older, { recursive: true });
      const journalFile = join(older, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
      const cut = journal.entries.findIndex((e) => e.tag.endsWith('_account_unpaid'));
      expect(cut).toBeGreaterThan(0);
      writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
      const file = join(dir, 'old.db');
      const old = openStore(file, { migrationsDir: older });
      seedReferenceData(old.sqlite);
      seedAccounts(old.sqlite, { accounts: 60, today: '2026-11-23', seed: 77 });
      expect(old.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'account_unpaid'").pluck().get()).toBe(0);
      old.close();
      const store = openStore(file, { migrationsDir });
      try {
        const kept = store.sqlite.prepare('SELECT account_id, unpaid_count AS n, unpaid_fen AS fen FROM account_unpaid ORDER BY account_id').all();
        const recomputed = store.sqlite.prepare("SELECT account_id, count(*) AS n, sum(amount_fen) AS fen FROM bills WHERE status = '未缴' GROUP BY account_id ORDER BY account_id").all();
        expect(recomputed.length).toBeGreaterThan(10);
        expect(kept).toEqual(recomputed);
      } finally {
        store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
