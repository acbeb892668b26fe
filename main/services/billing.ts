/**
 * The customer's unpaid list (未缴费用清单) and bills created at the counter from a reading on the notice
 * (R-PAY-03) or phoned in / self-reported (R-PAY-04). Late fees per bill (R-PAY-05, R-LATE-01/02, A-27).
 */
import { and, asc, desc, eq, gte, isNull, lte, ne, sql } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { ReadTx, Tx } from '../../db/open.js';
import { statementOf } from '../../db/statements.js';
import { accounts, bills, meters, tariffs, tariffTiers, type ReadingSource } from '../../db/schema.js';
import { priceConsumption, pricingText, type Tier } from '../domain/tariff.js';
import { addDays, businessDateOf, daysBetween } from '../../preload/kernel/dates.js';
import { readingConfirmationPrompt, readingConfirmationRecord, unusualReading } from '../domain/confirmations.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { lateFeeFen, lateFeeTrace, overdueDays } from '../domain/late-fee.js';
import { addFen, fen, formatYuan, sumFen, type Fen } from '../../preload/kernel/money.js';
import { centiM3, centiM3OrNull, consumption, formatVolume, type CentiM3 } from '../../preload/kernel/volume.js';
import { uuidv7 } from '../ids.js';
import type { AccountIdentity } from './accounts.js';
import { appendAudit } from './audit.js';
import type { Actor, ServiceDeps } from './context.js';
import { asAccountId, asBillId, type AccountId, type BillId } from '../domain/ids.js';


export interface UnpaidBill {
  id: BillId;
  readingDate: string;
  previousReading: CentiM3;
  thisReading: CentiM3;
  consumption: CentiM3;
  priceFenPerM3: number;
  gasFen: Fen;
  dueDate: string;
  overdueDays: number;
  lateFeeFen: Fen;
  totalFen: Fen;
  source: ReadingSource;
  estimated: boolean;
  /** How the amount was computed. */
  pricing: string;
  /** How the late fee was reckoned, as the clerk shows it (R-LATE-01/02). */
  lateFeeTrace: string;
}

export interface AccountSummary extends AccountIdentity {
  id: AccountId;
  category: string;
  meterStatus: string | null;
  latestReading: CentiM3 | null;
  /** 已结算至方数 (R-QRY-01): the reading up to which gas has been paid. */
  settledReading: CentiM3;
  /** R-TKT-09: ticket volume kept for later bills. */
  prepaid: CentiM3;
  homeHallId: string;
  /** R-SEC-06: the date the account was closed (销户); null while open. */
  closedOn: string | null;
}

export interface UnpaidList {
  account: AccountSummary;
  businessDate: string;
  bills: UnpaidBill[];
  gasFen: Fen;
  lateFeeFen: Fen;
  totalFen: Fen;
}

/** loadAccount's row: the account and its meter in use (one statement, prepared once per connection: issue 13 #3). */
const LOAD_ACCOUNT_SQL = `SELECT a.id AS id, a.account_no AS accountNo, a.name AS name, a.address AS address, a.customer_type AS customerType,
    a.payment_method AS paymentMethod, a.category AS category, a.settled_reading_centi AS settledReading,
    a.prepaid_volume_centi AS prepaid, a.home_hall_id AS homeHallId,
    (SELECT c.closed_on FROM account_closures c WHERE c.account_id = a.id AND c.state = '已销户') AS closedOn
  FROM accounts a WHERE a.id = ?`;
const ACTIVE_METER_SQL = 'SELECT status, latest_reading_centi AS latestReadingCenti FROM meters WHERE account_id = ? AND active = 1';

export function loadAccount(tx: Tx, accountId: string): AccountSummary {
  const row = statementOf(tx, LOAD_ACCOUNT_SQL).get(accountId) as
    | { id: string; accountNo: string; name: string; address: string; customerType: string; paymentMethod: string; category: string; settledReading: number; prepaid: number; homeHallId: string; closedOn: string | null }
    | undefined;
  if (!row) throw new DomainError('NOT_FOUND', '未找到该用户，请重新检索', 'accountId');
  const meter = statementOf(tx, ACTIVE_METER_SQL).get(accountId) as { status: string; latestReadingCenti: number } | undefined;
  return { ...row, id: asAccountId(row.id), settledReading: centiM3(row.settledReading), prepaid: centiM3(row.prepaid), meterStatus: meter?.status ?? null, latestReading: centiM3OrNull(meter?.latestReadingCenti ?? null) };
}

