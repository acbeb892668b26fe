/**
 * 抄表机数据处理 through the router, the GHR/1 driver and the simulator on SerialPortMock (R-HH-01..05,
 * count agreed before upload, anomalies on import, rows sent back and re-read, 入库 into bills
 * exactly once, the handheld deleting its readings only afterwards, a second import changing nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReadingRecord, RouteRecord } from '../../hardware/handheld/codec.js';
import { verifyAuditChain } from '../../main/services/audit.js';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { addTariffTiers, lastAuditDetail, scalar, updateAccount } from '../fixtures/data.js';

let host: TestHost;

beforeEach(() => {
  host = makeTestHost();
  addAccount(host, { accountNo: '41000001', name: '甲', address: '测试路1号', reading: 10000 });
  addAccount(host, { accountNo: '41000002', name: '乙', address: '测试路2号', reading: 20000 });
  addAccount(host, { accountNo: '41000003', name: '丙', address: '测试路3号', reading: 30000 });
  addAccount(host, { accountNo: '41000004', name: '丁', address: '测试路4号', reading: 40000 });
  addAccount(host, { accountNo: '41000005', name: '戊', address: '测试路5号', reading: 50000 });
  addAccount(host, { accountNo: '41000009', name: 'IC', address: '测试路9号', customerType: 'IC卡' });
});
afterEach(() => host.dispose());

const sim = () => {
  if (!host.handheldDevice) throw new Error('no simulated handheld');
  return host.handheldDevice.sim;
};
const n = (sql: string) => scalar(host, sql);
const at = '2026-11-22 09:30';

/** The reader's day: normal, a large volume, a reading below the last, an estimate, one not read. */
function walk(r: RouteRecord): ReadingRecord {
  const plus = (m3: number) => r.lastReading + m3 * 100;
  switch (r.accountNo) {
    case '41000001':
      return { accountNo: r.accountNo, reading: plus(23), readAt: at, status: 0, meterNo: r.meterNo };
    case '41000002':
      return { accountNo: r.accountNo, reading: plus(150), readAt: at, status: 0, meterNo: r.meterNo };
    case '41000003':
      return { accountNo: r.accountNo, reading: r.lastReading - 500, readAt: at, status: 0, meterNo: r.meterNo };
    case '41000004':
      return { accountNo: r.accountNo, reading: plus(12), readAt: at, status: 1, meterNo: r.meterNo };
    default:
      return { accountNo: r.accountNo, reading: r.lastReading, readAt: at, status: 2, meterNo: r.meterNo };
  }
}

async function exported() {
  const clerk = await signIn(host);
  const list = await clerk.call('handheld.exportList', { meterReader: '陈建国', months: 1 });
  expect(list).toMatchObject({ ok: true, value: { count: 5 } });
  expect(await clerk.call('handheld.export', { meterReader: '陈建国', months: 1, confirmedCount: 4 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'confirmedCount' } });
  expect(n('SELECT count(*) FROM handheld_batches')).toBe(0);
  const res = await clerk.call('handheld.export', { meterReader: '陈建国', months: 1, confirmedCount: 5 });
  expect(res).toMatchObject({ ok: true, value: { batchId: 'HB202611230001', count: 5 } });
  expect(sim().route?.records.map((r) => r.accountNo)).toEqual(['41000001', '41000002', '41000003', '41000004', '41000005']);
  expect(sim().route?.records[0]).toMatchObject({ name: '甲', lastReading: 10000 });
  return clerk;
}

