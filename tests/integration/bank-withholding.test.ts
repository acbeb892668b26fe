/**
 * 银行代扣 round trip on real SQLite (R-BANK-01..09, R-PAY-06, A-36, A-48, A-50): the earliest unpaid
 * bill per withholding account, files in each bank's layout against golden bytes, the counter locked
 * while a file awaits its return, the return checked line by line and written off once, failed lines
 * for the meter-reading team, the manual-slip path, and the reports.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../preload/contract.js';
import { repoRoot } from '../../main/paths.js';
import { verifyAuditChain } from '../../main/services/audit.js';
import { answerBankFile } from '../fixtures/bank-answer.js';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { fen } from '../../preload/kernel/money.js';
import { scalar, setBankWithholding, type WithholdingBank } from '../fixtures/data.js';

let host: TestHost;

function withholding(accountNo: string, name: string, bank: WithholdingBank, card: string, reading: number) {
  const ids = addAccount(host, { accountNo, name, address: `温州市鹿城区银行路${accountNo.slice(-1)}号`, reading });
  setBankWithholding(host, ids.accountId, { bank, cardNo: card, holder: name });
  return ids;
}

beforeEach(() => {
  host = makeTestHost();
  const a = withholding('70000001', '张三', '建行', '6227001234567890123', 12300);
  addBill(host, a, { id: 'a-1', readingDate: '2026-09-20', previous: 10000, current: 11000, amountFen: fen(3450), dueDate: '2026-10-20' });
  addBill(host, a, { id: 'a-2', readingDate: '2026-10-20', previous: 11000, current: 12300, amountFen: fen(4485), dueDate: '2026-11-19' });
  const b = withholding('70000002', '李四', '建行', '6227009876543210987', 5000);
  addBill(host, b, { id: 'b-1', readingDate: '2026-10-20', previous: 2700, current: 5000, amountFen: fen(7935), dueDate: '2026-11-19' });
  const c = withholding('70000003', '王五', '建行', '6227005555555555555', 900);
  addBill(host, c, { id: 'c-1', readingDate: '2026-10-20', previous: 860, current: 900, amountFen: fen(138), dueDate: '2026-11-19' }); // 0.4 m³
  const d = withholding('70000004', '赵六', '工行', '6222021111111111111', 3000);
  addBill(host, d, { id: 'd-1', readingDate: '2026-10-20', previous: 1000, current: 3000, amountFen: fen(6900), dueDate: '2026-11-19' });
  const cash = addAccount(host, { accountNo: '70000005', name: '钱七', address: '温州市鹿城区现金路5号', reading: 3000 });
  addBill(host, cash, { id: 'e-1', readingDate: '2026-10-20', previous: 1000, current: 3000, amountFen: fen(6900), dueDate: '2026-11-19' });
});
afterEach(() => host.dispose());

const n = (sql: string) => scalar(host, sql);
const gbk = (base64: string) => iconv.decode(Buffer.from(base64, 'base64'), 'gbk');
const b64 = (text: string) => iconv.encode(text, 'gbk').toString('base64');

function golden(name: string, base64: string) {
  const file = join(repoRoot, 'tests', 'fixtures', 'bank', name);
  const hex = Buffer.from(base64, 'base64').toString('hex');
  if (!existsSync(file) && process.env.UPDATE_GOLDEN === '1') writeFileSync(file, `${hex}\n`);
  expect(hex).toBe(readFileSync(file, 'utf8').trim());
}

async function generated(bank: Input<'bank.generate'>['bank'] = '建行') {
  const clerk = await signIn(host);
  const res = await clerk.call('bank.generate', { bank });
  if (!res.ok) throw new Error(res.error.message);
  return { clerk, run: res.value };
}

describe('generating the file (R-BANK-01/02, A-36)', () => {
  it('previews and writes one line per account, its earliest unpaid bill, in the CCB fixed-width layout', async () => {
    const clerk = await signIn(host);
    expect(await clerk.call('bank.preview', { bank: '建行' })).toMatchObject({ ok: true, value: { count: 3, totalFen: fen(3450) + 7935 + 138 } });
    const { run } = await generated();
    expect(run).toMatchObject({ runId: 'BK20261123001', count: 3, totalFen: fen(11523), fileName: '建行银行-BK20261123001.txt' });
    const text = gbk(run.base64);
    expect(text.split('\r\n')).toEqual([
      'HBK20261123001   202611230000000300000000011523',
      'D70000001    6227001234567890123张三                00000000345020260920',
      'D70000002    6227009876543210987李四                00000000793520261020',
      'D70000003    6227005555555555555王五                00000000013820261020',
      '',
    ]);
    golden('ccb-BK20261123001.hex', run.base64);
    // the same run's file again is byte for byte the same
    expect(await clerk.call('bank.file', { runId: run.runId })).toMatchObject({ ok: true, value: { base64: run.base64 } });
    // nothing left to send for CCB while the file is out
    expect(await clerk.call('bank.preview', { bank: '建行' })).toMatchObject({ ok: true, value: { count: 0 } });
  });

  it('ICBC gets its CSV layout with a 合计 trailer', async () => {
    const { run } = await generated('工行');
    expect(gbk(run.base64)).toBe('户号,卡号,户名,金额,抄表日期\r\n70000004,6222021111111111111,赵六,69.00,20261020\r\n合计,1,69.00\r\n');
    golden('icbc-BK20261123001.hex', run.base64);
  });
});

describe('the counter while the file is out (R-PAY-06, R-BANK-11, A-50)', () => {
  it('locks the whole bank-card customer: a later bill is refused too, quoting the seed; others pay; the lock lifts with the return (issue 10 #7)', async () => {
    const { clerk, run } = await generated();
    // a-1 is in the file; a-2 is the same customer's later bill, not in the file
    const later = await clerk.call('payments.payCash', { accountId: 'acc-70000001', billIds: ['a-2'], tendered: '100', expectedTotalFen: fen(4535) });
    expect(later).toMatchObject({ ok: false, error: { code: 'BILL_NOT_PAYABLE', field: 'billIds' } });
    if (!later.ok) expect(later.error.message).toContain('银行卡用户现金缴费前台锁住');
    expect(await clerk.call('payments.payCash', { accountId: 'acc-70000001', billIds: ['a-1', 'a-2'], tendered: '100', expectedTotalFen: fen(8335) })).toMatchObject({ ok: false, error: { code: 'BILL_NOT_PAYABLE' } });
    expect(n('SELECT count(*) FROM payments')).toBe(0);
    expect(n("SELECT settled_reading_centi FROM accounts WHERE id = 'acc-70000001'")).toBe(0);
    // a withholding customer of another bank, with nothing in a file, still pays at the counter
    expect(await clerk.call('payments.payCash', { accountId: 'acc-70000004', billIds: ['d-1'], tendered: '70', expectedTotalFen: fen(6950) })).toMatchObject({ ok: true });
    // after the return, the customer is free again
    await clerk.call('bank.writeOff', { runId: run.runId, file: b64(answerBankFile('建行', gbk(run.base64), () => null)) });
    expect(await clerk.call('payments.payCash', { accountId: 'acc-70000001', billIds: ['a-2'], tendered: '100', expectedTotalFen: fen(4535) })).toMatchObject({ ok: true });
  });

  it('refuses cash and splits for a locked bill', async () => {
    const { clerk } = await generated();
    const locked = await clerk.call('payments.payCash', { accountId: 'acc-70000001', billIds: ['a-1'], tendered: '100', expectedTotalFen: fen(3450) });
    expect(locked).toMatchObject({ ok: false, error: { code: 'BILL_NOT_PAYABLE' } });
    if (!locked.ok) expect(locked.error.message).toContain('R-PAY-06');
    expect(await clerk.call('bills.split', { billId: 'b-1', split: '5' })).toMatchObject({ ok: false, error: { code: 'BILL_NOT_PAYABLE' } });
    expect(n('SELECT count(*) FROM payments')).toBe(0);
  });
});

describe('the return (R-BANK-05..07)', () => {
  it('refuses a return that does not match and writes nothing', async () => {
    const { clerk, run } = await generated();
    const answered = answerBankFile('建行', gbk(run.base64), () => null).replace('000000007935', '000000007936');
    const check = await clerk.call('bank.check', { runId: run.runId, file: b64(answered) });
    expect(check.ok && check.value.problems).toEqual([
      '第 2 笔不符：发送 70000002 79.35，回执 70000002 79.36',
      '银行汇总成功 3 笔 115.23 元，明细为 3 笔 115.24 元',
    ]);
    expect(await clerk.call('bank.writeOff', { runId: run.runId, file: b64(answered) })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'file' } });
    expect(n('SELECT count(*) FROM payments')).toBe(0);
    expect(n('SELECT count(*) FROM bank_run_items WHERE result IS NOT NULL')).toBe(0);
  });

  it('writes off the debits once, lists the failure, and a second import changes nothing', async () => {
    const { clerk, run } = await generated();
    const answered = answerBankFile('建行', gbk(run.base64), (i) => (i === 1 ? '余额不足' : null));
    expect(await clerk.call('bank.check', { runId: run.runId, file: b64(answered) })).toMatchObject({ ok: true, value: { okCount: 2, okFen: fen(3588), failedCount: 1, failedFen: fen(7935), problems: [] } });
    const done = await clerk.call('bank.writeOff', { runId: run.runId, file: b64(answered) });
    expect(done).toMatchObject({ ok: true, value: { okCount: 2, okFen: fen(3588), failedCount: 1, already: false } });
    expect(host.store.sqlite.prepare("SELECT method, total_fen, tendered_fen, change_fen, business_ref FROM payments ORDER BY slip_no").all()).toEqual([
      { method: '银行代缴', total_fen: 3450, tendered_fen: 3450, change_fen: 0, business_ref: 'BK20261123001' },
      { method: '银行代缴', total_fen: 138, tendered_fen: 138, change_fen: 0, business_ref: 'BK20261123001' },
    ]);
    expect(host.store.sqlite.prepare("SELECT id, status FROM bills WHERE id IN ('a-1', 'b-1', 'c-1') ORDER BY id").all()).toEqual([
      { id: 'a-1', status: '收讫' },
      { id: 'b-1', status: '未缴' },
      { id: 'c-1', status: '收讫' },
    ]);
    expect(await clerk.call('bank.failed', { runId: run.runId })).toMatchObject({ ok: true, value: [{ accountNo: '70000002', name: '李四', meterReader: '陈建国', amountFen: fen(7935), reason: '余额不足' }] });
    const again = await clerk.call('bank.writeOff', { runId: run.runId, file: b64(answered) });
    expect(again).toMatchObject({ ok: true, value: { okCount: 2, already: true } });
    expect(n('SELECT count(*) FROM payments')).toBe(2);
    const other = answerBankFile('建行', gbk(run.base64), () => null);
    expect(await clerk.call('bank.writeOff', { runId: run.runId, file: b64(other) })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // the failed bill is free again at the counter; the next run carries each account's next earliest bill
    expect(await clerk.call('bank.preview', { bank: '建行' })).toMatchObject({ ok: true, value: { count: 2, totalFen: fen(4485) + 7935 } });
    expect(verifyAuditChain(host.store.db).ok).toBe(true);
  });

  it('reports: the day post-check counts > 1 m³, the quarter > 0.5 m³ with the fee; the month sent vs debited', async () => {
    host.deps.settings.bankFeePerItemFen = { 建行: fen(50) };
    const { clerk, run } = await generated();
    await clerk.call('bank.writeOff', { runId: run.runId, file: b64(answerBankFile('建行', gbk(run.base64), () => null)) });
    // c-1 is 0.4 m³: in neither filter
    expect(await clerk.call('bank.postCheck', { date: '2026-11-23' })).toMatchObject({ ok: true, value: [{ bank: '建行', count: 2, amountFen: fen(11385) }] });
    expect(await clerk.call('bank.quarterly', { year: 2026, quarter: 4 })).toMatchObject({ ok: true, value: [{ bank: '建行', count: 2, amountFen: fen(11385), feeFen: fen(100) }] });
    expect(await clerk.call('bank.monthly', { month: '2026-11' })).toMatchObject({ ok: true, value: [{ bank: '建行', runs: 1, sentCount: 3, sentFen: fen(11523), okCount: 3, okFen: fen(11523), failedCount: 0, failedFen: fen(0) }] });
  });
});

describe('manual slip on a bank day (R-PAY-06)', () => {
  it('cash on a handwritten slip while locked; written off after the bank failed; refused if the bank debited', async () => {
    const { clerk, run } = await generated();
    expect(await clerk.call('bank.manualSlip', { billId: 'b-1', manualSlipNo: 'SG-0001' })).toMatchObject({ ok: true, value: { amountFen: fen(7935) + 50, lateFeeFen: fen(50) } });
    expect(await clerk.call('bank.manualSlip', { billId: 'a-1', manualSlipNo: 'SG-0002' })).toMatchObject({ ok: true });
    expect(await clerk.call('bank.manualSlip', { billId: 'd-1', manualSlipNo: 'SG-0003' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await clerk.call('bank.writeOffManual', { manualSlipNo: 'SG-0001' })).toMatchObject({ ok: false, error: { code: 'BILL_NOT_PAYABLE' } });
    await clerk.call('bank.writeOff', { runId: run.runId, file: b64(answerBankFile('建行', gbk(run.base64), (i) => (i === 1 ? '余额不足' : null))) });
    const written = await clerk.call('bank.writeOffManual', { manualSlipNo: 'SG-0001' });
    expect(written).toMatchObject({ ok: true, value: { amountFen: fen(7985), print: { printed: true } } });
    expect(host.store.sqlite.prepare("SELECT method, gas_fen, late_fee_fen, business_ref FROM payments WHERE business_ref LIKE '手工%'").get()).toEqual({ method: '现金', gas_fen: 7935, late_fee_fen: 50, business_ref: '手工核对单 SG-0001' });
    expect(await clerk.call('bank.writeOffManual', { manualSlipNo: 'SG-0001' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const debited = await clerk.call('bank.writeOffManual', { manualSlipNo: 'SG-0002' });
    expect(debited).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!debited.ok) expect(debited.error.message).toContain('须退还用户');
  });
});