/**
 * R-SEC-06: a closed account (销户) cannot be reconnected and takes no later business: every use case that writes
 * for an account loads it through here (the database refuses too: migration arrears_closure_guards).
 */
export function loadOpenAccount(tx: Tx, accountId: string): AccountSummary {
  const account = loadAccount(tx, accountId);
  if (account.closedOn !== null) {
    throw new DomainError('ACCOUNT_CLOSED', `用户 ${account.accountNo} 已于 ${account.closedOn} 销户，不能再办理任何业务（销户后不可复接，R-SEC-06）`, 'accountId');
  }
  return account;
}

/** The account's meter in use (a replaced meter is kept, inactive). */
export function activeMeter(tx: ReadTx, accountId: string) {
  return tx
    .select()
    .from(meters)
    .where(and(eq(meters.accountId, accountId), eq(meters.active, true)))
    .get();
}

type MeterRow = typeof meters.$inferSelect;

/** The reading a new bill continues from: the meter's latest, or the last bill's on it (a corrected one does not count). */
export function billingStart(tx: Tx, meter: MeterRow): CentiM3 {
  const lastBill = tx
    .select({ thisReading: bills.thisReadingCenti })
    .from(bills)
    .where(and(eq(bills.meterId, meter.id), ne(bills.status, '已更正')))
    .orderBy(desc(bills.readingDate), desc(bills.createdAt))
    .limit(1)
    .get();
  return centiM3(Math.max(meter.latestReadingCenti, lastBill?.thisReading ?? meter.baseReadingCenti));
}

/** the unit price of a customer category on a date (fen per m³). */
export function priceOn(tx: ReadTx, category: string, date: string): number {
  return tariffOn(tx, category, date).priceFenPerM3;
}

/** the tariff of a customer category on a date, with its tier bands (none by default). */
export function tariffOn(tx: ReadTx, category: string, date: string): { id: string; priceFenPerM3: number; tiers: Tier[] } {
  const tariff = tx
    .select()
    .from(tariffs)
    .where(and(eq(tariffs.category, category as '普通用户' | '公建用户'), lte(tariffs.effectiveFrom, date)))
    .orderBy(desc(tariffs.effectiveFrom))
    .limit(1)
    .get();
  if (!tariff) throw new DomainError('NO_TARIFF', `没有 ${date} 适用的${category}气价，请联系管理员`);
  const tiers = tx
    .select({ fromCenti: tariffTiers.fromCenti, priceFenPerM3: tariffTiers.priceFenPerM3 })
    .from(tariffTiers)
    .where(eq(tariffTiers.tariffId, tariff.id))
    .orderBy(asc(tariffTiers.fromCenti))
    .all();
  return { id: tariff.id, priceFenPerM3: tariff.priceFenPerM3, tiers: tiers.map((t) => ({ ...t, fromCenti: centiM3(t.fromCenti) })) };
}

/** The account's consumption billed earlier in the calendar year of `date` (split parts counted once, corrected bills and `except` not at all). */
function yearToDate(tx: ReadTx, accountId: string, date: string, except?: string): CentiM3 {
  const row = tx
    .select({ total: sql<number>`coalesce(sum(${bills.consumptionCenti}), 0)` })
    .from(bills)
    .where(
      and(
        eq(bills.accountId, accountId),
        isNull(bills.splitFrom),
        ne(bills.status, '已更正'),
        except ? ne(bills.id, except) : undefined,
        gte(bills.readingDate, `${date.slice(0, 4)}-01-01`),
        lte(bills.readingDate, date),
      ),
    )
    .get();
  return centiM3(Number(row?.total ?? 0));
}

/**
 * A-35 at the counter: the account's monthly average (average billed consumption per reading, over the months
 * one reading covers by its 抄表周期) and the months since its last reading, whole months rounded, at least one.
 * Split parts, corrected bills and `except` (a bill being corrected) do not count.
 */
