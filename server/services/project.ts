/**
 * Issue 14: applying one stored event to the central rows and the money projection, inside the push's
 * transaction. Money rules (never silent):
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
  /** Payments reversed by a 冲正 row in this batch (their bills may go back to 未缴). */
  reversedInBatch: Set<string>;
}

type Row = SyncEvent['row'];

const OPEN_BUSINESS_STATES = new Set(['已受理', '已派工', '顺延', '待重新派工']);

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null);
const int = (value: unknown): number => (typeof value === 'number' && Number.isSafeInteger(value) ? value : 0);

async function flag(ctx: ApplyContext, anomaly: Omit<NewAnomaly, 'companyId' | 'deviceId'>): Promise<void> {
  const recorded = await recordAnomaly(ctx.client, { ...anomaly, companyId: ctx.device.companyId, deviceId: ctx.device.deviceId });
  if (recorded) ctx.conflicts.push(recorded);
}

/** Upserts the current row; true when it changed (a new row, or other content). */
async function upsertRow(ctx: ApplyContext, table: string, rowKey: string, hallId: string | null, rowJson: string): Promise<boolean> {
  const { rowCount } = await ctx.client.query(
    `INSERT INTO rows (company_id, table_name, row_key, hall_id, row, origin_device_id) VALUES ($1, $2, $3, $4, $5::jsonb, $6)
     ON CONFLICT (company_id, table_name, row_key) DO UPDATE
       SET row = excluded.row, hall_id = excluded.hall_id, origin_device_id = excluded.origin_device_id, updated_at = now()
       WHERE rows.row IS DISTINCT FROM excluded.row`,
    [ctx.device.companyId, table, rowKey, hallId, rowJson, ctx.device.deviceId],
  );
  return (rowCount ?? 0) > 0;
}

async function currentRow(ctx: ApplyContext, table: string, rowKey: string): Promise<Row | null> {
  const { rows } = await ctx.client.query<{ row: Row }>(
    `SELECT row FROM rows WHERE company_id = $1 AND table_name = $2 AND row_key = $3 FOR UPDATE`,
    [ctx.device.companyId, table, rowKey],
  );
  return rows[0]?.row ?? null;
}

/** Sends the central row down to every counter, the pushing one included (origin null): its change was refused. */
async function feedCentral(ctx: ApplyContext, table: string, rowId: string, row: Row): Promise<void> {
  await appendFeed(ctx.client, { companyId: ctx.device.companyId, hallId: null, table, op: 'update', rowId, rowJson: JSON.stringify(row), originDeviceId: null });
}

async function isReversed(ctx: ApplyContext, paymentId: string): Promise<boolean> {
  if (ctx.reversedInBatch.has(paymentId)) return true;
  const { rowCount } = await ctx.client.query(`SELECT 1 FROM payments WHERE company_id = $1 AND reverses_payment_id = $2`, [ctx.device.companyId, paymentId]);
  return (rowCount ?? 0) > 0;
}

/** The bill money rule; true when the incoming bill row may replace the central one. */
async function billChangeAllowed(ctx: ApplyContext, e: SyncEvent, hallId: string): Promise<boolean> {
  const current = await currentRow(ctx, 'bills', e.rowId);
  const { rows: claims } = await ctx.client.query<{ payment_id: string }>(
    `SELECT payment_id FROM bill_claims WHERE company_id = $1 AND bill_id = $2`,
    [ctx.device.companyId, e.rowId],
  );
  const heldBy = claims[0]?.payment_id ?? (current && current['status'] === '收讫' ? str(current['paid_payment_id']) : null);
  if (!current || !heldBy) return true;
  const incomingPayment = str(e.row['paid_payment_id']);
  if (e.row['status'] === '收讫' && incomingPayment === heldBy) return true;
  if (await isReversed(ctx, heldBy)) return true;
  await feedCentral(ctx, 'bills', e.rowId, current);
  if (e.row['status'] === '收讫' && incomingPayment) {
    // Paid twice: the payment_items of incomingPayment raise the double_payment credit (claimBill).
    return false;
  }
  await flag(ctx, {
    kind: 'refused_change',
    dedupeKey: `refused_change:bills:${e.rowId}:${ctx.device.deviceId}:${e.seq}`,
    hallId,
    counterId: ctx.device.counterId,
    table: 'bills',
    rowId: e.rowId,
    accountId: str(e.row['account_id']),
    billId: e.rowId,
    otherPaymentId: heldBy,
    businessDate: e.businessDate ?? null,
    detail: `账单 ${e.rowId} 已由缴费 ${heldBy} 收讫，本柜台将其改为“${String(e.row['status'])}”的变更被拒绝，以中心记录为准`,
  });
  return false;
}

async function projectPayment(ctx: ApplyContext, e: SyncEvent, hallId: string): Promise<void> {
  const r = e.row;
  const reverses = str(r['reverses_payment_id']);
  await ctx.client.query(
    `INSERT INTO payments (company_id, id, device_id, hall_id, counter_id, account_id, business_date, method, charge_type,
       gas_fen, late_fee_fen, fee_fen, total_fen, reverses_payment_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (company_id, id) DO NOTHING`,
    [
      ctx.device.companyId, e.rowId, ctx.device.deviceId, hallId, str(r['counter_id']) ?? ctx.device.counterId,
      str(r['account_id']) ?? '', str(r['business_date']) ?? e.businessDate ?? '', str(r['method']) ?? '',
      str(r['charge_type']) ?? '燃气费', int(r['gas_fen']), int(r['late_fee_fen']), int(r['fee_fen']), int(r['total_fen']), reverses,
    ],
  );
  if (reverses) {
    // 冲正: the reversed payment no longer holds its bills.
    await ctx.client.query(`DELETE FROM bill_claims WHERE company_id = $1 AND payment_id = $2`, [ctx.device.companyId, reverses]);
  }
}