describe('handheld round trip', () => {
  it('sets the clock from the PC (R-HH-02)', async () => {
    const clerk = await signIn(host);
    const res = await clerk.call('handheld.syncClock', {});
    expect(res.ok).toBe(true);
    expect(Math.abs(sim().clockOffsetMs + Date.now() - host.clock.now().getTime())).toBeLessThan(2000);
  });

  it('imports with anomalies, sends back, re-reads, commits once, and the handheld then deletes its readings', async () => {
    const clerk = await exported();
    sim().walkRoute(walk);
    const first = await clerk.call('handheld.import', {});
    expect(first).toMatchObject({ ok: true, value: { batchId: 'HB202611230001', inserted: 5, updated: 0, unchanged: 0, alreadyCommitted: false } });
    // R-HH-05: nothing reaches the unpaid list before 入库
    expect(n("SELECT count(*) FROM bills")).toBe(0);
    const before = host.store.sqlite.prepare('SELECT * FROM handheld_readings ORDER BY id').all();
    expect(await clerk.call('handheld.import', {})).toMatchObject({ ok: true, value: { inserted: 0, updated: 0, unchanged: 5 } });
    expect(host.store.sqlite.prepare('SELECT * FROM handheld_readings ORDER BY id').all()).toEqual(before);

    const batch = await clerk.call('handheld.batch', { batchId: 'HB202611230001' });
    if (!batch.ok) throw new Error(batch.error.message);
    const rows = batch.value.rows;
    const codes = Object.fromEntries(rows.map((r) => [r.accountNo, r.anomalies.map((a) => a.code)]));
    expect(codes).toEqual({ '41000001': [], '41000002': ['large'], '41000003': ['below_last'], '41000004': ['estimated'], '41000005': ['not_read'] });
    expect(batch.value).toMatchObject({ read: 5, anomalies: 4 });

    const blocked = await clerk.call('handheld.commit', { batchId: 'HB202611230001' });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!blocked.ok) expect(blocked.error.message).toContain('退回重抄');
    const below = rows.find((r) => r.accountNo === '41000003')?.id ?? '';
    expect(await clerk.call('handheld.sendBack', { batchId: 'HB202611230001', readingIds: [below] })).toMatchObject({ ok: true, value: { returned: 1 } });
    // the reader goes back and reads it again
    sim().walkRoute((r) => (r.accountNo === '41000003' ? { accountNo: r.accountNo, reading: r.lastReading + 800, readAt: '2026-11-22 15:00', status: 0, meterNo: r.meterNo } : walk(r)));
    expect(await clerk.call('handheld.import', {})).toMatchObject({ ok: true, value: { inserted: 0, updated: 1, unchanged: 4 } });

    // R-HH-04 (issue 10 #8): 41000002's 150 m³ must be confirmed explicitly
    const unconfirmed = await clerk.call('handheld.commit', { batchId: 'HB202611230001' });
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'confirmLarge' } });
    if (!unconfirmed.ok) expect(unconfirmed.error.message).toContain('41000002');
    expect(n('SELECT count(*) FROM bills')).toBe(0);
    const done = await clerk.call('handheld.commit', { batchId: 'HB202611230001', confirmLarge: true });
    expect(done).toMatchObject({ ok: true, value: { billed: 4, skipped: 1, returned: 0, deviceReleased: true } });
    expect(host.store.sqlite.prepare("SELECT a.account_no, b.consumption_centi, b.amount_fen, b.estimated, b.source, b.reading_date, b.pricing FROM bills b JOIN accounts a ON a.id = b.account_id ORDER BY a.account_no").all()).toEqual([
      { account_no: '41000001', consumption_centi: 2300, amount_fen: 7935, estimated: 0, source: 'handheld', reading_date: '2026-11-22', pricing: '23 m³ × 3.45 = 79.35' },
      { account_no: '41000002', consumption_centi: 15000, amount_fen: 51750, estimated: 0, source: 'handheld', reading_date: '2026-11-22', pricing: '150 m³ × 3.45 = 517.50' },
      { account_no: '41000003', consumption_centi: 800, amount_fen: 2760, estimated: 0, source: 'handheld', reading_date: '2026-11-22', pricing: '8 m³ × 3.45 = 27.60' },
      { account_no: '41000004', consumption_centi: 1200, amount_fen: 4140, estimated: 1, source: 'handheld', reading_date: '2026-11-22', pricing: '12 m³ × 3.45 = 41.40' },
    ]);
    expect(sim().readings).toBeNull();
    expect(await clerk.call('handheld.commit', { batchId: 'HB202611230001' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await clerk.call('handheld.import', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(n('SELECT count(*) FROM bills')).toBe(4);
    expect(verifyAuditChain(host.store.db).ok).toBe(true);
  });

  it('cable pulled before COMMIT: bills are in, the handheld keeps its copy, the next import only releases it', async () => {
    const clerk = await exported();
    sim().walkRoute((r) => ({ accountNo: r.accountNo, reading: r.lastReading + 1000, readAt: at, status: 0, meterNo: r.meterNo }));
    await clerk.call('handheld.import', {});
    await host.handheldDevice?.unplug();
    const done = await clerk.call('handheld.commit', { batchId: 'HB202611230001' });
    expect(done).toMatchObject({ ok: true, value: { billed: 5, deviceReleased: false } });
    if (done.ok) expect(done.value.message).toContain('系统不会重复入库');
    expect(sim().readings?.records).toHaveLength(5);
    const again = await clerk.call('handheld.import', {});
    expect(again).toMatchObject({ ok: true, value: { alreadyCommitted: true, inserted: 0 } });
    expect(sim().readings).toBeNull();
    expect(n('SELECT count(*) FROM bills')).toBe(5);
    expect(n('SELECT device_committed FROM handheld_batches')).toBe(1);
  });

  it('a COMMIT whose reply is lost was applied: nothing is billed twice', async () => {
    const clerk = await exported();
    sim().walkRoute((r) => ({ accountNo: r.accountNo, reading: r.lastReading + 1000, readAt: at, status: 0, meterNo: r.meterNo }));
    await clerk.call('handheld.import', {});
    sim().faults.dropNextReply = true;
    expect(await clerk.call('handheld.commit', { batchId: 'HB202611230001' })).toMatchObject({ ok: true, value: { billed: 5, deviceReleased: false } });
    expect(sim().readings).toBeNull();
    expect(await clerk.call('handheld.import', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(n('SELECT count(*) FROM bills')).toBe(5);
  });

  it('the handheld refuses a new route while it holds readings not yet taken into bills', async () => {
    const clerk = await exported();
    sim().walkRoute((r) => ({ accountNo: r.accountNo, reading: r.lastReading + 1000, readAt: at, status: 0, meterNo: r.meterNo }));
    const again = await clerk.call('handheld.export', { meterReader: '陈建国', months: 1, confirmedCount: 5 });
    expect(again).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '抄表机上还有未入库的抄表记录，请先导入并入库' } });
  });

  it('prices with tier bands when the tariff has them (A-11)', async () => {
    addTariffTiers(host, '普通用户', [{ fromCenti: 0, priceFenPerM3: 300 }, { fromCenti: 2000, priceFenPerM3: 360 }]);
    const clerk = await exported();
    sim().walkRoute((r) => ({ accountNo: r.accountNo, reading: r.lastReading + 2300, readAt: at, status: 0, meterNo: r.meterNo }));
    await clerk.call('handheld.import', {});
    await clerk.call('handheld.commit', { batchId: 'HB202611230001' });
    expect(host.store.sqlite.prepare("SELECT b.amount_fen, b.pricing FROM bills b JOIN accounts a ON a.id = b.account_id WHERE a.account_no = '41000001'").get()).toEqual({
      amount_fen: 7080,
      pricing: '第1档(年用气0方起) 20 m³ × 3.00 + 第2档(年用气20方起) 3 m³ × 3.60 = 70.80',
    });
  });
});

