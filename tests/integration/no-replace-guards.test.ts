/**
 * Issue 13 #4: INSERT OR REPLACE deletes the rows it conflicts with without firing their delete triggers
 * (recursive_triggers is off), so it slipped past every `<table>_no_delete` guard. Each append-only table now
 * has a BEFORE INSERT guard (db/no-replace-guards.ts, migration no_replace_guards) refusing a row whose unique
 * key is taken by a protected row. Raw SQL only: each REPLACE here is refused, and the same REPLACE goes
 * through (the old row silently gone) once that table's guard is dropped, so the test fails without it.
 */
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendOnlyTables, NO_REPLACE_MESSAGE, noReplaceTriggers, type AppendOnlyTable } from '../../db/no-replace-guards.js';
import { openStore, type Store } from '../../db/open.js';
import { migrationsDir } from '../../main/paths.js';
import { answerBankFile } from '../fixtures/bank-answer.js';
import { setBankWithholding } from '../fixtures/data.js';
import { addAccount, addBill, makeTestHost, ok, signIn, type TestHost } from '../fixtures/host.js';

const refusal = (table: string) => `${table}: ${NO_REPLACE_MESSAGE}`;

describe('INSERT OR REPLACE guards of the append-only tables (issue 13 #4)', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'no-replace-'));
    store = openStore(join(dir, 'test.db'), { migrationsDir });
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every table with a no-delete guard has the no-replace guard its current keys call for', () => {
    const tables = appendOnlyTables(store.sqlite).map((t) => t.table);
    for (const name of ['payments', 'payment_items', 'ticket_tenders', 'invoices', 'check_slips', 'reversals', 'audit_log', 'bills', 'card_writes', 'day_totals', 'bank_run_items']) {
      expect(tables).toContain(name);
    }
    const installed = new Map(
      (store.sqlite.prepare("SELECT tbl_name AS t, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_no\\_replace' ESCAPE '\\'").all() as { t: string; sql: string }[]).map((r) => [r.t, r.sql]),
    );
    for (const { table, sql } of noReplaceTriggers(store.sqlite)) expect(installed.get(table), `${table}: run scripts/no-replace-guards.ts into a new migration`).toBe(sql);
  });

  it('refuses a REPLACE on each unique key (and the rowid) of each table; without the guard the same REPLACE deletes the row', () => {
    const db = store.sqlite;
    db.pragma('foreign_keys = OFF');
    let n = 0;
    const fresh = (type: string, name: string) => (/INT/i.test(type) ? 1_000_000 + ++n : /REAL/i.test(type) ? ++n + 0.5 : `${name}-${++n}`);
    const checked: string[] = [];
    for (const t of appendOnlyTables(db)) {
      // the table alone with its two guards: no other trigger decides for them
      for (const name of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?").pluck().all(t.table) as string[]) {
        if (name !== `${t.table}_no_delete` && name !== `${t.table}_no_replace`) db.exec(`DROP TRIGGER ${name}`);
      }
      const columns = db.prepare(`PRAGMA table_info(${t.table})`).all() as { name: string; type: string; notnull: number; pk: number }[];
      const protectedBy = t.deleteWhen ?? '';
      const keyColumns = new Set(t.keys.flatMap((k) => k.columns.map((c) => c.name)));
      const row = Object.fromEntries(columns.map((c) => [c.name, c.notnull === 1 || keyColumns.has(c.name) || protectedBy.includes(c.name) ? fresh(c.type, c.name) : null]));
      const insert = (mode: string, values: Record<string, unknown>, rowid?: number) => {
        const names = [...(rowid === undefined ? [] : ['rowid']), ...Object.keys(values)];
        return db.prepare(`INSERT ${mode} INTO ${t.table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...(rowid === undefined ? [] : [rowid]), ...Object.values(values));
      };
      insert('', row);
      const original = t.rowid ? Number(db.prepare(`SELECT max(rowid) FROM ${t.table}`).pluck().get()) : undefined;
      // a row like it on one key only: every other key column fresh
      // (on the rowid: every other column fresh, an INTEGER PRIMARY KEY being the rowid itself)
      const rowidAlias = columns.find((c) => c.pk === 1 && /^INTEGER$/i.test(c.type) && columns.filter((x) => x.pk > 0).length === 1)?.name;
      const keyed = (key: AppendOnlyTable['keys'][number] | 'rowid') => {
        if (key === 'rowid') {
          const values = Object.fromEntries(columns.map((c) => [c.name, c.name === rowidAlias ? original : row[c.name] === null ? null : fresh(c.type, c.name)]));
          return { values, rowid: rowidAlias === undefined ? original : undefined };
        }
        const keep = new Set(key.columns.map((c) => c.name));
        const other = new Set(t.keys.flatMap((k) => k.columns.map((c) => c.name)).filter((c) => !keep.has(c)));
        return { values: Object.fromEntries(columns.map((c) => [c.name, other.has(c.name) ? fresh(c.type, c.name) : row[c.name]])), rowid: undefined };
      };
      const cases = [...(t.rowid ? (['rowid'] as const) : []), ...t.keys];
      for (const key of cases) {
        const label = `${t.table} ${key === 'rowid' ? 'rowid' : key.name}`;
        const { values, rowid } = keyed(key);
        expect(() => insert('OR REPLACE', values, rowid), label).toThrow(refusal(t.table));
        expect(() => insert('', values, rowid), label).toThrow(); // a plain insert of a taken key, refused as before
        checked.push(label);
      }
      expect(db.prepare(`SELECT count(*) FROM ${t.table}`).pluck().get(), t.table).toBe(1);
      // the gap the guard closes: with it dropped, the first REPLACE goes through and the protected row is gone
      db.exec(`DROP TRIGGER ${t.table}_no_replace`);
      const first = cases[0];
      if (first !== undefined) {
        const { values, rowid } = keyed(first);
        insert('OR REPLACE', values, rowid);
        expect(db.prepare(`SELECT count(*) FROM ${t.table} WHERE ${columns.map((c) => `${c.name} IS ?`).join(' AND ')}`).pluck().get(...Object.values(row)), t.table).toBe(0);
      }
    }
    expect(checked.length).toBeGreaterThan(60);
  });

  it('lets an open business day be replaced (its no-delete guard protects closed days only) and refuses a closed one', () => {
    const db = store.sqlite;
    const day = (closedAt: string | null) =>
      db.prepare("INSERT OR REPLACE INTO business_days (hall_id, business_date, closed_at, closed_by) VALUES ('hall-x', '2026-11-23', ?, NULL)").run(closedAt);
    db.pragma('foreign_keys = OFF');
    day(null);
    day('2026-11-23T10:00:00.000Z');
    expect(() => day(null)).toThrow(refusal('business_days'));
    expect(db.prepare('SELECT closed_at FROM business_days').pluck().all()).toEqual(['2026-11-23T10:00:00.000Z']);
  });
});

describe('INSERT OR REPLACE on a real ledger, all triggers on (issue 13 #4)', () => {
  let host: TestHost;
  beforeEach(() => {
    host = makeTestHost();
    const a = addAccount(host, { accountNo: '95000001', name: '现金户', address: '温州市鹿城区替换路1号', reading: 14600 });
    addBill(host, a, { id: 'a-1', readingDate: '2026-10-20', previous: 10000, current: 12300, amountFen: 7935, dueDate: '2026-11-19' });
    addBill(host, a, { id: 'a-2', readingDate: '2026-11-10', previous: 12300, current: 14600, amountFen: 7935, dueDate: '2026-12-10' });
    const c = addAccount(host, { accountNo: '95000003', name: '代扣户', address: '温州市鹿城区替换路3号', reading: 1300 });
    setBankWithholding(host, c.accountId, { bank: '建行', cardNo: '6227001234567890123', holder: '代扣户' });
    addBill(host, c, { id: 'c-1', readingDate: '2026-11-10', previous: 0, current: 1300, amountFen: 4485, dueDate: '2026-12-10' });
    addAccount(host, { accountNo: '95000005', name: '卡表户', address: '温州市鹿城区替换路5号', customerType: 'IC卡' });
  });
  afterEach(() => host.dispose());

  it('refuses re-putting the latest row of each ledger table and leaves it as it was', async () => {
    const clerk = await signIn(host);
    const manager = { login: 'manager01', password: '123456' };
    ok(await clerk.call('payments.payCash', { accountId: 'acc-95000001', billIds: ['a-1'], tendered: '100', expectedTotalFen: 7985 }));
    ok(await clerk.call('invoices.registerBook', { category: '国税', prefix: '133012', firstNo: 1001, lastNo: 1050 }));
    ok(await clerk.call('invoices.issue', { slipNo: 'LC01-00000001' }));
    const withTickets = ok(
      await clerk.call('payments.payCash', {
        accountId: 'acc-95000001', billIds: ['a-2'], tendered: '0', expectedTotalFen: 7935,
        tickets: [{ kind: '燃气票', year: 2026, quarter: 4, count: 5, backName: '现金户', backAddress: '替换路1号' }],
      }),
    );
    ok(await clerk.call('payments.reverse', { slipNo: withTickets.slipNo, reason: '收错用户', approver: manager }));
    const run = ok(await clerk.call('bank.generate', { bank: '建行' }));
    const gbk = iconv.decode(Buffer.from(run.base64, 'base64'), 'gbk');
    ok(await clerk.call('bank.writeOff', { runId: run.runId, file: iconv.encode(answerBankFile('建行', gbk, () => null), 'gbk').toString('base64') }));
    host.cardDevice?.sim.insertBlank();
    ok(await clerk.call('cards.issue', { accountId: 'acc-95000005', issueType: '制作新卡' }));
    ok(await clerk.call('cards.recharge', { accountId: 'acc-95000005', by: 'volume', value: '20', tendered: '100' }));

    const db = host.store.sqlite;
    const tables = ['payments', 'payment_items', 'check_slips', 'slip_prints', 'ticket_tenders', 'invoices', 'reversals', 'audit_log', 'bills', 'card_writes', 'ic_cards', 'bank_run_items', 'day_totals', 'day_ticket_totals', 'day_invoice_totals'];
    for (const table of tables) {
      const before = db.prepare(`SELECT rowid AS _rowid, * FROM ${table} ORDER BY rowid`).all();
      expect(before.length, table).toBeGreaterThan(0);
      expect(() => db.prepare(`INSERT OR REPLACE INTO ${table} SELECT * FROM ${table} WHERE rowid = (SELECT max(rowid) FROM ${table})`).run(), table).toThrow(refusal(table));
      expect(db.prepare(`SELECT rowid AS _rowid, * FROM ${table} ORDER BY rowid`).all(), table).toEqual(before);
    }
    // the raw connection has recursive_triggers off, as any tool's would: the guard does not depend on it
    expect(new Database(db.name, { readonly: true }).pragma('recursive_triggers', { simple: true })).toBe(0);
  });
});