export function readingHistory(tx: ReadTx, accountId: string, readingDate: string, except?: string): { monthlyAverageCenti: CentiM3; months: number } {
  const row = tx
    .select({ avg: sql<number | null>`avg(${bills.consumptionCenti})`, last: sql<string | null>`max(${bills.readingDate})` })
    .from(bills)
    .where(and(eq(bills.accountId, accountId), isNull(bills.splitFrom), ne(bills.status, '已更正'), except ? ne(bills.id, except) : undefined))
    .get();
  const cycle = tx.select({ readingCycle: accounts.readingCycle }).from(accounts).where(eq(accounts.id, accountId)).get();
  const perReading = row?.avg === null || row?.avg === undefined ? 0 : Number(row.avg);
  const monthlyAverageCenti = Math.round(perReading / (cycle?.readingCycle === '每月' ? 1 : 2));
  const months = row?.last ? Math.max(1, Math.round(daysBetween(row.last, readingDate) / 30)) : 1;
  return { monthlyAverageCenti: centiM3(monthlyAverageCenti), months };
}

/**
 * issue 10 #5: a counter reading far outside the history is refused with NEEDS_CONFIRMATION until the
 * clerk confirms it; returns what is stored with the bill (null when nothing was unusual).
 */
export function confirmReading(
  tx: ReadTx,
  { settings }: ServiceDeps,
  input: { accountId: string; usedCenti: CentiM3; readingDate: string; confirmed: boolean; except?: string },
): string | null {
  const unusual = unusualReading(input.usedCenti, readingHistory(tx, input.accountId, input.readingDate, input.except), settings.largeVolume);
  if (unusual === null) return null;
  if (!input.confirmed) throw new DomainError('NEEDS_CONFIRMATION', readingConfirmationPrompt(unusual), 'reading');
  return readingConfirmationRecord(unusual);
}

/**
 * Creates an unpaid bill from `billingStart` to `reading`, priced at the tariff of the reading date
 * due after the configured days, and moves the meter's latest reading.
 */
export function insertBill(
  tx: Tx,
  { settings }: ServiceDeps,
  actor: Actor,
  now: Date,
  input: {
    accountId: string;
    category: string;
    meter: MeterRow;
    reading: CentiM3;
    source: ReadingSource;
    readingDate?: string;
    estimated?: boolean;
    reader?: string;
    confirmation?: string | null;
    /** A corrected reading replaces this bill: it starts where the bill started, whose volume no longer counts. */
    replaces?: { billId: string; previous: CentiM3 };
  },
) {
  const readingDate = input.readingDate ?? businessDateOf(now);
  const previous = input.replaces?.previous ?? billingStart(tx, input.meter);
  const used = consumption(previous, input.reading);
  if (used === 0) {
    throw new DomainError('VALIDATION', `本次立方数与上次读数 ${formatVolume(previous)} 相同，没有需要缴纳的气费 (R-PAY-03)`, 'reading');
  }
  const tariff = tariffOn(tx, input.category, readingDate);
  const priced = priceConsumption(used, yearToDate(tx, input.accountId, readingDate, input.replaces?.billId), tariff.priceFenPerM3, tariff.tiers);
  const row = {
    id: uuidv7(now.getTime()),
    accountId: input.accountId,
    meterId: input.meter.id,
    readingDate,
    previousReadingCenti: previous,
    thisReadingCenti: input.reading,
    consumptionCenti: used,
    priceFenPerM3: priced.marginalPriceFenPerM3,
    amountFen: priced.amountFen,
    pricing: pricingText(priced, tariff.tiers.length > 0),
    dueDate: addDays(readingDate, settings.billDueDays),
    source: input.source,
    estimated: input.estimated ?? false,
    reader: input.reader ?? actor.staffName,
    status: '未缴' as const,
    confirmation: input.confirmation ?? null,
    createdBy: actor.staffId,
  };
  tx.insert(bills).values(row).run();
  tx.update(meters).set({ latestReadingCenti: input.reading }).where(eq(meters.id, input.meter.id)).run();
  return { row, previous };
}

/** One bill of a bulk 入库: the reading of a meter (each meter at most once per call). */
export interface BulkBillInput {
  accountId: string;
  category: string;
  meter: MeterRow;
  /** Where the bill starts: the meter's billingStart (billingStarts gives them for a batch). */
  previous: CentiM3;
  reading: CentiM3;
  readingDate: string;
  estimated: boolean;
}

