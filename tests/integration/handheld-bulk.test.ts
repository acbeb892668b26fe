/**
 * Issue 13 #4: 入库 posts a batch set-based: the bills, the meters' latest readings and the readings' states
 * each take one statement over the batch (plus a fixed few), not a handful per reading; and the bills are
 * exactly those the per-reading insertBill makes (start reading, consumption, tier pricing with the year's
 * volume so far, due date), with the same skips (未抄, 表已更换, 未超过已结算读数).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { meters } from '../../db/schema.js';
import { eq } from 'drizzle-orm';
import { insertBill } from '../../main/services/billing.js';
import { verifyAuditChain } from '../../main/services/audit.js';
import type { Actor } from '../../main/services/context.js';
import { centiM3 } from '../../preload/kernel/volume.js';
import { addBill, addTariffTiers, scalar } from '../fixtures/data.js';
import { addRoute, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { countStatements } from '../fixtures/statements.js';

let host: TestHost;
const ACCOUNTS = 60;
const at = '2026-11-22 09:30';
const no = (i: number) => `5${String(i).padStart(7, '0')}`;

beforeEach(() => {
  host = makeTestHost();
  addRoute(host, '周抄表', ACCOUNTS);
  addTariffTiers(host, '普通用户', [{ fromCenti: 0, priceFenPerM3: 300 }, { fromCenti: 2000, priceFenPerM3: 360 }]);
  // every third account has this year's earlier bills (the tier bands count them) and one last year's
  for (let i = 0; i < ACCOUNTS; i += 3) {
    const ids = { accountId: `acc-${no(i)}`, meterId: `meter-${no(i)}` };
    addBill(host, ids, { id: `old-${i}`, readingDate: '2025-12-20', previous: 10000, current: 10000, amountFen: 0, dueDate: '2026-01-19' });
    addBill(host, ids, { id: `ytd-${i}`, readingDate: '2026-09-20', previous: 10000, current: 10000 + 40 * i, amountFen: 138 * i, dueDate: '2026-10-20' });
  }
});
afterEach(() => host.dispose());

type BillRow = { account_id: string; meter_id: string; reading_date: string; previous_reading_centi: number; this_reading_centi: number; consumption_centi: number; price_fen_per_m3: number; amount_fen: number; pricing: string; due_date: string; source: string; estimated: number; reader: string; status: string; confirmation: string | null; created_by: string };
const BILL_COLUMNS = 'account_id, meter_id, reading_date, previous_reading_centi, this_reading_centi, consumption_centi, price_fen_per_m3, amount_fen, pricing, due_date, source, estimated, reader, status, confirmation, created_by';

describe('handheld 入库 in bulk (issue 13 #4)', () => {
  it('bills a batch with a fixed number of statements on the store, the same bills the per-reading path makes', async () => {
    const clerk = await signIn(host);
    const exported = await clerk.call('handheld.export', { meterReader: '周抄表', months: 1, confirmedCount: ACCOUNTS });
    if (!exported.ok) throw new Error(exported.error.message);
    host.handheldDevice?.sim.walkRoute((r) => {
      const i = Number(r.accountNo.slice(1));
      if (i % 10 === 1) return { accountNo: r.accountNo, reading: r.lastReading, readAt: at, status: 2, meterNo: r.meterNo }; // 未抄
      if (i % 10 === 2) return { accountNo: r.accountNo, reading: r.lastReading + 500, readAt: at, status: 3, meterNo: r.meterNo }; // 换表
      if (i % 10 === 4) return { accountNo: r.accountNo, reading: r.lastReading + 700, readAt: at, status: 0, meterNo: `X${r.meterNo}` }; // another meter
      return { accountNo: r.accountNo, reading: r.lastReading + 100 + 37 * i, readAt: at, status: i % 10 === 7 ? 1 : 0, meterNo: r.meterNo };
    });
    expect(await clerk.call('handheld.import', {})).toMatchObject({ ok: true, value: { inserted: ACCOUNTS } });
    // after the import, a bill moves one account's start past its reading: 入库 skips it
    addBill(host, { accountId: `acc-${no(5)}`, meterId: `meter-${no(5)}` }, { id: 'late-5', readingDate: '2026-11-21', previous: 10000, current: 99_999, amountFen: 100, dueDate: '2026-12-21' });

    // what insertBill, reading by reading, would store (computed in a transaction that is rolled back)
    const actor: Actor = { staffId: 'staff-clerk01', staffName: '王丽', role: 'clerk', hallId: 'hall-lc', hallName: '鹿城营业厅', counterId: 'counter-lc01', counterCode: 'LC01', counterName: '1号窗口' };
    const pending = host.store.sqlite.prepare("SELECT r.account_id, r.reading_centi, r.read_at, r.status FROM handheld_readings r WHERE r.state = 'pending' AND r.status IN (0, 1) AND r.meter_no = (SELECT meter_no FROM meters m WHERE m.account_id = r.account_id AND m.active = 1) ORDER BY r.account_id").all() as { account_id: string; reading_centi: number; read_at: string; status: number }[];
    const expected: BillRow[] = [];
    try {
      host.store.db.transaction((tx) => {
        for (const p of pending) {
          const meter = tx.select().from(meters).where(eq(meters.accountId, p.account_id)).get();
          if (!meter || p.account_id === `acc-${no(5)}`) continue;
          insertBill(tx, host.deps, { ...actor, staffName: '周抄表' }, host.clock.now(), { accountId: p.account_id, category: '普通用户', meter, reading: centiM3(p.reading_centi), source: 'handheld', readingDate: p.read_at.slice(0, 10), estimated: p.status === 1, reader: '周抄表' });
        }
        expected.push(...(host.store.sqlite.prepare(`SELECT ${BILL_COLUMNS} FROM bills WHERE created_by = 'staff-clerk01' ORDER BY account_id`).all() as BillRow[]));
        throw new Error('roll back');
      });
    } catch (error) {
      if (!(error instanceof Error) || error.message !== 'roll back') throw error;
    }
    expect(expected.length).toBeGreaterThan(30);

    const statements = countStatements(host.store.sqlite);
    const done = await clerk.call('handheld.commit', { batchId: exported.value.batchId, confirmLarge: true });
    if (!done.ok) throw new Error(done.error.message);
    expect(done).toMatchObject({ ok: true, value: { billed: expected.length, skipped: ACCOUNTS - expected.length, returned: 0, deviceReleased: true } });
    // set-based: far fewer statements than readings (per reading it was a select, an insert and two updates)
    expect(statements()).toBeLessThan(30);
    vi.restoreAllMocks();

    const billed = host.store.sqlite.prepare(`SELECT ${BILL_COLUMNS} FROM bills WHERE created_by = 'staff-clerk01' ORDER BY account_id`).all() as BillRow[];
    expect(billed).toEqual(expected);
    expect(billed.some((b) => b.pricing.includes('第2档'))).toBe(true);
    // the meters moved to the reading; the readings point at their bills; the skips carry their note
    expect(scalar(host, "SELECT count(*) FROM bills b JOIN meters m ON m.id = b.meter_id WHERE b.created_by = 'staff-clerk01' AND m.latest_reading_centi = b.this_reading_centi")).toBe(expected.length);
    expect(scalar(host, "SELECT count(*) FROM handheld_readings r JOIN bills b ON b.id = r.bill_id WHERE r.state = 'committed' AND b.account_id = r.account_id AND b.this_reading_centi = r.reading_centi")).toBe(expected.length);
    expect(host.store.sqlite.prepare("SELECT note, count(*) AS n FROM handheld_readings WHERE state = 'skipped' GROUP BY note ORDER BY note").all()).toEqual([
      { note: '未抄', n: 6 },
      { note: '表已更换：请录入换表单', n: 12 },
      { note: '读数 102.85 未超过已结算读数，不生成费用', n: 1 },
    ].sort((a, b) => (a.note < b.note ? -1 : 1)));
    // the bill ids are time-ordered in the order they were written
    const ids = host.store.sqlite.prepare("SELECT id FROM bills WHERE created_by = 'staff-clerk01' ORDER BY rowid").pluck().all() as string[];
    expect([...ids].sort()).toEqual(ids);
    expect(verifyAuditChain(host.store.db).ok).toBe(true);
  });
});
