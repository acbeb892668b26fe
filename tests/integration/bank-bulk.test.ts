/**
 * Issue 13 #4: the bank write-off posts its debits set-based (INSERT…SELECT / UPDATE…FROM) and checks the
 * return once. The rows are those a counter payment writes, one per debited line, in line order, with
 * time-ordered ids; the failed lines carry the bank's reason; the audit chain holds one write-off row.
 */
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { verifyAuditChain } from '../../main/services/audit.js';
import { returnJobsSent } from '../../main/services/bank-return-job.js';
import { answerBankFile } from '../fixtures/bank-answer.js';
import { scalar, withholdRoute } from '../fixtures/data.js';
import { addRoute, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { countStatements } from '../fixtures/statements.js';
import { capturedTables, isLazy, LAZY_ROW } from '../../db/sync-capture.js';
import { readBatch } from '../../main/sync/outbox.js';
import { isApplying } from '../../main/sync/apply-switch.js';

let host: TestHost;
const ACCOUNTS = 40;

beforeEach(() => {
  host = makeTestHost();
  addRoute(host, '周抄表', ACCOUNTS);
  withholdRoute(host, '周抄表', { spread: 7 });
});
afterEach(() => host.dispose());

const gbk = (base64: string) => iconv.decode(Buffer.from(base64, 'base64'), 'gbk');
const b64 = (text: string) => iconv.encode(text, 'gbk').toString('base64');
const rows = <T>(sql: string) => host.store.sqlite.prepare(sql).all() as T[];

type OutboxEvent = { seq: number; tbl: string; op: string; row_id: string; row: string; hall_id: string | null; business_date: string };
const lastSeq = () => Number(scalar(host, 'SELECT coalesce(max(seq), 0) FROM sync_outbox'));
/** The events as the pusher and the day file read them: a lazy event (issue 13 #4) with its row as it stands. */
const eventsAfter = (seq: number) => readBatch(host.store.sqlite, seq, 1_000_000) as OutboxEvent[];
const rawEventsAfter = (seq: number) => rows<OutboxEvent>(`SELECT seq, tbl, op, row_id, row, hall_id, business_date FROM sync_outbox WHERE seq > ${seq} ORDER BY seq`);
/** The events as runs of one table and op: [tbl op, how many] in outbox order. */
const runsOf = (events: OutboxEvent[]) =>
  events.reduce<[string, number][]>((runs, e) => {
    const last = runs[runs.length - 1];
    if (last && last[0] === `${e.tbl} ${e.op}`) last[1]++;
    else runs.push([`${e.tbl} ${e.op}`, 1]);
    return runs;
  }, []);
/** Each event holds its row exactly as the store holds it now, with the row's hall and business date (else the day's). */
function expectEventsAreTheRows(events: OutboxEvent[], day: string) {
  const keys = new Map(capturedTables().map((t) => [t.name, t.primaryKey]));
  for (const e of events) {
    const pk = keys.get(e.tbl);
    expect(pk, e.tbl).toHaveLength(1);
    const stored = host.store.sqlite.prepare(`SELECT * FROM "${e.tbl}" WHERE "${pk![0]}" = ?`).get(e.row_id) as Record<string, unknown>;
    expect(JSON.parse(e.row), `${e.tbl} ${e.row_id}`).toEqual(stored);
    expect(e.hall_id).toBe('hall_id' in stored ? stored.hall_id : null);
    expect(e.business_date).toBe(typeof stored.business_date === 'string' ? stored.business_date : day);
  }
}

async function generatedAndAnswered(failEvery = 9) {
  const clerk = await signIn(host);
  const gen = await clerk.call('bank.generate', { bank: '建行' });
  if (!gen.ok) throw new Error(gen.error.message);
  const file = b64(answerBankFile('建行', gbk(gen.value.base64), (i) => (i % failEvery === 0 ? '余额不足' : null)));
  return { clerk, run: gen.value, file };
}

describe('bank write-off in bulk (issue 13 #4)', () => {
  it('checks the return once per write-off: a 校对 then 核销 of the same file runs the worker once', async () => {
    const { clerk, run, file } = await generatedAndAnswered();
    const before = returnJobsSent();
    expect(await clerk.call('bank.check', { runId: run.runId, file })).toMatchObject({ ok: true, value: { problems: [] } });
    expect(await clerk.call('bank.writeOff', { runId: run.runId, file })).toMatchObject({ ok: true, value: { already: false } });
    expect(returnJobsSent() - before).toBe(1);
  });

  it('checks a write-off without a 校对 once too', async () => {
    const { clerk, run, file } = await generatedAndAnswered();
    const before = returnJobsSent();
    expect(await clerk.call('bank.writeOff', { runId: run.runId, file })).toMatchObject({ ok: true, value: { already: false } });
    expect(returnJobsSent() - before).toBe(1);
  });

  it('posts one counter payment per debited line, in line order, with time-ordered ids', async () => {
    const { clerk, run, file } = await generatedAndAnswered();
    const cacheBefore = host.store.sqlite.pragma('cache_size', { simple: true });
    const done = await clerk.call('bank.writeOff', { runId: run.runId, file });
    const failedLines = Array.from({ length: ACCOUNTS }, (_, i) => i).filter((i) => i % 9 === 0).length;
    expect(done).toMatchObject({ ok: true, value: { okCount: ACCOUNTS - failedLines, failedCount: failedLines, already: false } });
    const items = rows<{ line_no: number; result: string; reason: string | null; payment_id: string | null; bill_id: string; amount_fen: number }>(
      `SELECT line_no, result, reason, payment_id, bill_id, amount_fen FROM bank_run_items WHERE run_id = '${run.runId}' ORDER BY line_no`,
    );
    expect(items.map((i) => i.result)).toEqual(items.map((_, i) => (i % 9 === 0 ? 'failed' : 'ok')));
    expect(items.filter((i) => i.result === 'failed').every((i) => i.reason === '余额不足' && i.payment_id === null)).toBe(true);
    const debited = items.filter((i) => i.result === 'ok');
    const payments = rows<{ id: string; slip_no: string; seq: number; method: string; gas_fen: number; total_fen: number; tendered_fen: number; change_fen: number; business_ref: string; business_date: string; slip_date: string }>(
      `SELECT p.id, p.slip_no, s.seq, p.method, p.gas_fen, p.total_fen, p.tendered_fen, p.change_fen, p.business_ref, p.business_date, s.business_date AS slip_date
       FROM payments p JOIN check_slips s ON s.slip_no = p.slip_no ORDER BY s.seq`,
    );
    // gap-free slip numbers in line order, each payment the line's amount, paid in full, no change
    expect(payments.map((p) => p.slip_no)).toEqual(debited.map((_, i) => `LC01-${String(i + 1).padStart(8, '0')}`));
    expect(payments.map((p) => p.id)).toEqual(debited.map((d) => d.payment_id));
    expect(payments.every((p, i) => p.method === '银行代缴' && p.business_ref === run.runId && p.business_date === '2026-11-23' && p.slip_date === '2026-11-23'
      && p.gas_fen === debited[i]!.amount_fen && p.total_fen === p.gas_fen && p.tendered_fen === p.gas_fen && p.change_fen === 0)).toBe(true);
    // time-ordered ids: the payments' (and their items') ids rise with the slip number under the fixed clock
    expect([...payments.map((p) => p.id)].sort()).toEqual(payments.map((p) => p.id));
    const paymentItems = rows<{ id: string; payment_id: string; bill_id: string; gas_fen: number }>('SELECT i.id, i.payment_id, i.bill_id, i.gas_fen FROM payment_items i JOIN payments p ON p.id = i.payment_id JOIN check_slips s ON s.slip_no = p.slip_no ORDER BY s.seq');
    expect(paymentItems.map((i) => [i.payment_id, i.bill_id, i.gas_fen])).toEqual(debited.map((d) => [d.payment_id, d.bill_id, d.amount_fen]));
    expect([...paymentItems.map((i) => i.id)].sort()).toEqual(paymentItems.map((i) => i.id));
    // the bills: debited ones 收讫 by their payment, failed ones still 未缴; the accounts settled to the bill's reading
    expect(scalar(host, "SELECT count(*) FROM bills b JOIN bank_run_items i ON i.bill_id = b.id WHERE i.result = 'ok' AND b.status = '收讫' AND b.paid_payment_id = i.payment_id")).toBe(debited.length);
    expect(scalar(host, "SELECT count(*) FROM bills b JOIN bank_run_items i ON i.bill_id = b.id WHERE i.result = 'failed' AND b.status = '未缴' AND b.paid_payment_id IS NULL")).toBe(failedLines);
    expect(scalar(host, "SELECT count(*) FROM accounts a JOIN bank_run_items i ON i.account_id = a.id JOIN bills b ON b.id = i.bill_id WHERE i.result = 'ok' AND a.settled_reading_centi = b.this_reading_centi")).toBe(debited.length);
    expect(scalar(host, "SELECT count(*) FROM accounts a JOIN bank_run_items i ON i.account_id = a.id WHERE i.result = 'failed' AND a.settled_reading_centi = 0")).toBe(failedLines);
    expect(scalar(host, "SELECT last_value FROM counter_sequences WHERE counter_id = 'counter-lc01' AND kind = 'check_slip'")).toBe(debited.length);
    expect(scalar(host, "SELECT count(*) FROM audit_log WHERE action = 'bank.write_off'")).toBe(1);
    expect(verifyAuditChain(host.store.db).ok).toBe(true);
    // the page cache is back to its size after the bulk transaction
    expect(host.store.sqlite.pragma('cache_size', { simple: true })).toBe(cacheBefore);
  });

  it('posts set-based: the statements on the store do not grow with the debits (only with the failed lines)', async () => {
    const { clerk, run, file } = await generatedAndAnswered(1000); // one failed line
    expect(await clerk.call('bank.check', { runId: run.runId, file })).toMatchObject({ ok: true });
    const statements = countStatements(host.store.sqlite);
    expect(await clerk.call('bank.writeOff', { runId: run.runId, file })).toMatchObject({ ok: true, value: { okCount: ACCOUNTS - 1, failedCount: 1 } });
    // per debit it was a slip, a payment, an item and three updates: 6 × 39 statements
    expect(statements()).toBeLessThan(30);
    vi.restoreAllMocks();
  });

  it('generates the file set-based: the run’s lines, in account order, with a fixed few statements on the store', async () => {
    const clerk = await signIn(host);
    const statements = countStatements(host.store.sqlite);
    const gen = await clerk.call('bank.generate', { bank: '建行' });
    expect(statements()).toBeLessThan(20);
    vi.restoreAllMocks();
    expect(gen).toMatchObject({ ok: true, value: { count: ACCOUNTS } });
    const items = rows<{ id: string; line_no: number; account_no: string; amount_fen: number; bill_id: string }>(
      'SELECT i.id, i.line_no, a.account_no, i.amount_fen, i.bill_id FROM bank_run_items i JOIN accounts a ON a.id = i.account_id ORDER BY i.line_no',
    );
    expect(items.map((i) => i.line_no)).toEqual(items.map((_, k) => k + 1));
    expect(items.map((i) => i.account_no)).toEqual([...items.map((i) => i.account_no)].sort());
    expect([...items.map((i) => i.id)].sort()).toEqual(items.map((i) => i.id));
    expect(items.every((i) => i.bill_id === `bb-${i.account_no}`)).toBe(true);
    expect(scalar(host, "SELECT count(*) FROM audit_log WHERE action = 'bank.generate'")).toBe(1);
  });

  it('issue 14 #1: the file’s items reach the outbox set-wise, one event each in line order, as the trigger writes it', async () => {
    const clerk = await signIn(host);
    const from = lastSeq();
    expect(await clerk.call('bank.generate', { bank: '建行' })).toMatchObject({ ok: true, value: { count: ACCOUNTS } });
    const events = eventsAfter(from);
    expect(runsOf(events)).toEqual([['bank_runs insert', 1], ['bank_run_items insert', ACCOUNTS], ['audit_log insert', 1]]);
    const items = events.filter((e) => e.tbl === 'bank_run_items');
    expect(items.map((e) => JSON.parse(e.row).line_no)).toEqual(items.map((_, k) => k + 1));
    expectEventsAreTheRows(events.filter((e) => e.tbl !== 'audit_log'), '2026-11-23');
    expect(isApplying(host.store.sqlite)).toBe(false);
  });

  it('issue 14 #1: the write-off’s rows reach the outbox set-wise: one event per row, statement by statement in line order, as the triggers write them', async () => {
    const { clerk, run, file } = await generatedAndAnswered();
    const from = lastSeq();
    expect(await clerk.call('bank.writeOff', { runId: run.runId, file })).toMatchObject({ ok: true, value: { okCount: 35, failedCount: 5 } });
    const events = eventsAfter(from);
    expect(runsOf(events)).toEqual([
      ['bank_run_items update', 5], // the failed lines, row by row through the trigger
      ['check_slips insert', 35],
      ['payments insert', 35],
      ['payment_items insert', 35],
      ['bills update', 35],
      ['accounts update', 35],
      ['bank_run_items update', 35],
      ['bank_runs update', 1],
      ['audit_log insert', 1],
    ]);
    // each block in line order: the slips' numbers rise, the payments follow their slips
    const slips = events.filter((e) => e.tbl === 'check_slips').map((e) => e.row_id);
    expect(slips).toEqual(slips.map((_, i) => `LC01-${String(i + 1).padStart(8, '0')}`));
    expect(events.filter((e) => e.tbl === 'payments').map((e) => JSON.parse(e.row).slip_no)).toEqual(slips);
    expectEventsAreTheRows(events.filter((e) => e.tbl !== 'audit_log'), '2026-11-23');
    // the switch is off again: a counter payment after it is captured by its triggers
    expect(isApplying(host.store.sqlite)).toBe(false);
  });

  it('issue 13 #4: the ledger’s bulk events hold their rows lazily; the first later change of a bill or account fills its event with the row as the write-off left it', async () => {
    const { clerk, run, file } = await generatedAndAnswered();
    const from = lastSeq();
    expect(await clerk.call('bank.writeOff', { runId: run.runId, file })).toMatchObject({ ok: true });
    const raw = rawEventsAfter(from);
    const lazy = (tbl: string) => raw.filter((e) => e.tbl === tbl && e.row === LAZY_ROW).length;
    expect(['check_slips', 'payments', 'payment_items', 'bills', 'accounts', 'bank_run_items'].map(lazy)).toEqual([35, 35, 35, 35, 35, 35]);
    // the file's lines were captured whole when the file was made (no answer yet); their answers are final, so lazy
    expect(host.store.sqlite.prepare("SELECT count(*) FROM sync_outbox WHERE tbl = 'bank_run_items' AND op = 'insert' AND row = ''").pluck().get()).toBe(0);
    const sqlite = host.store.sqlite;
    const bill = raw.find((e) => e.tbl === 'bills')!;
    const account = raw.find((e) => e.tbl === 'accounts')!;
    const asWrittenOff = { bill: sqlite.prepare('SELECT * FROM bills WHERE id = ?').get(bill.row_id), account: sqlite.prepare('SELECT * FROM accounts WHERE id = ?').get(account.row_id) };
    // later changes of the rows (raw SQL: the triggers, not a service, keep the events right)
    sqlite.prepare("UPDATE accounts SET name = '改名后' WHERE id = ?").run(account.row_id);
    sqlite.prepare("UPDATE bills SET reader = '改后抄表员' WHERE id = ?").run(bill.row_id);
    const filled = (e: OutboxEvent) => sqlite.prepare('SELECT row FROM sync_outbox WHERE seq = ?').pluck().get(e.seq) as string;
    expect(JSON.parse(filled(account))).toEqual(asWrittenOff.account);
    expect(JSON.parse(filled(bill))).toEqual(asWrittenOff.bill);
    // each change is an event of its own with the row after it; the other lazy events still read as their rows stand
    const after = eventsAfter(from);
    expect(after.filter((e) => e.row_id === account.row_id && e.tbl === 'accounts').map((e) => JSON.parse(e.row).name)).toEqual([(asWrittenOff.account as { name: string }).name, '改名后']);
    expect(after.filter((e) => e.row_id === bill.row_id && e.tbl === 'bills').map((e) => JSON.parse(e.row).reader)).toEqual([(asWrittenOff.bill as { reader: string }).reader, '改后抄表员']);
    expectEventsAreTheRows(
      after.filter((e) => e.tbl !== 'audit_log' && e.row_id !== account.row_id && e.row_id !== bill.row_id),
      '2026-11-23',
    );
    expect(sqlite.prepare(`SELECT count(*) FROM sync_outbox WHERE seq > ${from} AND row = ''`).pluck().get()).toBe(35 * 6 - 2);
  });

  it('issue 13 #4: a lazy event needs no fill only because its row is final: the guards refuse changing or deleting a ledger row or an answered run line (raw SQL)', async () => {
    const { clerk, run, file } = await generatedAndAnswered();
    expect(await clerk.call('bank.writeOff', { runId: run.runId, file })).toMatchObject({ ok: true });
    const sqlite = host.store.sqlite;
    const one = (table: string, key: string) => sqlite.prepare(`SELECT "${key}" FROM ${table} WHERE "${key}" IN (SELECT row_id FROM sync_outbox WHERE tbl = ? AND row = '') LIMIT 1`).pluck().get(table) as string;
    const cases: [string, string, string][] = [
      ['check_slips', 'slip_no', 'business_date'],
      ['payments', 'id', 'clerk_id'],
      ['payment_items', 'id', 'overdue_days'],
      ['bank_run_items', 'id', 'reason'],
    ];
    for (const [table, key, column] of cases) {
      const id = one(table, key);
      expect(id, table).toBeTruthy();
      expect(() => sqlite.prepare(`UPDATE ${table} SET "${column}" = "${column}" || '' WHERE "${key}" = ?`).run(id), `${table} update`).toThrow();
      expect(() => sqlite.prepare(`DELETE FROM ${table} WHERE "${key}" = ?`).run(id), `${table} delete`).toThrow();
    }
    expect(isLazy('bank_run_items', 'insert')).toBe(false);
    expect(isLazy('bank_run_items', 'update')).toBe(true);
  });

  it('R-SEC-16: a paused counter runs no write-off (the bulk capture switch mutes the paused-counter trigger, so the service asks)', async () => {
    const { clerk, run, file } = await generatedAndAnswered();
    expect(await clerk.call('timing.pause', { reason: '收款机故障', approver: { login: 'manager01', password: '123456' } })).toMatchObject({ ok: true });
    expect(await clerk.call('bank.writeOff', { runId: run.runId, file })).toMatchObject({ ok: false, error: { code: 'COUNTER_PAUSED' } });
    expect(scalar(host, "SELECT count(*) FROM payments WHERE method = '银行代缴'")).toBe(0);
    expect(scalar(host, `SELECT count(*) FROM bank_run_items WHERE run_id = '${run.runId}' AND result IS NOT NULL`)).toBe(0);
    expect(isApplying(host.store.sqlite)).toBe(false);
  });

  it('a write-off that fails part-way leaves no outbox event and the capture switch off', async () => {
    const { clerk, run, file } = await generatedAndAnswered();
    // the fifth statement of the posting (the accounts' settled readings) refused for one account: the slips,
    // payments, items and bills written and captured before it must all roll back with the switch
    const account = host.store.sqlite.prepare('SELECT account_id FROM bank_run_items WHERE run_id = ? AND line_no = 30').pluck().get(run.runId) as string;
    const from = lastSeq();
    host.store.sqlite.exec(`CREATE TEMP TRIGGER refuse_settle BEFORE UPDATE OF settled_reading_centi ON accounts WHEN NEW.id = '${account}' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`);
    const done = await clerk.call('bank.writeOff', { runId: run.runId, file });
    host.store.sqlite.exec('DROP TRIGGER temp.refuse_settle');
    expect(done).toMatchObject({ ok: false });
    expect(eventsAfter(from)).toEqual([]);
    expect(isApplying(host.store.sqlite)).toBe(false);
    expect(scalar(host, "SELECT count(*) FROM payments WHERE method = '银行代缴'")).toBe(0);
  });
});