describe('bad downloads and 大额方数 (issue 10 #8, R-HH-04)', () => {
  const plain = (r: RouteRecord): ReadingRecord => ({ accountNo: r.accountNo, reading: r.lastReading + 1000, readAt: at, status: 0, meterNo: r.meterNo });
  const refused = async (clerk: Awaited<ReturnType<typeof exported>>, text: string[]) => {
    const res = await clerk.call('handheld.import', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'handheld' } });
    if (!res.ok) for (const t of text) expect(res.error.message).toContain(t);
    expect(n('SELECT count(*) FROM handheld_readings')).toBe(0);
    expect(n("SELECT count(*) FROM handheld_batches WHERE status = 'imported'")).toBe(0);
  };

  it('refuses an impossible date, naming the account, and stores nothing', async () => {
    const clerk = await exported();
    sim().walkRoute((r) => ({ ...plain(r), readAt: r.accountNo === '41000002' ? '2026-02-30 09:00' : at }));
    await refused(clerk, ['41000002', '2026-02-30']);
  });

  it('refuses a future date, naming the account', async () => {
    const clerk = await exported();
    sim().walkRoute((r) => ({ ...plain(r), readAt: r.accountNo === '41000004' ? '2099-01-01 08:00' : at }));
    await refused(clerk, ['41000004', '2099-01-01']);
  });

  it('refuses an account twice in one download, naming the account', async () => {
    const clerk = await exported();
    sim().walkRoute(plain);
    const readings = sim().readings;
    if (!readings) throw new Error('no readings');
    const first = readings.records[0];
    if (!first) throw new Error('no reading');
    sim().readings = { ...readings, records: [...readings.records, { ...first, reading: first.reading + 100 }] };
    await refused(clerk, ['41000001', '重复']);
  });

  it('入库 waits for an explicit confirmation of 大额方数, then stores and audits it', async () => {
    const clerk = await exported();
    sim().walkRoute((r) => ({ ...plain(r), reading: r.lastReading + (r.accountNo === '41000003' ? 20000 : 1000) }));
    expect(await clerk.call('handheld.import', {})).toMatchObject({ ok: true, value: { inserted: 5 } });
    const res = await clerk.call('handheld.commit', { batchId: 'HB202611230001' });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'confirmLarge' } });
    if (!res.ok) expect(res.error.message).toBe('1 户大额方数未确认（41000003 200 方），请逐户核对后确认大额方数再入库 (R-HH-04)');
    expect(await clerk.call('handheld.commit', { batchId: 'HB202611230001', confirmLarge: false })).toMatchObject({ ok: false, error: { field: 'confirmLarge' } });
    expect(n('SELECT count(*) FROM bills')).toBe(0);
    expect(n("SELECT count(*) FROM handheld_batches WHERE status = 'committed'")).toBe(0);
    expect(await clerk.call('handheld.commit', { batchId: 'HB202611230001', confirmLarge: true })).toMatchObject({ ok: true, value: { billed: 5 } });
    expect(host.store.sqlite.prepare("SELECT a.account_no, r.note FROM handheld_readings r JOIN accounts a ON a.id = r.account_id WHERE r.note <> ''").all()).toEqual([{ account_no: '41000003', note: '大额方数已确认' }]);
    expect(lastAuditDetail(host, 'handheld.commit')).toMatchObject({ billed: 5, confirmedLarge: ['41000003'] });
    expect(verifyAuditChain(host.store.db).ok).toBe(true);
  });
});