/**
 * billingStart of many meters at once (issue 13 #4): the last bill on each meter (a corrected one does not
 * count, by reading date then creation) in one statement over the bills instead of one per meter.
 */
export function billingStarts(client: Database.Database, batchMeters: readonly MeterRow[]): Map<string, CentiM3> {
  if (batchMeters.length === 0) return new Map();
  client.exec('CREATE TEMP TABLE IF NOT EXISTS bulk_start_meters (meter_id TEXT PRIMARY KEY); DELETE FROM temp.bulk_start_meters;');
  const add = client.prepare('INSERT OR IGNORE INTO temp.bulk_start_meters (meter_id) VALUES (?)');
  for (const m of batchMeters) add.run(m.id);
  const last = new Map(
    (client
      .prepare(
        `SELECT meter_id AS meterId, this_reading_centi AS reading FROM (
           SELECT b.meter_id, b.this_reading_centi, row_number() OVER (PARTITION BY b.meter_id ORDER BY b.reading_date DESC, b.created_at DESC) AS rn
           FROM bills b WHERE b.meter_id IN (SELECT meter_id FROM temp.bulk_start_meters) AND b.status <> '已更正') WHERE rn = 1`,
      )
      .all() as { meterId: string; reading: number }[]).map((r) => [r.meterId, r.reading]),
  );
  client.exec('DELETE FROM temp.bulk_start_meters;');
  return new Map(batchMeters.map((m) => [m.id, centiM3(Math.max(m.latestReadingCenti, last.get(m.id) ?? m.baseReadingCenti))]));
}

/**
 * Issue 13 #4: `insertBill` for many meters at once (the handheld 入库), with the same figures: each bill
 * starts at its meter's `billingStart` and is priced at the tariff of its reading date with the account's
 * volume billed earlier that year. The year's volumes are read with one statement over the batch, the bills are written with one INSERT…SELECT and the meters with one UPDATE…FROM;
 * the ids are time-ordered. Returns the new bills' ids, in the order of `inputs`.
 */
export function insertBillsInBulk(tx: Tx, client: Database.Database, { settings }: ServiceDeps, actor: Actor, now: Date, inputs: readonly BulkBillInput[], reader: string, source: ReadingSource): string[] {
  if (inputs.length === 0) return [];
  if (new Set(inputs.map((i) => i.meter.id)).size !== inputs.length) throw new Error('insertBillsInBulk: a meter twice in one call');
  client.exec(`CREATE TEMP TABLE IF NOT EXISTS bulk_bill_inputs (k INTEGER PRIMARY KEY, account_id TEXT NOT NULL, reading_date TEXT NOT NULL);
    CREATE TEMP TABLE IF NOT EXISTS bulk_bills (k INTEGER PRIMARY KEY, id TEXT NOT NULL, account_id TEXT NOT NULL, meter_id TEXT NOT NULL, reading_date TEXT NOT NULL,
      previous INTEGER NOT NULL, this_reading INTEGER NOT NULL, used INTEGER NOT NULL, price INTEGER NOT NULL, amount INTEGER NOT NULL, pricing TEXT NOT NULL,
      due_date TEXT NOT NULL, estimated INTEGER NOT NULL);
    DELETE FROM temp.bulk_bill_inputs; DELETE FROM temp.bulk_bills;`);
  const input = client.prepare('INSERT INTO temp.bulk_bill_inputs (k, account_id, reading_date) VALUES (?, ?, ?)');
  inputs.forEach((i, k) => input.run(k, i.accountId, i.readingDate));
  // yearToDate: the account's volume billed earlier in the reading's calendar year (split parts once, corrected bills not)
  const yearSoFar = client
    .prepare(
      `SELECT (SELECT coalesce(sum(b.consumption_centi), 0) FROM bills b
               WHERE b.account_id = t.account_id AND b.split_from IS NULL AND b.status <> '已更正'
                 AND b.reading_date >= substr(t.reading_date, 1, 4) || '-01-01' AND b.reading_date <= t.reading_date)
       FROM temp.bulk_bill_inputs t ORDER BY t.k`,
    )
    .pluck()
    .all() as number[];
  const tariffs = new Map<string, ReturnType<typeof tariffOn>>();
  const bill = client.prepare(
    'INSERT INTO temp.bulk_bills (k, id, account_id, meter_id, reading_date, previous, this_reading, used, price, amount, pricing, due_date, estimated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const ids = inputs.map((i, k) => {
    const previous = i.previous;
    const used = consumption(previous, i.reading);
    if (used === 0) throw new DomainError('VALIDATION', `本次立方数与上次读数 ${formatVolume(previous)} 相同，没有需要缴纳的气费 (R-PAY-03)`, 'reading');
    const key = `${i.category} ${i.readingDate}`;
    const tariff = tariffs.get(key) ?? tariffOn(tx, i.category, i.readingDate);
    tariffs.set(key, tariff);
    const priced = priceConsumption(used, centiM3(Number(yearSoFar[k] ?? 0)), tariff.priceFenPerM3, tariff.tiers);
    const id = uuidv7(now.getTime());
    bill.run(k, id, i.accountId, i.meter.id, i.readingDate, previous, i.reading, used, priced.marginalPriceFenPerM3, priced.amountFen, pricingText(priced, tariff.tiers.length > 0), addDays(i.readingDate, settings.billDueDays), i.estimated ? 1 : 0);
    return id;
  });
  client
    .prepare(
      `INSERT INTO bills (id, account_id, meter_id, reading_date, previous_reading_centi, this_reading_centi, consumption_centi, price_fen_per_m3, amount_fen,
         pricing, due_date, source, estimated, reader, status, confirmation, created_by)
       SELECT id, account_id, meter_id, reading_date, previous, this_reading, used, price, amount, pricing, due_date, ?, estimated, ?, '未缴', NULL, ? FROM temp.bulk_bills ORDER BY k`,
    )
    .run(source, reader, actor.staffId);
  client.prepare('UPDATE meters SET latest_reading_centi = t.this_reading FROM temp.bulk_bills t WHERE meters.id = t.meter_id').run();
  client.exec('DELETE FROM temp.bulk_bill_inputs; DELETE FROM temp.bulk_bills;');
  return ids;
}

