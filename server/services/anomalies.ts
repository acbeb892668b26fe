/**
 * Issue 14: the 异常 list. An anomaly is recorded once (dedupe key), answered in the push that raised it and
 * sent down the feed to its hall (ANOMALY_FEED_TABLE, origin null so the raising counter gets it too).
 */
import { randomUUID } from 'node:crypto';
import { ANOMALY_FEED_TABLE, type Anomaly, type AnomalyKind, type ResolveAnomalyRequest } from '../protocol/index.js';
import type { Client, Pool } from '../db/pool.js';
import { badRequest, forbidden, notFound } from '../http/errors.js';
import { appendFeed } from './feed-write.js';

export interface NewAnomaly {
  kind: AnomalyKind;
  dedupeKey: string;
  companyId: string;
  hallId: string;
  deviceId: string;
  counterId?: string | null;
  table?: string | null;
  rowId?: string | null;
  otherRowId?: string | null;
  accountId?: string | null;
  billId?: string | null;
  paymentId?: string | null;
  otherPaymentId?: string | null;
  amountFen?: number | null;
  businessDate?: string | null;
  detail: string;
}

const COLUMNS = `id, kind, company_id, hall_id, device_id, counter_id, table_name, row_id, other_row_id, account_id, bill_id,
  payment_id, other_payment_id, amount_fen, business_date, detail, created_at, resolution, resolved_at, resolved_by, note`;

interface AnomalyRow {
  id: string; kind: AnomalyKind; company_id: string; hall_id: string; device_id: string; counter_id: string | null;
  table_name: string | null; row_id: string | null; other_row_id: string | null; account_id: string | null;
  bill_id: string | null; payment_id: string | null; other_payment_id: string | null; amount_fen: number | null;
  business_date: string | null; detail: string; created_at: string; resolution: Anomaly['resolution'];
  resolved_at: string | null; resolved_by: string | null; note: string | null;
}

function toWire(r: AnomalyRow): Anomaly {
  return {
    id: r.id, kind: r.kind, companyId: r.company_id, hallId: r.hall_id, deviceId: r.device_id, counterId: r.counter_id,
    table: r.table_name, rowId: r.row_id, otherRowId: r.other_row_id, accountId: r.account_id, billId: r.bill_id,
    paymentId: r.payment_id, otherPaymentId: r.other_payment_id, amountFen: r.amount_fen, businessDate: r.business_date,
    detail: r.detail, createdAt: r.created_at, resolution: r.resolution, resolvedAt: r.resolved_at, resolvedBy: r.resolved_by, note: r.note,
  };
}

/** Records the anomaly unless the same one exists; returns it when new (and then feeds it to the hall). */
export async function recordAnomaly(client: Client, a: NewAnomaly): Promise<Anomaly | null> {
  const { rows } = await client.query<AnomalyRow>(
    `INSERT INTO anomalies (id, dedupe_key, kind, company_id, hall_id, device_id, counter_id, table_name, row_id, other_row_id,
       account_id, bill_id, payment_id, other_payment_id, amount_fen, business_date, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
     ON CONFLICT (company_id, dedupe_key) DO NOTHING RETURNING ${COLUMNS}`,
    [
      randomUUID(), a.dedupeKey, a.kind, a.companyId, a.hallId, a.deviceId, a.counterId ?? null, a.table ?? null, a.rowId ?? null,
      a.otherRowId ?? null, a.accountId ?? null, a.billId ?? null, a.paymentId ?? null, a.otherPaymentId ?? null,
      a.amountFen ?? null, a.businessDate ?? null, a.detail,
    ],
  );
  const row = rows[0];
  if (!row) return null;
  const wire = toWire(row);
  await feedAnomaly(client, wire, 'insert');
  return wire;
}

async function feedAnomaly(client: Client, wire: Anomaly, op: 'insert' | 'update'): Promise<void> {
  await appendFeed(client, {
    companyId: wire.companyId, hallId: wire.hallId, table: ANOMALY_FEED_TABLE, op, rowId: wire.id,
    rowJson: JSON.stringify(wire), originDeviceId: null,
  });
}

export async function listAnomalies(pool: Pool, companyId: string | null, hallId: string | null, openOnly: boolean): Promise<Anomaly[]> {
  const { rows } = await pool.query<AnomalyRow>(
    `SELECT ${COLUMNS} FROM anomalies
      WHERE ($1::text IS NULL OR company_id = $1) AND ($2::text IS NULL OR hall_id = $2) AND (NOT $3 OR resolution IS NULL)
      ORDER BY created_at, id LIMIT 5000`,
    [companyId, hallId, openOnly],
  );
  return rows.map(toWire);
}

/** The hall manager's decision; the first decision stands (a second answers the anomaly unchanged). */
export async function resolveAnomaly(
  client: Client,
  id: string,
  scope: { companyId: string; hallId: string } | null,
  input: ResolveAnomalyRequest,
): Promise<Anomaly> {
  const { rows } = await client.query<AnomalyRow>(`SELECT ${COLUMNS} FROM anomalies WHERE id = $1 FOR UPDATE`, [id]);
  const current = rows[0];
  if (!current) throw notFound('没有这条异常');
  if (scope && (scope.companyId !== current.company_id || scope.hallId !== current.hall_id)) throw forbidden('只能处理本营业厅的异常');
  if (current.resolution !== null) return toWire(current);
  const money = current.kind === 'double_payment';
  if (money !== (input.resolution !== 'acknowledged')) {
    throw badRequest(money ? '重复缴费须选择退款或留作预存' : '此类异常只能确认（acknowledged）', 'resolution');
  }
  const updated = await client.query<AnomalyRow>(
    `UPDATE anomalies SET resolution = $2, resolved_at = now(), resolved_by = $3, note = $4 WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, input.resolution, input.resolvedBy, input.note ?? null],
  );
  const wire = toWire(updated.rows[0]!);
  await feedAnomaly(client, wire, 'update');
  return wire;
}
