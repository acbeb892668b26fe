/**
 * Issue 14: one push = one PostgreSQL transaction. The device row is locked (two pushes of one device never
 * interleave; a revocation waits for, or wins over, a push in flight), duplicates at or below the stored ackSeq
 * change nothing (their content is compared: another content is a seq_reuse anomaly), the contiguous events
 * after it are stored and applied in seq order, a gap stops the batch, and the audit head is anchored.
 */
import { isLocalTable, type Anomaly, type PushRequest, type PushResponse, type PushState, type SyncEvent } from '../protocol/index.js';
import { inTransaction, type Client, type Pool } from '../db/pool.js';
import { badRequest, forbidden } from '../http/errors.js';
import { anchorAuditHead, latestAnchor } from './audit-anchor.js';
import { recordAnomaly } from './anomalies.js';
import { lockDevice, type Device } from './devices.js';
import { sha256Hex } from './credentials.js';
import { applyEvents, type ApplyContext } from './project.js';
import { validatePaymentRows } from './row-checks.js';

/** JSON with sorted keys: the same event sent twice hashes the same whatever its key order. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

export function eventHash(e: SyncEvent): string {
  return sha256Hex(canonical({ table: e.table, op: e.op, rowId: e.rowId, row: e.row, at: e.at, hallId: e.hallId ?? null, businessDate: e.businessDate ?? null, base: e.base ?? null }));
}

/** Checks that refuse the whole batch (400/403) before anything is written. */
function checkBatch(device: Device, events: SyncEvent[]): void {
  const seen = new Map<number, string>();
  events.forEach((e, i) => {
    if (isLocalTable(e.table)) throw badRequest(`表 ${e.table} 只保存在本机，不能上传`, `events.${i}.table`);
    if (e.hallId !== undefined && e.hallId !== device.hallId) throw forbidden('设备只能上传本营业厅的记录', `events.${i}.hallId`);
    const hash = eventHash(e);
    const before = seen.get(e.seq);
    if (before !== undefined && before !== hash) throw badRequest(`同一批次中序号 ${e.seq} 出现两次且内容不同`, `events.${i}.seq`);
    seen.set(e.seq, hash);
  });
  validatePaymentRows(events);
}

async function storeEvents(client: Client, device: Device, events: SyncEvent[]): Promise<void> {
  if (events.length === 0) return;
  await client.query(
    `INSERT INTO events (device_id, seq, company_id, hall_id, table_name, op, row_id, row, at, business_date, payload_hash)
     SELECT $1, u.seq, $2, u.hall_id, u.table_name, u.op, u.row_id, u.row::jsonb, u.at, u.business_date, u.payload_hash
       FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
         AS u(seq, hall_id, table_name, op, row_id, row, at, business_date, payload_hash)`,
    [
      device.deviceId,
      device.companyId,
      events.map((e) => e.seq),
      events.map((e) => e.hallId ?? device.hallId),
      events.map((e) => e.table),
      events.map((e) => e.op),
      events.map((e) => e.rowId),
      events.map((e) => JSON.stringify(e.row)),
      events.map((e) => e.at),
      events.map((e) => e.businessDate ?? null),
      events.map(eventHash),
    ],
  );
}

/** Duplicates: identical content changes nothing; other content under a stored seq is a restored or re-numbered outbox. */
async function checkDuplicates(client: Client, device: Device, duplicates: SyncEvent[], conflicts: Anomaly[]): Promise<void> {
  if (duplicates.length === 0) return;
  const { rows } = await client.query<{ seq: number; payload_hash: string }>(
    `SELECT seq, payload_hash FROM events WHERE device_id = $1 AND seq = ANY($2::bigint[])`,
    [device.deviceId, duplicates.map((e) => e.seq)],
  );
  const stored = new Map(rows.map((r) => [r.seq, r.payload_hash]));
  for (const e of duplicates) {
    const hash = stored.get(e.seq);
    if (hash === undefined || hash === eventHash(e)) continue;
    const anomaly = await recordAnomaly(client, {
      kind: 'seq_reuse',
      dedupeKey: `seq_reuse:${device.deviceId}:${e.seq}:${eventHash(e)}`,
      companyId: device.companyId,
      hallId: device.hallId,
      deviceId: device.deviceId,
      counterId: device.counterId,
      table: e.table,
      rowId: e.rowId,
      businessDate: e.businessDate ?? null,
      detail: `柜台上传的第 ${e.seq} 号记录与中心已保存的同号记录内容不同（可能恢复了旧备份或重新编号），中心保留原记录，请核查此柜台`,
    });
    if (anomaly) conflicts.push(anomaly);
  }
}

export async function push(pool: Pool, device: Device, request: PushRequest): Promise<PushResponse> {
  const events = [...request.events].sort((a, b) => a.seq - b.seq);
  checkBatch(device, events);
  return inTransaction(pool, async (client) => {
    const { ackSeq } = await lockDevice(client, device.deviceId);
    const conflicts: Anomaly[] = [];
    await checkDuplicates(client, device, events.filter((e) => e.seq <= ackSeq), conflicts);
    const reusedSeqs = conflicts.length;
    const fresh: SyncEvent[] = [];
    let next = ackSeq + 1;
    for (const e of events) {
      if (e.seq < next) continue; // at or below the ack, or repeated in this batch
      if (e.seq > next) break; // a gap: nothing past it is stored
      fresh.push(e);
      next++;
    }
    await storeEvents(client, device, fresh);
    const ctx: ApplyContext = { client, device, conflicts };
    await applyEvents(ctx, fresh);
    const newAck = next - 1;
    await client.query(`UPDATE devices SET ack_seq = $2, last_seen_at = now() WHERE id = $1`, [device.deviceId, newAck]);
    // A late duplicate of a batch already stored (a network replay: every event at or below the ack and equal to
    // what is stored) carries the older head of its own time: anchoring it would report a false rollback. A batch
    // with new events, or one that reuses stored seqs with other content (a restored store), is anchored.
    const pureReplay = events.length > 0 && fresh.length === 0 && reusedSeqs === 0;
    if (request.auditHead && !pureReplay) await anchorAuditHead(ctx, request.auditHead);
    return { ackSeq: newAck, conflicts };
  });
}

export async function pushState(pool: Pool, device: Device): Promise<PushState> {
  const { rows } = await pool.query<{ ack_seq: number }>(`SELECT ack_seq FROM devices WHERE id = $1`, [device.deviceId]);
  return { ackSeq: rows[0]?.ack_seq ?? 0, auditHead: await latestAnchor(pool, device.deviceId) };
}
