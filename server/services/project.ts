/**
 * Issue 14: applying a push's stored events to the central rows and the money projection, inside the push's
 * transaction, set-wise (a handful of statements per batch rather than several per event). Phases, in an order
 * that keeps the rules of applying event by event:
 *   1. rows: every event but the guarded master tables (bills, businesses) upserted, the changed ones fed;
 *   2. payments projected; a 冲正 releases the bills its reversed payment held;
 *   3. bill claims from payment items (the first payment in server order holds a bill);
 *   4. bills, in seq order, through the money rule; 5. businesses, through the duplicate check.
 * Money rules (never silent):
 *  - a bill is held by the first payment (server order) whose item pays it (bill_claims); a later payment of the
 *    same bill from another counter stands too, and its amount becomes a credit (预存) on the 异常 list
 *    (double_payment); the central bill row keeps the first payment;
 *  - a change that would take a 收讫 bill off the payment that holds it (back to 未缴, or onto another payment)
 *    is refused unless that payment was reversed (冲正); the central row flows down again;
 *  - a second open business of the same type for one account is flagged (duplicate_business).
 */
import { formatYuan } from '../../preload/kernel/money.js';
import { isMasterTable, isUpstreamOnlyTable, type Anomaly, type SyncEvent } from '../protocol/index.js';
import type { Client } from '../db/pool.js';
import { recordAnomaly, type NewAnomaly } from './anomalies.js';
import { appendFeed } from './feed-write.js';
import type { Device } from './devices.js';

export interface ApplyContext {
  client: Client;
  device: Device;
  conflicts: Anomaly[];
}

interface PaymentFacts {
  account_id: string;
  reverses_payment_id: string | null;
  business_date: string;
  counter_id: string;
}

type Row = SyncEvent['row'];

const OPEN_BUSINESS_STATES = new Set(['已受理', '已派工', '顺延', '待重新派工']);

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null);
const int = (value: unknown): number => (typeof value === 'number' && Number.isSafeInteger(value) ? value : 0);

async function flag(ctx: ApplyContext, anomaly: Omit<NewAnomaly, 'companyId' | 'deviceId'>): Promise<void> {
  const recorded = await recordAnomaly(ctx.client, { ...anomaly, companyId: ctx.device.companyId, deviceId: ctx.device.deviceId });
  if (recorded) ctx.conflicts.push(recorded);
}

interface RowWrite {
  table: string;
  rowKey: string;
  rowId: string;
  /** The hall stored with the row (null: company-wide master data). */
  hallId: string | null;
  rowJson: string;
  op: SyncEvent['op'];
  /** Whether a changed row goes to the feed (not for upstream-only tables). */
  feed: boolean;
  /** The feed's origin: the pushing device, or null when every counter must get the row (a merged master row). */
  origin: string | null;
}

/**
 * Upserts rows set-wise; the ones that changed (new, or other content) are appended to the feed in the given
 * order, with the row's hall (null for master rows). The same key twice: the last one wins. Locks are taken in key
 * order, so two batches touching the same rows cannot deadlock on them.
 */
async function upsertRows(ctx: ApplyContext, writes: RowWrite[]): Promise<void> {
  if (writes.length === 0) return;
  const last = new Map<string, RowWrite>();
  for (const w of writes) {
    const key = `${w.table}\u0000${w.rowKey}`;
    last.delete(key);
    last.set(key, w);
  }
  const list = [...last.values()];
  await ctx.client.query(
    `WITH input AS (
       SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bool[], $10::text[])
         WITH ORDINALITY AS u(table_name, row_key, row_id, hall_id, row, op, feed, origin, ord)),
     changed AS (
       INSERT INTO rows (company_id, table_name, row_key, hall_id, row, origin_device_id)
       SELECT $1, table_name, row_key, hall_id, row::jsonb, $9 FROM input ORDER BY table_name, row_key COLLATE "C"
       ON CONFLICT (company_id, table_name, row_key) DO UPDATE
         SET row = excluded.row, hall_id = excluded.hall_id, origin_device_id = excluded.origin_device_id, updated_at = now()
         WHERE rows.row IS DISTINCT FROM excluded.row
       RETURNING table_name, row_key, row)
     INSERT INTO feed (company_id, hall_id, table_name, op, row_id, row, origin_device_id)
     SELECT $1, i.hall_id, c.table_name, i.op, i.row_id, c.row, i.origin
       FROM changed c JOIN input i ON i.table_name = c.table_name AND i.row_key COLLATE "C" = c.row_key
      WHERE i.feed ORDER BY i.ord`,
    [
      ctx.device.companyId,
      list.map((w) => w.table),
      list.map((w) => w.rowKey),
      list.map((w) => w.rowId),
      list.map((w) => w.hallId),
      list.map((w) => w.rowJson),
      list.map((w) => w.op),
      list.map((w) => w.feed),
      ctx.device.deviceId,
      list.map((w) => w.origin),
    ],
  );
}