/** Prices one unpaid bill as of the payment date. */
export function priceBill(bill: typeof bills.$inferSelect, businessDate: string): UnpaidBill {
  const days = overdueDays(bill.dueDate, businessDate);
  const gas = fen(bill.amountFen);
  const late = lateFeeFen(gas, days);
  return {
    id: asBillId(bill.id),
    readingDate: bill.readingDate,
    previousReading: centiM3(bill.previousReadingCenti),
    thisReading: centiM3(bill.thisReadingCenti),
    consumption: centiM3(bill.consumptionCenti),
    priceFenPerM3: bill.priceFenPerM3,
    gasFen: gas,
    dueDate: bill.dueDate,
    overdueDays: days,
    lateFeeFen: late,
    totalFen: addFen(gas, late),
    source: bill.source,
    estimated: bill.estimated,
    pricing: bill.pricing || `${formatVolume(bill.consumptionCenti)} m³ × ${formatYuan(bill.priceFenPerM3)} = ${formatYuan(bill.amountFen)}`,
    lateFeeTrace: lateFeeTrace(bill.amountFen, days),
  };
}

/** The account's unpaid bills as arrears lines, oldest first: what every arrears check looks at (R-SEC-08). */
export function unpaidLines(tx: ReadTx, accountId: string): { readingDate: string; amountFen: Fen }[] {
  return tx
    .select({ readingDate: bills.readingDate, amountFen: bills.amountFen })
    .from(bills)
    .where(and(eq(bills.accountId, accountId), eq(bills.status, '未缴')))
    .orderBy(asc(bills.readingDate))
    .all()
    .map((l) => ({ ...l, amountFen: fen(l.amountFen) }));
}

const BILL_COLUMNS = `id, account_id AS accountId, meter_id AS meterId, reading_date AS readingDate, previous_reading_centi AS previousReadingCenti,
  this_reading_centi AS thisReadingCenti, consumption_centi AS consumptionCenti, price_fen_per_m3 AS priceFenPerM3, amount_fen AS amountFen,
  due_date AS dueDate, source, estimated, reader, status, paid_payment_id AS paidPaymentId, split_from AS splitFrom, pricing, confirmation,
  created_by AS createdBy, created_at AS createdAt`;
