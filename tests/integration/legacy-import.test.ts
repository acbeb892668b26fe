/**
 * Issue 12 #3: legacy data import from the shipped templates (CSV, GBK CSV, .xlsx) through the typed client:
 * exact counts, fen and centi-m³; one bad row imports nothing and the report names its row and column;
 * re-import is idempotent by 户号; a large file comes through the chunked upload; clerks may not import.
 */
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportKind } from '../../preload/kernel/enums.js';
import { makeTestHost, signIn, type TestClient, type TestHost } from '../fixtures/host.js';
import { legacyAccountsCsv } from '../fixtures/legacy-import.js';

let host: TestHost;
let admin: TestClient;

beforeEach(async () => {
  host = makeTestHost();
  admin = await signIn(host, 'admin01');
});
afterEach(() => host.dispose());

const sample = async (kind: ImportKind, format: 'csv' | 'xlsx' = 'csv') => (await admin.ok('imports.template', { kind, format, sample: true })).base64;
const b64 = (text: string, encoding = 'utf8') => iconv.encode(text, encoding).toString('base64');
const count = (sql: string) => host.store.sqlite.prepare(sql).pluck().get() as number;

async function importSamples(format: 'csv' | 'xlsx' = 'csv') {
  const done = [];
  for (const kind of ['tariffs', 'accounts', 'bills'] as const) done.push(await admin.ok('imports.run', { kind, file: await sample(kind, format) }));
  return done;
}

function snapshot() {
  const q = (sql: string) => host.store.sqlite.prepare(sql).all();
  return {
    accounts: q("SELECT account_no, name, seq_no, payment_method, bank_card_no, connection_fee_fen, reading_cycle, category FROM accounts WHERE account_no LIKE '9000000%' ORDER BY account_no"),
    phones: q("SELECT a.account_no, p.phone FROM account_phones p JOIN accounts a ON a.id = p.account_id WHERE a.account_no LIKE '9000000%' ORDER BY 1, 2"),
    meters: q("SELECT a.account_no, m.meter_no, m.kind, m.base_reading_centi, m.latest_reading_centi, m.status, m.active FROM meters m JOIN accounts a ON a.id = m.account_id WHERE a.account_no LIKE '9000000%' ORDER BY 1"),
    bills: q("SELECT a.account_no, b.reading_date, b.previous_reading_centi, b.this_reading_centi, b.consumption_centi, b.price_fen_per_m3, b.amount_fen, b.due_date, b.status FROM bills b JOIN accounts a ON a.id = b.account_id WHERE a.account_no LIKE '9000000%' ORDER BY 1, 2"),
  };
}