function rowWrite(ctx: ApplyContext, e: SyncEvent): RowWrite {
  const rowJson = JSON.stringify(e.row);
  if (isUpstreamOnlyTable(e.table)) {
    return { table: e.table, rowKey: `${ctx.device.deviceId}/${e.rowId}`, rowId: e.rowId, hallId: e.hallId ?? ctx.device.hallId, rowJson, op: e.op, feed: false, origin: ctx.device.deviceId };
  }
  const hallId = isMasterTable(e.table) ? null : (e.hallId ?? ctx.device.hallId);
  return { table: e.table, rowKey: e.rowId, rowId: e.rowId, hallId, rowJson, op: e.op, feed: true, origin: ctx.device.deviceId };
}

const isMerge = (e: SyncEvent): boolean => e.op === 'update' && e.base !== undefined && isMasterTable(e.table);

/**
 * Master-row updates that carry their `base`: only the columns the counter changed (row ≠ base) are applied onto
 * the central row (locked, in key order), in seq order; a merged row that differs from the counter's goes to every
 * counter (origin null).
 */
async function mergeWrites(ctx: ApplyContext, merges: SyncEvent[]): Promise<RowWrite[]> {
  if (merges.length === 0) return [];
  const { rows } = await ctx.client.query<{ table_name: string; row_key: string; row: Row }>(
    `SELECT table_name, row_key, row FROM rows WHERE company_id = $1 AND table_name = ANY($2::text[]) AND row_key = ANY($3::text[])
      ORDER BY table_name, row_key FOR UPDATE`,
    [ctx.device.companyId, [...new Set(merges.map((e) => e.table))], [...new Set(merges.map((e) => e.rowId))]],
  );
  const current = new Map(rows.map((r) => [`${r.table_name}\u0000${r.row_key}`, r.row]));
  return merges.map((e) => {
    const key = `${e.table}\u0000${e.rowId}`;
    const central = current.get(key);
    const base = e.base ?? {};
    let merged: Row = e.row;
    if (central) {
      merged = { ...central };
      for (const [column, value] of Object.entries(e.row)) {
        if (!(column in base) || base[column] !== value) merged[column] = value;
      }
    }
    current.set(key, merged);
    const same = Object.keys(merged).length === Object.keys(e.row).length && Object.entries(merged).every(([k, v]) => e.row[k] === v);
    return { ...rowWrite(ctx, e), rowJson: JSON.stringify(merged), origin: same ? ctx.device.deviceId : null };
  });
}

/** Sends the central row down to every counter, the pushing one included (origin null): its change was refused. */
async function feedCentral(ctx: ApplyContext, table: string, rowId: string, row: Row): Promise<void> {
  await appendFeed(ctx.client, { companyId: ctx.device.companyId, hallId: null, table, op: 'update', rowId, rowJson: JSON.stringify(row), originDeviceId: null });
}

function paymentFacts(ctx: ApplyContext, e: SyncEvent): PaymentFacts {
  return {
    account_id: str(e.row['account_id']) ?? '',
    reverses_payment_id: str(e.row['reverses_payment_id']),
    business_date: str(e.row['business_date']) ?? e.businessDate ?? '',
    counter_id: str(e.row['counter_id']) ?? ctx.device.counterId,
  };
}

