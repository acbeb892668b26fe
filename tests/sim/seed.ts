/**
 * Issue 14 (simulation): the company every simulated counter starts from. 3 halls × 4 counters, a clerk per
 * counter, a manager and an administrator per hall, the demo tariffs and N accounts with unpaid bills
 * (main/seed/generate.ts). The template store is written with the sync capture switched off (withApplying): its
 * rows are master data "from the server", so a counter's outbox starts empty; the same rows go to PostgreSQL
 * through the admin import (POST /v1/admin/rows), as the billing system's import would put them there.
 */
import type Database from 'better-sqlite3';
import { seedAccounts, seedReferenceData, DEMO_PASSWORD } from '../../main/seed/generate.js';
import { hashPassword } from '../../main/security/password.js';
import { withApplying } from '../../main/sync/apply-switch.js';
import { MASTER_TABLES } from '../../server/protocol/index.js';

export const SIM_PASSWORD = DEMO_PASSWORD;

export interface SimCounter {
  id: string;
  code: string;
  hallId: string;
  clerk: string;
}
export interface SimHall {
  id: string;
  code: string;
  name: string;
  manager: string;
  admin: string;
  counters: SimCounter[];
}

export function simHalls(halls = 3, countersPerHall = 4): SimHall[] {
  const base = [
    { id: 'hall-lc', code: 'LC', name: '鹿城营业厅' },
    { id: 'hall-hl', code: 'HL', name: '黄龙营业厅' },
    { id: 'hall-oh', code: 'OH', name: '瓯海营业厅' },
    { id: 'hall-lw', code: 'LW', name: '龙湾营业厅' },
  ];
  return base.slice(0, halls).map((h) => {
    const lower = h.code.toLowerCase();
    return {
      ...h,
      manager: `simmgr-${lower}`,
      admin: `simadm-${lower}`,
      counters: Array.from({ length: countersPerHall }, (_, i) => {
        const code = `${h.code}${String(i + 1).padStart(2, '0')}`;
        return { id: `counter-${code.toLowerCase()}`, code, hallId: h.id, clerk: `sim-${code.toLowerCase()}` };
      }),
    };
  });
}

/** Writes the company into a migrated store (capture off). */
export function seedSimCompany(sqlite: Database.Database, halls: SimHall[], accounts: number, today: string): void {
  withApplying(sqlite, () => {
    seedReferenceData(sqlite);
    const hash = hashPassword(SIM_PASSWORD);
    const hall = sqlite.prepare('INSERT OR IGNORE INTO halls (id, code, name) VALUES (?, ?, ?)');
    const counter = sqlite.prepare('INSERT OR IGNORE INTO counters (id, hall_id, code, name) VALUES (?, ?, ?, ?)');
    const person = sqlite.prepare(
      'INSERT OR IGNORE INTO staff (id, login, name, role, hall_id, password_hash, can_dispatch, must_change_password) VALUES (?, ?, ?, ?, ?, ?, ?, 0)',
    );
    for (const h of halls) {
      hall.run(h.id, h.code, h.name);
      person.run(`staff-${h.manager}`, h.manager, `${h.code}经理`, 'manager', h.id, hash, 1);
      person.run(`staff-${h.admin}`, h.admin, `${h.code}管理员`, 'admin', h.id, hash, 0);
      for (const c of h.counters) {
        counter.run(c.id, h.id, c.code, `${c.code.slice(2)}号窗口`);
        person.run(`staff-${c.clerk}`, c.clerk, `${c.code}收费员`, 'clerk', h.id, hash, 0);
      }
    }
  });
  // seedAccounts opens transactions of its own: switch the capture off around each of them
  sqlite.prepare('UPDATE sync_apply_state SET applying = 1 WHERE id = 1').run();
  try {
    seedAccounts(sqlite, { accounts, today, seed: 14 });
  } finally {
    sqlite.prepare('UPDATE sync_apply_state SET applying = 0 WHERE id = 1').run();
  }
}

export interface MasterRow {
  table: string;
  rowId: string;
  row: Record<string, string | number | null>;
}

/** The template's master rows as the admin import takes them (rowId = primary key columns joined by '|'). */
export function* masterRows(sqlite: Database.Database, chunk = 5000): Generator<MasterRow[]> {
  for (const table of MASTER_TABLES) {
    const exists = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
    if (!exists) continue;
    const pk = (sqlite.prepare(`SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`).all(table) as { name: string }[]).map((c) => c.name);
    if (pk.length === 0) continue;
    // a page at a time (by rowid), never an open iterator across a yield: the consumer awaits between pages, and an
    // iterator left open keeps the connection busy (the host's WAL checkpointer then fails its tick)
    const page = sqlite.prepare(`SELECT rowid AS "__rowid", * FROM "${table}" WHERE rowid > ? ORDER BY rowid LIMIT ?`);
    for (let after = 0; ; ) {
      const rows = page.all(after, chunk) as Record<string, string | number | null>[];
      if (rows.length === 0) break;
      after = Number(rows[rows.length - 1]?.__rowid);
      yield rows.map(({ __rowid: _rowid, ...row }) => ({ table, rowId: pk.map((c) => String(row[c])).join('|'), row }));
      if (rows.length < chunk) break;
    }
  }
}
