/**
 * Demo and benchmark data: halls, counters, staff, a tariff, and N accounts with realistic Wenzhou
 * addresses, meters and unpaid bills (some overdue, so late fees show). Deterministic for a given seed.
 * Writes with prepared statements in one transaction per 10,000 accounts.
 */
import type Database from 'better-sqlite3';
import { addDays } from '../../preload/kernel/dates.js';
import { formatSeqNo, type AreaType, type SeqBuildingType } from '../../preload/kernel/sequence-number.js';
import { centiM3, gasAmountFen } from '../../preload/kernel/volume.js';
import { uuidv7 } from '../ids.js';
import { hashPassword } from '../security/password.js';
import { BANKS, COMMUNITY_PREFIXES, COMMUNITY_SUFFIXES, DISTRICTS, GIVEN_CHARS, READERS, STREETS, SURNAMES } from './places.js';
import { Rng } from './rng.js';

export interface SeedOptions {
  accounts: number;
  today: string; // business date the unpaid bills are relative to
  seed?: number;
  /** Called after each batch, for progress output. */
  onProgress?: (done: number, total: number) => void;
}

export const DEMO_PASSWORD = '123456';
/** A-11 ASSUMPTION: the demo unit price (the seeds give none). */
export const DEMO_PRICE_FEN_PER_M3 = 345;

export const DEMO_HALLS = [
  { id: 'hall-lc', code: 'LC', name: '鹿城营业厅' },
  { id: 'hall-hl', code: 'HL', name: '黄龙营业厅' },
  { id: 'hall-cc', code: 'CC', name: '客服中心接听组' },
] as const;

export const DEMO_COUNTERS = [
  { id: 'counter-lc01', hallId: 'hall-lc', code: 'LC01', name: '1号窗口' },
  { id: 'counter-lc02', hallId: 'hall-lc', code: 'LC02', name: '2号窗口' },
  { id: 'counter-hl01', hallId: 'hall-hl', code: 'HL01', name: '1号窗口' },
  { id: 'counter-cc01', hallId: 'hall-cc', code: 'CC01', name: '接听席1' },
] as const;

export const DEMO_STAFF = [
  { id: 'staff-clerk01', login: 'clerk01', name: '王丽', role: 'clerk', hallId: 'hall-lc', canDispatch: false },
  { id: 'staff-clerk02', login: 'clerk02', name: '陈晓敏', role: 'clerk', hallId: 'hall-lc', canDispatch: true },
  { id: 'staff-clerk03', login: 'clerk03', name: '林静', role: 'clerk', hallId: 'hall-hl', canDispatch: false },
  { id: 'staff-manager01', login: 'manager01', name: '郑建华', role: 'manager', hallId: 'hall-lc', canDispatch: true },
  { id: 'staff-reviewer01', login: 'reviewer01', name: '吴敏', role: 'reviewer', hallId: 'hall-lc', canDispatch: false },
  { id: 'staff-tech01', login: 'tech01', name: '李师傅', role: 'technician', hallId: 'hall-lc', canDispatch: false },
  { id: 'staff-admin01', login: 'admin01', name: '系统管理员', role: 'admin', hallId: 'hall-lc', canDispatch: false },
  { id: 'staff-cc01', login: 'callcenter01', name: '周婷', role: 'callcenter', hallId: 'hall-cc', canDispatch: false },
  { id: 'staff-cclead01', login: 'cclead01', name: '叶红', role: 'callcenter_lead', hallId: 'hall-cc', canDispatch: false },
] as const;

interface Community {
  name: string;
  district: string;
  street: string;
  number: number;
  area: AreaType;
  building: SeqBuildingType;
  book: number;
}

function communities(rng: Rng, count: number): Community[] {
  const list: Community[] = [];
  const used = new Set<string>();
  while (list.length < count) {
    const name = `${rng.pick(COMMUNITY_PREFIXES)}${rng.pick(COMMUNITY_SUFFIXES)}`;
    const street = rng.pick(STREETS);
    const key = `${street}${name}`;
    if (used.has(key) && used.size < COMMUNITY_PREFIXES.length * COMMUNITY_SUFFIXES.length * STREETS.length) continue;
    used.add(key);
    list.push({
      name,
      district: rng.pick(DISTRICTS),
      street,
      number: rng.int(1, 399),
      area: rng.chance(0.5) ? '老' : '新',
      building: rng.chance(0.7) ? '多层' : '高层',
      book: 1000 + list.length,
    });
  }
  return list;
}

export function seedReferenceData(sqlite: Database.Database): void {
  const hash = hashPassword(DEMO_PASSWORD);
  sqlite.transaction(() => {
    const hall = sqlite.prepare('INSERT OR IGNORE INTO halls (id, code, name) VALUES (?, ?, ?)');
    for (const h of DEMO_HALLS) hall.run(h.id, h.code, h.name);
    const counter = sqlite.prepare('INSERT OR IGNORE INTO counters (id, hall_id, code, name) VALUES (?, ?, ?, ?)');
    for (const c of DEMO_COUNTERS) counter.run(c.id, c.hallId, c.code, c.name);
    const person = sqlite.prepare(
      // Issue 10 #13: the initial password must be changed at first log-in outside demo mode (GAS_DEMO=1).
      'INSERT OR IGNORE INTO staff (id, login, name, role, hall_id, password_hash, can_dispatch, must_change_password) VALUES (?, ?, ?, ?, ?, ?, ?, 1)',
    );
    for (const s of DEMO_STAFF) person.run(s.id, s.login, s.name, s.role, s.hallId, hash, s.canDispatch ? 1 : 0);
    sqlite
      .prepare('INSERT OR IGNORE INTO tariffs (id, category, price_fen_per_m3, effective_from) VALUES (?, ?, ?, ?)')
      .run('tariff-res-2020', '普通用户', DEMO_PRICE_FEN_PER_M3, '2020-01-01');
    sqlite
      .prepare('INSERT OR IGNORE INTO tariffs (id, category, price_fen_per_m3, effective_from) VALUES (?, ?, ?, ?)')
      .run('tariff-pub-2020', '公建用户', 380, '2020-01-01');
  })();
}