/** Phase 2: the payment projection (each payment once), and the bills of reversed payments released. */
async function projectPayments(ctx: ApplyContext, payments: SyncEvent[], facts: Map<string, PaymentFacts>): Promise<void> {
  if (payments.length === 0) return;
  const f = payments.map((e) => facts.get(e.rowId)!);
  await ctx.client.query(
    `INSERT INTO payments (company_id, id, device_id, hall_id, counter_id, account_id, business_date, method, charge_type,
       gas_fen, late_fee_fen, fee_fen, total_fen, reverses_payment_id)
     SELECT $1, u.id, $2, u.hall_id, u.counter_id, u.account_id, u.business_date, u.method, u.charge_type, u.gas, u.late, u.fee, u.total, u.reverses
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bigint[], $11::bigint[], $12::bigint[], $13::bigint[], $14::text[])
         AS u(id, hall_id, counter_id, account_id, business_date, method, charge_type, gas, late, fee, total, reverses)
     ON CONFLICT (company_id, id) DO NOTHING`,
    [
      ctx.device.companyId,
      ctx.device.deviceId,
      payments.map((e) => e.rowId),
      payments.map((e) => e.hallId ?? ctx.device.hallId),
      f.map((x) => x.counter_id),
      f.map((x) => x.account_id),
      f.map((x) => x.business_date),
      payments.map((e) => str(e.row['method']) ?? ''),
      payments.map((e) => str(e.row['charge_type']) ?? '燃气费'),
      payments.map((e) => int(e.row['gas_fen'])),
      payments.map((e) => int(e.row['late_fee_fen'])),
      payments.map((e) => int(e.row['fee_fen'])),
      payments.map((e) => int(e.row['total_fen'])),
      f.map((x) => x.reverses_payment_id),
    ],
  );
  const reversed = f.map((x) => x.reverses_payment_id).filter((x): x is string => x !== null);
  if (reversed.length > 0) {
    // 冲正: the reversed payments no longer hold their bills.
    await ctx.client.query(`DELETE FROM bill_claims WHERE company_id = $1 AND payment_id = ANY($2::text[])`, [ctx.device.companyId, reversed]);
  }
}