async function claimBill(ctx: ApplyContext, e: SyncEvent, hallId: string): Promise<void> {
  const billId = str(e.row['bill_id']);
  const paymentId = str(e.row['payment_id']);
  if (!billId || !paymentId) return;
  const { rows: paid } = await ctx.client.query<{ account_id: string; reverses_payment_id: string | null; business_date: string; counter_id: string }>(
    `SELECT account_id, reverses_payment_id, business_date, counter_id FROM payments WHERE company_id = $1 AND id = $2`,
    [ctx.device.companyId, paymentId],
  );
  const payment = paid[0];
  if (payment?.reverses_payment_id) return; // a 冲正's negated items pay nothing
  const claimed = await ctx.client.query(
    `INSERT INTO bill_claims (company_id, bill_id, payment_id, device_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [ctx.device.companyId, billId, paymentId, ctx.device.deviceId],
  );
  if ((claimed.rowCount ?? 0) > 0) return;
  const { rows: holders } = await ctx.client.query<{ payment_id: string }>(
    `SELECT payment_id FROM bill_claims WHERE company_id = $1 AND bill_id = $2`,
    [ctx.device.companyId, billId],
  );
  const holder = holders[0]?.payment_id;
  if (!holder || holder === paymentId) return;
  const amountFen = int(e.row['gas_fen']) + int(e.row['late_fee_fen']);
  await flag(ctx, {
    kind: 'double_payment',
    dedupeKey: `double_payment:${billId}:${paymentId}`,
    hallId,
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

async function lockBusinessKey(ctx: ApplyContext, accountId: string, type: string): Promise<void> {
  await ctx.client.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 14))`, [`${ctx.device.companyId}|business|${accountId}|${type}`]);
}

/** Before the business row is stored: an open one of the same type for the account elsewhere flags this one. */
async function checkDuplicateBusiness(ctx: ApplyContext, e: SyncEvent, hallId: string): Promise<void> {
  const accountId = str(e.row['account_id']);
  const type = str(e.row['type']);
  if (e.op !== 'insert' || !accountId || !type || !OPEN_BUSINESS_STATES.has(String(e.row['state']))) return;
  await lockBusinessKey(ctx, accountId, type);
  const { rows } = await ctx.client.query<{ row_key: string }>(
    `SELECT row_key FROM rows
      WHERE company_id = $1 AND table_name = 'businesses' AND row->>'account_id' = $2 AND row->>'type' = $3
        AND row_key <> $4 AND row->>'state' = ANY($5::text[])
      ORDER BY updated_at LIMIT 1`,
    [ctx.device.companyId, accountId, type, e.rowId, [...OPEN_BUSINESS_STATES]],
  );
  const first = rows[0];
  if (!first) return;
  await flag(ctx, {
    kind: 'duplicate_business',
    dedupeKey: `duplicate_business:${e.rowId}`,
    hallId,
    counterId: ctx.device.counterId,
    table: 'businesses',
    rowId: e.rowId,
    otherRowId: first.row_key,
    accountId,
    businessDate: e.businessDate ?? null,
    detail: `用户 ${accountId} 的“${type}”业务已在其他柜台受理（${first.row_key}），本业务 ${str(e.row['business_no']) ?? e.rowId} 为重复受理，请核实后作废其一`,
  });
}

/** Applies one event (already stored in events) to rows, the money projection and the feed. */
export async function applyEvent(ctx: ApplyContext, e: SyncEvent): Promise<void> {
  const hallId = e.hallId ?? ctx.device.hallId;
  const rowJson = JSON.stringify(e.row);
  if (isUpstreamOnlyTable(e.table)) {
    await upsertRow(ctx, e.table, `${ctx.device.deviceId}/${e.rowId}`, hallId, rowJson);
    return;
  }
  if (isMasterTable(e.table)) {
    if (e.table === 'bills' && !(await billChangeAllowed(ctx, e, hallId))) return;
    if (e.table === 'businesses') await checkDuplicateBusiness(ctx, e, hallId);
    if (await upsertRow(ctx, e.table, e.rowId, null, rowJson)) {
      await appendFeed(ctx.client, { companyId: ctx.device.companyId, hallId: null, table: e.table, op: e.op, rowId: e.rowId, rowJson, originDeviceId: ctx.device.deviceId });
    }
    return;
  }
  const changed = await upsertRow(ctx, e.table, e.rowId, hallId, rowJson);
  if (e.table === 'payments') await projectPayment(ctx, e, hallId);
  if (e.table === 'payment_items') await claimBill(ctx, e, hallId);
  if (changed) {
    await appendFeed(ctx.client, { companyId: ctx.device.companyId, hallId, table: e.table, op: e.op, rowId: e.rowId, rowJson, originDeviceId: ctx.device.deviceId });
  }
}