export function seedAccounts(sqlite: Database.Database, options: SeedOptions): void {
  const rng = new Rng(options.seed ?? 20261123);
  const places = communities(rng, Math.max(20, Math.ceil(options.accounts / 400)));
  const insertAccount = sqlite.prepare(`INSERT INTO accounts (id, account_no, name, address, community, customer_type,
    payment_method, bank_card_no, bank_name, card_holder, sms_number, sms_company, application_nature, application_date,
    invoice_date, seq_book, seq_building, seq_unit, seq_room, seq_no, area_type, building_type, connection_fee_fen, area,
    meter_reader, home_hall_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertPhone = sqlite.prepare('INSERT INTO account_phones (id, account_id, phone) VALUES (?, ?, ?)');
  const insertMeter = sqlite.prepare(`INSERT INTO meters (id, account_id, kind, model, meter_no, direction,
    base_reading_centi, latest_reading_centi, installed_on, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertBill = sqlite.prepare(`INSERT INTO bills (id, account_id, meter_id, reading_date, previous_reading_centi,
    this_reading_centi, consumption_centi, price_fen_per_m3, amount_fen, due_date, source, estimated, reader)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const start = Number(sqlite.prepare('SELECT count(*) AS n FROM accounts').pluck().get());
  const batch = 10_000;
  for (let from = 0; from < options.accounts; from += batch) {
    const to = Math.min(options.accounts, from + batch);
    sqlite.transaction(() => {
      for (let i = from; i < to; i++) {
        const n = start + i;
        const c = rng.pick(places);
        const bldg = rng.int(1, 30);
        const unit = rng.int(1, c.area === '老' ? 9 : 4);
        const floor = rng.int(1, c.building === '多层' ? 7 : 32);
        const room = floor * 100 + rng.int(1, 4);
        const id = uuidv7();
        const name = rng.chance(0.02) ? '用户' : `${rng.pick(SURNAMES)}${rng.pick(GIVEN_CHARS)}${rng.chance(0.6) ? rng.pick(GIVEN_CHARS) : ''}`;
        const address = `温州市${c.district}${c.street}${c.number}号${c.name}${bldg}幢${unit}单元${room}室`;
        const ic = rng.chance(0.1);
        const bank = !ic && rng.chance(0.15);
        const method = ic ? '充值' : bank ? rng.pick(['银行代缴', '银行托收'] as const) : '现金';
        const bankName = bank ? rng.pick(BANKS) : null;
        const collective = rng.chance(0.4);
        const appYear = rng.int(2003, 2025);
        const appDate = `${appYear}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
        const seqNo = formatSeqNo(c.area, c.building, {
          book: String(c.book),
          building: String(bldg),
          unit: String(unit),
          room: String(room),
        });
        insertAccount.run(
          id, String(10_000_001 + n), name, address, c.name, ic ? 'IC卡' : '抄表', method,
          bank ? `6222${String(rng.int(0, 999_999_999)).padStart(12, '0')}` : null, bankName, bank ? name : null,
          null, null, collective ? '集体' : '散户', appDate, collective ? addDays(appDate, -rng.int(1, 300)) : appDate,
          String(c.book), String(bldg).padStart(2, '0'), String(unit), String(room), seqNo, c.area, c.building,
          c.building === '多层' ? 240_000 : 285_000, c.district, READERS[c.book % READERS.length] ?? READERS[0],
          c.district === '鹿城区' || c.district === '洞头区' ? 'hall-lc' : 'hall-hl',
        );
        insertPhone.run(uuidv7(), id, `13${rng.int(0, 9)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`);
        const meterId = uuidv7();
        let reading = rng.int(0, 3000) * 100;
        const gasOn = rng.chance(0.96);
        const unpaid = !ic && gasOn && rng.chance(0.45) ? rng.int(1, 3) : 0;
        const bills: unknown[][] = [];
        for (let k = unpaid; k >= 1; k--) {
          const used = rng.int(3, 40) * 100 + (rng.chance(0.2) ? rng.int(1, 99) : 0);
          const readingDate = addDays(options.today, -30 * k - rng.int(0, 10));
          const estimated = rng.chance(0.08);
          bills.push([
            uuidv7(), id, meterId, readingDate, reading, reading + used, used, DEMO_PRICE_FEN_PER_M3,
            gasAmountFen(centiM3(used), DEMO_PRICE_FEN_PER_M3), addDays(readingDate, 30), estimated ? 'estimated' : 'handheld',
            estimated ? 1 : 0, READERS[c.book % READERS.length] ?? READERS[0],
          ]);
          reading += used;
        }
        insertMeter.run(
          meterId, id, ic ? 'IC卡表' : '普通表', ic ? 'IC-G2.5' : 'G2.5', `M${String(n).padStart(9, '0')}`,
          rng.chance(0.5) ? '左进' : '右进', 0, reading, appDate, gasOn ? '通气' : '装表',
        );
        for (const b of bills) insertBill.run(...b);
      }
    })();
    options.onProgress?.(to, options.accounts);
  }
}