/** Phase 3: the first payment of a bill holds it; a later payment of the same bill is a credit (double_payment). */
async function claimBills(ctx: ApplyContext, items: SyncEvent[], facts: Map<string, PaymentFacts>, reversedInBatch: Set<string>): Promise<void> {
  const claims = items
    .map((e) => ({ e, billId: str(e.row['bill_id']), paymentId: str(e.row['payment_id']) }))
    .filter((c): c is { e: SyncEvent; billId: string; paymentId: string } => c.billId !== null && c.paymentId !== null);
  if (claims.length === 0) return;
  const unknown = [...new Set(claims.map((c) => c.paymentId).filter((id) => !facts.has(id)))];
  if (unknown.length > 0) {
    const { rows } = await ctx.client.query<PaymentFacts & { id: string }>(
      `SELECT id, account_id, reverses_payment_id, business_date, counter_id FROM payments WHERE company_id = $1 AND id = ANY($2::text[])`,
      [ctx.device.companyId, unknown],
    );
    for (const r of rows) facts.set(r.id, r);
  }
  // A 冲正's negated items pay nothing; a payment reversed in this same batch holds nothing.
  const paying = claims.filter((c) => !facts.get(c.paymentId)?.reverses_payment_id && !reversedInBatch.has(c.paymentId));
  if (paying.length === 0) return;
  const { rows: inserted } = await ctx.client.query<{ bill_id: string; payment_id: string }>(
    `INSERT INTO bill_claims (company_id, bill_id, payment_id, device_id)
     SELECT DISTINCT ON (u.bill_id) $1, u.bill_id, u.payment_id, $2 FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS u(bill_id, payment_id, ord)
      ORDER BY u.bill_id, u.ord
     ON CONFLICT DO NOTHING RETURNING bill_id, payment_id`,
    [ctx.device.companyId, ctx.device.deviceId, paying.map((c) => c.billId), paying.map((c) => c.paymentId)],
  );
  const took = new Set(inserted.map((r) => `${r.bill_id}\u0000${r.payment_id}`));
  const others = paying.filter((c) => !took.has(`${c.billId}\u0000${c.paymentId}`));
  if (others.length === 0) return;
  const { rows: holders } = await ctx.client.query<{ bill_id: string; payment_id: string }>(
    `SELECT bill_id, payment_id FROM bill_claims WHERE company_id = $1 AND bill_id = ANY($2::text[])`,
    [ctx.device.companyId, [...new Set(others.map((c) => c.billId))]],
  );
  const holderOf = new Map(holders.map((r) => [r.bill_id, r.payment_id]));
  for (const { e, billId, paymentId } of others) {
    const holder = holderOf.get(billId);
    if (!holder || holder === paymentId) continue;
    const payment = facts.get(paymentId);
    const amountFen = int(e.row['gas_fen']) + int(e.row['late_fee_fen']);
    await flag(ctx, {
      kind: 'double_payment',
      dedupeKey: `double_payment:${billId}:${paymentId}`,
      hallId: e.hallId ?? ctx.device.hallId,
      counterId: payment?.counter_id ?? ctx.device.counterId,
      table: 'payment_items',
      rowId: e.rowId,
      accountId: payment?.account_id ?? null,
      billId,
      paymentId,
      otherPaymentId: holder,
      amountFen,
      businessDate: payment?.business_date ?? e.businessDate ?? null,
      detail: `账单 ${billId} 已由缴费 ${holder} 收讫，本笔缴费 ${paymentId} 重复缴纳 ${formatYuan(amountFen)} 元，记为用户预存，请营业厅经理决定退款或留作预存`,
    });
  }
}

/** Phase 4: bill rows through the money rule, in seq order; the allowed ones upserted together. */
async function applyBills(ctx: ApplyContext, bills: SyncEvent[], reversedInBatch: Set<string>): Promise<void> {
  if (bills.length === 0) return;
  const ids = [...new Set(bills.map((e) => e.rowId))];
  const { rows: locked } = await ctx.client.query<{ row_key: string; row: Row }>(
    `SELECT row_key, row FROM rows WHERE company_id = $1 AND table_name = 'bills' AND row_key = ANY($2::text[]) ORDER BY row_key FOR UPDATE`,
    [ctx.device.companyId, ids],
  );
  const { rows: claims } = await ctx.client.query<{ bill_id: string; payment_id: string }>(
    `SELECT bill_id, payment_id FROM bill_claims WHERE company_id = $1 AND bill_id = ANY($2::text[])`,
    [ctx.device.companyId, ids],
  );
  const current = new Map(locked.map((r) => [r.row_key, r.row]));
  const claimOf = new Map(claims.map((r) => [r.bill_id, r.payment_id]));
  const heldIds = [...new Set([...claimOf.values(), ...locked.map((r) => str(r.row['paid_payment_id'])).filter((x): x is string => x !== null)])];
  const reversed = new Set(reversedInBatch);
  if (heldIds.length > 0) {
    const { rows } = await ctx.client.query<{ id: string }>(
      `SELECT reverses_payment_id AS id FROM payments WHERE company_id = $1 AND reverses_payment_id = ANY($2::text[])`,
      [ctx.device.companyId, heldIds],
    );
    for (const r of rows) reversed.add(r.id);
  }
  const allowed: RowWrite[] = [];
  for (const e of bills) {
    const row = current.get(e.rowId) ?? null;
    const heldBy = claimOf.get(e.rowId) ?? (row && row['status'] === '收讫' ? str(row['paid_payment_id']) : null);
    const incomingPayment = str(e.row['paid_payment_id']);
    const ok = !row || !heldBy || (e.row['status'] === '收讫' && incomingPayment === heldBy) || reversed.has(heldBy);
    if (ok) {
      allowed.push(rowWrite(ctx, e));
      current.set(e.rowId, e.row);
      continue;
    }
    await feedCentral(ctx, 'bills', e.rowId, row);
    // Paid twice: the payment items of incomingPayment raised the double_payment credit (claimBills).
    if (e.row['status'] === '收讫' && incomingPayment) continue;
    await flag(ctx, {
      kind: 'refused_change',
      dedupeKey: `refused_change:bills:${e.rowId}:${ctx.device.deviceId}:${e.seq}`,
      hallId: e.hallId ?? ctx.device.hallId,
      counterId: ctx.device.counterId,
      table: 'bills',
      rowId: e.rowId,
      accountId: str(e.row['account_id']),
      billId: e.rowId,
      otherPaymentId: heldBy,
      businessDate: e.businessDate ?? null,
      detail: `账单 ${e.rowId} 已由缴费 ${heldBy} 收讫，本柜台将其改为“${String(e.row['status'])}”的变更被拒绝，以中心记录为准`,
    });
  }
  await upsertRows(ctx, allowed);
}