describe('legacy import (issue 12 #3)', () => {
  it('lists the three templates with their columns', async () => {
    const list = await admin.ok('imports.templates', {});
    expect(list.map((t) => t.kind)).toEqual(['accounts', 'bills', 'tariffs']);
    expect(list[0]?.columns.map((c) => c.name)).toContain('抄表册号');
  });

  it('imports the sample CSVs: exact accounts, phones, meters, bills in fen and centi-m³', async () => {
    const accountsBefore = count('SELECT count(*) FROM accounts');
    const [tariffs, accounts, bills] = await importSamples();
    expect(tariffs?.counts).toEqual({ rows: 2, inserted: 0, updated: 0, unchanged: 2 }); // the reference seed has the same prices
    expect(accounts?.counts).toEqual({ rows: 3, inserted: 3, updated: 0, unchanged: 0 });
    expect(bills?.counts).toEqual({ rows: 3, inserted: 3, updated: 0, unchanged: 0 });
    expect(count('SELECT count(*) FROM accounts') - accountsBefore).toBe(3);
    const s = snapshot();
    expect(s.accounts).toEqual([
      { account_no: '90000001', name: '张三', seq_no: '1001031301', payment_method: '现金', bank_card_no: null, connection_fee_fen: 280000, reading_cycle: '每月', category: '普通用户' },
      { account_no: '90000002', name: '李四', seq_no: '1001032502', payment_method: '银行代缴', bank_card_no: '6217000010001234567', connection_fee_fen: 0, reading_cycle: '双月', category: '普通用户' },
      { account_no: '90000003', name: '温州市第三中学', seq_no: '200212011203', payment_method: '充值', bank_card_no: null, connection_fee_fen: 1200000, reading_cycle: '每月', category: '公建用户' },
    ]);
    expect(s.phones).toEqual([
      { account_no: '90000001', phone: '0577-88123456' },
      { account_no: '90000001', phone: '13812345678' },
      { account_no: '90000002', phone: '13900001111' },
    ]);
    expect(s.meters).toEqual([
      { account_no: '90000001', meter_no: 'M0001', kind: '普通表', base_reading_centi: 0, latest_reading_centi: 123456, status: '通气', active: 1 },
      { account_no: '90000002', meter_no: 'M0002', kind: '普通表', base_reading_centi: 1050, latest_reading_centi: 85620, status: '通气', active: 1 },
      { account_no: '90000003', meter_no: 'IC0003', kind: 'IC卡表', base_reading_centi: 0, latest_reading_centi: 0, status: '封表', active: 1 },
    ]);
    expect(s.bills).toEqual([
      { account_no: '90000001', reading_date: '2026-10-15', previous_reading_centi: 120000, this_reading_centi: 123456, consumption_centi: 3456, price_fen_per_m3: 345, amount_fen: 11923, due_date: '2026-11-14', status: '未缴' },
      { account_no: '90000002', reading_date: '2026-09-20', previous_reading_centi: 80020, this_reading_centi: 83020, consumption_centi: 3000, price_fen_per_m3: 345, amount_fen: 10350, due_date: '2026-10-20', status: '未缴' },
      { account_no: '90000002', reading_date: '2026-11-18', previous_reading_centi: 83020, this_reading_centi: 85620, consumption_centi: 2600, price_fen_per_m3: 345, amount_fen: 8970, due_date: '2026-12-18', status: '未缴' },
    ]);
    const audit = host.store.sqlite.prepare("SELECT action FROM audit_log WHERE action LIKE 'import.%' ORDER BY seq").pluck().all();
    expect(audit).toEqual(['import.tariffs', 'import.accounts', 'import.bills']);
  });

  it('re-import is idempotent: same rows, no duplicates, all unchanged', async () => {
    await importSamples();
    const before = snapshot();
    const [, accounts, bills] = await importSamples();
    expect(accounts?.counts).toEqual({ rows: 3, inserted: 0, updated: 0, unchanged: 3 });
    expect(bills?.counts).toEqual({ rows: 3, inserted: 0, updated: 0, unchanged: 3 });
    expect(snapshot()).toEqual(before);
  });

  it('a changed row of a re-import updates that account in place', async () => {
    await importSamples();
    const csv = Buffer.from(await sample('accounts'), 'base64').toString('utf8').replace('张三', '张三丰').replace('13812345678', '13812345679');
    const done = await admin.ok('imports.run', { kind: 'accounts', file: b64(csv) });
    expect(done.counts).toEqual({ rows: 3, inserted: 0, updated: 1, unchanged: 2 });
    const s = snapshot();
    expect(s.accounts[0]).toMatchObject({ account_no: '90000001', name: '张三丰' });
    // R-ACC-02: the old number is kept, the new one added
    expect(s.phones.filter((p) => (p as { account_no: string }).account_no === '90000001')).toHaveLength(3);
    expect(count("SELECT count(*) FROM accounts WHERE account_no = '90000001'")).toBe(1);
  });

  it('one bad row: nothing imported, the report names the row and the column', async () => {
    const good = Buffer.from(await sample('accounts'), 'base64').toString('utf8');
    const bad = good.replace('1001,3,2,502', '1001,3,12,502'); // 老区域单元只能是1-9, on line 3
    const before = count('SELECT count(*) FROM accounts');
    const checked = await admin.ok('imports.check', { kind: 'accounts', file: b64(bad) });
    expect(checked.errors).toEqual([{ row: 3, column: '单元', message: expect.stringContaining('老区域单元号只能是1-9') }]);
    const done = await admin.ok('imports.run', { kind: 'accounts', file: b64(bad) });
    expect(done.imported).toBe(false);
    expect(done.counts.inserted).toBe(0);
    expect(done.errorReport).toContain('行号,列,错误');
    expect(done.errorReport).toContain('3,单元,');
    expect(count('SELECT count(*) FROM accounts')).toBe(before);
    expect(count("SELECT count(*) FROM audit_log WHERE action LIKE 'import.%'")).toBe(0);
  });

  it('reports money, volume, enum, repeated key and unknown account errors by column', async () => {
    const header = '户号,抄表日期,上次读数,本次读数,单价,金额,应缴日期,抄表员';
    const csv = [header, '90000009,2026-10-15,10,20,3.45,34.50,,李明', '90000001,2026-13-01,10,5.123,3.45,12.345,,'].join('\r\n');
    const r = await admin.ok('imports.check', { kind: 'bills', file: b64(csv) });
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [2, '户号'],
      [3, '本次读数'],
      [3, '抄表日期'],
      [3, '金额'],
      [3, '抄表员'],
    ]);
  });

  it('reads a GBK CSV (as Excel in China saves it) with the Chinese intact', async () => {
    const text = Buffer.from(await sample('accounts'), 'base64').toString('utf8').replace(/^\uFEFF/, '');
    const done = await admin.ok('imports.run', { kind: 'accounts', file: b64(text, 'gbk') });
    expect(done.encoding).toBe('gbk');
    expect(done.counts.inserted).toBe(3);
    expect(snapshot().accounts.map((a) => (a as { name: string }).name)).toEqual(['张三', '李四', '温州市第三中学']);
  });

  it('an .xlsx file imports the same as the CSV', async () => {
    await importSamples('csv');
    const fromCsv = snapshot();
    host.dispose();
    host = makeTestHost();
    admin = await signIn(host, 'admin01');
    const done = await importSamples('xlsx');
    expect(done.map((d) => d.format)).toEqual(['xlsx', 'xlsx', 'xlsx']);
    expect(snapshot()).toEqual(fromCsv);
  });

  it('a large file comes through the chunked upload', async () => {
    const csv = Buffer.from(await sample('accounts'), 'base64');
    const begun = await admin.ok('upload.begin', { size: csv.length });
    await admin.ok('upload.chunk', { uploadId: begun.uploadId, seq: 0, data: csv.toString('base64') });
    await admin.ok('upload.end', { uploadId: begun.uploadId });
    const done = await admin.ok('imports.run', { kind: 'accounts', upload: begun.uploadId });
    expect(done.counts.inserted).toBe(3);
  });

  it('a long import shows its progress, refuses a second import meanwhile, and ends idle', async () => {
    const file = b64(legacyAccountsCsv(12_000));
    const tariffs = await sample('tariffs');
    expect(await admin.ok('imports.progress', {})).toMatchObject({ job: null });
    const running = admin.call('imports.run', { kind: 'accounts', file });
    let progress = await admin.ok('imports.progress', {});
    for (let i = 0; i < 100 && progress.done === 0; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      progress = await admin.ok('imports.progress', {});
    }
    expect(progress).toMatchObject({ job: 'run', phase: 'validate', total: 12_000 });
    const second = await admin.call('imports.run', { kind: 'tariffs', file: tariffs });
    expect(second).toMatchObject({ ok: false, error: { message: '另一个导入正在进行，请等它完成' } });
    const done = await running;
    expect(done).toMatchObject({ ok: true, value: { imported: true, counts: { inserted: 12_000 } } });
    expect(await admin.ok('imports.progress', {})).toMatchObject({ job: null, phase: 'done', done: 12_000, total: 12_000 });
  });

  it('clerks may not import', async () => {
    const clerk = await signIn(host, 'clerk01');
    const r = await clerk.call('imports.run', { kind: 'accounts', file: await sample('accounts') });
    expect(r.ok).toBe(false);
  });
});