describe('单月 / 双月 (R-HH-03)', () => {
  it('an odd-month export carries the monthly and odd-month accounts; an even-month one the monthly and even-month ones', async () => {
    updateAccount(host, { accountNo: '41000001' }, { readingCycle: '单月' });
    updateAccount(host, { accountNo: '41000002' }, { readingCycle: '双月' });
    const clerk = await signIn(host);
    const odd = await clerk.call('handheld.exportList', { meterReader: '陈建国', months: 1 });
    expect(odd.ok && odd.value.preview.map((p) => p.accountNo)).toEqual(['41000001', '41000003', '41000004', '41000005']);
    const even = await clerk.call('handheld.exportList', { meterReader: '陈建国', months: 2 });
    expect(even.ok && even.value.preview.map((p) => p.accountNo)).toEqual(['41000002', '41000003', '41000004', '41000005']);
  });

  it('a reading covering two months is large only above twice the monthly measure (A-35)', async () => {
    updateAccount(host, { accountNo: '41000001' }, { readingCycle: '双月' });
    // history: 10 m³ a month → 3 × 10 × 2 = 60 m³ before a two-month reading is large
    addBill(host, { accountId: 'acc-41000001', meterId: 'meter-41000001' }, { id: 'h-1', readingDate: '2026-09-10', previous: 9000, current: 10000, amountFen: 3450, dueDate: '2026-10-10' });
    // the same history on a monthly account: 3 × 10 = 30 m³
    addBill(host, { accountId: 'acc-41000003', meterId: 'meter-41000003' }, { id: 'h-3', readingDate: '2026-09-10', previous: 29000, current: 30000, amountFen: 3450, dueDate: '2026-10-10' });
    const clerk = await signIn(host);
    expect(await clerk.call('handheld.export', { meterReader: '陈建国', months: 2, confirmedCount: 5 })).toMatchObject({ ok: true });
    sim().walkRoute((r) => ({ accountNo: r.accountNo, reading: r.lastReading + (['41000001', '41000003'].includes(r.accountNo) ? 5000 : 100), readAt: at, status: 0, meterNo: r.meterNo }));
    await clerk.call('handheld.import', {});
    const anomalies = (no: string) => host.store.sqlite.prepare('SELECT r.anomalies FROM handheld_readings r JOIN accounts a ON a.id = r.account_id WHERE a.account_no = ?').pluck().get(no);
    expect(anomalies('41000001')).toBe(''); // 50 m³ over two months: within 60
    expect(anomalies('41000003')).toBe('large'); // 50 m³ in one month: above 30
  });
});

describe('the price table (A-11)', () => {
  it('a manager adds a tiered version; a clerk may not; bad tiers are refused', async () => {
    const clerk = await signIn(host);
    const input = { category: '普通用户' as const, effectiveFrom: '2026-11-01', price: '3.45', tiers: [{ fromM3: '0', price: '3.00' }, { fromM3: '20', price: '3.60' }] };
    expect(await clerk.call('tariffs.set', input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const boss = await signIn(host, 'manager01');
    expect(await boss.call('tariffs.set', { ...input, tiers: [{ fromM3: '5', price: '3.00' }] })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'tiers' } });
    expect(await boss.call('tariffs.set', input)).toMatchObject({ ok: true });
    expect(await boss.call('tariffs.set', input)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'effectiveFrom' } });
    const list = await clerk.call('tariffs.list', {});
    expect(list.ok && list.value.find((t) => t.effectiveFrom === '2026-11-01')).toMatchObject({
      priceFenPerM3: 345,
      tiers: [
        { fromCenti: 0, priceFenPerM3: 300 },
        { fromCenti: 2000, priceFenPerM3: 360 },
      ],
    });
  });
});