/** Phase 5: an open business of the same type for the account elsewhere flags this one; then it is stored. */
async function applyBusiness(ctx: ApplyContext, e: SyncEvent): Promise<void> {
  const accountId = str(e.row['account_id']);
  const type = str(e.row['type']);
  if (e.op === 'insert' && accountId && type && OPEN_BUSINESS_STATES.has(String(e.row['state']))) {
    await ctx.client.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 14))`, [`${ctx.device.companyId}|business|${accountId}|${type}`]);
    const { rows } = await ctx.client.query<{ row_key: string }>(
      `SELECT row_key FROM rows
        WHERE company_id = $1 AND table_name = 'businesses' AND row->>'account_id' = $2 AND row->>'type' = $3
          AND row_key <> $4 AND row->>'state' = ANY($5::text[])
        ORDER BY updated_at LIMIT 1`,
      [ctx.device.companyId, accountId, type, e.rowId, [...OPEN_BUSINESS_STATES]],
    );
    const first = rows[0];
    if (first) {
      await flag(ctx, {
        kind: 'duplicate_business',
        dedupeKey: `duplicate_business:${e.rowId}`,
        hallId: e.hallId ?? ctx.device.hallId,
        counterId: ctx.device.counterId,
        table: 'businesses',
        rowId: e.rowId,
        otherRowId: first.row_key,
        accountId,
        businessDate: e.businessDate ?? null,
        detail: `用户 ${accountId} 的“${type}”业务已在其他柜台受理（${first.row_key}），本业务 ${str(e.row['business_no']) ?? e.rowId} 为重复受理，请核实后作废其一`,
      });
    }
  }
  await upsertRows(ctx, [rowWrite(ctx, e)]);
}

/** Applies a batch's fresh events (already stored in events, in seq order). */
export async function applyEvents(ctx: ApplyContext, events: SyncEvent[]): Promise<void> {
  const guarded = (e: SyncEvent) => e.table === 'bills' || e.table === 'businesses';
  const merged = await mergeWrites(ctx, events.filter((e) => !guarded(e) && isMerge(e)));
  await upsertRows(ctx, [...events.filter((e) => !guarded(e) && !isMerge(e)).map((e) => rowWrite(ctx, e)), ...merged]);
  const payments = events.filter((e) => e.table === 'payments');
  const facts = new Map(payments.map((e) => [e.rowId, paymentFacts(ctx, e)]));
  const reversedInBatch = new Set([...facts.values()].map((f) => f.reverses_payment_id).filter((x): x is string => x !== null));
  await projectPayments(ctx, payments, facts);
  await claimBills(ctx, events.filter((e) => e.table === 'payment_items'), facts, reversedInBatch);
  await applyBills(ctx, events.filter((e) => e.table === 'bills'), reversedInBatch);
  for (const e of events) if (e.table === 'businesses') await applyBusiness(ctx, e);
}
