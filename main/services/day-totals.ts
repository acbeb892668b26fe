/**
 * Issue 13 #2: the per-day totals (day_totals, day_ticket_totals, day_invoice_totals) that 日结, 日收银报表,
 * 收银统计报表, the month-end report and the day's status read are kept by insert triggers on the ledger
 * (migration 0039). This recomputes them from the ledger, on demand, and compares them to the fen.
 */
import { sql, type SQL } from 'drizzle-orm';
import { isValidDate } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import type { ServiceDeps } from './context.js';

export type TotalsTable = 'day_totals' | 'day_ticket_totals' | 'day_invoice_totals';

export interface TotalsMismatch {
  table: TotalsTable;
  /** The cell's key, its columns joined by " / ". */
  key: string;
  /** The cell's figures recomputed from the ledger (null: the ledger has no such cell). */
  ledger: Record<string, number> | null;
  /** The cell's figures as kept (null: no such cell is kept). */
  totals: Record<string, number> | null;
}

export interface TotalsCheck {
  ok: boolean;
  /** Cells compared (ledger and kept, each counted once). */
  cells: number;
  mismatches: TotalsMismatch[];
}

const SIGN = 'CASE WHEN p.reverses_payment_id IS NULL THEN 1 ELSE -1 END';

interface Source {
  table: TotalsTable;
  keys: string[];
  figures: string[];
  ledger: (date: SQL) => SQL;
  kept: (date: SQL) => SQL;
}

const SOURCES: Source[] = [
  {
    table: 'day_totals',
    keys: ['hall_id', 'business_date', 'clerk_id', 'counter_id', 'method', 'charge_type', 'invoice_category'],
    figures: ['count', 'gas_fen', 'late_fee_fen', 'fee_fen', 'total_fen', 'tendered_fen', 'change_fen', 'ticket_fen', 'ticket_cash_fen'],
    ledger: (date) => sql`
      SELECT hall_id, business_date, clerk_id, counter_id, method, charge_type, invoice_category, count(*) AS count,
             sum(gas_fen) AS gas_fen, sum(late_fee_fen) AS late_fee_fen, sum(fee_fen) AS fee_fen, sum(total_fen) AS total_fen,
             sum(tendered_fen) AS tendered_fen, sum(change_fen) AS change_fen, sum(ticket_fen) AS ticket_fen, sum(ticket_cash_fen) AS ticket_cash_fen
      FROM payments WHERE hall_id IN (SELECT id FROM halls) ${date}
      GROUP BY hall_id, business_date, clerk_id, counter_id, method, charge_type, invoice_category`,
    kept: (date) => sql`
      SELECT hall_id, business_date, clerk_id, counter_id, method, charge_type, invoice_category, count, gas_fen, late_fee_fen, fee_fen,
             total_fen, tendered_fen, change_fen, ticket_fen, ticket_cash_fen
      FROM day_totals WHERE 1 = 1 ${date}`,
  },
  {
    table: 'day_ticket_totals',
    keys: ['hall_id', 'business_date', 'clerk_id', 'kind'],
    figures: ['count', 'volume_centi', 'value_fen'],
    // as the 日收银报表 counts them: a payment's tickets, and negated for the 冲正 of that payment
    ledger: (date) => sql`
      SELECT p.hall_id AS hall_id, p.business_date AS business_date, p.clerk_id AS clerk_id, t.kind AS kind,
             sum(${sql.raw(SIGN)} * t.count) AS count, sum(${sql.raw(SIGN)} * t.volume_centi) AS volume_centi, sum(${sql.raw(SIGN)} * t.value_fen) AS value_fen
      FROM payments p JOIN ticket_tenders t ON t.payment_id = coalesce(p.reverses_payment_id, p.id)
      WHERE p.hall_id IN (SELECT id FROM halls) ${date}
      GROUP BY p.hall_id, p.business_date, p.clerk_id, t.kind`,
    kept: (date) => sql`SELECT hall_id, business_date, clerk_id, kind, count, volume_centi, value_fen FROM day_ticket_totals WHERE 1 = 1 ${date}`,
  },
  {
    table: 'day_invoice_totals',
    keys: ['clerk_id', 'business_date', 'category'],
    figures: ['count', 'amount_fen'],
    ledger: (date) => sql`
      SELECT clerk_id, business_date, category, count(*) AS count, sum(amount_fen) AS amount_fen
      FROM invoices WHERE 1 = 1 ${date} GROUP BY clerk_id, business_date, category`,
    kept: (date) => sql`SELECT clerk_id, business_date, category, count, amount_fen FROM day_invoice_totals WHERE 1 = 1 ${date}`,
  },
];

type Row = Record<string, string | number>;

/**
 * Recomputes every kept cell (of one business day, or of all) from the ledger and compares them to the fen:
 * ok only when both sides have the same cells with the same figures.
 */
export function verifyDayTotals(deps: Pick<ServiceDeps, 'db'>, date?: string): TotalsCheck {
  if (date !== undefined && !isValidDate(date)) throw new DomainError('VALIDATION', '日期格式为 YYYY-MM-DD', 'date');
  const mismatches: TotalsMismatch[] = [];
  let cells = 0;
  for (const src of SOURCES) {
    const onDate = (col: string) => (date === undefined ? sql`` : sql`AND ${sql.raw(col)} = ${date}`);
    const ledgerRows = deps.db.all<Row>(src.ledger(onDate(src.table === 'day_ticket_totals' ? 'p.business_date' : 'business_date')));
    const keptRows = deps.db.all<Row>(src.kept(onDate('business_date')));
    const keyOf = (r: Row) => src.keys.map((k) => String(r[k])).join(' / ');
    const figuresOf = (r: Row | undefined) => (r === undefined ? null : Object.fromEntries(src.figures.map((f) => [f, Number(r[f])])));
    const ledger = new Map(ledgerRows.map((r) => [keyOf(r), r]));
    const kept = new Map(keptRows.map((r) => [keyOf(r), r]));
    for (const key of new Set([...ledger.keys(), ...kept.keys()])) {
      cells++;
      const a = figuresOf(ledger.get(key));
      const b = figuresOf(kept.get(key));
      if (a === null || b === null || src.figures.some((f) => a[f] !== b[f])) mismatches.push({ table: src.table, key, ledger: a, totals: b });
    }
  }
  return { ok: mismatches.length === 0, cells, mismatches };
}