const UNPAID_ORDER = 'ORDER BY reading_date, previous_reading_centi, created_at';
const UNPAID_BILLS_SQL = `SELECT ${BILL_COLUMNS} FROM bills WHERE account_id = ? AND status = '未缴' ${UNPAID_ORDER}`;
/** The chosen ids as one JSON array: one statement for any number of bills. */
const UNPAID_CHOSEN_SQL = `SELECT ${BILL_COLUMNS} FROM bills WHERE account_id = ? AND status = '未缴' AND id IN (SELECT value FROM json_each(?)) ${UNPAID_ORDER}`;

/** The account's unpaid bills (those of `ids` only, when given), oldest first; statements prepared once (issue 13 #3). */
export function unpaidBillRows(tx: Tx, accountId: AccountId, ids?: readonly BillId[]): (typeof bills.$inferSelect)[] {
  const rows = (ids ? statementOf(tx, UNPAID_CHOSEN_SQL).all(accountId, JSON.stringify(ids)) : statementOf(tx, UNPAID_BILLS_SQL).all(accountId)) as (Omit<
    typeof bills.$inferSelect,
    'estimated'
  > & { estimated: number })[];
  return rows.map((r) => ({ ...r, estimated: r.estimated === 1 }));
}

export function unpaidList({ db, clock }: ServiceDeps, accountId: AccountId): UnpaidList {
  const businessDate = businessDateOf(clock.now());
  return db.transaction((tx) => {
    const account = loadAccount(tx, accountId);
    const priced = unpaidBillRows(tx, accountId).map((b) => priceBill(b, businessDate));
    return {
      account,
      businessDate,
      bills: priced,
      gasFen: sumFen(priced.map((b) => b.gasFen)),
      lateFeeFen: sumFen(priced.map((b) => b.lateFeeFen)),
      totalFen: sumFen(priced.map((b) => b.totalFen)),
    };
  });
}

export type CounterReadingSource = Extract<ReadingSource, 'notice' | 'reader_phone' | 'self_reported'>;

/**
 * R-PAY-03/04: the reading on the notice (or phoned in by the reader, or stated by the customer) is typed
 * into 本次立方数; the system creates the reading record and its charge (A-11, A-12 pricing).
 */
export function enterCounterReading(
  deps: ServiceDeps,
  actor: Actor,
  input: { accountId: string; reading: CentiM3; source: CounterReadingSource; confirmUnusual?: boolean },
): UnpaidBill {
  const { db, clock } = deps;
  const now = clock.now();
  const readingDate = businessDateOf(now);
  return db.transaction(
    (tx) => {
      const account = loadOpenAccount(tx, input.accountId); // R-SEC-06
      if (account.customerType !== '抄表') {
        throw new DomainError('VALIDATION', 'IC卡用户不抄表，请到卡务窗口读卡充值 (R-IC-01)', 'reading');
      }
      const meter = activeMeter(tx, input.accountId);
      if (!meter || meter.kind !== '普通表') throw new DomainError('VALIDATION', '该用户没有在用的普通表', 'reading');
      if (meter.status !== '通气') {
        throw new DomainError('VALIDATION', `表状态为「${meter.status}」，不能录入读数收费 (R-PAY-03)`, 'reading');
      }
      const used = consumption(billingStart(tx, meter), input.reading);
      const confirmation = used > 0 ? confirmReading(tx, deps, { accountId: input.accountId, usedCenti: used, readingDate, confirmed: input.confirmUnusual === true }) : null;
      const { row, previous } = insertBill(tx, deps, actor, now, {
        accountId: input.accountId,
        category: account.category,
        meter,
        reading: input.reading,
        source: input.source,
        confirmation,
      });
      appendAudit(
        tx,
        {
          actorId: actor.staffId,
          action: 'bill.counter_reading',
          entity: 'bill',
          entityId: row.id,
          detail: { accountId: input.accountId, previous, reading: input.reading, source: input.source, amountFen: row.amountFen, confirmation },
        },
        now,
      );
      const created = tx.select().from(bills).where(eq(bills.id, row.id)).get();
      if (!created) throw new DomainError('INTERNAL', '读数保存失败');
      return priceBill(created, readingDate);
    },
    { behavior: 'immediate' },
  );
}
